package dev.stackless.benchmarks;

import jdk.internal.vm.ContinuationScope;

/** Loom's own one-shot delimited continuations (jdk.internal.vm), the layer under virtual threads. */
final class Loom {
  private Loom() {}

  static final ContinuationScope SCOPE = new ContinuationScope("stackless-benchmarks");
}
