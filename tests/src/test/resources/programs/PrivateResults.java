package programs;

import static dev.stackless.Keywords.*;
import static dev.stackless.tests.diff.Trace.*;

import dev.stackless.Async;

/**
 * @Async methods whose result is a private class: their frames hold it as its stand-in, and
 * callers in bodies use it as the class (members, instanceof, null, var, overrides).
 */
public class PrivateResults {
  private static final class Receipt {
    final int amount;

    Receipt(int amount) {
      this.amount = log(amount);
    }

    int twice() {
      return amount * 2;
    }

    @Override
    public String toString() {
      return "Receipt(" + amount + ")";
    }
  }

  private record Point(int x, int y) {}

  private static final class Refused extends Exception {
    Refused(String message) {
      super(message);
    }
  }

  final int base;

  PrivateResults(int base) {
    this.base = base;
  }

  @Async
  static Receipt receipt(int amount) {
    suspend(PARK);
    return amount < 0 ? null : new Receipt(amount);
  }

  @Async
  private static Point point(int x) {
    suspend(PARK);
    return new Point(x, log(x + 1));
  }

  /** A private exception as a thrown type, caught in a body that awaits it. */
  @Async
  static int checked(int n) throws Refused {
    suspend(PARK);
    if (n < 0) {
      throw new Refused("refused " + n);
    }
    return log(n);
  }

  @Async
  static String tries() {
    StringBuilder out = new StringBuilder();
    for (int n : new int[] {1, -2, 3}) {
      try {
        out.append(checked(n));
      } catch (Refused e) {
        out.append('[').append(e.getMessage()).append(']');
      }
    }
    return out.toString();
  }

  /** Overridable: the subclass's override runs, its result the same stand-in. */
  @Async
  Receipt copy(Receipt r) {
    suspend(PARK);
    return new Receipt(r.amount + base);
  }

  static final class Doubling extends PrivateResults {
    Doubling() {
      super(100);
    }

    @Async
    @Override
    Receipt copy(Receipt r) {
      suspend(PARK);
      return new Receipt(r.amount * 2);
    }
  }

  @Async
  public static Object run() {
    Receipt r = receipt(3);
    Point p = point(4);
    var q = point(5);
    int sum = receipt(1).twice() + point(2).y();
    Object none = receipt(-1);
    boolean is = receipt(7) instanceof Receipt;
    Receipt copied = new PrivateResults(10).copy(r);
    PrivateResults doubling = new Doubling();
    Receipt doubled = doubling.copy(copied);
    String s = r.twice() + " " + p + " " + q.x() + " " + sum + " " + none + " " + is;
    return s + " " + copied + " " + doubled + " " + (point(6).equals(new Point(6, 7))) + " "
        + tries();
  }
}
