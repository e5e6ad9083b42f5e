package programs;

import static dev.stackless.Keywords.*;
import static dev.stackless.tests.diff.Trace.*;

import dev.stackless.Async;

/**
 * Java's constant expressions and assignment conversions where the generated code keeps them:
 * locals made of private constants, narrowed and boxed returns, array initializers of a private
 * class.
 */
public class ConstantsAndConversions {
  private static final int PRIVATE = 3;
  static final int PACKAGE = 4;
  private final int privateInstance = 6;
  final int instance = 9;

  private static final class Nested {
    private static final int DEEP = 20;
  }

  @Async
  static int value(int v) {
    suspend(PARK);
    return log(v);
  }

  /** Constant locals made of private, package, instance and nested constants: case labels. */
  @Async
  int labels(int x) {
    final int k = PRIVATE * 2;
    final int j = PACKAGE + 1;
    final int m = privateInstance + 1;
    final int i = instance + 1;
    final int n = Nested.DEEP + 1;
    final String s = "s" + PRIVATE;
    value(x);
    byte b = k; // a constant narrows in an assignment
    char c = n;
    switch (x) {
      case k:
        return log(b);
      case j:
        return log(j);
      case m:
        return log(m);
      case i:
        return log(i + c);
      case n:
        return log(n + s.length());
      default:
        return log(-1);
    }
  }

  @Async
  static Byte asByte(int k) {
    value(k);
    return 7;
  }

  @Async
  static Short asShort(int k) {
    return switch (k) {
      case 0 -> 300;
      default -> {
        value(k);
        yield 301;
      }
    };
  }

  @Async
  static Character asCharacter(boolean f) {
    value(1);
    return f ? 65 : 'b';
  }

  @Async
  static Character passed(Character c) {
    value(2);
    return c;
  }

  private static final class Hidden {
    final int v;

    Hidden(int v) {
      this.v = v;
    }
  }

  /** Array initializers without new, of a private class and nested. */
  @Async
  static int hiddenArrays(int a) {
    Hidden[] hs = {new Hidden(a), new Hidden(value(2))};
    Hidden[][] nested = {hs, {}};
    int[] plain = {value(3)};
    value(4);
    return hs[0].v + hs[1].v * 10 + nested[0].length * 100 + nested[1].length + plain[0] * 1000;
  }

  @Async
  public static Object run() {
    ConstantsAndConversions o = new ConstantsAndConversions();
    for (int x : new int[] {6, 5, 7, 10, 21, 0}) {
      log(o.labels(x));
    }
    log(asByte(1) + " " + asShort(0) + " " + asShort(1) + " " + asCharacter(true) + " "
        + asCharacter(false) + " " + passed(null) + " " + passed('z'));
    return hiddenArrays(1);
  }
}
