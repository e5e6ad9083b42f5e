package dev.stackless.tests;

import static dev.stackless.Keywords.*;

import dev.stackless.AnyFrame;
import dev.stackless.Async;
import dev.stackless.Frame;

/** Exceptions, checked ones too, thrown in frames and carried through await. */
class Raise {
  static AnyFrame parked;

  @Async
  static int raiseAfterSuspend(Exception failure) throws Exception {
    suspend(self -> {
      parked = self;
    });
    throw failure;
  }

  @Async
  static int raiseAtOnce(Exception failure) throws Exception {
    if (failure != null) {
      throw failure;
    }
    return 0;
  }

  @Async
  static int awaitIt(Frame<Integer> frame) {
    int value = await(frame);
    return value + 1;
  }

  @Async
  static int callIt(Exception failure) throws Exception {
    int value = raiseAfterSuspend(failure);
    return value + 1;
  }

  @Async
  static int callTwoDeep(Exception failure) throws Exception {
    int value = callIt(failure);
    return value + 1;
  }

  @Async
  static String failInLoop(int n, RuntimeException failure) {
    String out = "";
    for (int i = 0; i < n; i++) {
      suspend(self -> {
        parked = self;
      });
      if (i == 2) {
        throw failure;
      }
      out = out + i;
    }
    return out;
  }
}
