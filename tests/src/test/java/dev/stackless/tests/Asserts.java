package dev.stackless.tests;

import static dev.stackless.Keywords.*;

import dev.stackless.Async;

/**
 * {@code assert} statements whose condition or detail suspends, next to their plain twins ({@link
 * AssertsTest}): the condition runs only when assertions are on, the detail only when it fails.
 */
class Asserts {

  @Async
  static int checked(Sched s, int n) {
    assert Flows.later(s, "holds", n) > 0 : "not positive: " + Flows.later(s, "detail", n);
    assert n < 100;
    return n * 2;
  }

  static int checkedPlain(Sched s, int n) {
    assert Flows.laterPlain(s, "holds", n) > 0 : "not positive: " + Flows.laterPlain(s, "detail", n);
    assert n < 100;
    return n * 2;
  }

  @Async
  static int withCause(Sched s, RuntimeException cause) {
    assert Flows.check(s, "ok", false) : cause;
    return 1;
  }

  static int withCausePlain(Sched s, RuntimeException cause) {
    assert Flows.checkPlain(s, "ok", false) : cause;
    return 1;
  }
}
