package dev.stackless.tests;

import static dev.stackless.Keywords.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stackless.AnyFrame;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Frames resumed by other threads than the one that suspended them, racing with the end of their
 * suspend blocks: nothing is lost, nothing runs twice.
 */
@Timeout(120) // a lost wakeup fails the test instead of hanging the build
class CrossThreadStressTest {
  private static final int FRAMES = 20_000 * Integer.getInteger("stackless.stress", 1);
  private static final int HOPS = 3;

  @Test
  void twentyThousandFramesHopThreeTimesAcrossTwoWorkers() throws Exception {
    BlockingQueue<AnyFrame> queue = new LinkedBlockingQueue<>();
    AtomicIntegerArray visits = new AtomicIntegerArray(FRAMES);
    AtomicIntegerArray blockEnds = new AtomicIntegerArray(FRAMES);
    CountDownLatch done = new CountDownLatch(FRAMES);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    AnyFrame stop = () -> {};

    List<Thread> workers = new ArrayList<>();
    for (int w = 0; w < 2; w++) {
      Thread worker =
          new Thread(
              () -> {
                try {
                  for (AnyFrame frame = queue.take(); frame != stop; frame = queue.take()) {
                    frame.resume();
                  }
                } catch (Throwable e) {
                  failure.compareAndSet(null, e);
                }
              },
              "worker-" + w);
      worker.start();
      workers.add(worker);
    }

    List<HopsAsync.Hop> frames = new ArrayList<>();
    for (int id = 0; id < FRAMES; id++) {
      frames.add(HopsAsync.hop(queue, visits, blockEnds, done, id, HOPS));
    }
    boolean finished = done.await(60, TimeUnit.SECONDS);
    for (int w = 0; w < workers.size(); w++) {
      queue.add(stop);
    }
    for (Thread worker : workers) {
      worker.join(10_000);
    }

    assertEquals(null, failure.get());
    assertTrue(finished, "frames left unfinished: " + done.getCount());
    for (int id = 0; id < FRAMES; id++) {
      HopsAsync.Hop frame = frames.get(id);
      assertTrue(frame.isDone(), "frame " + id);
      assertEquals(id, nosuspend(frame));
      assertEquals(HOPS, visits.get(id), "visits of frame " + id);
      assertEquals(HOPS, blockEnds.get(id), "suspend blocks of frame " + id);
    }
    assertEquals(0, queue.size());
  }
}
