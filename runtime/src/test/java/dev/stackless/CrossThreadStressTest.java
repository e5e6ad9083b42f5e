package dev.stackless;

import static dev.stackless.Keywords.nosuspend;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stackless.Frames.Hop;
import dev.stackless.Frames.PlusOne;
import dev.stackless.Frames.Twice;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Frames resumed from other threads than the ones that suspended them. */
class CrossThreadStressTest {

  private static final long TIMEOUT_SECONDS = 120;

  /** A frame no test creates: tells a worker to stop. */
  private static final Frame<?> POISON = new Twice();

  @Test
  void twentyThousandFramesHopThreeTimesBetweenTwoWorkers() throws Exception {
    int frames = 20_000;
    int hops = 3;
    BlockingQueue<Frame<?>> queue = new LinkedBlockingQueue<>();
    AtomicIntegerArray blockRuns = new AtomicIntegerArray(frames);
    AtomicIntegerArray segments = new AtomicIntegerArray(frames);
    AtomicIntegerArray completions = new AtomicIntegerArray(frames);
    CountDownLatch allDone = new CountDownLatch(frames);
    AtomicInteger resumes = new AtomicInteger();
    AtomicReference<Throwable> failure = new AtomicReference<>();

    List<Thread> workers = new ArrayList<>();
    for (int w = 0; w < 2; w++) {
      Thread worker = new Thread(() -> {
        try {
          while (true) {
            Frame<?> frame = queue.take();
            if (frame == POISON) {
              return;
            }
            frame.resume();
            resumes.incrementAndGet();
          }
        } catch (Throwable t) {
          failure.compareAndSet(null, t);
        }
      }, "worker-" + w);
      worker.start();
      workers.add(worker);
    }

    Hop[] all = new Hop[frames];
    for (int i = 0; i < frames; i++) {
      int id = i;
      all[i] = new Hop().start(
          id,
          hops,
          self -> {
            queue.add(self);
            // still inside the block: a worker may be running the frame already
            blockRuns.incrementAndGet(id);
          },
          done -> {
            segments.incrementAndGet(id);
            if (done == hops) {
              completions.incrementAndGet(id);
              allDone.countDown();
            }
          });
    }

    boolean finished = allDone.await(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    for (int w = 0; w < workers.size(); w++) {
      queue.add(POISON);
    }
    for (Thread worker : workers) {
      worker.join(TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS));
      assertFalse(worker.isAlive(), worker.getName() + " is stuck");
    }
    assertNull(failure.get(), () -> "a worker failed: " + failure.get());
    assertTrue(finished, () -> allDone.getCount() + " frames never finished");

    assertEquals(frames * hops, resumes.get());
    assertTrue(queue.isEmpty());
    for (int i = 0; i < frames; i++) {
      assertEquals(hops, blockRuns.get(i), "block runs of frame " + i);
      assertEquals(hops, segments.get(i), "resumed segments of frame " + i);
      assertEquals(1, completions.get(i), "completions of frame " + i);
      assertEquals(hops, all[i].resumedSegments.get());
      assertTrue(all[i].isDone());
      assertEquals(i, nosuspend(all[i]));
    }
  }

  @Test
  void resumeWhileTheSuspendBlockIsStillRunning() throws Exception {
    // The block hands the frame to a resumer and then waits until the resumer has run the rest
    // of the frame to completion: the resume must neither be lost nor run the frame twice.
    int iterations = 20_000;
    BlockingQueue<Frame<?>> handOff = new LinkedBlockingQueue<>();
    Semaphore resumed = new Semaphore(0);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread resumer = new Thread(() -> {
      try {
        while (true) {
          Frame<?> frame = handOff.take();
          if (frame == POISON) {
            return;
          }
          frame.resume();
          resumed.release();
        }
      } catch (Throwable t) {
        failure.compareAndSet(null, t);
      }
    }, "resumer");
    resumer.start();
    try {
      for (int i = 0; i < iterations; i++) {
        AtomicInteger after = new AtomicInteger();
        AtomicReference<Boolean> doneInBlock = new AtomicReference<>();
        Hop hop = new Hop().start(
            i,
            1,
            self -> {
              handOff.add(self);
              try {
                assertTrue(resumed.tryAcquire(TIMEOUT_SECONDS, TimeUnit.SECONDS), "resume lost");
              } catch (InterruptedException e) {
                throw new AssertionError(e);
              }
              doneInBlock.set(self.isDone());
            },
            done -> after.incrementAndGet());
        assertNull(failure.get());
        assertTrue(doneInBlock.get(), "the resumer finished the frame while its block ran");
        assertTrue(hop.isDone());
        assertEquals(1, after.get());
        assertEquals(1, hop.resumedSegments.get());
        assertEquals(i, nosuspend(hop));
      }
    } finally {
      handOff.add(POISON);
      resumer.join(TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS));
    }
    assertFalse(resumer.isAlive());
    assertNull(failure.get());
  }

  @Test
  void resumeRacesWithTheEndOfTheSuspendBlock() throws Exception {
    // No waiting in the block: the resumer's CAS lands anywhere around the block's end. Each
    // frame hops twice, each resumed segment runs exactly once, nothing is lost.
    int iterations = 50_000;
    int hops = 2;
    ConcurrentLinkedQueue<Frame<?>> handOff = new ConcurrentLinkedQueue<>();
    AtomicInteger resumes = new AtomicInteger();
    AtomicInteger stop = new AtomicInteger();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    CountDownLatch allDone = new CountDownLatch(iterations);
    Thread resumer = new Thread(() -> {
      try {
        while (stop.get() == 0) {
          Frame<?> frame = handOff.poll();
          if (frame == null) {
            Thread.onSpinWait();
            continue;
          }
          frame.resume();
          resumes.incrementAndGet();
        }
      } catch (Throwable t) {
        failure.compareAndSet(null, t);
      }
    }, "spinning-resumer");
    resumer.start();
    AtomicIntegerArray segments = new AtomicIntegerArray(iterations);
    Hop[] all = new Hop[iterations];
    try {
      for (int i = 0; i < iterations; i++) {
        int id = i;
        all[i] = new Hop().start(
            id,
            hops,
            self -> {
              handOff.add(self);
              segments.addAndGet(id, 1000); // work the resumer can overtake
            },
            done -> {
              segments.incrementAndGet(id);
              if (done == hops) {
                allDone.countDown();
              }
            });
      }
      assertTrue(allDone.await(TIMEOUT_SECONDS, TimeUnit.SECONDS), () -> allDone.getCount()
          + " frames unfinished, first failure: " + failure.get());
    } finally {
      stop.set(1);
      resumer.join(TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS));
    }
    assertFalse(resumer.isAlive());
    assertNull(failure.get());
    assertEquals(iterations * hops, resumes.get());
    for (int i = 0; i < iterations; i++) {
      assertEquals(hops * 1000 + hops, segments.get(i), "frame " + i);
      assertEquals(hops, all[i].resumedSegments.get());
      assertEquals(i, nosuspend(all[i]));
    }
  }

  @Test
  void awaitRacesWithTheAwaiteeCompletingOnAnotherThread() throws Exception {
    // The awaitee is resumed on another thread while the awaiter is about to park on it: the
    // awaiter continues exactly once, on whichever thread wins.
    int iterations = 20_000;
    BlockingQueue<Frame<?>> handOff = new LinkedBlockingQueue<>();
    Semaphore resumed = new Semaphore(0);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread resumer = new Thread(() -> {
      try {
        while (true) {
          Frame<?> frame = handOff.take();
          if (frame == POISON) {
            return;
          }
          frame.resume();
          resumed.release();
        }
      } catch (Throwable t) {
        failure.compareAndSet(null, t);
      }
    }, "awaitee-resumer");
    resumer.start();
    try {
      for (int i = 0; i < iterations; i++) {
        AtomicInteger continuations = new AtomicInteger();
        Twice child = new Twice().start(i);
        handOff.add(child);
        PlusOne parent = new PlusOne().start(child, null, continuations::incrementAndGet);
        // once the resumer's resume() has returned and our start() has, the parent is done
        assertTrue(resumed.tryAcquire(TIMEOUT_SECONDS, TimeUnit.SECONDS), "resume lost");
        assertNull(failure.get());
        assertTrue(parent.isDone(), parent.toString());
        assertEquals(1, continuations.get());
        assertEquals(2 * i + 1, nosuspend(parent));
      }
    } finally {
      handOff.add(POISON);
      resumer.join(TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS));
    }
    assertFalse(resumer.isAlive());
    assertNull(failure.get());
  }

  @Test
  void twoThreadsRacingToResumeTheSameFrameRunItOnce() throws Exception {
    int iterations = 20_000;
    AtomicReference<Twice> current = new AtomicReference<>();
    AtomicInteger wins = new AtomicInteger();
    AtomicInteger rejections = new AtomicInteger();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    CyclicBarrier barrier = new CyclicBarrier(3);
    Runnable racer = () -> {
      try {
        for (int i = 0; i < iterations; i++) {
          barrier.await(TIMEOUT_SECONDS, TimeUnit.SECONDS); // the frame is ready
          try {
            current.get().resume();
            wins.incrementAndGet();
          } catch (IllegalStateException e) {
            if (!e.getMessage().contains("demo.Owner.twice")) {
              throw e;
            }
            rejections.incrementAndGet();
          }
          barrier.await(TIMEOUT_SECONDS, TimeUnit.SECONDS); // both have tried
        }
      } catch (Throwable t) {
        failure.compareAndSet(null, t);
        barrier.reset();
      }
    };
    Thread a = new Thread(racer, "racer-a");
    Thread b = new Thread(racer, "racer-b");
    a.start();
    b.start();
    try {
      for (int i = 0; i < iterations; i++) {
        Twice frame = new Twice().start(i);
        current.set(frame);
        wins.set(0);
        rejections.set(0);
        barrier.await(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        barrier.await(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        assertEquals(1, wins.get(), "iteration " + i);
        assertEquals(1, rejections.get(), "iteration " + i);
        assertEquals(2 * i, nosuspend(frame));
      }
    } finally {
      a.join(TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS));
      b.join(TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS));
    }
    assertNull(failure.get());
  }

  @Test
  void restartRacingWithTheEndOfACompletionOnAnotherThread() throws Exception {
    // A worker resumes the frame to completion while this thread retries start() until it is
    // accepted. Once accepted, the new run must be a clean one: suspended, not done, with no
    // trace of the previous run's completion landing on it.
    int iterations = Integer.getInteger("restartIterations", 300_000);
    BlockingQueue<Frame<?>> handOff = new LinkedBlockingQueue<>();
    Semaphore resumed = new Semaphore(0);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread resumer = new Thread(() -> {
      try {
        while (true) {
          Frame<?> frame = handOff.take();
          if (frame == POISON) {
            return;
          }
          frame.resume();
          resumed.release();
        }
      } catch (Throwable t) {
        failure.compareAndSet(null, t);
      }
    }, "completer");
    resumer.start();
    try {
      Twice frame = new Twice();
      for (int i = 0; i < iterations; i++) {
        frame.start(i);
        handOff.add(frame);
        long rejected = 0;
        while (true) {
          try {
            frame.start(i + 1);
            break;
          } catch (IllegalStateException notYet) {
            rejected++;
            Thread.onSpinWait();
          }
        }
        assertTrue(resumed.tryAcquire(TIMEOUT_SECONDS, TimeUnit.SECONDS), "resume lost");
        assertNull(failure.get());
        assertTrue(frame.isSuspended(), "iteration " + i + ": " + frame);
        assertFalse(frame.isDone(), "iteration " + i + ": the old completion marked the new run done");
        frame.resume();
        assertEquals(2 * (i + 1), nosuspend(frame));
      }
    } finally {
      handOff.add(POISON);
      resumer.join(TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS));
    }
    assertNull(failure.get());
  }
}
