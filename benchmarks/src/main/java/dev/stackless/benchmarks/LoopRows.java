package dev.stackless.benchmarks;

import static dev.stackless.Keywords.await;

import dev.stackless.Async;
import dev.stackless.loop.Channel;
import dev.stackless.loop.EventLoop;
import dev.stackless.loop.WaitGroup;
import java.time.Duration;

/** Event-loop rows: Stackless frames on {@code dev.stackless.loop.EventLoop}. */
public class LoopRows {
  /** The sleepers' durations: frame i sleeps {@code i % 10} ms, so the deadlines interleave. */
  static final Duration[] DELAYS = new Duration[10];

  static {
    for (int i = 0; i < DELAYS.length; i++) {
      DELAYS[i] = Duration.ofMillis(i);
    }
  }

  /** Sleeps, then counts itself. */
  @Async
  public static void sleeper(EventLoop loop, Duration duration, int[] fired) {
    await(loop.sleep(duration));
    fired[0]++; // one loop thread: no race
  }

  /** Spawns {@code n} sleepers. */
  @Async
  public static void spawnSleepers(EventLoop loop, int n, int[] fired) {
    for (int i = 0; i < n; i++) {
      Duration d = DELAYS[i % DELAYS.length];
      loop.spawn(() -> LoopRowsAsync.sleeper(loop, d, fired));
    }
  }

  /** n frames each sleep 0 to 9 ms on a single-threaded loop; returns once all have fired. */
  static int sleepers(int n) {
    EventLoop loop = new EventLoop();
    int[] fired = {0};
    loop.run(() -> LoopRowsAsync.spawnSleepers(loop, n, fired));
    return fired[0];
  }

  /**
   * Heap bytes per sleeping frame: spawns {@code n} frames that sleep an hour, lets them all reach
   * their timer, measures, and shuts the loop down.
   */
  @Async
  public static double sleepingBytes(EventLoop loop, int n, java.util.function.LongSupplier usedAfterGc) {
    int[] fired = {0};
    Duration hour = Duration.ofHours(1);
    long before = usedAfterGc.getAsLong();
    for (int i = 0; i < n; i++) {
      loop.spawn(() -> LoopRowsAsync.sleeper(loop, hour, fired));
    }
    await(loop.yieldNow()); // the spawned frames run first: all are asleep after this
    double perFrame = (usedAfterGc.getAsLong() - before) / (double) n;
    loop.shutdown();
    return perFrame;
  }

  /** Yields {@code yields} times, then signs off. */
  @Async
  public static void yielder(EventLoop loop, int yields, WaitGroup group) {
    for (int i = 0; i < yields; i++) {
      await(loop.yieldNow());
    }
    group.done();
  }

  /** Spawns the yielders and waits for them all. */
  @Async
  public static int spawnYielders(EventLoop loop, int frames, int yields) {
    WaitGroup group = new WaitGroup(loop);
    group.add(frames);
    for (int i = 0; i < frames; i++) {
      loop.spawn(() -> LoopRowsAsync.yielder(loop, yields, group));
    }
    await(group.whenDone());
    return frames;
  }

  /** {@code frames} frames each yield {@code yields} times on a loop of {@code threads} threads. */
  static int yielders(int threads, int frames, int yields) {
    EventLoop loop = EventLoop.withThreads(threads);
    return loop.run(() -> LoopRowsAsync.spawnYielders(loop, frames, yields));
  }

  /** Ping: sends v + 1 to pong, receives pong's answer; n / 2 rounds. */
  @Async
  public static int ping(Channel<Integer> toPong, Channel<Integer> toPing, int n) {
    int v = 0;
    for (int i = 0; i < n / 2; i++) {
      await(toPong.send(v + 1));
      v = await(toPing.receive());
    }
    return v;
  }

  /** Pong: receives, answers v + 1; n / 2 rounds. */
  @Async
  public static void pong(Channel<Integer> toPong, Channel<Integer> toPing, int n) {
    for (int i = 0; i < n / 2; i++) {
      int v = await(toPong.receive());
      await(toPing.send(v + 1));
    }
  }

  /** Two frames on a single-threaded loop, the counter through two rendezvous channels. */
  static int channelPingPong(int n) {
    EventLoop loop = new EventLoop();
    Channel<Integer> toPong = Channel.rendezvous(loop);
    Channel<Integer> toPing = Channel.rendezvous(loop);
    return loop.run(
        () -> {
          loop.spawn(() -> LoopRowsAsync.pong(toPong, toPing, n));
          return LoopRowsAsync.ping(toPong, toPing, n);
        });
  }
}
