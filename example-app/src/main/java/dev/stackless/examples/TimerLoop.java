package dev.stackless.examples;

import static dev.stackless.Keywords.*;

import dev.stackless.AnyFrame;
import dev.stackless.Async;
import java.io.PrintStream;
import java.util.PriorityQueue;

/**
 * Seed 001, "Basic Event Loop Implementation": tasks suspend with a suspend block that files them
 * in a priority queue by deadline; the loop pops the earliest, waits until it is due, and resumes
 * it. Prints {@code [task-pair b] it is now 500 ms since start!} and so on, in deadline order.
 */
public final class TimerLoop {
  /** Monotonic time, and waiting; the test uses one that jumps instead of sleeping. */
  public interface Clock {
    long nanoTime();

    void sleepNanos(long nanos) throws InterruptedException;
  }

  /** The real clock. */
  public static final Clock SYSTEM = scaled(1);

  /**
   * Real time running {@code speedup} times faster: a wait of 1000 ms takes 1000 / speedup ms,
   * and the example still prints the times it asked for (give or take the scheduler).
   */
  public static Clock scaled(long speedup) {
    if (speedup < 1) {
      throw new IllegalArgumentException("speedup must be at least 1: " + speedup);
    }
    long origin = System.nanoTime();
    return new Clock() {
      @Override
      public long nanoTime() {
        return (System.nanoTime() - origin) * speedup;
      }

      @Override
      public void sleepNanos(long nanos) throws InterruptedException {
        long real = nanos / speedup;
        Thread.sleep(real / 1_000_000, (int) (real % 1_000_000));
      }
    };
  }

  /** Holds the frame, and the time when it should be resumed. */
  record Delay(AnyFrame frame, long expires) {}

  static Clock clock = SYSTEM;
  static PrintStream out = System.out;
  static final PriorityQueue<Delay> timerQueue =
      new PriorityQueue<>((a, b) -> Long.compare(a.expires(), b.expires()));

  /** Suspends the caller, to be resumed later by the event loop. */
  @Async
  static void waitForTime(long timeMs) {
    suspend(self -> {
      timerQueue.add(new Delay(self, clock.nanoTime() + timeMs * 1_000_000));
    });
  }

  @Async
  static void waitUntilAndPrint(long time1, long time2, String name) {
    long start = clock.nanoTime();
    // suspend self, to be woken up when time1 has passed
    waitForTime(time1);
    out.println("[" + name + "] it is now " + (clock.nanoTime() - start) / 1_000_000
        + " ms since start!");
    // suspend self, to be woken up when time2 has passed
    waitForTime(time2);
    out.println("[" + name + "] it is now " + (clock.nanoTime() - start) / 1_000_000
        + " ms since start!");
  }

  @Async
  static void asyncMain() {
    // stores the async frames of our tasks
    TimerLoopAsync.WaitUntilAndPrint[] tasks = {
      TimerLoopAsync.waitUntilAndPrint(1000, 1200, "task-pair a"),
      TimerLoopAsync.waitUntilAndPrint(500, 1300, "task-pair b"),
    };
    for (TimerLoopAsync.WaitUntilAndPrint t : tasks) {
      await(t);
    }
  }

  static void run(PrintStream output, Clock time) throws InterruptedException {
    out = output;
    clock = time;
    timerQueue.clear();
    var mainTask = TimerLoopAsync.asyncMain();
    // the body of the event loop: pops the task which is to be next executed
    Delay delay;
    while ((delay = timerQueue.poll()) != null) {
      // wait until it is time to execute next task
      long now = clock.nanoTime();
      if (now < delay.expires()) {
        clock.sleepNanos(delay.expires() - now);
      }
      // execute next task
      resume(delay.frame());
    }
    nosuspend(mainTask);
  }

  private TimerLoop() {}
}
