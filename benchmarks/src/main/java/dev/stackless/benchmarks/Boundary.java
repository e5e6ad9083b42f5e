package dev.stackless.benchmarks;

import dev.stackless.Frame;
import jdk.internal.vm.Continuation;
import org.openjdk.jmh.annotations.CompilerControl;

/**
 * The one non-inlinable boundary every coroutine row crosses on each resume: the benchmark loop
 * holds the coroutine in a field and resumes it through one of these methods, which the JIT may
 * not inline into the loop. The coroutine escapes, so none of them is scalar-replaced away, and
 * each row pays the same call. What happens inside (resume, step, the hand-written switch) is
 * free to inline into the boundary method.
 */
final class Boundary {
  private Boundary() {}

  @CompilerControl(CompilerControl.Mode.DONT_INLINE)
  static void resume(Frame<?> frame) {
    frame.resume();
  }

  @CompilerControl(CompilerControl.Mode.DONT_INLINE)
  static void resume(Generators.HandWritten gen) {
    gen.resume();
  }

  @CompilerControl(CompilerControl.Mode.DONT_INLINE)
  static void resume(PingPong.HandFrame frame) {
    frame.resume();
  }

  @CompilerControl(CompilerControl.Mode.DONT_INLINE)
  static void resume(KotlinRows.RawGenerator generator) {
    generator.resume();
  }

  @CompilerControl(CompilerControl.Mode.DONT_INLINE)
  static void resume(KotlinRows.RawPlayer player) {
    player.resume();
  }

  @CompilerControl(CompilerControl.Mode.DONT_INLINE)
  static void resume(Attribution.CasGenerator generator) {
    generator.resume();
  }

  @CompilerControl(CompilerControl.Mode.DONT_INLINE)
  static void run(Continuation continuation) {
    continuation.run();
  }
}
