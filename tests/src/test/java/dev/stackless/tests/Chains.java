package dev.stackless.tests;

import static dev.stackless.Keywords.*;

import dev.stackless.AnyFrame;
import dev.stackless.Async;

/** Recursion and self-resumption far deeper than the Java stack. */
class Chains {
  static AnyFrame bottom;

  /** Each level calls the next directly, which awaits it. */
  @Async
  static int depth(int n) {
    if (n == 0) {
      return 0;
    }
    int d = depth(n - 1);
    return d + 1;
  }

  /** The same, but the innermost level suspends until someone resumes {@link #bottom}. */
  @Async
  static int depthParked(int n) {
    if (n == 0) {
      suspend(self -> bottom = self);
      return 0;
    }
    int d = depthParked(n - 1);
    return d + 1;
  }

  /** Each level starts the next with the factory and awaits it. */
  @Async
  static long depthAwaited(int n) {
    if (n == 0) {
      return 0L;
    }
    long d = await(ChainsAsync.depthAwaited(n - 1));
    return d + n;
  }

  /** Resumes itself from its own suspend block, {@code times} times. */
  @Async
  static int selfResume(int times) {
    int count = 0;
    while (count < times) {
      suspend(self -> resume(self));
      count++;
    }
    return count;
  }

  /** The same with the {@code Runnable} block, {@code frame()} and {@code AnyFrame.resume}. */
  @Async
  static int selfResumeRunnable(int times) {
    int count = 0;
    for (int i = 0; i < times; i++) {
      suspend(() -> {
        frame().resume();
      });
      count++;
    }
    return count;
  }
}
