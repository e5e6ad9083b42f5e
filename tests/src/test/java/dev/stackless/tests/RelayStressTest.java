package dev.stackless.tests;

import static dev.stackless.Keywords.nosuspend;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stackless.AnyFrame;
import dev.stackless.Frame;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Processed frames resumed by other threads than the ones that suspended them. */
class RelayStressTest {
  private static final long TIMEOUT_SECONDS = 120;

  /** Tells a worker to stop; never resumed. */
  private static final AnyFrame POISON = () -> {
    throw new AssertionError("poison resumed");
  };

  @Test
  void twentyThousandFramesHopThreeTimesBetweenTwoWorkers() throws Exception {
    int frames = 20_000;
    int hops = 3;
    BlockingQueue<AnyFrame> queue = new LinkedBlockingQueue<>();
    Relay relay = new Relay(queue, frames);
    AtomicInteger resumes = new AtomicInteger();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    List<Thread> workers = new ArrayList<>();
    for (int w = 0; w < 2; w++) {
      Thread worker = new Thread(() -> {
        try {
          while (true) {
            AnyFrame frame = queue.take();
            if (frame == POISON) {
              return;
            }
            frame.resume();
            resumes.incrementAndGet();
          }
        } catch (Throwable t) {
          failure.compareAndSet(null, t);
        }
      }, "relay-worker-" + w);
      worker.start();
      workers.add(worker);
    }

    List<Frame<Integer>> started = new ArrayList<>();
    for (int id = 0; id < frames; id++) {
      started.add(RelayAsync.hop(relay, id, hops));
    }
    boolean finished = relay.allDone.await(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    for (int w = 0; w < workers.size(); w++) {
      queue.add(POISON);
    }
    for (Thread worker : workers) {
      worker.join(TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS));
      assertFalse(worker.isAlive(), worker.getName() + " is stuck");
    }
    assertNull(failure.get(), () -> "a worker failed: " + failure.get());
    assertTrue(finished, () -> relay.allDone.getCount() + " frames never finished");
    assertEquals(frames * hops, resumes.get());
    assertTrue(queue.isEmpty());
    long blockRuns = 0;
    long segments = 0;
    for (int id = 0; id < frames; id++) {
      assertEquals(hops, relay.blockRuns.get(id), "block runs of frame " + id);
      assertEquals(hops, relay.segments.get(id), "resumed segments of frame " + id);
      assertEquals(1, relay.completions.get(id), "completions of frame " + id);
      assertEquals(id, nosuspend(started.get(id)));
      blockRuns += relay.blockRuns.get(id);
      segments += relay.segments.get(id);
    }
    assertEquals((long) frames * hops, blockRuns);
    assertEquals((long) frames * hops, segments);
  }

  @Test
  void resumedByAnotherThreadWhileItsSuspendBlockIsStillRunning() throws Exception {
    int iterations = 20_000;
    BlockingQueue<AnyFrame> handOff = new LinkedBlockingQueue<>();
    Semaphore resumed = new Semaphore(0);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread resumer = new Thread(() -> {
      try {
        while (true) {
          AnyFrame frame = handOff.take();
          if (frame == POISON) {
            return;
          }
          frame.resume();
          resumed.release();
        }
      } catch (Throwable t) {
        failure.compareAndSet(null, t);
      }
    }, "hand-off-resumer");
    resumer.start();
    try {
      for (int i = 0; i < iterations; i++) {
        int[] after = {i, -1};
        Frame<Integer> frame = RelayAsync.handOff(handOff, resumed, after, i);
        assertNull(failure.get());
        assertTrue(frame.isDone(), frame.toString());
        assertEquals(i, nosuspend(frame));
        assertEquals(i + 1, after[0], "the rest of the frame ran exactly once");
        assertEquals(1, after[1], "it ran before the block ended");
      }
    } finally {
      handOff.add(POISON);
      resumer.join(TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS));
    }
    assertFalse(resumer.isAlive());
    assertNull(failure.get());
  }
}
