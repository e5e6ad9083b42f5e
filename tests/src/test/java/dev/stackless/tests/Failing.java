package dev.stackless.tests;

import static dev.stackless.Keywords.*;

import dev.stackless.AnyFrame;
import dev.stackless.Async;
import dev.stackless.Frame;
import java.io.IOException;

/** @Async programs whose exceptions travel through await. */
class Failing {
  static AnyFrame parked;

  /** Throws a checked exception after a suspension. */
  @Async
  static int readLater(IOException failure) throws IOException {
    suspend(self -> {
      parked = self;
    });
    throw failure;
  }

  /** Throws before any suspension. */
  @Async
  static int readNow(IOException failure) throws IOException {
    throw failure;
  }

  @Async
  static int awaitFrame(Frame<Integer> frame) {
    int value = await(frame);
    return value;
  }

  @Async
  static int callDirectly(IOException failure) throws IOException {
    int value = readLater(failure);
    return value;
  }

  /** A suspend block that throws before anyone resumed the frame. */
  @Async
  static int blockThrows(RuntimeException failure) {
    suspend(() -> {
      throw failure;
    });
    return 1;
  }
}
