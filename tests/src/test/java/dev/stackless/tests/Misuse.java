package dev.stackless.tests;

import static dev.stackless.Keywords.*;

import dev.stackless.AnyFrame;
import dev.stackless.Async;
import dev.stackless.Frame;

/** {@code @Async} methods that commit, or let tests commit, Zig's detectable illegal acts. */
class Misuse {
  static AnyFrame parked;

  @Async
  static int parkOnce(int value) {
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

  /** Parked in a call of an {@code @Async} method, which is an await too. */
  @Async
  static int callIt(int value) {
    int r = parkOnce(value);
    return r + 1;
  }

  /** Resumes itself while running. */
  @Async
  static int resumeSelf() {
    resume(frame());
    return 1;
  }

  /** Reads a frame that has not completed with nosuspend, inside a body. */
  @Async
  static int nosuspendInside(Frame<Integer> frame) {
    int value = nosuspend(frame);
    return value;
  }
}
