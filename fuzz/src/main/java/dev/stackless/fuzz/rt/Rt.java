package dev.stackless.fuzz.rt;

import dev.stackless.AnyFrame;
import java.util.function.Consumer;

/** What generated programs call (statically imported). */
public final class Rt {
  private Rt() {}

  /** Logs a value into the task's sink and returns it, so that it can sit inside expressions. */
  public static <T> T log(Sink out, T value) {
    out.log(value);
    return value;
  }

  /**
   * The suspend callback of {@code suspend(park(out))}: logs "s", then hands the frame to the
   * run's scheduler, which parks it or resumes it (or another parked frame) from inside the block.
   * In the plain twin the frame is null, and it only logs.
   */
  public static Consumer<AnyFrame> park(Sink out) {
    return frame -> {
      out.log("s");
      if (frame != null) {
        out.scheduler().parked(frame);
      }
    };
  }

  /** A helper that throws a checked exception when asked to; returns its argument otherwise. */
  public static int check(Sink out, int value, boolean fail) throws Checked {
    out.log("c" + value);
    if (fail) {
      throw new Checked("checked " + value);
    }
    return value;
  }

  @SuppressWarnings("unchecked")
  static <E extends Throwable> E sneaky(Throwable t) throws E {
    throw (E) t;
  }
}
