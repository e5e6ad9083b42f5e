package dev.stackless.tests.loop;

import static dev.stackless.Keywords.*;

import dev.stackless.Async;
import dev.stackless.loop.AsyncMutex;
import dev.stackless.loop.EventLoop;
import dev.stackless.loop.WaitGroup;
import java.time.Duration;
import java.util.List;

class SyncPrograms {

  @Async
  static void critical(EventLoop loop, AsyncMutex mutex, List<String> log, String name) {
    await(mutex.lock());
    try {
      log.add(name + " in");
      await(loop.sleep(Duration.ofMillis(10)));
      log.add(name + " out");
    } finally {
      mutex.unlock();
    }
  }

  @Async
  static void threeCritical(EventLoop loop, AsyncMutex mutex, List<String> log) {
    var a = SyncProgramsAsync.critical(loop, mutex, log, "a");
    var b = SyncProgramsAsync.critical(loop, mutex, log, "b");
    var c = SyncProgramsAsync.critical(loop, mutex, log, "c");
    await(a);
    await(b);
    await(c);
  }

  @Async
  static void worker(EventLoop loop, WaitGroup group, List<String> log, int millis) {
    await(loop.sleep(Duration.ofMillis(millis)));
    log.add("worker " + millis);
    group.done();
  }

  @Async
  static long waitForAll(EventLoop loop, WaitGroup group, List<String> log) {
    group.add(3);
    SyncProgramsAsync.worker(loop, group, log, 30);
    SyncProgramsAsync.worker(loop, group, log, 10);
    SyncProgramsAsync.worker(loop, group, log, 20);
    await(group.whenDone());
    log.add("all done");
    return loop.nanoTime() / 1_000_000;
  }
}
