package dev.stackless.examples;

import static dev.stackless.Keywords.*;

import dev.stackless.Async;
import java.io.PrintStream;

/**
 * Seed 001/002, "Async Frames, Suspend Blocks": {@code @Frame(add)} is a class you can allocate
 * and start, and {@code @frame()} lets a function resume itself from its suspend block.
 */
public final class Frames {

  @Async
  static long add(int a, int b) {
    return a + b;
  }

  @Async
  static int doubled(int value) {
    suspend(() -> {
      resume(frame());
    });
    return value * 2;
  }

  static void frameType(PrintStream out) {
    var frame = new FramesAsync.Add(); // var frame: @Frame(add) = undefined;
    frame.start(1, 2); // frame = async add(1, 2);
    out.println("@Frame(add): await frame == " + nosuspend(frame));
  }

  static void resumeItself(PrintStream out) {
    var f = FramesAsync.doubled(1);
    out.println("@frame(): nosuspend await f == " + nosuspend(f));
  }

  private Frames() {}
}
