package dev.stackless.benchmarks;

import static dev.stackless.Keywords.suspend;

import dev.stackless.Async;

/** The memory workload: coroutines suspended with one live int local, or four. */
public class Retained {
  static int next;

  /** One int local lives across the suspension point; no parameters. */
  @Async
  public static int oneInt() {
    int i = next++;
    suspend();
    return i;
  }

  /** Four int locals live across the suspension point; no parameters. */
  @Async
  public static int fourInts() {
    int a = next++;
    int b = a + 1;
    int c = a + 2;
    int d = a + 3;
    suspend();
    return a + b + c + d;
  }

  /** The hand-written counterpart of {@link #oneInt}: an int state and the local. */
  public static final class HandOneInt {
    int state;
    int i;

    HandOneInt start() {
      i = next++;
      state = 1;
      return this;
    }
  }

  /** The hand-written counterpart of {@link #fourInts}. */
  public static final class HandFourInts {
    int state;
    int a;
    int b;
    int c;
    int d;

    HandFourInts start() {
      a = next++;
      b = a + 1;
      c = a + 2;
      d = a + 3;
      state = 1;
      return this;
    }
  }
}
