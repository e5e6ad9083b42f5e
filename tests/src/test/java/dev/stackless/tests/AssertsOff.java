package dev.stackless.tests;

import dev.stackless.Async;

/** {@link Asserts#checked} in a class whose assertions {@link AssertsTest} turns off. */
class AssertsOff {

  @Async
  static int checked(Sched s, int n) {
    assert Flows.later(s, "holds", n) > 0 : "not positive: " + Flows.later(s, "detail", n);
    return n * 2;
  }

  static int checkedPlain(Sched s, int n) {
    assert Flows.laterPlain(s, "holds", n) > 0 : "not positive: " + Flows.laterPlain(s, "detail", n);
    return n * 2;
  }
}
