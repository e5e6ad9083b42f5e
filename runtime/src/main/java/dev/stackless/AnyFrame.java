package dev.stackless;

/**
 * A suspended computation that can be resumed but not awaited: Zig's {@code anyframe}.
 *
 * <p>Every {@link Frame} is an {@code AnyFrame}; {@link Keywords#frame()} hands out the current
 * frame as one, so that a suspend block can give it to whoever will resume it.
 */
public interface AnyFrame {

  /**
   * Continues the frame from the suspension point where it stopped, and returns when it suspends
   * again or completes (Zig's {@code resume fr}). May be called from any thread.
   *
   * @throws IllegalStateException if the frame is not suspended: it is running, it is parked in
   *     an await, it has completed, or it was never started
   */
  void resume();
}
