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

  /** The same state machine written by hand: the practical lower bound. */
  public static final class HandWritten {
    private int state;
    private int i;
    private final int n;
    public int value;

    public HandWritten(int n) {
      this.n = n;
    }

    /** Runs to the next value; false once exhausted. */
    public boolean next() {
      switch (state) {
        case 0:
          i = 0;
          break;
        case 1:
          i++;
          break;
        default:
          return false;
      }
      if (i < n) {
        value = i;
        state = 1;
        return true;
      }
      state = 2;
      return false;
    }
  }
}
