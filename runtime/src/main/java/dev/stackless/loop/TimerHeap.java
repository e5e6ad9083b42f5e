package dev.stackless.loop;

import java.util.PriorityQueue;
import java.util.function.Consumer;

/**
 * The sleeping frames of one {@link EventLoop}, ordered by deadline; ties in the order they were
 * set. A binary heap whose nodes are the {@link LoopFrames.Sleep} frames themselves: a sleeper
 * costs its frame and one array slot, nothing else, so a million of them is an ordinary load
 * (adding and removing are O(log n)).
 *
 * <p>THREAD-SAFE: guarded by its own monitor. {@link #nextDeadline()} is a volatile read, so a
 * worker can see that nothing is due without taking the lock.
 */
final class TimerHeap {
  /** {@link #nextDeadline()} when no timer is set. */
  static final long NONE = Long.MAX_VALUE;

  private final PriorityQueue<LoopFrames.Sleep> heap = new PriorityQueue<>();
  private long sequence;
  private volatile long next = NONE;

  /** Sets {@code sleep}'s timer; returns whether it is now the earliest one. */
  synchronized boolean add(LoopFrames.Sleep sleep, long deadline) {
    sleep.deadline = deadline;
    sleep.sequence = sequence++;
    heap.add(sleep);
    if (deadline < next) {
      next = deadline;
      return true;
    }
    return false;
  }

  /** Hands every sleeper whose deadline is at or before {@code now} to {@code due}; how many. */
  int pollDue(long now, Consumer<? super LoopFrames.Sleep> due) {
    if (now < next) {
      return 0;
    }
    synchronized (this) {
      int count = 0;
      while (!heap.isEmpty() && heap.peek().deadline <= now) {
        due.accept(heap.poll());
        count++;
      }
      LoopFrames.Sleep first = heap.peek();
      next = first == null ? NONE : first.deadline;
      return count;
    }
  }

  /** The earliest deadline, or {@link #NONE}. */
  long nextDeadline() {
    return next;
  }

  synchronized int size() {
    return heap.size();
  }

  /** Forgets every timer: the loop has shut down. */
  synchronized void clear() {
    heap.clear();
    next = NONE;
  }
}
