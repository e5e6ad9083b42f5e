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

  @Async
  public static Object run() {
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
