package programs;

import static dev.stackless.Keywords.*;
import static dev.stackless.tests.diff.Trace.*;

import dev.stackless.Async;
import java.util.List;

/** Switch expressions inside larger expressions, with suspension points in their cases. */
public class NestedSwitchExpressions {
  enum Size { S, M, L }

  static int counter;

  @Async
  static int value(int v) {
    suspend(PARK);
    return log(v);
  }

  @Async
  static Integer box(Integer v) {
    suspend(PARK);
    return log(v);
  }

  @Async
  static String text(String s) {
    suspend(PARK);
    return log(s);
  }

  /** The arms' types meet as Java says: an int case and a long case make the switch a long. */
  @Async
  static Object promoted(int k) {
    var sum = log(100) + switch (k) {
      case 1 -> value(2);
      case 2 -> 3L << 40;
      default -> log(4);
    } + log(5);
    return sum;
  }

  @Async
  static String concatenated(Size size) {
    return "size " + switch (size) {
      case S -> text("small");
      case M -> {
        String m = log("med");
        yield m + "ium";
      }
      case L -> throw new IllegalStateException("large");
    } + "!";
  }

  @Async
  static int argument(String key) {
    return Math.max(log(1), switch (key) {
      case "a", "b" -> value(10) + value(20);
      case "c" -> counter++;
      default -> -value(7);
    });
  }

  /**
   * A compound assignment of a switch whose blocks suspend: the switch's value (int: every rule
   * gives an int) goes into a field, then score += it.
   */
  @Async
  static String compoundWithBlocks(List<String> words) {
    int score = 0;
    long wide = 1;
    for (String w : words) {
      score += switch (text(w)) {
        case "x" -> 1;
        case "yy" -> value(10);
        default -> {
          int t = value(100 + score);
          yield t * 2;
        }
      };
      wide *= switch (w.length()) {
        case 1 -> {
          log("one");
          yield value(3);
        }
        default -> w.length() + value(0);
      };
    }
    return score + " " + wide;
  }

  @Async
  static int selectorAndCase(int k) {
    return 2 * switch (value(k)) {
      case 0 -> value(counter += 3);
      default -> switch (k) {
        case 1 -> 11;
        default -> value(k * 10) + 1;
      };
    };
  }

  @Async
  static long unboxes(int k) {
    return 1L + switch (k) {
      case 1 -> box(null); // Integer with an int case: the switch is an int, unboxing throws
      default -> box(k);
    };
  }

  @Async
  static boolean condition(int k) {
    if (switch (k) { case 1 -> value(1) > 0; case 2 -> false; default -> value(k) > 2; }) {
      return log(true);
    }
    return log(false);
  }

  @Async
  static Object boxedTarget(int k) {
    Object o = switch (k) {
      case 1 -> value(5);
      case 2 -> text("two");
      default -> null;
    };
    return o;
  }

  @Async
  static List<Object> inList(int k) {
    return List.of(log("first"), switch (k) { case 0 -> text("zero"); default -> value(k); },
        log("last"));
  }

  /** Whole values of a boxed or var target: a case's block may suspend. */
  @Async
  static Object wholeValues(int k) {
    Integer boxed = switch (k) {
      case 1 -> {
        int a = value(1);
        yield a + value(2);
      }
      case 2 -> null;
      default -> box(k);
    };
    var widened = switch (k) {
      case 1 -> value(7);
      default -> 8L;
    };
    Object o;
    o = switch (k) {
      case 2 -> {
        String t = text("t");
        yield t.length();
      }
      default -> k;
    };
    return boxed + " " + widened + " " + o;
  }

  @Async
  public static Object run() {
    log(compoundWithBlocks(List.of("x", "yy", "zzz", "yy")));
    log(wholeValues(1) + " " + wholeValues(2) + " " + wholeValues(3));
    log(promoted(1));
    log(promoted(2));
    log(promoted(3));
    log(concatenated(Size.S));
    log(concatenated(Size.M));
    try {
      concatenated(Size.L);
    } catch (IllegalStateException e) {
      log(e.getMessage());
    }
    log(argument("a") + argument("c") + argument("z"));
    try {
      argument(null);
    } catch (NullPointerException e) {
      log("npe");
    }
    log(selectorAndCase(0) + selectorAndCase(1) + selectorAndCase(2));
    log(unboxes(2));
    try {
      unboxes(1);
    } catch (NullPointerException e) {
      log("unboxed null");
    }
    log(condition(1) + " " + condition(2) + " " + condition(3));
    log(boxedTarget(1) + " " + boxedTarget(2) + " " + boxedTarget(3));
    log(inList(0) + " " + inList(4));
    return counter;
  }
}
