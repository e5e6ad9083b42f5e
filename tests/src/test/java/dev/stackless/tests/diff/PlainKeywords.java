package dev.stackless.tests.diff;

import dev.stackless.AnyFrame;
import java.util.function.Consumer;

/**
 * The keywords as the plain-Java twin of a program sees them: a suspension only logs. The twin is
 * the same source with this class imported instead of {@code dev.stackless.Keywords}, compiled
 * without the processor.
 */
public final class PlainKeywords {
  private PlainKeywords() {}

  public static void suspend(Consumer<? super AnyFrame> block) {
    Trace.log("s");
  }
}
