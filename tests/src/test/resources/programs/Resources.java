package programs;

import static dev.stackless.Keywords.*;
import static dev.stackless.tests.diff.Trace.*;

import dev.stackless.Async;
import java.util.*;

public class Resources {
  static final class Res implements AutoCloseable {
    final String name;
    final boolean failOnClose;

    Res(String name, boolean failOnClose) {
      this.name = log(name);
      this.failOnClose = failOnClose;
    }

    @Override
    public void close() {
      log("close " + name);
      if (failOnClose) throw new IllegalStateException("close " + name);
    }
  }

  @Async
  static int value(int v) {
    suspend(PARK);
    return log(v);
  }

  @Async
  static List<Integer> numbers(int n) {
    suspend(PARK);
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < n; i++) out.add(i * i);
    return out;
  }

  @Async
  static String closing(boolean failBody) {
    try (Res a = new Res("a", false); Res b = new Res("b", true)) {
      suspend(PARK);
      if (failBody) throw new IllegalArgumentException("body");
      log("body done");
    } catch (IllegalArgumentException e) {
      log("caught " + e.getMessage() + " suppressed " + e.getSuppressed().length + " "
          + e.getSuppressed()[0].getMessage());
      return "handled";
    } catch (IllegalStateException e) {
      log("caught close " + e.getMessage());
    } finally {
      log("finally");
    }
    return "done";
  }

  /** A resource's initializer binds a pattern variable that a suspending operand after it reads. */
  @Async
  static String patternInResource(Object o) {
    try (Res r = new Res(o instanceof Integer n && value(n) > 2 ? "big" + n : "small", false)) {
      suspend(PARK);
      return r.name;
    }
  }

  @Async
  public static Object run() {
    log(patternInResource(5) + patternInResource(1) + patternInResource("x"));
    log(closing(false));
    log(closing(true));
    Res outside = new Res("outside", false);
    try (outside) {
      value(1);
    }
    Res later = new Res("later", true);
    value(2);
    try (later; outside) { // locals that live across a suspension, with none inside
      log("plain body");
    } catch (IllegalStateException e) {
      log("caught " + e.getMessage());
    }
    try (later; Res inner = new Res("inner" + value(5), false)) { // a variable, then a suspension
      log("with inner " + inner.name);
    } catch (IllegalStateException e) {
      log("caught again " + e.getMessage());
    }
    int sum = 0;
    for (int i = 0; i < 10; i += value(3)) {
      sum += i;
    }
    log("sum " + sum);
    for (int x : numbers(value(4))) {
      suspend(PARK);
      log("x" + x);
    }
    return sum;
  }
}
