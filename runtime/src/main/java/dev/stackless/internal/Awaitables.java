package dev.stackless.internal;

import dev.stackless.Frame;
import dev.stackless.loop.EventLoop;
import dev.stackless.loop.LoopFrames;
import java.util.concurrent.CompletionStage;

/**
 * What {@code await(x)} awaits: generated code writes {@code awaitSuspends(Awaitables.of(x))}, and
 * javac picks the overload from {@code x}'s static type, a frame or a {@code CompletionStage}.
 * Not API.
 */
public final class Awaitables {
  private Awaitables() {}

  public static <T> Frame<T> of(Frame<T> frame) {
    return frame;
  }

  /** A stage, continued on the event loop running this thread, or else where it completes. */
  public static <T> Frame<T> of(CompletionStage<T> stage) {
    return LoopFrames.stage(EventLoop.current(), stage);
  }
}
