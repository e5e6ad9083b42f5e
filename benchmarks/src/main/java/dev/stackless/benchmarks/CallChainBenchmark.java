package dev.stackless.benchmarks;

import static dev.stackless.Keywords.nosuspend;

import dev.stackless.Frame;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
import jdk.internal.vm.Continuation;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.CompilerControl;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Call chain: a call {@code depth} levels deep, none suspending ({@code *} rows), or with the
 * innermost suspending once and resumed from outside ({@code *Suspending} rows). The score is ns
 * per whole chain; BENCHMARKS.md divides by the depth for ns per call.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 4, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-exports", "java.base/jdk.internal.vm=ALL-UNNAMED"})
public class CallChainBenchmark {
  @Param({"1", "10", "100"})
  public int depth;

  private final Chains.Parking parking = new Chains.Parking();
  private final Chains.HandParking handParking = new Chains.HandParking();

  /**
   * The hand-written top frame is stored here, so that it escapes like a generated frame (which
   * escapes into the runtime) instead of being scalar-replaced away at depth 1.
   */
  private Chains.HandChain handTop;

  // --- none suspending ---------------------------------------------------------------------

  /** (a) async calls: a frame per level, each awaited by its caller. */
  @Benchmark
  public int stackless() {
    return nosuspend(ChainsAsync.chain(depth));
  }

  /** (b) hand-written frames: a callee object per level. */
  @Benchmark
  public int handWritten() {
    Chains.HandChain top = new Chains.HandChain(depth, null);
    handTop = top;
    top.resume();
    return top.result;
  }

  /** (b) plus the four atomic operations per call that {@code Frame} performs (attribution). */
  @Benchmark
  public int handWrittenPlusAtomics() {
    Chains.HandChainAtomic top = new Chains.HandChainAtomic(depth);
    handTopAtomic = top;
    top.start();
    return top.result;
  }

  private Chains.HandChainAtomic handTopAtomic;

  /** (c) plain calls, each a real (not inlined) call. */
  @Benchmark
  public int plainCall() {
    return Chains.plain(depth);
  }

  /** (c') plain calls the JIT may inline. */
  @Benchmark
  public int plainInlined() {
    return Chains.plainInlinable(depth);
  }

  /** (d) one Loom continuation running the plain chain. */
  @Benchmark
  public int loomContinuation() {
    int d = depth;
    int[] result = new int[1];
    Continuation c = new Continuation(Loom.SCOPE, () -> result[0] = Chains.plain(d));
    Boundary.run(c);
    return result[0];
  }

  /** (e) one virtual thread running the plain chain, started and joined. */
  @Benchmark
  public int virtualThread() {
    int d = depth;
    return Threads.call(Thread.ofVirtual(), () -> Chains.plain(d));
  }

  /** (g) CompletableFuture: each level composes its callee's future. */
  @Benchmark
  public int completableFuture() {
    return cf(depth).join();
  }

  private static CompletableFuture<Integer> cf(int depth) {
    if (depth == 0) {
      return CompletableFuture.completedFuture(1);
    }
    return cf(depth - 1).thenApply(r -> r + 1);
  }

  /** (h) Kotlin suspend functions calling suspend functions, none suspending. */
  @Benchmark
  public int kotlinSuspendFun() {
    return KotlinRows.chainNoSuspend(depth);
  }

  // --- the innermost suspends once ----------------------------------------------------------

  @Benchmark
  public int stacklessSuspending() {
    Frame<Integer> top = ChainsAsync.chainSuspending(depth, parking);
    parking.frame.resume();
    return nosuspend(top);
  }

  @Benchmark
  public int handWrittenSuspending() {
    Chains.HandChain top = new Chains.HandChain(depth, handParking);
    handTop = top;
    top.resume();
    handParking.frame.resume();
    return top.result;
  }

  @Benchmark
  public int loomContinuationSuspending() {
    int d = depth;
    int[] result = new int[1];
    Continuation c = new Continuation(Loom.SCOPE, () -> result[0] = yielding(d));
    Boundary.run(c);
    Boundary.run(c);
    return result[0];
  }

  @CompilerControl(CompilerControl.Mode.DONT_INLINE)
  private static int yielding(int depth) {
    if (depth == 0) {
      Continuation.yield(Loom.SCOPE);
      return 1;
    }
    int r = yielding(depth - 1);
    return r + 1;
  }

  private final KotlinRows.Parking kotlinParking = new KotlinRows.Parking();

  @Benchmark
  public int kotlinSuspendFunSuspending() {
    return KotlinRows.chainSuspendOnce(depth, kotlinParking);
  }

  /** (e) a virtual thread whose innermost call blocks on a queue the benchmark thread feeds. */
  @Benchmark
  public int virtualThreadSuspending() {
    return blocking(Thread.ofVirtual());
  }

  /** (f) the same on a platform thread. */
  @Benchmark
  public int platformThreadSuspending() {
    return blocking(Thread.ofPlatform());
  }

  private int blocking(Thread.Builder builder) {
    int d = depth;
    SynchronousQueue<Integer> queue = new SynchronousQueue<>();
    int[] result = new int[1];
    Thread t =
        builder.start(
            () -> {
              try {
                result[0] = blocking(d, queue);
              } catch (InterruptedException e) {
                throw new IllegalStateException(e);
              }
            });
    try {
      queue.put(1);
      t.join();
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
    return result[0];
  }

  @CompilerControl(CompilerControl.Mode.DONT_INLINE)
  private static int blocking(int depth, SynchronousQueue<Integer> queue)
      throws InterruptedException {
    if (depth == 0) {
      return queue.take();
    }
    int r = blocking(depth - 1, queue);
    return r + 1;
  }

  /** (g) the innermost returns a pending future that the benchmark completes. */
  @Benchmark
  public int completableFutureSuspending() {
    CompletableFuture<Integer> inner = new CompletableFuture<>();
    CompletableFuture<Integer> top = cfSuspending(depth, inner);
    inner.complete(1);
    return top.join();
  }

  private static CompletableFuture<Integer> cfSuspending(
      int depth, CompletableFuture<Integer> inner) {
    if (depth == 0) {
      return inner;
    }
    return cfSuspending(depth - 1, inner).thenApply(r -> r + 1);
  }
}
