package programs;

import static dev.stackless.Keywords.*;
import static dev.stackless.tests.diff.Trace.*;

import dev.stackless.Async;
import java.util.function.IntSupplier;

/**
 * Constant variables ({@code final int K = 3;}) that live across suspension points stay
 * constants: case labels, narrowing to byte, the type of a conditional, folded strings.
 */
public class ConstantLocals {
  static final int LIMIT = 40;

  @Async
  static int value(int v) {
    suspend(PARK);
    return log(v);
  }

  static String type(int x) {
    return "int";
  }

  static String type(char x) {
    return "char";
  }

  @Async
  static String labels(int k) {
    final int ONE = 1;
    final int TWO = ONE + 1;
    final String NAME = "n" + TWO;
    switch (value(k)) {
      case ONE:
        return "one";
      case TWO:
        return NAME;
      case LIMIT / 2:
        return "limit";
      default:
        return "other " + (value(k) + TWO);
    }
  }

  @Async
  static String conversions() {
    final int c = 5;
    final char q = 'q';
    final String a = "a";
    value(0);
    byte b = c;
    char ch = 'x';
    short s = (short) (c * 1000);
    String folded = a + "b";
    return type(true ? ch : c) + " " + b + " " + s + " " + (folded == "ab") + " "
        + type(false ? q : c) + " " + (q + c);
  }

  /** The same name in sibling blocks, and a lambda's parameter of that name. */
  @Async
  static int sameNames() {
    int total = 0;
    {
      final int K = 3;
      total += value(K);
      total += K;
    }
    {
      int K = 10;
      total += value(K) + K;
    }
    java.util.function.IntUnaryOperator twice = K -> K * 2;
    final long BIG = 1L << 40;
    value(1);
    IntSupplier lambda = () -> (int) (BIG >> 38);
    return total + twice.applyAsInt(4) + lambda.getAsInt();
  }

  /** Not constants: a division by zero and a non-final local keep Java's run-time meaning. */
  @Async
  static String notConstants(int zero) {
    final int one = 1;
    try {
      final int never = 1 / 0;
      value(never);
      return "unreached";
    } catch (ArithmeticException e) {
      log("divide");
    }
    final int fromCall = value(7);
    value(one + fromCall);
    return "" + one + fromCall;
  }

  /**
   * Constants a local class reads, which the frame may declare as its member: fields again, as
   * are constants that name them; a constant that names a constant of one state.
   */
  @Async
  static int inClasses() {
    final int d = 2;
    final int v = d * 10;
    final int only = 7;
    final int twice = only * 2;
    class Adder {
      int add(int x) {
        return x + d;
      }
    }
    value(1);
    Adder adder = new Adder();
    return adder.add(v) + twice;
  }

  @Async
  public static Object run() {
    log(inClasses());
    log(labels(1) + labels(2) + labels(20) + labels(3));
    log(conversions());
    log(sameNames());
    log(notConstants(0));
    return "done";
  }
}
