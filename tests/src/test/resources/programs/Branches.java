package programs;

import static dev.stackless.Keywords.*;
import static dev.stackless.tests.diff.Trace.*;

import dev.stackless.Async;
import java.util.*;
import java.util.function.*;

public class Branches {
  static int counter;

  @Async
  static boolean next() {
    suspend(PARK);
    counter++;
    return counter % 3 != 0;
  }

  @Async
  public static Object run() {
    counter = 0;
    String result = "";
    for (int i = 0; i < 7; i++) {
      if (next()) {
        result += "y";
      } else if (i % 2 == 0) {
        suspend(PARK);
        result += "e";
      } else {
        result += "o";
      }
      switch (i % 3) {
        case 0:
          log("zero");
          break;
        case 1:
          log("one");
        default:
          log("fall");
      }
    }
    while (next()) {
      log("w" + counter);
    }
    boolean flag;
    flag = next();
    counter = 100;
    log(flag);
    return result + counter;
  }
}
