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

  static final java.util.List<String> events = new java.util.ArrayList<>();

  /**
   * A suspend block that resumes its own frame, which runs on to a second suspend block that
   * hands it out, and then throws: the frame is its new holder's, so the first block's exception
   * goes to whoever runs the block, and no catch of the body sees it.
   */
  @Async
  static String blockThrowsAfterResumingItsFrame(RuntimeException failure) {
    try {
      suspend(self -> {
        self.resume();
        throw failure;
      });
    } catch (RuntimeException e) {
      events.add("first catch " + e.getMessage());
    }
    try {
      suspend(self -> {
        parked = self;
      });
      events.add("after second");
    } catch (RuntimeException e) {
      events.add("second catch " + e.getMessage());
    }
    return "done";
  }
}
