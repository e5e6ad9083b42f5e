package dev.stackless.examples;

import static dev.stackless.Keywords.*;

import dev.stackless.Async;
import dev.stackless.Frame;
import dev.stackless.loop.EventLoop;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * 100,000 frames, each sleeping twice, on a loop of 4 threads, and one more frame that prints the
 * progress every 50 ms: a hundred thousand concurrent tasks cost a hundred thousand small objects
 * and a timer heap, no threads.
 */
public final class ManyTimers {

  @Async
  static void task(EventLoop loop, AtomicInteger done, int id) {
    await(loop.sleep(Duration.ofMillis(id % 200)));
    await(loop.sleep(Duration.ofMillis(100 - id % 100)));
    done.incrementAndGet();
  }

  @Async
  static void progress(EventLoop loop, PrintStream out, AtomicInteger done, int total) {
    while (done.get() < total) {
      await(loop.sleep(Duration.ofMillis(50)));
      out.println("progress: " + done.get() + " of " + total + " frames done");
    }
  }

  @Async
  static int main(EventLoop loop, PrintStream out, int total) {
    AtomicInteger done = new AtomicInteger();
    var reporter = ManyTimersAsync.progress(loop, out, done, total);
    List<Frame<Void>> tasks = new ArrayList<>();
    for (int id = 0; id < total; id++) {
      tasks.add(ManyTimersAsync.task(loop, done, id));
    }
    for (Frame<Void> task : tasks) {
      await(task);
    }
    await(reporter);
    out.println("all " + done.get() + " frames done");
    return done.get();
  }

  static void run(PrintStream out, EventLoop loop, int total) {
    loop.run(() -> ManyTimersAsync.main(loop, out, total));
  }

  private ManyTimers() {}
}
