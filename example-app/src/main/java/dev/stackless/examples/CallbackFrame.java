package dev.stackless.examples;

import static dev.stackless.Keywords.*;

import dev.stackless.Async;
import java.io.PrintStream;

/**
 * Seed 000, {@code @asyncCall} from a C callback: a plain (non-async) callback cannot suspend,
 * but it can start an async function in a frame the caller provides, which outlives the
 * callback and is resumed later.
 */
public final class CallbackFrame {
  static int count;
  /** The caller-provided frame: Zig's {@code callback_frame_buffer}. */
  static CallbackFrameAsync.AsyncCallback callbackFrame;

  /** Called by "C": not async, so it cannot suspend, but it can start a frame. */
  static void someFunctionCalledByC() {
    callbackFrame = new CallbackFrameAsync.AsyncCallback();
    callbackFrame.start(); // @asyncCall(buffer, null, asyncCallback, .{})
  }

  @Async
  static void asyncCallback() {
    count += 1;
    suspend();
    count += 1;
  }

  static void run(PrintStream out) {
    count = 0;
    someFunctionCalledByC();
    out.println("after the callback returned: count == " + count);
    resume(callbackFrame);
    out.println("after resume callback_frame: count == " + count);
  }

  private CallbackFrame() {}
}
