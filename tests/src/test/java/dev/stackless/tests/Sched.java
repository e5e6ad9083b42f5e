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
