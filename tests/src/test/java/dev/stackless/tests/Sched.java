package dev.stackless.tests;

import static dev.stackless.Keywords.nosuspend;

import dev.stackless.AnyFrame;
import dev.stackless.Frame;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * A single-threaded scheduler for the control-flow twins: suspended frames queue up in {@link
 * #ready}, {@link #drive} resumes them in order until a frame is done, and {@link #log} records
 * what both the {@code @Async} method and its plain twin did.
 */
final class Sched {
  final List<String> log = new ArrayList<>();
  final ArrayDeque<AnyFrame> ready = new ArrayDeque<>();
  int resumes;

  void log(String entry) {
    log.add(entry);
  }

  /**
   * Runs a method's plain twin and its frame, each with a scheduler of its own; asserts that both
   * logged the same and returned the same, and returns that.
   */
  static <T> T sameAsPlain(
      java.util.function.Function<Sched, Frame<T>> async, java.util.function.Function<Sched, T> plain) {
    Sched expected = new Sched();
    T want = plain.apply(expected);
    Sched actual = new Sched();
    T got = actual.drive(async.apply(actual));
    org.junit.jupiter.api.Assertions.assertEquals(expected.log, actual.log, "the logs");
    org.junit.jupiter.api.Assertions.assertEquals(want, got, "the results");
    return got;
  }

  /**
   * As {@link #sameAsPlain}, for twins that throw: asserts that both logged the same and threw
   * the same class with the same message (but for a {@code NullPointerException}, whose helpful
   * message names the expression, which the frame's code spells differently), and returns the
   * frame's exception.
   */
  static <E extends Throwable> E sameFailureAsPlain(Class<E> type,
      java.util.function.Function<Sched, Frame<?>> async, java.util.function.Consumer<Sched> plain) {
    Sched expected = new Sched();
    E want = org.junit.jupiter.api.Assertions.assertThrows(type, () -> plain.accept(expected));
    Sched actual = new Sched();
    E got = org.junit.jupiter.api.Assertions.assertThrows(
        type, () -> actual.drive(async.apply(actual)));
    org.junit.jupiter.api.Assertions.assertEquals(expected.log, actual.log, "the logs");
    if (!(want instanceof NullPointerException)) { // helpful NPE messages name the code
      org.junit.jupiter.api.Assertions.assertEquals(want.getMessage(), got.getMessage());
    }
    return got;
  }

  /** Resumes ready frames, oldest first, until {@code frame} is done; returns its result. */
  <T> T drive(Frame<T> frame) {
    while (!frame.isDone()) {
      AnyFrame next = ready.pollFirst();
      if (next == null) {
        throw new AssertionError("nothing ready, but " + frame + " is not done; log: " + log);
      }
      resumes++;
      if (resumes > 10_000_000) {
        throw new AssertionError("runaway: " + frame);
      }
      next.resume();
    }
    return nosuspend(frame);
  }
}
