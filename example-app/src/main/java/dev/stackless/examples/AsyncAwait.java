package dev.stackless.examples;

import static dev.stackless.Keywords.*;

import dev.stackless.Async;
import dev.stackless.Frame;
import java.io.PrintStream;

/**
 * Seed 001, "Async / Await" and "anyframe->T": a function that never suspends still works as an
 * async function, and a frame's result is read with {@code await} or {@code nosuspend}.
 */
public final class AsyncAwait {

  @Async
  static int func3() {
    return 5;
  }

  /** Awaits {@code func3} from an async function. */
  @Async
  static int awaitFunc3() {
    var frame = AsyncAwaitAsync.func3();
    int value = await(frame);
    return value;
  }

  @Async
  static float zero() {
    return 0f;
  }

  /** {@code fn awaiter(x: anyframe->f32) f32 { return nosuspend await x; }} */
  static float awaiter(Frame<Float> x) {
    return nosuspend(x);
  }

  static void asyncAwait(PrintStream out) {
    var frame = AsyncAwaitAsync.awaitFunc3();
    out.println("await async func3() == " + nosuspend(frame));
  }

  static void anyframeT(PrintStream out) {
    var frame = AsyncAwaitAsync.zero();
    out.println("awaiter(&frame) == " + awaiter(frame));
  }

  private AsyncAwait() {}
}
