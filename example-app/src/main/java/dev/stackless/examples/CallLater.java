package dev.stackless.examples;

import static dev.stackless.Keywords.*;

import dev.stackless.AnyFrame;
import dev.stackless.Async;
import java.io.PrintStream;

/**
 * Seed 001/002, "@frame() 2": a suspend block hands the frame to {@code wakeupLater}, which
 * resumes it from another thread after a delay; then the frame calls {@code laterFn}.
 *
 * <p>In the seed {@code wakeupLater} sleeps on the caller's thread; here it starts a plain thread
 * that sleeps and then resumes the frame, so the frame finishes on that thread. The caller joins
 * the thread: {@code join} is the synchronisation, the sleep is only the example's delay.
 */
public final class CallLater {
  /** The thread {@code wakeupLater} started; the suspend block stores it. */
  static Thread waker;

  @Async
  static void callLater(Runnable laterFn, long ms) {
    suspend(() -> {
      waker = wakeupLater(frame(), ms);
    });
    laterFn.run();
  }

  /** Not async: a plain thread sleeps, then resumes the frame (Zig: {@code resume frame}). */
  static Thread wakeupLater(AnyFrame frame, long ms) {
    Thread thread =
        new Thread(
            () -> {
              try {
                Thread.sleep(ms); // std.time.sleep(ms * std.time.ns_per_ms)
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
              }
              resume(frame);
            },
            "wakeupLater");
    thread.start();
    return thread;
  }

  static void run(PrintStream out, long ms) throws InterruptedException {
    out.println("callLater(alarm, " + ms + "): suspends; wakeupLater resumes it from its thread");
    String[] alarmThread = new String[1];
    Runnable alarm =
        () -> {
          alarmThread[0] = Thread.currentThread().getName();
          out.println("Time's Up!");
        };
    var frame = CallLaterAsync.callLater(alarm, ms);
    waker.join(); // the frame has completed on the waker thread once it ends
    out.println("alarm ran on thread " + alarmThread[0] + "; callLater is done: " + frame.isDone());
    nosuspend(frame); // rethrows what the frame threw, if it threw
  }

  private CallLater() {}
}
