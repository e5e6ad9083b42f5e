package dev.stackless.benchmarks;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Event-loop rows. {@code sleepers}: one million frames each sleep 0 to 9 ms and are resumed by
 * their timer; the score is ns per sleeping frame from its start to its wake-up, the whole million
 * started at once (so the deadlines have passed by the time the last is started: this is the
 * loop's cost, not the waiting). {@code yielders}: 1,000 frames each yield 100 times on a loop of
 * 1, 2 or 4 threads; ns per resume. Channel ping-pong is in {@link PingPongBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 4, time = 1)
@Fork(value = 1)
public class LoopBenchmark {
  static final int SLEEPERS = 1_000_000;
  static final int YIELDERS = 1_000;
  static final int YIELDS = 100;

  // --- a million sleeping frames -------------------------------------------------------------

  /** (a) Stackless frames sleeping on a single-threaded {@code EventLoop}. */
  @Benchmark
  @OperationsPerInvocation(SLEEPERS)
  public int sleepersStackless() {
    return check(LoopRows.sleepers(SLEEPERS));
  }

  /** (h) Kotlin coroutines in {@code delay}, on runBlocking's event loop. */
  @Benchmark
  @OperationsPerInvocation(SLEEPERS)
  public int sleepersKotlin() {
    return check(KotlinRows.delays(SLEEPERS));
  }

  /** A {@code ScheduledThreadPoolExecutor} of one thread with a million scheduled tasks. */
  @Benchmark
  @OperationsPerInvocation(SLEEPERS)
  public int sleepersScheduledExecutor() throws InterruptedException {
    ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1);
    CountDownLatch fired = new CountDownLatch(SLEEPERS);
    for (int i = 0; i < SLEEPERS; i++) {
      timer.schedule(fired::countDown, i % 10, TimeUnit.MILLISECONDS);
    }
    fired.await();
    timer.shutdown();
    return SLEEPERS;
  }

  /** (e) A million virtual threads in {@code Thread.sleep}. */
  @Benchmark
  @OperationsPerInvocation(SLEEPERS)
  public int sleepersVirtualThreads() throws InterruptedException {
    CountDownLatch fired = new CountDownLatch(SLEEPERS);
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < SLEEPERS; i++) {
        long millis = i % 10;
        threads.execute(() -> {
          try {
            Thread.sleep(millis);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          fired.countDown();
        });
      }
      fired.await();
    }
    return SLEEPERS;
  }

  // --- throughput on 1, 2 and 4 threads ------------------------------------------------------

  /** The thread count, a parameter of the yielder rows only. */
  @State(Scope.Benchmark)
  public static class Pool {
    @Param({"1", "2", "4"})
    public int threads;
  }

  /** (a) Stackless frames yielding on {@code EventLoop.withThreads(threads)}. */
  @Benchmark
  @OperationsPerInvocation(YIELDERS * YIELDS)
  public int yieldersStackless(Pool pool) {
    return check(LoopRows.yielders(pool.threads, YIELDERS, YIELDS), YIELDERS);
  }

  /** (h) Kotlin coroutines calling {@code yield()} on a fixed pool of {@code threads}. */
  @Benchmark
  @OperationsPerInvocation(YIELDERS * YIELDS)
  public int yieldersKotlin(Pool pool) {
    return check(KotlinRows.yielders(pool.threads, YIELDERS, YIELDS), YIELDERS);
  }

  private static int check(int fired) {
    return check(fired, SLEEPERS);
  }

  private static int check(int got, int expected) {
    if (got != expected) {
      throw new IllegalStateException("expected " + expected + ", got " + got);
    }
    return got;
  }
}
