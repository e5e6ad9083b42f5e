package programs;

import static dev.stackless.Keywords.*;
import static dev.stackless.tests.diff.Trace.*;

import dev.stackless.Async;
import java.util.List;
import java.util.function.IntUnaryOperator;

/**
 * Locals of one name in blocks that Java keeps apart but one state of the frame holds together:
 * a block that suspends is no block in {@code step()}, so its locals would clash with a later
 * declaration of their name, or hide a field of it.
 */
public class BlockScopes {
  @Async
  static int value(int v) {
    suspend(PARK);
    return log(v);
  }

  /** A block's local, then the method's local of the same name and another type. */
  @Async
  static String sibling() {
    {
      int a = value(1);
      log(a);
    }
    String a = "x" + log(2);
    return a;
  }

  /** The later local lives across a suspension point (a field the block's local would hide). */
  @Async
  static String hidesField() {
    {
      int a = value(3);
      log(a * 2);
    }
    String a = "y";
    value(4);
    return a + log(a.length());
  }

  /** Three blocks, the middle one plain, each with its own {@code a}. */
  @Async
  static int threeBlocks() {
    int sum = 0;
    {
      int a = value(5);
      sum += a;
    }
    {
      int a = 50;
      sum += log(a);
    }
    {
      long a = value(6) * 100L;
      sum += (int) a;
    }
    return sum;
  }

  /** In a branch, a loop body, switch cases and catch blocks. */
  @Async
  static int nested(int n) {
    int total = 0;
    if (n > 0) {
      {
        int k = value(n);
        total += k;
      }
      double k = 0.5 * log(n);
      total += (int) (k * 10);
    }
    for (int i = 0; i < 2; i++) {
      {
        String s = "s" + value(i);
        total += s.length();
      }
      int s = log(i * 7);
      total += s;
    }
    switch (n) {
      case 1: {
        int c = value(10);
        total += c;
      }
      // fall through
      case 2: {
        String c = "cc" + log(n);
        total += c.length();
        break;
      }
      default:
        total -= 1;
    }
    try {
      throw new IllegalStateException("first" + value(11));
    } catch (IllegalStateException e) {
      total += e.getMessage().length();
    }
    try {
      total += value(12) / (n - n);
    } catch (ArithmeticException e) {
      total += log(e.getMessage().length());
    }
    return total;
  }

  /** A lambda's parameter named like a block's local, and the method's local after both. */
  @Async
  static int withLambdas(List<Integer> xs) {
    {
      int x = value(13);
      log(x);
    }
    IntUnaryOperator twice = x -> x * 2;
    int x = twice.applyAsInt(value(14));
    class Tripler {
      int triple(int v) {
        int tripled = v * 3;
        return tripled;
      }
    }
    int sum = 0;
    for (int y : xs) {
      sum += new Tripler().triple(y) + value(y);
    }
    return x + sum;
  }

  /** Constant variables of one name in sibling blocks. */
  @Async
  static int constants() {
    int r = 0;
    {
      final int k = 7;
      r += value(k);
      switch (r) {
        case k:
          r += log(100);
          break;
        default:
          r -= 1;
      }
    }
    {
      final String k = "kk";
      r += value(k.length());
    }
    final int k = 9;
    byte b = k;
    return r + b;
  }

  @Async
  public static Object run() {
    log(sibling());
    log(hidesField());
    log(threeBlocks());
    log(nested(1));
    log(nested(2));
    log(nested(3));
    log(withLambdas(List.of(1, 2)));
    log(constants());
    return "done";
  }
}
