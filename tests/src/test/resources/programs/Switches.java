package programs;

import static dev.stackless.Keywords.*;
import static dev.stackless.tests.diff.Trace.*;

import dev.stackless.Async;
import java.util.*;

public class Switches {
  enum Color { RED, GREEN, BLUE }

  @Async
  static int value(int v) {
    suspend(PARK);
    return log(v);
  }

  @Async
  static String text(String s) {
    suspend(PARK);
    return s;
  }

  @Async
  static String describe(int k) {
    String out = "";
    switch (k) {
      case 0:
        out += "zero";
        suspend(PARK);
      case 1:
        out += "one";
        break;
      case 2:
      case 3:
        out += "two-three" + value(k);
        if (k == 3) break;
        out += "!";
      default:
        out += "default";
    }
    return out;
  }

  @Async
  static String colors(Color c) {
    switch (c) {
      case RED -> {
        suspend(PARK);
        return "r";
      }
      case GREEN -> log("g");
      default -> log("other" + value(7));
    }
    return "after " + c;
  }

  /** A local declared in one old-style case, assigned and read in a later one (Java allows it). */
  @Async
  static int caseLocals(int k) {
    int r = 0;
    switch (k) {
      case 1:
        int x = log(value(1));
        r += x;
        break;
      case 2:
        x = 5;
        r += x + value(2);
        x++;
        r += x;
        break;
      default:
        r = -1;
    }
    return r;
  }

  @Async
  public static Object run() {
    log(caseLocals(1) + caseLocals(2) * 100 + caseLocals(3) * 10000);
    StringBuilder sb = new StringBuilder();
    for (int k = 0; k < 5; k++) {
      sb.append(describe(k)).append('|');
    }
    for (Color c : Color.values()) {
      sb.append(colors(c)).append('|');
    }
    switch (text("b")) {
      case "a":
        log("a");
        break;
      case "b":
        log("b");
        suspend(PARK);
        log("b2");
        break;
    }
    outer:
    for (int i = 0; i < 3; i++) {
      switch (value(i)) {
        case 1:
          continue outer;
        case 2:
          break outer;
        default:
          suspend(PARK);
          log("i" + i);
      }
      log("end " + i);
    }
    switch (value(42)) {
      case 1 -> log("one");
      default -> log("no match");
    }
    return sb.toString();
  }
}
