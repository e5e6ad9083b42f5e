package programs;

import static dev.stackless.Keywords.*;
import static dev.stackless.tests.diff.Trace.*;

import dev.stackless.Async;

/** Java 21 labels of a private enum: qualified constants, and case null next to them. */
public class PrivateEnumLabels {
  private enum Level {
    LOW,
    MID,
    HIGH
  }

  static Level level(int i) {
    return log(i < 0 ? null : i == 0 ? Level.LOW : i == 1 ? Level.MID : Level.HIGH);
  }

  @Async
  static int later(int v) {
    suspend(PARK);
    return log(v);
  }

  /** case null, alone and with default, in every kind of switch. */
  @Async
  static String nulls(int i) {
    Level l = level(i);
    suspend(PARK);
    String s = switch (l) {
      case null -> "null";
      case LOW -> "low";
      case MID, HIGH -> {
        suspend(PARK);
        yield "up";
      }
    };
    String t = switch (l) {
      case Level.LOW -> "low";
      case null, default -> "other";
    };
    switch (l) {
      case null:
        s += "N";
        break;
      case MID:
        suspend(PARK);
        s += "M";
      default:
        s += "D";
    }
    String nested = "<" + switch (l) {
      case HIGH -> later(2);
      case null, default -> later(1);
    } + ">";
    return log(s + t + nested);
  }

  @Async
  static String qualified(int i) {
    Level l = level(i);
    suspend(PARK);
    String a = switch (l) {
      case Level.LOW -> "low";
      case Level.MID -> {
        suspend(PARK);
        yield "mid";
      }
      case HIGH -> "high";
    };
    switch (l) {
      case Level.LOW, Level.MID:
        suspend(PARK);
        a += "!";
        break;
      default:
        a += "?";
    }
    return log(a);
  }

  @Async
  public static Object run() {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < 3; i++) {
      out.append(qualified(i));
    }
    for (int i = -1; i < 3; i++) {
      out.append(nulls(i));
    }
    return out.toString();
  }
}
