package dev.stackless.tests;

import static dev.stackless.Keywords.*;

import dev.stackless.Async;

/**
 * {@code return} and {@code continue} out of a try statement that stays plain Java (no suspension
 * point inside) but sits in one the processor takes apart: the plain statement's finally code
 * (closing a resource, a finally block) runs on the way out and may throw, and then the
 * exception, not the jump, goes on, into the outer handlers. Twins compared by {@link
 * PlainExitsTest}.
 */
class PlainExits {

  /** A resource whose close() logs, and throws when told to. */
  static final class Closer implements AutoCloseable {
    private final Sched s;
    private final boolean fails;

    Closer(Sched s, boolean fails) {
      this.s = s;
      this.fails = fails;
    }

    @Override
    public void close() {
      s.log("close " + fails);
      if (fails) {
        throw new IllegalStateException("close failed");
      }
    }
  }

  @Async
  static String returnThroughFailingClose(Sched s, boolean fails) {
    try {
      try (Closer c = new Closer(s, fails)) {
        s.log("body");
        return "returned";
      }
    } finally {
      s.log("outer finally " + Flows.later(s, "f", 1));
    }
  }

  static String returnThroughFailingClosePlain(Sched s, boolean fails) {
    try {
      try (Closer c = new Closer(s, fails)) {
        s.log("body");
        return "returned";
      }
    } finally {
      s.log("outer finally " + Flows.laterPlain(s, "f", 1));
    }
  }

  @Async
  static int continueThroughFailingFinally(Sched s) {
    int caught = 0;
    for (int i = 0; i < 4; i++) {
      try {
        Flows.later(s, "iteration", i);
        try {
          continue;
        } finally {
          if (i % 2 == 1) {
            throw new IllegalArgumentException("odd " + i);
          }
        }
      } catch (IllegalArgumentException e) {
        s.log("caught " + e.getMessage());
        caught++;
      }
    }
    return caught;
  }

  static int continueThroughFailingFinallyPlain(Sched s) {
    int caught = 0;
    for (int i = 0; i < 4; i++) {
      try {
        Flows.laterPlain(s, "iteration", i);
        try {
          continue;
        } finally {
          if (i % 2 == 1) {
            throw new IllegalArgumentException("odd " + i);
          }
        }
      } catch (IllegalArgumentException e) {
        s.log("caught " + e.getMessage());
        caught++;
      }
    }
    return caught;
  }

  /** The break is abandoned when close() throws and a plain catch takes the exception. */
  @Async
  static int breakThroughFailingCloseCaught(Sched s) {
    int rounds = 0;
    loop:
    do {
      try {
        Flows.later(s, "round", rounds); // a try the lowering takes apart: the frame has regions
      } finally {
        s.log("finally");
      }
      try {
        try (Closer c = new Closer(s, true)) {
          break loop;
        }
      } catch (IllegalStateException e) {
        s.log("caught " + e.getMessage());
      }
    } while (++rounds < 3);
    return rounds;
  }

  static int breakThroughFailingCloseCaughtPlain(Sched s) {
    int rounds = 0;
    loop:
    do {
      try {
        Flows.laterPlain(s, "round", rounds);
      } finally {
        s.log("finally");
      }
      try {
        try (Closer c = new Closer(s, true)) {
          break loop;
        }
      } catch (IllegalStateException e) {
        s.log("caught " + e.getMessage());
      }
    } while (++rounds < 3);
    return rounds;
  }
}
