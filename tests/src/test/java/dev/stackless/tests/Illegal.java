package dev.stackless.tests;

import static dev.stackless.Keywords.*;

import dev.stackless.AnyFrame;
import dev.stackless.Async;
import dev.stackless.Frame;

/** @Async programs that commit each of Zig's detectable illegal acts. */
class Illegal {
  static AnyFrame parked;

  @Async
  static int suspendOnce(int value) {
    suspend(self -> {
      parked = self;
    });
    return value;
  }

  @Async
  static int awaitIt(Frame<Integer> frame) {
    int value = await(frame);
    return value + 1;
  }

  /** Resumes itself while running: illegal inside the body, so it completes this frame. */
  @Async
  static int resumeSelfWhileRunning() {
    resume(frame());
    return 1;
  }

  /** Awaits a frame that already has an awaiter: illegal inside the body. */
  @Async
  static int secondAwaiter(Frame<Integer> frame) {
    int value = await(frame);
    return value;
  }

  @Async
  static int neverSuspends(int value) {
    return value * 2;
  }

  @Async
  static void suspendForever() {
    suspend();
  }
}
