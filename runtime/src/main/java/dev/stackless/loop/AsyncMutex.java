package dev.stackless.loop;

import dev.stackless.Frame;
import java.util.ArrayDeque;

/**
 * A lock for frames, as {@code std.event.Lock}: it may be held across suspension points (a Java
 * monitor may not), and waiting for it parks the frame, never a thread.
 *
 * <pre>
 *   await(mutex.lock());
 *   try {
 *     ...                         // may await, sleep, receive ...
 *   } finally {
 *     mutex.unlock();
 *   }
 * </pre>
 *
 * <p>FAIR: waiters get the lock first come, first served; {@link #unlock()} hands it straight to
 * the longest waiter, so a frame that unlocks and locks again queues behind the others. Not
 * reentrant, and not owned: any frame may unlock it (as in Zig).
 *
 * <p>THREAD-SAFE: the frames of a multi-threaded loop may share it.
 */
public final class AsyncMutex {
  private static final String LOCK = "dev.stackless.loop.AsyncMutex.lock";

  private final EventLoop loop;
  private final ArrayDeque<LoopWaiter> waiters = new ArrayDeque<>();
  private boolean held;

  /** A mutex whose waiters are resumed on {@code loop}. */
  public AsyncMutex(EventLoop loop) {
    this.loop = loop;
  }

  /**
   * A frame that completes once the caller holds the lock: {@code await(mutex.lock())}. When the
   * lock is free it has completed already, and the await does not suspend.
   */
  public synchronized Frame<Void> lock() {
    if (!held) {
      held = true;
      return LoopFrames.DONE;
    }
    return new LoopWaiter(loop, LOCK, waiters::add).start(); // files itself, under this lock
  }

  /** Takes the lock if it is free, without waiting; whether it did. */
  public synchronized boolean tryLock() {
    if (held) {
      return false;
    }
    held = true;
    return true;
  }

  /**
   * Releases the lock, handing it to the longest waiter if there is one (which then continues on
   * the loop).
   *
   * @throws IllegalStateException if the lock is not held
   */
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

  /** Frames waiting for the lock. */
  public synchronized int waiting() {
    return waiters.size();
  }
}
