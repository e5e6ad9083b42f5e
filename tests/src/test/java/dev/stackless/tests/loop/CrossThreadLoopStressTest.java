package dev.stackless.tests.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.stackless.AnyFrame;
import dev.stackless.loop.Channel;
import dev.stackless.loop.EventLoop;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Many cross-thread resumes into a loop on four threads: nothing lost, nothing run twice, no
 * frame on two threads at once: a million frame hand-offs by default. {@code -Dstackless.stress=N}
 * multiplies the sizes.
 */
@Timeout(300) // a lost wakeup fails the test instead of hanging the build
class CrossThreadLoopStressTest {
  private static final int SCALE = Integer.getInteger("stackless.stress", 1);
  private static final AnyFrame STOP = () -> {};

  @Test
  void framesBouncingBetweenTheLoopAndPlainThreads() throws Exception {
    int frames = 1_000;
    int rounds = 1_000 * SCALE;
    EventLoop loop = EventLoop.withThreads(4);
    List<BlockingQueue<AnyFrame>> queues = new ArrayList<>();
    List<Thread> resumers = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      BlockingQueue<AnyFrame> queue = new LinkedBlockingQueue<>();
      queues.add(queue);
      Thread resumer = new Thread(() -> {
        try {
          for (AnyFrame handle = queue.take(); handle != STOP; handle = queue.take()) {
            handle.resume(); // races with the end of the suspend block that handed it over
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }, "resumer-" + i);
      resumer.start();
      resumers.add(resumer);
    }
    AtomicInteger overlaps = new AtomicInteger();
    AtomicLong resumes = new AtomicLong();
    long total = loop.run(
        () -> MoreProgramsAsync.bounceMany(loop, queues, frames, rounds, overlaps, resumes));
    for (BlockingQueue<AnyFrame> queue : queues) {
      queue.add(STOP);
    }
    for (Thread resumer : resumers) {
      resumer.join(60_000);
    }
    assertEquals((long) frames * rounds, total);
    assertEquals((long) frames * rounds, resumes.get());
    assertEquals(0, overlaps.get());
  }

  @Test
  void tasksExecutedFromManyPlainThreadsAllRunOnce() throws Exception {
    int threads = 4;
    int each = 50_000 * SCALE;
    EventLoop loop = EventLoop.withThreads(4);
    AtomicLong ran = new AtomicLong();
    CompletableFuture<Void> allRan = new CompletableFuture<>();
    long expected = (long) threads * each;
    List<Thread> submitters = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      submitters.add(new Thread(() -> {
        for (int i = 0; i < each; i++) {
          loop.execute(() -> {
            if (ran.incrementAndGet() == expected) {
              allRan.complete(null);
            }
          });
        }
      }));
    }
    submitters.forEach(Thread::start);
    // the awaited stage keeps the loop alive until the last task has run
    loop.run(() -> MoreProgramsAsync.awaitStage(allRan));
    for (Thread submitter : submitters) {
      submitter.join(60_000);
    }
    assertEquals(expected, ran.get());
  }

  @Test
  void theMutexKeepsCriticalSectionsApartAcrossThreads() {
    int frames = 200;
    int times = 100 * SCALE;
    EventLoop loop = EventLoop.withThreads(4);
    AtomicInteger overlaps = new AtomicInteger();
    int counted = loop.run(() -> MoreProgramsAsync.incrementMany(loop, frames, times, overlaps));
    assertEquals(frames * times, counted);
    assertEquals(0, overlaps.get());
  }

  @Test
  void twoReceiversShareARendezvousChannelAcrossThreads() {
    int producers = 4;
    int each = 2_000 * SCALE;
    EventLoop loop = EventLoop.withThreads(4);
    Channel<Integer> channel = Channel.rendezvous(loop);
    long total = (long) producers * each;
    long expected = total * (total - 1) / 2;
    AtomicLong sum = new AtomicLong();
    AtomicLong received = new AtomicLong();
    loop.run(() -> {
      for (int p = 0; p < producers; p++) {
        int from = p * each;
        loop.spawn(() -> ThreadedProgramsAsync.sendAll(channel, from, each));
      }
      loop.spawn(() -> MoreProgramsAsync.receiveInto(channel, total / 2, sum, received));
      return MoreProgramsAsync.receiveInto(channel, total - total / 2, sum, received);
    });
    assertEquals(total, received.get());
    assertEquals(expected, sum.get());
  }
}
