package dev.stackless.benchmarks;

import static dev.stackless.Keywords.suspend;

import dev.stackless.Async;

/** The generator workload: a coroutine publishes 0..n-1, suspending after each. */
public class Generators {
  /** Where the generator publishes its value before it suspends. */
  public static final class Slot {
    public int value;
  }

  @Async
  public static void count(Slot slot, int n) {
    for (int i = 0; i < n; i++) {
      slot.value = i;
      suspend();
    }
  }

  /**
   * The same state machine written by hand: the practical lower bound. Like the generated frame
   * it is reused (reset) rather than reallocated, publishes through the same {@link Slot}, and
   * the benchmark reaches it through the same non-inlined boundary.
   */
  public static final class HandWritten {
    private int state;
    private int i;
    private int n;
    private Slot slot;

    /** Starts over: runs to the first value, like {@code start}. */
    public HandWritten start(Slot slot, int n) {
      this.slot = slot;
      this.n = n;
      this.state = 0;
      resume();
      return this;
    }

    /** Runs to the next value or to the end. */
    public void resume() {
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
        return;
      }
      state = 2;
    }

    public boolean isDone() {
      return state == 2;
    }
  }
}
