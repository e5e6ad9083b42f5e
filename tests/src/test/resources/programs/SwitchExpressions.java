package programs;

import static dev.stackless.Keywords.*;
import static dev.stackless.tests.diff.Trace.*;

import dev.stackless.Async;

public class SwitchExpressions {
  enum Size { S, M, L }

  @Async
  static int value(int v) {
    suspend(PARK);
    return log(v);
  }

  @Async
  static String name(Size size) {
    return switch (size) {
      case S -> "small";
      case M -> "medium" + value(2);
      case L -> throw new IllegalArgumentException("too large");
    };
  }

  @Async
  public static Object run() {
    int total = 0;
    for (int k = 0; k < 4; k++) {
      int v = switch (value(k)) {
        case 0 -> 10;
        case 1, 2 -> value(20 + k);
        default -> log(-1);
      };
      total += v;
    }
    log(name(Size.S) + name(Size.M));
    try {
      name(Size.L);
    } catch (IllegalArgumentException e) {
      log(e.getMessage());
    }
    return total;
  }
}
