package programs;

import static dev.stackless.Keywords.*;
import static dev.stackless.tests.diff.Trace.*;

import dev.stackless.Async;

/** Bugs an ad hoc random program generator found in the expression spiller, kept small. */
public class Regressions {
  @Async
  static int value(int v) {
    suspend(PARK);
    return log(v);
  }

  static int note(int v) {
    return log(v + 1);
  }

  static int sum3(int x, int y, int z) {
    return x + 10 * y + 100 * z;
  }

  static int counted;

  /** Initialized by the first creation, before its arguments run (its new comes first). */
  static class Initialized {
    static {
      log("Initialized.<clinit>");
    }

    final int v;

    Initialized(int v) {
      this.v = log(v);
    }
  }

  static class InitializedBase {
    static {
      log("InitializedBase.<clinit>");
    }

    InitializedBase(int v) {
      log(v);
    }
  }

  /**
   * Locals named like the first segment of packages the generated code names (dev.stackless, java,
   * this program's package programs): renamed there, so that they hide nothing.
   */
  @Async
  static int shadows(int dev) {
    int java = value(dev);
    int programs = 3;
    counted += java; // written programs.Regressions.counted in the generated class
    String javax = "x" + value(programs) + (java * programs);
    return java + programs + javax.length() + counted;
  }

  /** Names the generated code uses itself ($frame, ownerInitialized, $e, $spill): renamed. */
  @Async
  static int generatedNames(int $frame, int ownerInitialized, int label) {
    int $spill = value($frame) + ownerInitialized;
    int $e = 0;
    try {
      $e = value(label) / ($spill - $spill);
    } catch (ArithmeticException $caught) {
      $e = -value(1);
    }
    return $spill * 10 + $e + label;
  }

  @Async
  int instanceNames(int $overrides, int $this) {
    int $t1 = value($overrides) + $this;
    return $t1 + generatedNames($t1, 2, 3);
  }

  class Inner {
    final int v;

    Inner(int v) {
      this.v = log(v);
    }
  }

  static Regressions make(boolean real) {
    log("make");
    return real ? new Regressions() : null;
  }

  /** A null qualifier of an inner class creation throws before the arguments run (JLS 15.9.4). */
  @Async
  static int qualifiedCreations() {
    Regressions none = null;
    try {
      none.new Inner(value(1));
    } catch (NullPointerException e) {
      log("npe " + e.getMessage());
    }
    try {
      make(false).new Inner(note(value(2)));
    } catch (NullPointerException e) {
      log("npe");
    }
    return make(true).new Inner(value(3)).v + make(true).new Inner(value(4) + note(5)).v;
  }

  /**
   * A chain of 26 calls around a suspension point: typing each receiver once (the reader once
   * took time exponential in the chain's length, minutes for this one).
   */
  @Async
  static String chain() {
    StringBuilder sb = new StringBuilder();
    sb.append(value(0))
        .append(',').append(note(0))
        .append(',').append(note(1))
        .append(',').append(note(2))
        .append(',').append(note(3))
        .append(',').append(note(4))
        .append(',').append(note(5))
        .append(',').append(note(6))
        .append(',').append(note(7))
        .append(',').append(note(8))
        .append(',').append(note(9))
        .append(',').append(note(10))
        .append(',').append(note(11))
        .append(value(1));
    return sb.toString();
  }

  private static int overloaded(int a) {
    return log(a);
  }

  static int overloaded(String s) {
    return log(s.length() * 10);
  }

  /** Private beside package-private overloads of one arity (held-out Z): the arguments tell which. */
  static class MixedAccess {
    final int v;

    private MixedAccess(Integer v) {
      this.v = log(v);
    }

    MixedAccess(String s) {
      this.v = log(s.length() * 100);
    }
  }

  @Async
  static int mixedAccessOverloads() {
    String s = "abc";
    int sum = overloaded("ab") + value(1) + overloaded(s);
    String t = "x" + value(2);
    Integer boxed = value(5);
    return sum + new MixedAccess(t).v + new MixedAccess(boxed).v;
  }

  @Async
  public static Object run() {
    log(mixedAccessOverloads());
    log(new Initialized(value(8)).v);
    log(new InitializedBase(value(9)) {}.getClass().getSuperclass().getSimpleName());
    log(chain());
    log(qualifiedCreations());
    log(new Regressions().instanceNames(4, 5));
    log(shadows(4));
    int a = 1;
    int b = 2;
    int[] arr = {1, 2, 3};
    // parentheses around a suspending operand must survive: (x - y) * z, not x - y * z
    b = ((note(a) - (0 * value(a * a))) * (b * 9)) + value(note(a));
    log(b);
    // an operand that suspends runs to its end before the next operand's suspension point
    b = sum3(sum3(note(1), value(2), note(3)), value(4), note(5));
    log(b);
    // a compound assignment's target is computed once, even when its index suspends
    arr[Math.floorMod(note(value(5)), 3)] += note(b - (b - 4));
    log(arr[0] + "," + arr[1] + "," + arr[2]);
    // only the condition suspends: the branches stay a Java conditional
    b = value(b) % 2 == 0 ? -2 : arr[Math.floorMod(a, 3)];
    // a throw whose exception is built around a suspension point
    try {
      throw new IllegalStateException("boom " + value(7));
    } catch (IllegalStateException e) {
      log(e.getMessage());
    }
    // a compound target qualified by a package-qualified type: the qualifier is not evaluated
    programs.Regressions.counted += value(3);
    programs.Regressions.counted *= note(2) + value(1);
    log(counted);
    return a + ":" + b;
  }
}
