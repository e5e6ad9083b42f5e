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

/** ns per yield/resume round trip of a generator of 0..N-1. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class GeneratorBenchmark {
  static final int N = 1000;

  private final Generators.Slot slot = new Generators.Slot();
  private final GeneratorsAsync.Count frame = new GeneratorsAsync.Count();

  @Benchmark
  @OperationsPerInvocation(N)
  public long stackless() {
    long sum = 0;
    frame.start(slot, N);
    while (!frame.isDone()) {
      sum += slot.value;
      frame.resume();
    }
    return sum;
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public long handWritten() {
    long sum = 0;
    Generators.HandWritten gen = new Generators.HandWritten(N);
    while (gen.next()) {
      sum += gen.value;
    }
    return sum;
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public long plainLoop() {
    long sum = 0;
    for (int i = 0; i < N; i++) {
      sum += i;
    }
    return sum;
  }
}
