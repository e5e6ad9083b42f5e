package dev.stackless.benchmarks;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import jdk.internal.vm.Continuation;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Ping-pong: two coroutines hand a counter back and forth; the score is ns per handoff. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 4, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-exports", "java.base/jdk.internal.vm=ALL-UNNAMED"})
public class PingPongBenchmark {
  static final int N = 1000;
  static final int N_THREADS = 2000;

  private final PingPong.Ball ball = new PingPong.Ball();
  private final PingPongAsync.Ping ping = new PingPongAsync.Ping();
  private final PingPongAsync.Pong pong = new PingPongAsync.Pong();
  private final PingPong.HandFrame handPing = new PingPong.HandPing();
  private final PingPong.HandFrame handPong = new PingPong.HandPong();

  /** (a) two generated frames, reused, resumed in turn through the boundary. */
  @Benchmark
  @OperationsPerInvocation(N)
  public int stackless() {
    PingPong.Ball b = ball;
    b.count = 0;
    b.n = N;
    ping.start(b);
    pong.start(b);
    while (!ping.isDone()) {
      Boundary.resume(ping);
      Boundary.resume(pong);
    }
    return b.count;
  }

  /** (b) the same two state machines by hand. */
  @Benchmark
  @OperationsPerInvocation(N)
  public int handWritten() {
    PingPong.Ball b = ball;
    b.count = 0;
    b.n = N;
    handPing.start(b);
    handPong.start(b);
    while (!handPing.isDone()) {
      Boundary.resume(handPing);
      Boundary.resume(handPong);
    }
    return b.count;
  }

  /** (c) one loop doing both sides' work. */
  @Benchmark
  @OperationsPerInvocation(N)
  public int plainLoop() {
    PingPong.Ball b = ball;
    b.count = 0;
    b.n = N;
    int pingHits = 0;
    int pongHits = 0;
    while (b.count < b.n) {
      b.count++;
      pingHits++;
      b.count++;
      pongHits++;
    }
    return b.count + pingHits - pongHits;
  }

  /** (d) two Loom continuations run in turn. */
  @Benchmark
  @OperationsPerInvocation(N)
  public int loomContinuation() {
    PingPong.Ball b = ball;
    b.count = 0;
    b.n = N;
    Runnable player =
        () -> {
          while (b.count < b.n) {
            b.count++;
            Continuation.yield(Loom.SCOPE);
          }
        };
    Continuation a = new Continuation(Loom.SCOPE, player);
    Continuation c = new Continuation(Loom.SCOPE, player);
    while (!a.isDone()) {
      Boundary.run(a);
      Boundary.run(c);
    }
    return b.count;
  }

  /** (e) two virtual threads, the counter through two SynchronousQueues. */
  @Benchmark
  @OperationsPerInvocation(N_THREADS)
  public int virtualThreads() {
    return threads(Thread.ofVirtual());
  }

  /** (f) the same on platform threads. */
  @Benchmark
  @OperationsPerInvocation(N_THREADS)
  public int platformThreads() {
    return threads(Thread.ofPlatform());
  }

  private static int threads(Thread.Builder builder) {
    SynchronousQueue<Integer> toPing = new SynchronousQueue<>();
    SynchronousQueue<Integer> toPong = new SynchronousQueue<>();
    int[] last = new int[1];
    Threads.runBoth(
        builder,
        () -> {
          int v = 0;
          for (int i = 0; i < N_THREADS / 2; i++) {
            toPong.put(v + 1);
            v = toPing.take();
          }
          last[0] = v;
        },
        () -> {
          for (int i = 0; i < N_THREADS / 2; i++) {
            toPing.put(toPong.take() + 1);
          }
        });
    return last[0];
  }

  /**
   * (a) on the event loop: two Stackless frames, the counter through two rendezvous {@code
   * dev.stackless.loop.Channel}s on a single-threaded {@code EventLoop} (compare kotlinChannel).
   */
  @Benchmark
  @OperationsPerInvocation(N)
  public int stacklessLoopChannel() {
    return LoopRows.channelPingPong(N);
  }

  /** (h) two Kotlin coroutines, the counter through two rendezvous Channels. */
  @Benchmark
  @OperationsPerInvocation(N)
  public int kotlinChannel() {
    return KotlinRows.channelPingPong(N);
  }

  private final KotlinRows.Ball kotlinBall = new KotlinRows.Ball();

  /** (h) two raw-intrinsics Kotlin coroutines resumed in turn through the boundary. */
  @Benchmark
  @OperationsPerInvocation(N)
  public int kotlinRaw() {
    KotlinRows.Ball b = kotlinBall;
    b.count = 0;
    b.n = N;
    KotlinRows.RawPlayer a = new KotlinRows.RawPlayer(b).start();
    KotlinRows.RawPlayer c = new KotlinRows.RawPlayer(b).start();
    while (!a.done) {
      Boundary.resume(a);
      Boundary.resume(c);
    }
    return b.count;
  }

  private static final Function<Integer, Integer> PING = v -> v + 1;
  private static final Function<Integer, Integer> PONG = v -> v + 1;

  /**
   * (g) CompletableFuture: each handoff is a dependent stage, alternately ping's and pong's
   * callback, which the previous one's completion runs.
   */
  @Benchmark
  @OperationsPerInvocation(N)
  public int completableFuture() {
    CompletableFuture<Integer> first = new CompletableFuture<>();
    CompletableFuture<Integer> last = first;
    for (int i = 0; i < N; i++) {
      last = last.thenApply((i & 1) == 0 ? PING : PONG);
    }
    first.complete(0);
    return last.join();
  }
}
