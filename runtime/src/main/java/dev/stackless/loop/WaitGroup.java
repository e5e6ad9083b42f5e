package dev.stackless.loop;

import dev.stackless.Frame;
import java.util.ArrayList;
import java.util.List;

/**
 * Counts work in progress, as {@code std.event.WaitGroup}: {@link #add} before starting work,
 * {@link #done} when each piece finishes, and {@code await(group.whenDone())} until the count is
 * back to zero. Waiting parks the frame, never a thread; all waiters are woken together, in the
 * order they came.
 *
 * <p>THREAD-SAFE: the frames of a multi-threaded loop, and plain threads, may share it.
 */
public final class WaitGroup {
  private static final String WHEN_DONE = "dev.stackless.loop.WaitGroup.whenDone";

  private final EventLoop loop;
  private final List<LoopWaiter> waiters = new ArrayList<>();
  private int count;

  /** A wait group whose waiters are resumed on {@code loop}. */
  public WaitGroup(EventLoop loop) {
    this.loop = loop;
  }

  /**
   * Adds {@code delta} (may be negative) to the count; at zero, wakes every waiter.
   *
   * @throws IllegalStateException if the count would become negative (it is left unchanged)
   */
  public synchronized void add(int delta) {
    if (count + delta < 0) {
      throw new IllegalStateException("WaitGroup count would become negative: " + (count + delta));
    }
    count += delta;
    if (count == 0 && !waiters.isEmpty()) {
      for (LoopWaiter waiter : waiters) {
        waiter.wake();
      }
      waiters.clear();
    }
  }

  /** One piece of work is done: {@code add(-1)}. */
  public void done() {
    add(-1);
  }

  public synchronized int count() {
    return count;
  }

  /** A frame that completes once the count is zero; completed already if it is zero now. */
  public synchronized Frame<Void> whenDone() {
    if (count == 0) {
      return LoopFrames.DONE;
    }
    return new LoopWaiter(loop, WHEN_DONE, waiters::add).start(); // files itself, under this lock
  }
}
