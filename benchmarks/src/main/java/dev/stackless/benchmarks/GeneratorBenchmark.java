package dev.stackless.benchmarks;

import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
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

/**
 * Generator: a coroutine yields 0..N-1 to a consumer that sums them; the score is ns per
 * yield/resume round trip.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 4, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-exports", "java.base/jdk.internal.vm=ALL-UNNAMED"})
public class GeneratorBenchmark {
  static final int N = 1000;
  /** The thread rows hand over fewer values per invocation: each costs microseconds. */
  static final int N_THREADS = 2000;

  private final Generators.Slot slot = new Generators.Slot();
  private final GeneratorsAsync.Count frame = new GeneratorsAsync.Count();
  private final Generators.HandWritten handWritten = new Generators.HandWritten();

  /** (a) the frame the processor generated from {@code Generators.count}, reused across runs. */
  @Benchmark
  @OperationsPerInvocation(N)
  public long stackless() {
    long sum = 0;
    frame.start(slot, N);
    while (!frame.isDone()) {
      sum += slot.value;
      Boundary.resume(frame);
    }
    return sum;
  }

  /** (b) the same state machine by hand, reused across runs, behind the same boundary. */
  @Benchmark
  @OperationsPerInvocation(N)
  public long handWritten() {
    long sum = 0;
    Generators.HandWritten gen = handWritten.start(slot, N);
    while (!gen.isDone()) {
      sum += slot.value;
      Boundary.resume(gen);
    }
    return sum;
  }

  /** (c) no coroutine at all. */
  @Benchmark
  @OperationsPerInvocation(N)
  public long plainLoop() {
    long sum = 0;
    for (int i = 0; i < N; i++) {
      slot.value = i;
      sum += slot.value;
    }
    return sum;
  }

  /** (d) a Loom continuation that yields after each value (one-shot: a new one per run). */
  @Benchmark
  @OperationsPerInvocation(N)
  public long loomContinuation() {
    Generators.Slot s = slot;
    Continuation c =
        new Continuation(
            Loom.SCOPE,
            () -> {
              for (int i = 0; i < N; i++) {
                s.value = i;
                Continuation.yield(Loom.SCOPE);
              }
            });
    long sum = 0;
    Boundary.run(c);
    while (!c.isDone()) {
      sum += s.value;
      Boundary.run(c);
    }
    return sum;
  }

  /** (e) producer and consumer virtual threads, values through a SynchronousQueue. */
  @Benchmark
  @OperationsPerInvocation(N_THREADS)
  public long virtualThreads() {
    return threads(Thread.ofVirtual());
  }

  /** (f) the same on platform threads. */
  @Benchmark
  @OperationsPerInvocation(N_THREADS)
  public long platformThreads() {
    return threads(Thread.ofPlatform());
  }

  /** (h) Kotlin's {@code sequence {}}. */
  @Benchmark
  @OperationsPerInvocation(N)
  public long kotlinSequence() {
    return KotlinRows.sequenceSum(N);
  }

  /** (h) Kotlin coroutines' rendezvous Channel: producer coroutine, consumer in runBlocking. */
  @Benchmark
  @OperationsPerInvocation(N)
  public long kotlinChannel() {
    return KotlinRows.channelGeneratorSum(N);
  }

  /**
   * (h) Kotlin's raw intrinsics ({@code suspendCoroutineUninterceptedOrReturn}), resumed through
   * the same boundary: a new coroutine per run (Kotlin's cannot restart).
   */
  @Benchmark
  @OperationsPerInvocation(N)
  public long kotlinRaw() {
    int[] value = kotlinSlot;
    KotlinRows.RawGenerator gen = new KotlinRows.RawGenerator(value, N).start();
    long sum = 0;
    while (!gen.done) {
      sum += value[0];
      Boundary.resume(gen);
    }
    return sum;
  }

  private final int[] kotlinSlot = new int[1];

  private static long threads(Thread.Builder builder) {
    SynchronousQueue<Integer> queue = new SynchronousQueue<>();
    long[] sum = new long[1];
    Threads.runBoth(
        builder,
        () -> {
          for (int i = 0; i < N_THREADS; i++) {
            queue.put(i);
          }
        },
        () -> {
          long s = 0;
          for (int i = 0; i < N_THREADS; i++) {
            s += queue.take();
          }
          sum[0] = s;
        });
    return sum[0];
  }
}
