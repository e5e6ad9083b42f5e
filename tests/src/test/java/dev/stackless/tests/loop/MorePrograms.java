package dev.stackless.tests.loop;

import static dev.stackless.Keywords.*;

import dev.stackless.AnyFrame;
import dev.stackless.Async;
import dev.stackless.Frame;
import dev.stackless.loop.AsyncMutex;
import dev.stackless.loop.Channel;
import dev.stackless.loop.EventLoop;
import dev.stackless.loop.WaitGroup;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** @Async programs for the timer, shutdown, interop and stress tests of the event loop. */
class MorePrograms {

  // --- timers -------------------------------------------------------------------------------

  /** Keeps yielding until a sleeper sets the flag: the sleeper's timer must still fire. */
  @Async
  static int spinUntilSleeperWakes(EventLoop loop, long millis) {
    AtomicBoolean woke = new AtomicBoolean();
    var sleeper = MoreProgramsAsync.sleepThenSet(loop, millis, woke);
    int spins = 0;
    while (!woke.get()) {
      await(loop.yieldNow());
      spins++;
    }
    await(sleeper);
    return spins;
  }

  @Async
  static void sleepThenSet(EventLoop loop, long millis, AtomicBoolean flag) {
    await(loop.sleep(Duration.ofMillis(millis)));
    flag.set(true);
  }

  /** Sleeps {@code micros}, then checks it woke exactly at its deadline and after every earlier one. */
  @Async
  static void sleepOnce(EventLoop loop, long micros, AtomicLong lastWake, AtomicInteger disorder) {
    long deadline = loop.nanoTime() + micros * 1_000;
    await(loop.sleep(Duration.ofNanos(micros * 1_000)));
    long now = loop.nanoTime();
    if (now != deadline || now < lastWake.get()) {
      disorder.incrementAndGet();
    }
    lastWake.set(now);
  }

  /** Starts {@code n} sleepers with scattered durations, all detached; returns at once. */
  @Async
  static void manySleepers(EventLoop loop, int n, AtomicLong lastWake, AtomicInteger disorder) {
    for (int i = 0; i < n; i++) {
      long micros = (i * 7919L) % 1_000_003L;
      MoreProgramsAsync.sleepOnce(loop, micros, lastWake, disorder);
    }
  }

  @Async
  static String sleepLog(EventLoop loop, List<String> log, String name, Duration duration) {
    await(loop.sleep(duration));
    log.add(name);
    return name;
  }

  // --- shutdown -----------------------------------------------------------------------------

  /** Starts sleepers of 10, 20 and 30 ms, shuts the loop down at 15 ms, then awaits them. */
  @Async
  static String shutDownHalfway(EventLoop loop, List<String> log) {
    var a = MoreProgramsAsync.sleepLog(loop, log, "a10", Duration.ofMillis(10));
    var b = MoreProgramsAsync.sleepLog(loop, log, "b20", Duration.ofMillis(20));
    var c = MoreProgramsAsync.sleepLog(loop, log, "c30", Duration.ofMillis(30));
    await(loop.sleep(Duration.ofMillis(15)));
    loop.shutdown();
    log.add("shutdown");
    String all = await(a);
    all += await(b);
    all += await(c);
    return all;
  }

  @Async
  static int shutDownThenReturn(EventLoop loop) {
    await(loop.yieldNow());
    loop.shutdown();
    return 7;
  }

  /** Ticks forever, counting down the latch on every tick. */
  @Async
  static void tickForever(EventLoop loop, CountDownLatch ticks) {
    while (true) {
      await(loop.sleep(Duration.ofMillis(1)));
      ticks.countDown();
    }
  }

  // --- detached frames and tasks ------------------------------------------------------------

  @Async
  static int failAfter(EventLoop loop, long millis, String message) {
    await(loop.sleep(Duration.ofMillis(millis)));
    throw new IllegalArgumentException(message);
  }

  @Async
  static String spawnAndReturn(EventLoop loop, List<String> log) {
    loop.spawn(() -> MoreProgramsAsync.sleepLog(loop, log, "detached", Duration.ofMillis(20)));
    loop.spawn(() -> MoreProgramsAsync.failAfter(loop, 5, "boom"));
    log.add("root");
    return "root";
  }

  // --- interop ------------------------------------------------------------------------------

  @Async
  static <T> T awaitStage(CompletableFuture<T> future) {
    T value = await(future);
    return value;
  }

  @Async
  static <T> T awaitAnyStage(java.util.concurrent.CompletionStage<T> stage) {
    T value = await(stage);
    return value;
  }

  @Async
  static String joinOnTheLoop(EventLoop loop) {
    var sleeper = MoreProgramsAsync.sleepLog(loop, new java.util.ArrayList<>(), "s",
        Duration.ofMillis(1));
    return EventLoop.join(sleeper); // illegal on a loop thread: throws inside this frame
  }

  /** Suspends, hands itself to {@code other}, and waits for {@code gate} to keep the loop busy. */
  @Async
  static Thread resumedLater(EventLoop loop, BlockingQueue<AnyFrame> other,
      CompletableFuture<Void> gate) {
    var keepAlive = loop.fromStage(gate);
    suspend(self -> other.add(self));
    Thread here = Thread.currentThread();
    await(keepAlive);
    return here;
  }

  // --- stress on several threads ------------------------------------------------------------

  /**
   * Suspends {@code rounds} times, each time handing itself, through {@link EventLoop#handOff}, to
   * a plain thread that resumes it; counts itself in and out to catch a concurrent run.
   */
  @Async
  static int bounce(EventLoop loop, List<BlockingQueue<AnyFrame>> threads, int rounds, int id,
      AtomicInteger inside, AtomicInteger overlaps, AtomicLong resumes) {
    int done = 0;
    for (int r = 0; r < rounds; r++) {
      if (inside.incrementAndGet() != 1) {
        overlaps.incrementAndGet();
      }
      inside.decrementAndGet();
      BlockingQueue<AnyFrame> to = threads.get((id + r) % threads.size());
      suspend(self -> to.add(loop.handOff(self)));
      resumes.incrementAndGet();
      done++;
    }
    return done;
  }

  @Async
  static long bounceMany(EventLoop loop, List<BlockingQueue<AnyFrame>> threads, int frames,
      int rounds, AtomicInteger overlaps, AtomicLong resumes) {
    List<Frame<Integer>> started = new java.util.ArrayList<>();
    for (int id = 0; id < frames; id++) {
      started.add(MoreProgramsAsync.bounce(loop, threads, rounds, id, new AtomicInteger(),
          overlaps, resumes));
    }
    long total = 0;
    for (Frame<Integer> frame : started) {
      int done = await(frame);
      total += done;
    }
    return total;
  }

  /** Increments a plain counter under the mutex, yielding between the read and the write. */
  @Async
  static void increment(EventLoop loop, AsyncMutex mutex, int[] counter, AtomicInteger holders,
      AtomicInteger overlaps, int times) {
    for (int i = 0; i < times; i++) {
      await(mutex.lock());
      if (holders.incrementAndGet() != 1) {
        overlaps.incrementAndGet();
      }
      int read = counter[0];
      await(loop.yieldNow());
      counter[0] = read + 1;
      holders.decrementAndGet();
      mutex.unlock();
    }
  }

  @Async
  static int incrementMany(EventLoop loop, int frames, int times, AtomicInteger overlaps) {
    AsyncMutex mutex = new AsyncMutex(loop);
    WaitGroup group = new WaitGroup(loop);
    int[] counter = new int[1];
    AtomicInteger holders = new AtomicInteger();
    group.add(frames);
    for (int f = 0; f < frames; f++) {
      loop.spawn(() -> MoreProgramsAsync.incrementThenDone(loop, mutex, counter, holders,
          overlaps, times, group));
    }
    await(group.whenDone());
    return counter[0]; // visible: each increment happened before its unlock, and done() after
  }

  @Async
  static void incrementThenDone(EventLoop loop, AsyncMutex mutex, int[] counter,
      AtomicInteger holders, AtomicInteger overlaps, int times, WaitGroup group) {
    increment(loop, mutex, counter, holders, overlaps, times);
    group.done();
  }

  /** Receives {@code count} values and sums them. */
  @Async
  static long receiveAll(Channel<Integer> channel, int count) {
    long sum = 0;
    for (int i = 0; i < count; i++) {
      int value = await(channel.receive());
      sum += value;
    }
    return sum;
  }

  /** Receives {@code count} values into a shared sum. */
  @Async
  static void receiveInto(Channel<Integer> channel, long count, AtomicLong sum,
      AtomicLong received) {
    for (long i = 0; i < count; i++) {
      int value = await(channel.receive());
      sum.addAndGet(value);
      received.incrementAndGet();
    }
  }
}
