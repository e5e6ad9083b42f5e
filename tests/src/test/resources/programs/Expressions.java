package programs;

import static dev.stackless.Keywords.*;
import static dev.stackless.tests.diff.Trace.*;

import dev.stackless.Async;
import java.util.*;
import java.util.function.*;

public class Expressions {
  static int field = 10;
  int count;

  @Async
  static int value(int v) {
    suspend(PARK);
    return log(v);
  }

  @Async
  static boolean truth(boolean b) {
    suspend(PARK);
    return log(b);
  }

  @Async
  static String text(String s) {
    suspend(PARK);
    return s;
  }

  static int note(int v) {
    return log(v);
  }

  static int sum(int a, int b, int c) {
    return a + b + c;
  }

  @Async
  int bump() {
    suspend(PARK);
    return ++count;
  }

  static Integer none() {
    return null;
  }

  /**
   * A null box as an operand Java unboxes: the NullPointerException comes before the operand
   * after it runs (its suspension point and log), as in Java.
   */
  @Async
  static String unboxesFirst() {
    Integer n = none();
    Long big = null;
    int[] a = {0};
    Integer[] boxes = {null, 1};
    Integer[][] grid = {{null}};
    String[] tried = {"n - v", "n + v", "n < v", "big * v", "n -= v", "n += v", "max(n, v)",
        "a[n] = v", "(n - 1) * v", "value(n + v)", "boxes[0] += v", "grid[0][0] *= v",
        "boxes[1] += v"};
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < tried.length; i++) {
      try {
        switch (i) {
          case 0: log(n - value(i)); break;
          case 1: log(n + value(i)); break;
          case 2: log(n < value(i)); break;
          case 3: log(big * value(i)); break;
          case 4: n -= value(i); break;
          case 5: n += value(i); break;
          case 6: log(Math.max(n, value(i))); break;
          case 7: a[n] = value(i); break;
          case 8: log((n - 1) * value(i)); break;
          case 9: log(value(n + value(i))); break;
          case 10: boxes[0] += value(i); break;
          case 11: grid[0][0] *= value(i); break;
          default: boxes[1] += value(i); log(boxes[1]); break;
        }
      } catch (NullPointerException e) {
        out.append(tried[i]).append(" threw; ");
      }
    }
    String s = null;
    out.append(s + value(99)); // a string concatenation: null is "null", nothing is unboxed
    return out.toString();
  }

  /** Nested array initializers with suspension points, with and without new. */
  @Async
  static String nestedArrays() {
    int[][] m = new int[][] {{value(1)}, {2, value(3)}};
    String[][] s = {{log("a")}, {"b" + value(4)}};
    long[][][] cube = {{{note(5)}, {value(6)}}};
    Object[] mixed = new Object[] {new int[] {value(7)}, "c", new String[][] {{text("d")}}};
    return m[1][1] + s[1][0] + cube[0][1][0] + java.util.Arrays.deepToString(mixed);
  }

  @Async
  public static Object run() {
    log(unboxesFirst());
    log(nestedArrays());
    int a = note(1) + value(2) * note(3);
    log("a=" + a);
    int b = sum(note(4), value(5), note(6));
    log("b=" + b);
    long widened = value(7) + 1L;
    String s = "x" + value(8) + text("y") + note(9);
    log(s);
    if (note(0) == 0 && truth(false)) log("never");
    if (note(1) == 0 && truth(true)) log("never either");
    if (truth(true) || truth(false)) log("or");
    int[] arr = {1, 2, 3};
    int i = 0;
    arr[i++] += value(10);
    log(Arrays.toString(arr) + i);
    field += value(5);
    field -= note(1) + value(1);
    log(field);
    StringBuilder sb = new StringBuilder();
    sb.append(value(11)).append(text("z")).append(value(12));
    log(sb);
    log(text("len").length() + value(1));
    Expressions e = new Expressions();
    int twice = e.bump() + e.bump();
    log(twice + "/" + e.count);
    byte small = 100;
    small += value(100);
    log(small);
    char c = 'a';
    c += value(2);
    log(c);
    Integer boxed = value(13);
    Object o = (Object) text("cast");
    log(o);
    while (value(1) + note(0) > field) {
      log("loop");
    }
    return value(3) * value(4) + note(5);
  }
}
