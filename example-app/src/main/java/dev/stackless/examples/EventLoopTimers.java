package dev.stackless.examples;

import static dev.stackless.Keywords.*;

import dev.stackless.Async;
import dev.stackless.loop.EventLoop;
import java.io.PrintStream;
import java.time.Duration;

/**
 * Seed 001's timer program again, on {@link EventLoop} instead of the hand-written loop of {@link
 * TimerLoop}: {@code await(loop.sleep(d))} replaces the suspend block that filed the frame in a
 * priority queue, and the loop does the popping, waiting and resuming. Same output.
 */
public final class EventLoopTimers {

  @Async
  static void waitUntilAndPrint(
      EventLoop loop, PrintStream out, long time1, long time2, String name) {
    long start = loop.nanoTime();
    await(loop.sleep(Duration.ofMillis(time1)));
    out.println("[" + name + "] it is now " + (loop.nanoTime() - start) / 1_000_000
        + " ms since start!");
    await(loop.sleep(Duration.ofMillis(time2)));
    out.println("[" + name + "] it is now " + (loop.nanoTime() - start) / 1_000_000
        + " ms since start!");
  }

  @Async
  static void asyncMain(EventLoop loop, PrintStream out) {
    var a = EventLoopTimersAsync.waitUntilAndPrint(loop, out, 1000, 1200, "task-pair a");
    var b = EventLoopTimersAsync.waitUntilAndPrint(loop, out, 500, 1300, "task-pair b");
    await(a);
    await(b);
  }

  static void run(PrintStream out, EventLoop loop) {
    loop.run(() -> EventLoopTimersAsync.asyncMain(loop, out));
  }

  private EventLoopTimers() {}
}
