package dev.stackless.tests;

import static dev.stackless.Keywords.*;

import dev.stackless.AnyFrame;
import dev.stackless.Async;

/** Line numbers matter here: StackTraceTest names them. */
class Traces {
  static AnyFrame parked;

  static int fail(int value) {
    throw new IllegalStateException("failed at " + value);
  }

  @Async
  static int inner(int value) {
    suspend(self -> {
      parked = self;
    });
    int doubled = value * 2;
    return fail(doubled); // line 22
  }

  @Async
  static int outer(int value) {
    int result = inner(value); // line 27
    return result + 1;
  }

  @Async
  static int zero() {
    suspend(self -> {
      parked = self;
    });
    return 0;
  }

  @Async
  static int dividedAfterASuspension(int by) {
    return zero() + 10 / by; // line 41: thrown in the rest of the expression, past zero()
  }
}
