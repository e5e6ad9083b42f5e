package programs;

import static dev.stackless.Keywords.*;
import static dev.stackless.tests.diff.Trace.*;

import dev.stackless.Async;

/**
 * {@code x op= sp} on locals, where the suspension point is the whole right side: every
 * operator, narrowing compound conversions, a String, a boxed local (unboxed before the call, as
 * Java does), and a right side that assigns the local itself.
 */
public class CompoundLocals {
  @Async
  static int value(int v) {
    suspend(PARK);
    return log(v);
  }

  @Async
  static long wide(long v) {
    suspend(PARK);
    return log(v);
  }

  @Async
  static String text(String s) {
    suspend(PARK);
    return log(s);
  }

  @Async
  static String operators() {
    int x = 100;
    x += value(5);
    x -= value(3);
    x *= value(2);
    x /= value(4);
    x %= value(7);
    x <<= value(3);
    x >>= value(1);
    x >>>= value(1);
    x |= value(64);
    x &= value(0xFF);
    x ^= value(3);
    byte b = 120;
    b += value(10); // narrowing: wraps
    char c = 'a';
    c += value(2);
    short s = 1;
    s *= wide(40000L);
    int i = 7;
    i += wide(1L << 33);
    double d = 1.5;
    d *= value(3);
    String t = "t";
    t += value(1);
    t += text("!");
    t += wide(2);
    return x + " " + b + " " + c + " " + s + " " + i + " " + d + " " + t;
  }

  @Async
  static String assignsItself() {
    int x = 10;
    x += value(x++); // Java reads x (10) first, then x++ runs, then 10 + 10
    int y = 3;
    y *= value(y = 5);
    return x + " " + y;
  }

  @Async
  static String boxed() {
    Integer n = null;
    try {
      n += value(1); // NullPointerException before value(1) runs, as javac unboxes n first
    } catch (NullPointerException e) {
      log("npe");
    }
    Integer m = 4;
    m += value(2);
    return "" + m;
  }

  @Async
  static int divideByZero() {
    int x = 1;
    try {
      x /= value(0);
    } catch (ArithmeticException e) {
      log("arith " + x);
    }
    return x;
  }

  @Async
  public static Object run() {
    log(operators());
    log(assignsItself());
    log(boxed());
    log(divideByZero());
    return "done";
  }
}
