package dev.stackless.benchmarks;

import java.util.concurrent.TimeUnit;
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
 * Where the generator's time goes: the hand-written generator, plus the status CAS, plus the
 * nesting bookkeeping, against the generated frame. Same workload and boundary as {@link
 * GeneratorBenchmark}; see {@link Attribution}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 4, time = 1)
@Fork(1)
public class AttributionBenchmark {
  static final int N = GeneratorBenchmark.N;

  private final Generators.Slot slot = new Generators.Slot();
  private final GeneratorsAsync.Count frame = new GeneratorsAsync.Count();
  private final Generators.HandWritten handWritten = new Generators.HandWritten();
  private final Attribution.CasGenerator cas = new Attribution.CasGenerator();
  private final Attribution.CasGenerator casNesting = new Attribution.CasNestingGenerator();

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

  /** Hand-written plus the status CAS on resume and a release store on suspend. */
  @Benchmark
  @OperationsPerInvocation(N)
  public long handWrittenPlusCas() {
    return run(cas);
  }

  /** ... plus the runtime's per-thread nesting bookkeeping around the step. */
  @Benchmark
  @OperationsPerInvocation(N)
  public long handWrittenPlusCasPlusNesting() {
    return run(casNesting);
  }

  private long run(Attribution.CasGenerator g) {
    long sum = 0;
    g.start(slot, N);
    while (!g.isDone()) {
      sum += slot.value;
      Boundary.resume(g);
    }
    return sum;
  }
}
