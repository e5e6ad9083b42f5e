package dev.stackless.loop;

import dev.stackless.Frame;
import java.util.ArrayDeque;

/**
 * A lock for frames on one {@link EventLoop}, as {@code std.event.Lock}: {@code
 * await(mutex.lock()); try { ... } finally { mutex.unlock(); }}. It may be held across suspension
 * points (a Java monitor may not); waiters get it first come, first served. No thread blocks.
 *
 * <p>Thread-safe: the loop's frames may use it from any of the loop's threads.
 */
public final class AsyncMutex {
  private final EventLoop loop;
  private final ArrayDeque<LoopWaiter> waiters = new ArrayDeque<>();
  private boolean held;

  public AsyncMutex(EventLoop loop) {
    this.loop = loop;
  }

  /** A frame that completes once this caller holds the lock. */
  public synchronized Frame<Void> lock() {
    if (!held) {
      held = true;
      return new LoopWaiter(loop, "dev.stackless.loop.AsyncMutex.lock", LoopWaiter::wake).start();
    }
    return new LoopWaiter(loop, "dev.stackless.loop.AsyncMutex.lock", waiters::add).start();
  }

  /** Releases the lock, handing it to the longest waiter if there is one. */
  public synchronized void unlock() {
    if (!held) {
      throw new IllegalStateException("unlock of an AsyncMutex that is not locked");
    }
    LoopWaiter next = waiters.poll();
    if (next == null) {
      held = false;
    } else {
      next.wake(); // held stays true: the lock passes straight to the next waiter
    }
  }

  public synchronized boolean isLocked() {
    return held;
  }
}
