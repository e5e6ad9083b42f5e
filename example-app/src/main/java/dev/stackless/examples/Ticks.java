package dev.stackless.examples;

import static dev.stackless.Keywords.*;

import dev.stackless.AnyFrame;
import dev.stackless.Async;
import java.io.PrintStream;

/** The README's example: a loop that hands its frame out at every suspension. */
public final class Ticks {
  static AnyFrame parked;

  @Async
  static int countTo(int n) {
    int i = 0;
    while (i < n) {
      suspend(self -> parked = self); // hand the frame to whoever will resume it
      i++;
    }
    return i;
  }

  static void run(PrintStream out) {
    var frame = TicksAsync.countTo(3); // Zig: async countTo(3): runs to the first suspend
    int resumes = 0;
    while (!frame.isDone()) {
      resume(parked); // Zig: resume parked
      resumes++;
    }
    out.println("countTo(3) == " + nosuspend(frame) + " after " + resumes + " resumes");
  }

  private Ticks() {}
}
