package dev.stackless.tests;

import static dev.stackless.Keywords.*;

import dev.stackless.Async;

/**
 * Switch expressions whose blocks or old-style cases suspend and {@code yield}, next to their
 * plain twins ({@link SwitchYieldsTest}).
 */
class SwitchYields {

  @Async
  static String blocks(Sched s, int k) {
    String v = switch (k) {
      case 1 -> "one" + Flows.later(s, "one", 1);
      case 2 -> {
        int x = Flows.later(s, "two", 2);
        if (x > k) {
          yield "big";
        }
        yield "two" + x;
      }
      case 3 -> {
        s.log("three");
        yield "three" + Flows.later(s, "three", 3);
      }
      case 6 -> {
        Flows.later(s, "six", 6);
        if (k > 5) yield "more"; else yield "less";
      }
      case 4 -> throw new IllegalArgumentException("four");
      default -> {
        for (int i = 0; ; i++) {
          if (Flows.later(s, "loop", i) == 2) {
            yield "loop" + i;
          }
        }
      }
    };
    return v + "!";
  }

  static String blocksPlain(Sched s, int k) {
    String v = switch (k) {
      case 1 -> "one" + Flows.laterPlain(s, "one", 1);
      case 2 -> {
        int x = Flows.laterPlain(s, "two", 2);
        if (x > k) {
          yield "big";
        }
        yield "two" + x;
      }
      case 3 -> {
        s.log("three");
        yield "three" + Flows.laterPlain(s, "three", 3);
      }
      case 6 -> {
        Flows.laterPlain(s, "six", 6);
        if (k > 5) yield "more"; else yield "less";
      }
      case 4 -> throw new IllegalArgumentException("four");
      default -> {
        for (int i = 0; ; i++) {
          if (Flows.laterPlain(s, "loop", i) == 2) {
            yield "loop" + i;
          }
        }
      }
    };
    return v + "!";
  }

  /** Old-style cases fall through until a yield; the switch is the returned value. */
  @Async
  static int oldStyle(Sched s, String key) {
    return switch (key) {
      case "a":
        s.log("a");
      case "b":
        int b = Flows.later(s, "b", 10);
        yield b + 1;
      case "c":
        yield Flows.later(s, "c", 20) * 2;
      default:
        yield switch (key.length()) {
          case 1 -> 1;
          default -> {
            s.log("nested plain");
            yield key.length();
          }
        };
    };
  }

  static int oldStylePlain(Sched s, String key) {
    return switch (key) {
      case "a":
        s.log("a");
      case "b":
        int b = Flows.laterPlain(s, "b", 10);
        yield b + 1;
      case "c":
        yield Flows.laterPlain(s, "c", 20) * 2;
      default:
        yield switch (key.length()) {
          case 1 -> 1;
          default -> {
            s.log("nested plain");
            yield key.length();
          }
        };
    };
  }
}
