package dev.stackless.tests;

import static dev.stackless.Keywords.*;

import dev.stackless.AnyFrame;
import dev.stackless.Async;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicIntegerArray;

/** A frame that hops between threads through a queue. */
class Hops {

  /**
   * Suspends {@code hops} times; each suspend block puts the frame on {@code queue}, where another
   * thread may take and resume it while the block is still running here.
   */
  @Async
  static int hop(
      BlockingQueue<AnyFrame> queue,
      AtomicIntegerArray visits,
      AtomicIntegerArray blockEnds,
      CountDownLatch done,
      int id,
      int hops) {
    int hop = 0;
    while (hop < hops) {
      suspend(self -> {
        queue.add(self);
        // still in the block: the frame may already be running on another thread
        blockEnds.incrementAndGet(id);
      });
      visits.incrementAndGet(id);
      hop++;
    }
    done.countDown();
    return id;
  }
}
