package dev.stackless.loop;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;

/**
 * The idle workers of one {@link EventLoop}, and how to wake them.
 *
 * <p>The protocol that keeps wake-ups from being lost: a worker {@link #enter}s BEFORE it looks at
 * the queue one last time and parks, and {@link #leave}s after. Whoever adds work adds it BEFORE it
 * wakes. A worker taken off the list by a wake is then either still before its last look (it sees
 * the work), or parked or about to park (the unpark's permit wakes it), or already awake: in every
 * case some worker looks at the queue after the work was added.
 *
 * <p>THREAD-SAFE: every method may be called from any thread.
 */
final class Parking {
  private final ConcurrentLinkedQueue<Thread> idle = new ConcurrentLinkedQueue<>();

  /** The calling worker is about to look for work one last time, then park. */
  void enter(Thread self) {
    idle.add(self);
  }

  /** The calling worker is awake again (it may have been woken already, which is fine). */
  void leave(Thread self) {
    idle.remove(self); // at most as many entries as the loop has threads
  }

  /** Whether some worker is idle (or about to park): a busy one may hand it work. */
  boolean hasIdle() {
    return !idle.isEmpty();
  }

  /** Wakes one idle worker, if there is one: one more task is ready. */
  void wakeOne() {
    Thread thread = idle.poll();
    if (thread != null) {
      LockSupport.unpark(thread);
    }
  }

  /** Wakes up to {@code count} idle workers. */
  void wake(int count) {
    for (int i = 0; i < count; i++) {
      Thread thread = idle.poll();
      if (thread == null) {
        return;
      }
      LockSupport.unpark(thread);
    }
  }

  /** Wakes every idle worker: the loop is out of work, or shut down, and each must see it. */
  void wakeAll() {
    for (Thread thread; (thread = idle.poll()) != null; ) {
      LockSupport.unpark(thread);
    }
  }
}
