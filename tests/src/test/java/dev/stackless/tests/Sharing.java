package dev.stackless.tests;

import static dev.stackless.Keywords.*;

import dev.stackless.Async;
import dev.stackless.Frame;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Frames started by their factory run without atomics until someone else can hold them
 * ({@code Frame}'s UNSHARED); these hand themselves out while running, before they complete.
 */
class Sharing {
  static Frame<?> published;

  /** Publishes itself with {@code frame()}, starts a frame that awaits it, then completes. */
  @Async
  static int publisher(List<String> log) {
    published = (Frame<?>) frame();
    var waiter = SharingAsync.waiter(log); // parks on this frame, which is still running
    log.add("publisher done");
    return 42;
  }

  @Async
  static int waiter(List<String> log) {
    @SuppressWarnings("unchecked")
    Frame<Integer> target = (Frame<Integer>) published;
    int v = await(target);
    log.add("waiter got " + v);
    return v + 1;
  }

  /** Like {@link #publisher}, but the frame that awaits it runs on another thread. */
  @Async
  static int publisherAcrossThreads(List<String> log) throws InterruptedException {
    published = (Frame<?>) frame();
    CountDownLatch parked = new CountDownLatch(1);
    new Thread(() -> {
      var waiter = SharingAsync.waiter(log);
      log.add("waiter parked: " + !waiter.isDone());
      parked.countDown();
    }).start();
    parked.await();
    return 7;
  }

  /** A chain deeper than the nesting bound: its deep levels are deferred, then awaited. */
  @Async
  static int deepThenAwaitDeferred(int n) {
    if (n == 0) {
      return 0;
    }
    var next = SharingAsync.deepThenAwaitDeferred(n - 1); // may be deferred: not run yet
    return await(next) + 1;
  }
}
