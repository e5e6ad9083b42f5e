package dev.stackless.tests.diff;

import dev.stackless.AnyFrame;
import java.util.ArrayDeque;
import java.util.function.Consumer;

/**
 * What a differential program may observe: a log of effects, and the one way it suspends,
 * {@code suspend(Trace.PARK)}, which logs "s" and parks the frame for the driver.
 */
public final class Trace {
  private static final StringBuilder LOG = new StringBuilder();
  private static final ArrayDeque<AnyFrame> PARKED = new ArrayDeque<>();

  /** The suspend callback programs use: logs the suspension, parks the frame. */
  public static final Consumer<AnyFrame> PARK =
      frame -> {
        log("s");
        PARKED.add(frame);
      };

  private Trace() {}

  /** Logs a value and returns it, so that it can sit inside expressions. */
  public static <T> T log(T value) {
    LOG.append(value).append(' ');
    return value;
  }

  static void reset() {
    LOG.setLength(0);
    PARKED.clear();
  }

  static String text() {
    return LOG.toString();
  }

  /** The next parked frame, or null. */
  static AnyFrame nextParked() {
    return PARKED.poll();
  }
}
