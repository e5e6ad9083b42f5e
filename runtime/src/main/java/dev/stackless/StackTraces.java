package dev.stackless;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Makes an exception thrown in a frame read like one thrown in the user's method: the generated
 * {@code OwnerAsync$F.step} lines become {@code Owner.method(Owner.java:42)}, and each frame that
 * awaits the failed one appears below it, innermost first, as callers do in a plain stack trace.
 */
final class StackTraces {
  private StackTraces() {}

  /** Rewrites the elements of {@code frame}'s {@code step()} into the user's source lines. */
  static void relocate(Throwable e, Frame<?> frame) {
    StackTraceElement[] trace = e.getStackTrace();
    String generated = frame.getClass().getName();
    boolean changed = false;
    for (int i = 0; i < trace.length; i++) {
      StackTraceElement element = trace[i];
      if (element.getClassName().equals(generated) && element.getMethodName().equals("step")) {
        int line = frame.sourceLine(element.getLineNumber());
        if (line > 0) {
          trace[i] = userElement(frame, line);
          changed = true;
        }
      }
    }
    if (changed) {
      e.setStackTrace(trace);
    }
  }

  /**
   * Adds the awaiting frame, at the line of its await, after the last element that belongs to
   * frames (the thrower's and earlier awaiters'), so awaiting frames read as its callers.
   */
  static void addAwaiter(Throwable e, Frame<?> awaiter) {
    int line = awaiter.suspensionLine();
    if (line <= 0 || awaiter.sourceFile() == null) {
      return;
    }
    StackTraceElement[] trace = e.getStackTrace();
    if (trace.length == 0) {
      return; // stack traces are not writable for this exception
    }
    int at = 0;
    for (int i = 0; i < trace.length; i++) {
      String file = trace[i].getFileName();
      String type = trace[i].getClassName();
      if (type.equals(Frame.class.getName())) {
        break; // below here is whoever ran the frames
      }
      if (file != null && !type.startsWith("dev.stackless.internal.") && !type.contains("Async$")) {
        at = i + 1;
      }
    }
    List<StackTraceElement> out = new ArrayList<>(Arrays.asList(trace));
    out.add(at, userElement(awaiter, line));
    e.setStackTrace(out.toArray(new StackTraceElement[0]));
  }

  private static StackTraceElement userElement(Frame<?> frame, int line) {
    String name = frame.asyncMethodName();
    int dot = name.lastIndexOf('.');
    return new StackTraceElement(
        name.substring(0, dot), name.substring(dot + 1), frame.sourceFile(), line);
  }
}
