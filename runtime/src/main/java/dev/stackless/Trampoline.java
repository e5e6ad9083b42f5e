package dev.stackless;

import java.util.ArrayDeque;

/**
 * Per-thread bookkeeping for {@link Frame#run(Frame)}: how many frame runs are nested on this
 * thread's stack, and the runs deferred because that number reached {@link Frame#MAX_NESTING}.
 * The outermost run drains the deferred ones before it returns, so a start or resume from plain
 * code still returns only once everything it set going has suspended or completed.
 */
final class Trampoline {
  private static final ThreadLocal<Trampoline> CURRENT = ThreadLocal.withInitial(Trampoline::new);

  int depth;
  private final ArrayDeque<Frame<?>> deferred = new ArrayDeque<>();

  static Trampoline current() {
    return CURRENT.get();
  }

  void defer(Frame<?> frame) {
    deferred.addLast(frame);
  }

  boolean hasDeferred() {
    return !deferred.isEmpty();
  }

  /**
   * Runs deferred frames until none is left. An exception escaping one (only a suspend block's,
   * see {@link Frame#suspendBlockFailed}) does not strand the others: it is rethrown at the end.
   */
  void drain() {
    Throwable first = null;
    Frame<?> frame;
    while ((frame = deferred.pollFirst()) != null) {
      depth++;
      try {
        Frame.runLoop(frame);
      } catch (Throwable e) {
        if (first == null) {
          first = e;
        } else {
          first.addSuppressed(e);
        }
      } finally {
        depth--;
      }
    }
    if (first != null) {
      Frame.rethrow(first);
    }
  }
}
