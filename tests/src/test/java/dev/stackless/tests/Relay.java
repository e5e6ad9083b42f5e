package dev.stackless.tests;

import static dev.stackless.Keywords.*;

import dev.stackless.AnyFrame;
import dev.stackless.Async;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;

/** Frames that hop between threads through a shared queue. */
class Relay {
  final BlockingQueue<AnyFrame> queue;
  final AtomicIntegerArray blockRuns;
  final AtomicIntegerArray segments;
  final AtomicIntegerArray completions;
  final CountDownLatch allDone;

  Relay(BlockingQueue<AnyFrame> queue, int frames) {
    this.queue = queue;
    this.blockRuns = new AtomicIntegerArray(frames);
    this.segments = new AtomicIntegerArray(frames);
    this.completions = new AtomicIntegerArray(frames);
    this.allDone = new CountDownLatch(frames);
  }

  /**
   * Suspends {@code hops} times; each suspend block puts the frame on the queue, where a worker
   * may take and resume it while the block is still running here.
   */
  @Async
  int hop(int id, int hops) {
    int done = 0;
    while (done < hops) {
      suspend(self -> {
        queue.add(self);
        blockRuns.incrementAndGet(id);
      });
      segments.incrementAndGet(id);
      done++;
    }
    completions.incrementAndGet(id);
    allDone.countDown();
    return id;
  }

  /**
   * Hands itself to another thread and, still inside the suspend block, waits until that thread
   * has resumed it to completion: the rest of the frame runs before the rest of the block.
   */
  @Async
  static int handOff(BlockingQueue<AnyFrame> to, Semaphore resumed, int[] after, int id) {
    int before = after[0];
    suspend(self -> {
      to.add(self);
      acquire(resumed);
      after[1] = self instanceof dev.stackless.Frame && ((dev.stackless.Frame<?>) self).isDone()
          ? 1 : 0;
    });
    after[0] = before + 1;
    return id;
  }

  static void acquire(Semaphore semaphore) {
    try {
      if (!semaphore.tryAcquire(60, TimeUnit.SECONDS)) {
        throw new AssertionError("the resume was lost");
      }
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }
}
