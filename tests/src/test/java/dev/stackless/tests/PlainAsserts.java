package dev.stackless.tests;

import dev.stackless.Async;

/**
 * {@code assert} statements without suspension points in an {@code @Async} body, one in a lambda:
 * they follow this class's assertion status, as in Java, not the generated class's
 * ({@link AssertsTest}).
 */
class PlainAsserts {

  @Async
  static int checked(Sched s, int n) {
    int x = Flows.later(s, "value", n);
    assert x > 0 : "not positive: " + x;
    Runnable small = () -> {
      assert x < 10 : "not small: " + x;
    };
    small.run();
    return x;
  }
}
