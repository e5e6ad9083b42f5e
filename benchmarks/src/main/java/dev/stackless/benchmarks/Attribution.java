package dev.stackless.benchmarks;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The hand-written generator with, one at a time, what {@code Frame.resume()} adds to it: the
 * status CAS (SUSPENDED to RUNNING, the "first CAS wins" rule) with a release store on suspend,
 * then also the per-thread nesting bookkeeping of {@code Frame.run} (a one-entry cached
 * thread-local lookup, a depth counter in try/finally, a check of the deferred queue). Their
 * ns/op, against {@code handWritten} and {@code stackless}, say where the generated frame's time
 * goes.
 */
final class Attribution {
  private Attribution() {}

  static final int SUSPENDED = 2;
  static final int RUNNING = 1;
  static final int DONE = 4;

  /** The hand-written generator plus an atomic status word. */
  static class CasGenerator {
    private static final VarHandle STATUS;

    static {
      try {
        STATUS = MethodHandles.lookup().findVarHandle(CasGenerator.class, "status", int.class);
      } catch (ReflectiveOperationException e) {
        throw new ExceptionInInitializerError(e);
      }
    }

    volatile int status;
    int state;
    int i;
    int n;
    Generators.Slot slot;

    CasGenerator start(Generators.Slot slot, int n) {
      this.slot = slot;
      this.n = n;
      this.state = 0;
      status = RUNNING;
      step();
      return this;
    }

    void resume() {
      if (!STATUS.compareAndSet(this, SUSPENDED, RUNNING)) {
        throw new IllegalStateException("not suspended");
      }
      step();
    }

    final void step() {
      switch (state) {
        case 0:
          i = 0;
          break;
        case 1:
          i++;
          break;
        default:
          throw new IllegalStateException("done");
      }
      if (i < n) {
        slot.value = i;
        state = 1;
        STATUS.setRelease(this, SUSPENDED);
        return;
      }
      state = 2;
      status = DONE;
    }

    boolean isDone() {
      return status == DONE;
    }
  }

  /** A copy of the runtime's per-thread bookkeeping (Trampoline), for the third row. */
  static final class Nesting {
    private static final ThreadLocal<Nesting> CURRENT =
        ThreadLocal.withInitial(() -> new Nesting(Thread.currentThread()));
    private static Nesting last = new Nesting(null);
    private final Thread owner;
    int depth;
    private final java.util.ArrayDeque<Object> deferred = new java.util.ArrayDeque<>();

    private Nesting(Thread owner) {
      this.owner = owner;
    }

    static Nesting current() {
      Nesting cached = last;
      if (cached.owner == Thread.currentThread()) {
        return cached;
      }
      Nesting mine = CURRENT.get();
      last = mine;
      return mine;
    }
  }

  /** The CAS generator, resumed inside the runtime's nesting bookkeeping. */
  static final class CasNestingGenerator extends CasGenerator {
    @Override
    void resume() {
      if (!CasGenerator.STATUS.compareAndSet(this, SUSPENDED, RUNNING)) {
        throw new IllegalStateException("not suspended");
      }
      Nesting nesting = Nesting.current();
      if (nesting.depth >= 128) {
        throw new IllegalStateException("deep");
      }
      nesting.depth++;
      try {
        step();
      } finally {
        nesting.depth--;
      }
      if (nesting.depth == 0 && !nesting.deferred.isEmpty()) {
        throw new IllegalStateException("deferred");
      }
    }
  }
}
