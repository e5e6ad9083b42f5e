package dev.stackless.tests;

import static dev.stackless.Keywords.*;

import dev.stackless.Async;

/** @Async programs that would overflow the Java stack without the runtime's trampoline. */
class Deep {

  /** Recursion through direct @Async calls: each level awaits the next. */
  @Async
  static int depth(int n) {
    if (n == 0) {
      return 0;
    }
    int below = depth(n - 1);
    return below + 1;
  }

  /** The same, where the innermost call suspends once before the chain unwinds. */
  static dev.stackless.AnyFrame bottom;

  @Async
  static int depthSuspendingAtTheBottom(int n) {
    if (n == 0) {
      suspend(self -> {
        bottom = self;
      });
      return 0;
    }
    int below = depthSuspendingAtTheBottom(n - 1);
    return below + 1;
  }

  /** Resumes itself from its own suspend block, {@code times} times. */
  @Async
  static int selfResume(int times) {
    int count = 0;
    while (count < times) {
      suspend(self -> {
        resume(self);
      });
      count++;
    }
    return count;
  }

  /** An exception from the innermost of {@code n} nested calls, caught by the outermost. */
  @Async
  static String throwFromTheBottom(int n) {
    try {
      return "returned " + thrower(n);
    } catch (IllegalStateException e) {
      return e.getMessage() + " " + e.getStackTrace().length;
    }
  }

  @Async
  static int thrower(int n) {
    if (n == 0) {
      throw new IllegalStateException("bottom");
    }
    return thrower(n - 1) + 1;
  }
}
