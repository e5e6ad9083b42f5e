package programs;

import static dev.stackless.Keywords.*;
import static dev.stackless.tests.diff.Trace.*;

import dev.stackless.Async;

/**
 * Switch expressions inside larger expressions whose cases suspend in statements: blocks, throws
 * and old-style cases. The state machine runs the switch between the operands before it and the
 * rest of the expression.
 */
public class SwitchBlocksInExpressions {
  enum Size { S, M, L }

  static int counter;

  @Async
  static int value(int v) {
    suspend(PARK);
    return log(v);
  }

  @Async
  static String text(String s) {
    suspend(PARK);
    return log(s);
  }

  /** Operands before the switch, its block, then the operands after it, in Java's order. */
  @Async
  static int ordered(int k) {
    return log(1) + switch (log(k)) {
      case 1 -> {
        int x = value(2);
        log("in block");
        yield x * 3;
      }
      case 2 -> value(5);
      default -> log(7);
    } * log(10);
  }

  @Async
  static String thrown(Size size) {
    return "size " + switch (size) {
      case S -> "small";
      case M -> {
        suspend(PARK);
        yield "medium";
      }
      case L -> throw new IllegalStateException(text("large"));
    } + log("!");
  }

  /** Old-style cases fall through, with suspension points in them. */
  @Async
  static long fallThrough(int k) {
    return log(100L) + switch (k) {
      case 1:
        log("one");
        value(1);
      case 2:
        log("two");
        yield value(2) * 10L;
      default:
        yield -1;
    };
  }

  @Async
  static int argument(String key) {
    return Math.max(log(3), switch (key) {
      case "a" -> {
        int v = value(10);
        yield v + counter++;
      }
      case "b" -> 1;
      default -> {
        suspend(PARK);
        yield key.length();
      }
    });
  }

  /** On the right of {@code &&}: the switch runs only when the left side is true. */
  @Async
  static String condition(int k) {
    if (log(k > 0) && switch (k) {
      case 1 -> {
        suspend(PARK);
        yield true;
      }
      default -> k % 2 == 0;
    }) {
      return "yes";
    }
    return "no";
  }

  /** A switch whose selector suspends, in a loop, its value summed. */
  @Async
  static int looped(int n) {
    int sum = 0;
    for (int i = 0; i < n; i++) {
      sum = sum * 2 + switch (value(i) % 3) {
        case 0 -> {
          int d = value(i * 10);
          yield d;
        }
        case 1 -> i;
        default -> -i;
      };
    }
    return sum;
  }

  /** Spills inside the block, and a switch with a block inside the block's expression. */
  @Async
  static int nested(int k, int j) {
    return log(1000) + switch (k) {
      case 1 -> {
        int inner = log(1) + value(2) * value(3);
        yield inner + 100 * switch (j) {
          case 0 -> {
            suspend(PARK);
            yield value(4) + log(5);
          }
          default -> j;
        };
      }
      default -> value(k);
    };
  }

  /** After a conditional that suspends, both of its paths reach the same switch. */
  @Async
  static int afterConditional(boolean c, int k) {
    return (c ? value(1) : log(2)) + switch (k) {
      case 0 -> {
        suspend(PARK);
        yield 30;
      }
      default -> 40;
    };
  }

  /** A local the block assigns: read before the switch and again after it. */
  @Async
  static String assignsLocal(int k) {
    int x = log(1);
    String s = x + " " + switch (k) {
      case 1 -> {
        x = value(10);
        yield x + 1;
      }
      default -> {
        x = 20;
        suspend(PARK);
        yield 0;
      }
    } + " " + x;
    return s;
  }

  /** An exception from the block goes through the enclosing try, and finally runs. */
  @Async
  static String caught(int k) {
    StringBuilder b = new StringBuilder();
    try {
      b.append(log("a")).append(switch (k) {
        case 1 -> {
          suspend(PARK);
          if (k == 1) {
            throw new IllegalArgumentException(text("bad"));
          }
          yield "never";
        }
        default -> text("fine");
      }).append(log("c"));
    } catch (IllegalArgumentException e) {
      b.append("caught ").append(e.getMessage());
    } finally {
      b.append(" finally");
    }
    return b.toString();
  }

  /** A statement whose value is dropped, and a switch on a string with a try inside its block. */
  @Async
  static int statement(String key) {
    counter += switch (key) {
      case "x" -> {
        try {
          suspend(PARK);
          yield value(5);
        } finally {
          log("block finally");
        }
      }
      default -> 1;
    } + value(100);
    return counter;
  }

  /** The switch's value in an array index and a string concatenation with a char. */
  @Async
  static String indexAndChar(int k) {
    int[] a = {10, 20, 30};
    char c = 'z';
    return "" + a[switch (k) {
      case 0 -> {
        suspend(PARK);
        yield 2;
      }
      default -> 0;
    }] + switch (k) {
      case 0 -> c;
      default -> {
        suspend(PARK);
        yield 'q';
      }
    };
  }

  /** In a loop's condition, evaluated again on each iteration, and in a conditional's branch. */
  @Async
  static String inCondition(int n) {
    int i = 0;
    String r = "";
    while (i < n && switch (i % 3) {
      case 0 -> {
        suspend(PARK);
        yield log(i) < 4;
      }
      default -> true;
    }) {
      r += (i % 2 == 0 ? log("e") : "o" + switch (i) {
        case 1 -> {
          int v = value(i);
          yield v;
        }
        default -> i;
      });
      i++;
    }
    return r + i;
  }

  /** A labelled loop whose condition binds a pattern variable that the switch's block uses. */
  @Async
  static int labelledPattern(Object o) {
    int n = 0;
    outer:
    for (int i = 0; i < 4 && o instanceof Integer p && switch (p % 3) {
      case 0 -> {
        suspend(PARK);
        yield log(p + i) < 12;
      }
      default -> p > i;
    }; i++) {
      n += i;
      if (n > 100) {
        break outer;
      }
    }
    return n;
  }

  /**
   * The switch's value is a block local of a reference type: written, generic or a var, and a
   * null arm beside them.
   */
  @Async
  static String referenceLocals(int k) {
    return "[" + switch (k) {
      case 0 -> {
        StringBuilder b = new StringBuilder(text("sb"));
        yield b;
      }
      case 1 -> {
        var b = new StringBuilder();
        b.append(value(4));
        yield b;
      }
      case 2 -> null;
      default -> new StringBuilder("d");
    } + "|" + switch (k) {
      case 0 -> {
        java.util.List<String> names = java.util.List.of(text("x"), "y");
        yield names.get(1);
      }
      case 1 -> null;
      default -> {
        var word = text("w") + k;
        yield word;
      }
    } + "]";
  }

  /**
   * Standalone switches of narrow types (JLS 5.6's choice context): a char beside an int literal
   * it can hold is a char, 66 prints as B; a byte beside a short is a short; a char beside an int
   * literal it cannot hold is an int.
   */
  @Async
  static String narrow(int k) {
    byte b = 7;
    short s = 300;
    return "" + switch (k) {
      case 0 -> 'a';
      case 1 -> {
        suspend(PARK);
        yield 66;
      }
      default -> (char) (log(k) + 'a');
    } + ',' + (1 + switch (k) {
      case 0 -> b;
      default -> {
        suspend(PARK);
        yield s;
      }
    }) + "," + switch (k) {
      case 0 -> 'z';
      default -> {
        suspend(PARK);
        yield 70000;
      }
    } + "," + switch (k) {
      case 0 -> Character.valueOf('c');
      default -> {
        suspend(PARK);
        yield 'd';
      }
    };
  }

  @Async
  public static Object run() {
    log(narrow(0) + " " + narrow(1) + " " + narrow(2));
    log(ordered(1) + " " + ordered(2) + " " + ordered(3));
    log(thrown(Size.S) + thrown(Size.M));
    try {
      thrown(Size.L);
    } catch (IllegalStateException e) {
      log(e.getMessage());
    }
    log(fallThrough(1) + " " + fallThrough(2) + " " + fallThrough(3));
    log(argument("a") + argument("b") + argument("long key"));
    try {
      argument(null);
    } catch (NullPointerException e) {
      log("npe");
    }
    log(condition(0) + condition(1) + condition(2) + condition(3));
    log(looped(5));
    log(nested(1, 0) + " " + nested(1, 7) + " " + nested(2, 0));
    log(afterConditional(true, 0) + afterConditional(false, 0) + afterConditional(true, 1));
    log(assignsLocal(1) + " / " + assignsLocal(2));
    log(caught(1) + " / " + caught(2));
    log(statement("x") + " " + statement("y"));
    log(indexAndChar(0) + indexAndChar(1));
    log(inCondition(3) + " " + inCondition(8));
    log(labelledPattern(9) + " " + labelledPattern(2) + " " + labelledPattern("x"));
    log(referenceLocals(0) + referenceLocals(1) + referenceLocals(2) + referenceLocals(3));
    return counter;
  }
}
