package programs;

import static dev.stackless.Keywords.*;
import static dev.stackless.tests.diff.Trace.*;

import dev.stackless.Async;

public class Conditionals {
  @Async
  static int value(int v) {
    suspend(PARK);
    return log(v);
  }

  @Async
  static String text(String s) {
    suspend(PARK);
    return s;
  }

  @Async
  static int pick(boolean first) {
    return first ? value(1) : value(2) * 10;
  }

  @Async
  static <T> T same(T value) {
    suspend(PARK);
    return value;
  }

  /**
   * A generic method's call is no numeric operand (JLS 15.25: its type before inference is T), so
   * a conditional with a target type is a reference one: no promotion to double, no unboxing of
   * the null. The result of the call in the frame is a generic call's again, so javac decides.
   */
  @Async
  static String referenceConditionals(boolean c) {
    Object promoted = c ? same(Integer.valueOf(5)) : 2.5;
    Object unboxedNot = c ? same((Integer) null) : 0;
    String inExpression = "v" + (c ? same(6) : 1.5); // standalone: javac promotes, as here
    return promoted + " " + unboxedNot + " " + inExpression;
  }

  @Async
  public static Object run() {
    log(referenceConditionals(true) + " " + referenceConditionals(false));
    for (boolean nothing : new boolean[] {false, true}) {
      try {
        int n = nothing ? null : value(8); // an Integer conditional, unboxed: null throws
        log("n " + n);
      } catch (NullPointerException e) {
        log("null unboxed");
      }
    }
    int a = log(true) ? value(3) : 4;
    var b = value(1) > 0 ? 5 : value(6);
    String s = a > b ? text("big") : (a == 3 ? text("three") : "other");
    log(s);
    long widened = a < 0 ? 1L : value(7);
    return pick(true) + pick(false) + a + b + widened;
  }
}
