package dev.stackless;

import java.util.ArrayDeque;

/**
 * Per-thread bookkeeping for {@link Frame#run(Frame)}: how many frame runs are nested on this
 * thread's stack, and the runs deferred because that number reached {@link Frame#MAX_NESTING}.
 * The outermost run drains the deferred ones before it returns, so a start or resume from plain
 * code still returns only once everything it set going has suspended or completed.
 */
final class Trampoline {
  private static final ThreadLocal<Trampoline> CURRENT =
      ThreadLocal.withInitial(() -> new Trampoline(Thread.currentThread()));

  /**
   * The trampoline last looked up, on whichever thread: a racy one-entry cache in front of the
   * thread local. A stale or foreign entry is harmless, {@link #owner} tells it apart, and the
   * final field makes a cached trampoline safe to read from any thread.
   */
  private static Trampoline last = new Trampoline(null);

  /** A miss in 64 takes the cache over; see {@link #current()}. */
  private static final int CACHE_TAKEOVER_MASK = 63;

  private final Thread owner;
  /** Lookups by this thread that missed the cache. */
  private int misses;
  int depth;
  /**
   * The frame each nested run on this thread is stepping, by depth ({@code running[depth - 1]} is
   * the innermost): the frames whose {@code step()} is on the thread's stack, for stack traces.
   */
  final Frame<?>[] running = new Frame<?>[Frame.MAX_NESTING + 1];
  private final ArrayDeque<Frame<?>> deferred = new ArrayDeque<>();
  /** Whether {@link #deferred} may be non-empty: one load on every outermost run, not three. */
  private boolean mayHaveDeferred;

  private Trampoline(Thread owner) {
    this.owner = owner;
  }

  static Trampoline current() {
    Trampoline cached = last;
    if (cached.owner == Thread.currentThread()) {
      return cached;
    }
    Trampoline mine = CURRENT.get();
    // Take the cache over only now and then: threads that take turns (the workers of one loop)
    // would otherwise write this shared field on every run and bounce its cache line between
    // their cores.
    if ((++mine.misses & CACHE_TAKEOVER_MASK) == 0) {
      last = mine;
    }
    return mine;
  }

  void defer(Frame<?> frame) {
    deferred.addLast(frame);
    mayHaveDeferred = true;
  }

  boolean hasDeferred() {
    return mayHaveDeferred;
  }

  /**
   * Runs deferred frames until none is left. An exception escaping one (only a suspend block's,
   * see {@link Frame#suspendBlockFailed}) does not strand the others: it is rethrown at the end.
   */
  void drain() {
    Throwable first = null;
    Frame<?> frame;
    while ((frame = deferred.pollFirst()) != null) {
      int slot = depth++;
      try {
        Frame.runLoop(frame, running, slot);
      } catch (Throwable e) {
        if (first == null) {
          first = e;
        } else {
          first.addSuppressed(e);
        }
      } finally {
        running[slot] = null;
        depth--;
      }
    }
    mayHaveDeferred = false;
    if (first != null) {
      Frame.rethrow(first);
    }
  }
}
