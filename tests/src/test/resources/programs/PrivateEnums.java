package programs;

import static dev.stackless.Keywords.*;
import static dev.stackless.tests.diff.Trace.*;

import dev.stackless.Async;
import java.util.*;
import java.util.function.*;

/**
 * Private enums of the owner in @Async bodies: switches on them of every kind (plain, lowered,
 * switch expressions, one nested in an expression, a selector that suspends, fall-through), their
 * constants, fields, methods and constant bodies, comparisons, and values held across suspension
 * points.
 */
public class PrivateEnums {
  private enum Color {
    RED,
    GREEN,
    BLUE
  }

  private enum Op {
    ADD("+") {
      @Override
      int apply(int a, int b) {
        return a + b;
      }
    },
    MUL("*") {
      @Override
      int apply(int a, int b) {
        return a * b;
      }
    };

    private final String symbol;

    Op(String symbol) {
      this.symbol = symbol;
    }

    abstract int apply(int a, int b);

    String symbol() {
      return symbol;
    }
  }

  private Color color = Color.RED;

  static int value(int v) {
    return log(v);
  }

  static Color pick(int i) {
    return log(i % 3 == 0 ? Color.RED : i % 3 == 1 ? Color.GREEN : Color.BLUE);
  }

  /** A plain switch, with fall-through, on a field that changes across suspension points. */
  @Async
  String cycle(int n) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < n; i++) {
      suspend(PARK);
      switch (color) {
        case RED:
          color = Color.GREEN;
          break;
        case GREEN:
          out.append("g");
          // fall through
        case BLUE:
          color = color == Color.GREEN ? Color.BLUE : Color.RED;
          break;
        default:
          out.append("?");
      }
      out.append(color.name()).append(color.ordinal());
    }
    return log(out.toString());
  }

  /** Suspension points in the cases, in the selector and after a held value. */
  @Async
  static int lowered(int i) {
    Color c = pick(i);
    int total = 0;
    switch (pick(value(i) + later(1))) {
      case RED:
        suspend(PARK);
        total += 1;
      case GREEN:
        total += log(10);
        break;
      case BLUE:
        suspend(PARK);
        total += 100;
    }
    suspend(PARK);
    switch (c) {
      case RED -> total += log(1000);
      case GREEN -> {
        suspend(PARK);
        total += 2000;
      }
      default -> total += 3000;
    }
    return log(total + c.compareTo(Color.GREEN));
  }

  @Async
  static int later(int v) {
    suspend(PARK);
    return v;
  }

  /** Switch expressions without default, arrows and yield, one nested in an expression. */
  @Async
  static String expressions(int i) {
    Color c = pick(i);
    String a = switch (c) {
      case RED -> "r";
      case GREEN -> {
        suspend(PARK);
        yield "g";
      }
      case BLUE -> "b";
    };
    int b = switch (c) {
      case RED:
        yield 1;
      case GREEN:
      case BLUE:
        suspend(PARK);
        yield 2;
    };
    String plain = switch (c) {
      case RED, GREEN -> "warm";
      case BLUE -> "cold";
    };
    String nested = value(7) + ":" + switch (c) {
      case RED -> later(5);
      case GREEN -> 6;
      case BLUE -> value(8);
    } + ":" + value(9);
    return log(a + b + plain + nested);
  }

  /** Constants with bodies, fields, methods, valueOf, comparisons, a held constant, a lambda. */
  @Async
  static int ops(int a, int b) {
    Op op = Op.valueOf("MUL");
    suspend(PARK);
    int r = op.apply(a, b);
    log(op.symbol() + r + op.name() + op.ordinal());
    Op other = op == Op.MUL ? Op.ADD : Op.MUL;
    IntBinaryOperator f = (x, y) -> other.apply(x, y);
    suspend(PARK);
    r += f.applyAsInt(a, b);
    Supplier<Op> later = () -> Op.ADD;
    switch (later.get()) {
      case ADD:
        r += log(op.compareTo(other));
        break;
      case MUL:
        r -= 1;
        break;
    }
    return log(r);
  }

  /** A null selector throws as Java's switch does. */
  @Async
  static String nullSelector(boolean absent) {
    Color c = absent ? null : Color.BLUE;
    suspend(PARK);
    try {
      switch (c) {
        case BLUE:
          return log("blue");
        default:
          return log("other");
      }
    } catch (NullPointerException e) {
      return log("npe");
    }
  }

  @Async
  public static Object run() {
    PrivateEnums owner = new PrivateEnums();
    log(owner.cycle(value(5)));
    for (int i = 0; i < 3; i++) {
      log(lowered(i));
      log(expressions(i));
    }
    log(ops(value(3), 4));
    log(nullSelector(true));
    log(nullSelector(false));
    return owner.color.name();
  }
}
