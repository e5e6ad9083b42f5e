package dev.stackless.benchmarks;

import static dev.stackless.Keywords.suspend;

import dev.stackless.AnyFrame;
import dev.stackless.Async;
import org.openjdk.jmh.annotations.CompilerControl;

/**
 * The call-chain workload: a method that calls a callee that calls a callee ... {@code depth}
 * deep; the innermost returns 1 (or first suspends once) and each level adds 1.
 */
public class Chains {
  /** Where the innermost call of a suspending chain parks its frame. */
  public static final class Parking {
    public AnyFrame frame;
  }

  /** (a) each level is an async call: a new frame, awaited. */
  @Async
  public static int chain(int depth) {
    if (depth == 0) {
      return 1;
    }
    int r = chain(depth - 1);
    return r + 1;
  }

  /** (a) the same, the innermost suspends once and is resumed from outside. */
  @Async
  public static int chainSuspending(int depth, Parking parking) {
    if (depth == 0) {
      suspend(self -> parking.frame = self);
      return 1;
    }
    int r = chainSuspending(depth - 1, parking);
    return r + 1;
  }

  /** (c) plain calls. Not inlined, so each level is a real call. */
  @CompilerControl(CompilerControl.Mode.DONT_INLINE)
  public static int plain(int depth) {
    if (depth == 0) {
      return 1;
    }
    int r = plain(depth - 1);
    return r + 1;
  }

  /** (c) plain calls, with the innermost doing what a suspension-free caller would do instead. */
  public static int plainInlinable(int depth) {
    if (depth == 0) {
      return 1;
    }
    return plainInlinable(depth - 1) + 1;
  }

  /**
   * (b) the same frames by hand: a callee object per call, an int state, an awaiter pointer that
   * a completing callee continues in a loop (no recursion on completion), as the runtime does.
   */
  public static final class HandChain {
    final int depth;
    final HandParking parking;
    int state;
    int result;
    HandChain callee;
    HandChain awaiter;

    public HandChain(int depth, HandParking parking) {
      this.depth = depth;
      this.parking = parking;
    }

    /** Runs until it suspends (false) or completes (true). */
    boolean step() {
      switch (state) {
        case 0:
          if (depth == 0) {
            if (parking != null) {
              state = 2;
              parking.frame = this;
              return false;
            }
            result = 1;
            state = 3;
            return true;
          }
          HandChain c = new HandChain(depth - 1, parking);
          callee = c;
          if (!c.step()) {
            c.awaiter = this;
            state = 1;
            return false;
          }
          // fall through: the callee completed without suspending
        case 1:
          result = callee.result + 1;
          callee = null;
          state = 3;
          return true;
        case 2:
          result = 1;
          state = 3;
          return true;
        default:
          throw new IllegalStateException("done");
      }
    }

    /** Resumes a suspended chain, continuing each completed frame's awaiter in a loop. */
    public void resume() {
      HandChain f = this;
      while (f.step() && f.awaiter != null) {
        f = f.awaiter;
      }
    }

    public boolean isDone() {
      return state == 3;
    }
  }

  /**
   * {@link HandChain} plus the atomic operations {@code Frame} performs on a call that completes
   * without suspending: a CAS on the status in {@code begin()}, the volatile store {@code awaiter
   * = null}, the volatile store {@code status = COMPLETED} and the {@code getAndSet} of the
   * awaiter in {@code complete()}. Measures what those cost on the call chain.
   */
  public static final class HandChainAtomic {
    private static final java.lang.invoke.VarHandle STATUS;
    private static final java.lang.invoke.VarHandle AWAITER;

    static {
      try {
        var lookup = java.lang.invoke.MethodHandles.lookup();
        STATUS = lookup.findVarHandle(HandChainAtomic.class, "status", int.class);
        AWAITER = lookup.findVarHandle(HandChainAtomic.class, "awaiter", HandChainAtomic.class);
      } catch (ReflectiveOperationException e) {
        throw new ExceptionInInitializerError(e);
      }
    }

    private static final HandChainAtomic DONE = new HandChainAtomic(0);

    final int depth;
    volatile int status;
    volatile HandChainAtomic awaiter;
    int state;
    int result;
    HandChainAtomic callee;

    public HandChainAtomic(int depth) {
      this.depth = depth;
    }

    /** Starts the frame: CAS NEW to RUNNING, reset the awaiter, run; true if it completed. */
    boolean start() {
      if (!STATUS.compareAndSet(this, 0, 1)) {
        throw new IllegalStateException("running");
      }
      awaiter = null;
      return step();
    }

    private boolean step() {
      if (depth == 0) {
        result = 1;
      } else {
        HandChainAtomic c = new HandChainAtomic(depth - 1);
        callee = c;
        if (!c.start() || c.awaiter != DONE) {
          throw new IllegalStateException("suspended");
        }
        result = c.result + 1;
        callee = null;
      }
      status = 4;
      if (AWAITER.getAndSet(this, DONE) != null) {
        throw new IllegalStateException("awaited");
      }
      return true;
    }
  }

  public static final class HandParking {
    public HandChain frame;
  }
}
