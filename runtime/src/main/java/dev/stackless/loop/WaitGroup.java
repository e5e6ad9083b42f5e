package dev.stackless.loop;

import dev.stackless.Frame;
import java.util.ArrayList;
import java.util.List;

/**
 * Counts work in progress on one {@link EventLoop}, as {@code std.event.WaitGroup}: {@link #add}
 * before starting work, {@link #done} when each piece finishes, and {@code
 * await(group.whenDone())} until the count is back to zero.
 *
 * <p>Thread-safe: the loop's frames may use it from any of the loop's threads.
 */
public final class WaitGroup {
  private final EventLoop loop;
  private final List<LoopWaiter> waiters = new ArrayList<>();
  private int count;

  public WaitGroup(EventLoop loop) {
    this.loop = loop;
  }

  public synchronized void add(int delta) {
    if (count + delta < 0) {
      throw new IllegalStateException("WaitGroup count would become negative: " + (count + delta));
    }
    count += delta;
    if (count == 0) {
      for (LoopWaiter waiter : waiters) {
        waiter.wake();
      }
      waiters.clear();
    }
  }

  public void done() {
    add(-1);
  }

  public synchronized int count() {
    return count;
  }

  /** A frame that completes once the count is zero (at once if it is). */
  public synchronized Frame<Void> whenDone() {
    return new LoopWaiter(loop, "dev.stackless.loop.WaitGroup.whenDone",
        waiter -> {
          if (count == 0) {
            waiter.wake();
          } else {
            waiters.add(waiter);
          }
        }).start();
  }
}
