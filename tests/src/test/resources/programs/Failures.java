package programs;

import static dev.stackless.Keywords.*;
import static dev.stackless.tests.diff.Trace.*;

import dev.stackless.Async;
import java.util.*;
import java.util.function.*;

public class Failures {
  static class Boom extends Exception {
    Boom(String message) {
      super(message);
    }
  }

  @Async
  static int check(int x) throws Boom {
    suspend(PARK);
    if (x > 2) throw new Boom("too big: " + x);
    return x;
  }

  @Async
  public static Object run() throws Boom {
    int total = 0;
    for (int i = 0; i < 5; i++) {
      int v = check(i);
      total += log(v);
      try {
        if (v == 1) throw new IllegalStateException("plain try");
      } catch (IllegalStateException e) {
        log(e.getMessage());
      } finally {
        log("finally " + v);
      }
    }
    return total;
  }
}
