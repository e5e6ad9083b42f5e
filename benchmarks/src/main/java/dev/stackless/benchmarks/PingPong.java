package dev.stackless.benchmarks;

import static dev.stackless.Keywords.suspend;

import dev.stackless.Async;

/**
 * The ping-pong workload: two coroutines hand a counter back and forth. Each takes the ball,
 * increments the counter and suspends, which hands the ball to the other: a driver loop (a run
 * queue of two) resumes them in turn. Two distinct methods, so the resume site is bimorphic.
 */
public class PingPong {
  /** The counter both players increment; {@code n} even, so that both end together. */
  public static final class Ball {
    public int count;
    public int n;
  }

  @Async
  public static int ping(Ball ball) {
    int hits = 0;
    while (ball.count < ball.n) {
      ball.count++;
      hits++;
      suspend();
    }
    return hits;
  }

  @Async
  public static int pong(Ball ball) {
    int hits = 0;
    while (ball.count < ball.n) {
      ball.count++;
      hits++;
      suspend();
    }
    return hits;
  }

  /** The hand-written counterpart of a frame: an int state and a switch, reusable. */
  public abstract static class HandFrame {
    int state;
    int hits;
    Ball ball;

    final HandFrame start(Ball ball) {
      this.ball = ball;
      this.state = 0;
      resume();
      return this;
    }

    abstract void resume();

    final boolean isDone() {
      return state == 2;
    }
  }

  public static final class HandPing extends HandFrame {
    @Override
    void resume() {
      switch (state) {
        case 0:
          hits = 0;
          break;
        case 1:
          break;
        default:
          throw new IllegalStateException("done");
      }
      if (ball.count < ball.n) {
        ball.count++;
        hits++;
        state = 1;
        return;
      }
      state = 2;
    }
  }

  public static final class HandPong extends HandFrame {
    @Override
    void resume() {
      switch (state) {
        case 0:
          hits = 0;
          break;
        case 1:
          break;
        default:
          throw new IllegalStateException("done");
      }
      if (ball.count < ball.n) {
        ball.count++;
        hits++;
        state = 1;
        return;
      }
      state = 2;
    }
  }
}
