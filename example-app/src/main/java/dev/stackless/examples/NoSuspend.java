package dev.stackless.examples;

import static dev.stackless.Keywords.*;

import dev.stackless.Async;
import java.io.PrintStream;

/**
 * Seed 001, "nosuspend": a plain caller asserts that an async function does not suspend. With a
 * ticker above 0 it does, which is detectable illegal behaviour.
 */
public final class NoSuspend {
  /** Zig's {@code *u32} ticker. */
  static final class Ticker {
    int value;

    Ticker(int value) {
      this.value = value;
    }
  }

  @Async
  static long doTicksDuration(Ticker ticker) {
    long start = System.nanoTime();
    while (ticker.value > 0) {
      suspend();
      ticker.value -= 1;
    }
    long elapsed = System.nanoTime() - start;
    return elapsed / 1_000_000;
  }

  static void run(PrintStream out) {
    // var ticker: u32 = 0; const duration = nosuspend doTicksDuration(&ticker);
    long duration = nosuspend(NoSuspendAsync.doTicksDuration(new Ticker(0)));
    out.println(
        "ticker = 0: nosuspend doTicksDuration completed without suspending"
            + (duration >= 0 ? "" : " (negative duration?)"));
    // With the ticker above 0 it suspends: detectable illegal behaviour.
    try {
      nosuspend(NoSuspendAsync.doTicksDuration(new Ticker(1)));
      out.println("ticker = 1: no error?");
    } catch (IllegalStateException e) {
      out.println("ticker = 1: " + e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  private NoSuspend() {}
}
