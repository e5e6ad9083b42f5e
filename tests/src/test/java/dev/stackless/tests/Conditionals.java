package dev.stackless.tests;

import static dev.stackless.Keywords.*;

import dev.stackless.Async;
import dev.stackless.Frame;

/**
 * Conditionals {@code ?:} whose branches suspend, inside larger expressions, next to their plain
 * twins ({@link ConditionalsTest}): only the branch Java chooses runs, operands run in Java's
 * order, and the value has the conditional's type (numeric promotion, boxing, the unboxing of a
 * null branch).
 */
class Conditionals {

  static boolean cond(Sched s, boolean c) {
    s.log("cond " + c);
    return c;
  }

  static int note(Sched s, int x) {
    s.log("note " + x);
    return x;
  }

  @Async
  static Integer boxed(Sched s, Integer x) {
    s.log("boxed " + x);
    suspend(self -> s.ready.add(self));
    return x;
  }

  static Integer boxedPlain(Sched s, Integer x) {
    s.log("boxed " + x);
    return x;
  }

  static void use(Sched s, Object value) {
    s.log("use " + value + ":" + value.getClass().getSimpleName());
  }

  @Async
  static String nested(Sched s, boolean c, boolean d) {
    int a = note(s, 1) + (cond(s, c) ? Flows.later(s, "a", 2) : note(s, 3)) * note(s, 4);
    long b = 10 + (c ? Flows.later(s, "b", 5) : Typing.big(s, "b", 6L));
    String t = "t" + (d ? (c ? Flows.later(s, "t", 7) : Flows.later(s, "t", 8)) : note(s, 9))
        + Flows.later(s, "t", 10);
    Object o = c ? boxed(s, 11) : "str";
    int e = (Flows.later(s, "e", c ? 1 : 0) > 0 ? Flows.later(s, "e", 12) : 13)
        + (d ? Flows.later(s, "e", 14) : 15);
    use(s, c ? Flows.later(s, "use", 16) : 17L);
    Frame<Integer> f = FlowsAsync.later(s, "frame", 18);
    Object awaited = d ? await(f) : "no";
    if (!d) {
      await(f);
    }
    return a + " " + b + " " + t + " " + o + " " + e + " " + awaited;
  }

  static String nestedPlain(Sched s, boolean c, boolean d) {
    int a = note(s, 1) + (cond(s, c) ? Flows.laterPlain(s, "a", 2) : note(s, 3)) * note(s, 4);
    long b = 10 + (c ? Flows.laterPlain(s, "b", 5) : Typing.bigPlain(s, "b", 6L));
    String t = "t" + (d ? (c ? Flows.laterPlain(s, "t", 7) : Flows.laterPlain(s, "t", 8))
        : note(s, 9)) + Flows.laterPlain(s, "t", 10);
    Object o = c ? boxedPlain(s, 11) : "str";
    int e = (Flows.laterPlain(s, "e", c ? 1 : 0) > 0 ? Flows.laterPlain(s, "e", 12) : 13)
        + (d ? Flows.laterPlain(s, "e", 14) : 15);
    use(s, c ? Flows.laterPlain(s, "use", 16) : 17L);
    Integer f = Flows.laterPlain(s, "frame", 18);
    Object awaited = d ? f : "no";
    return a + " " + b + " " + t + " " + o + " " + e + " " + awaited;
  }

  /** {@code c ? int : null} is an {@code Integer}; {@code 1 + (c ? null-box : 0)} unboxes it. */
  @Async
  static String unboxing(Sched s, boolean c, Integer maybe) {
    Integer x = c ? Flows.later(s, "x", 1) : null;
    int y = 1 + (c ? boxed(s, maybe) : 0);
    return x + " " + y;
  }

  static String unboxingPlain(Sched s, boolean c, Integer maybe) {
    Integer x = c ? Flows.laterPlain(s, "x", 1) : null;
    int y = 1 + (c ? boxedPlain(s, maybe) : 0);
    return x + " " + y;
  }

  /** An instance method's own direct call as a branch (javac's scope for it fails; see BodyReader). */
  @Async
  int half(Sched s, int n) {
    return Flows.later(s, "half", n / 2);
  }

  int halfPlain(Sched s, int n) {
    return Flows.laterPlain(s, "half", n / 2);
  }

  @Async
  long instanceBranch(Sched s, int n) {
    long v = n < 1 ? 5L : half(s, n);
    final long w = n > 3 ? (long) await(ConditionalsAsync.half(this, s, n + 2)) : n;
    // vars after it, which javac's early scope cannot type: typed from what they obviously are
    int[] parts = {1, 2};
    for (var p : parts) {
      v += Flows.later(s, "part", 1) * p; // p lives across the suspension
    }
    var scaled = v * 2;
    Flows.later(s, "scaled", 0);
    return scaled * 100 + w;
  }

  long instanceBranchPlain(Sched s, int n) {
    long v = n < 1 ? 5L : halfPlain(s, n);
    final long w = n > 3 ? (long) halfPlain(s, n + 2) : n;
    int[] parts = {1, 2};
    for (var p : parts) {
      v += Flows.laterPlain(s, "part", 1) * p;
    }
    var scaled = v * 2;
    Flows.laterPlain(s, "scaled", 0);
    return scaled * 100 + w;
  }
}
