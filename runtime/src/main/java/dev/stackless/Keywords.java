package dev.stackless;

import java.util.function.Consumer;

/**
 * Zig's async keywords as static methods: {@code import static dev.stackless.Keywords.*;}.
 *
 * <p>Inside an {@link Async @Async} method the processor rewrites {@link #suspend()}, {@link
 * #suspend(Consumer)}, {@link #suspend(Runnable)}, {@link #await(Frame)} and {@link #frame()} into
 * the state machine; their bodies here only run when the original method is called directly, which
 * bypasses the generated frame, and then they throw. {@link #resume(AnyFrame)} and {@link
 * #nosuspend(Frame)} are ordinary methods that work anywhere.
 */
public final class Keywords {
  private Keywords() {}

  /** Zig's {@code suspend {}}: returns control to whoever last resumed or started this frame. */
  public static void suspend() {
    throw bypassed("suspend()");
  }

  /**
   * Zig's {@code suspend { block }}: the frame is already suspended when {@code block} runs, so
   * the block may hand the frame (its argument) to anyone, or resume it itself.
   */
  public static void suspend(Consumer<? super AnyFrame> block) {
    throw bypassed("suspend(block)");
  }

  /** Zig's {@code suspend { block }}, with the frame reachable through {@link #frame()}. */
  public static void suspend(Runnable block) {
    throw bypassed("suspend(block)");
  }

  /** Zig's {@code @frame()}: the frame of the running {@code @Async} method. */
  public static AnyFrame frame() {
    throw bypassed("frame()");
  }

  /**
   * Zig's {@code await fr}: the frame's result, suspending until it completes if it has not. The
   * frame's exception, checked ones too, is rethrown as the same object.
   */
  public static <T> T await(Frame<T> frame) {
    throw bypassed("await(frame)");
  }

  /**
   * Awaits a {@code CompletionStage}: the frame suspends until the stage completes and continues
   * on the event loop running it ({@code dev.stackless.loop.EventLoop}), or, outside any loop, on
   * the thread that completes the stage. A failed stage's exception is rethrown as it is.
   */
  public static <T> T await(java.util.concurrent.CompletionStage<T> stage) {
    throw bypassed("await(stage)");
  }

  /** Zig's {@code resume fr}; the same as {@code frame.resume()}. Works anywhere. */
  public static void resume(AnyFrame frame) {
    frame.resume();
  }

  /**
   * Zig's {@code nosuspend await fr}: the result of a frame that has completed, or its exception
   * rethrown as the same object. Works anywhere, and may be called again on the same frame.
   *
   * @throws IllegalStateException "async function called in nosuspend scope suspended" if the
   *     frame has not completed
   */
  public static <T> T nosuspend(Frame<T> frame) {
    return frame.nosuspendResult();
  }

  private static IllegalStateException bypassed(String keyword) {
    return new IllegalStateException(
        keyword
            + " called outside a generated frame: the call bypassed the frame the Stackless"
            + " processor generates; call the method through its OwnerAsync class, and check that"
            + " dev.stackless.processor is on javac's processor path");
  }
}
