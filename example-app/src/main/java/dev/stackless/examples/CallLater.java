package dev.stackless.examples;

import static dev.stackless.Keywords.*;

import dev.stackless.AnyFrame;
import dev.stackless.Async;
import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;

/**
 * Seed 001/002, "@frame() 2": a suspend block hands the frame to {@code wakeupLater}, which
 * resumes it from another thread after a delay; then the frame calls {@code laterFn}.
 */
public final class CallLater {

  @Async
  static void callLater(Runnable laterFn, long ms) {
    suspend(() -> {
      wakeupLater(frame(), ms);
    });
    laterFn.run();
  }

  /** Not async: a plain thread sleeps, then resumes the frame. */
  static void wakeupLater(AnyFrame frame, long ms) {
    Thread waker =
        new Thread(
            () -> {
              try {
                Thread.sleep(ms); // std.time.sleep: the delay is the point of the example
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
              }
              resume(frame);
            },
            "wakeupLater");
    waker.start();
  }

  static void run(PrintStream out, long ms) {
    CountDownLatch alarmRang = new CountDownLatch(1);
    Runnable alarm =
        () -> {
          out.println("Time's Up!");
          alarmRang.countDown();
        };
    var frame = CallLaterAsync.callLater(alarm, ms);
    out.println("callLater returned; the frame is suspended: " + frame.isSuspended());
    try {
      alarmRang.await(); // main has nothing else to do until the waker resumes the frame
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private CallLater() {}
}
