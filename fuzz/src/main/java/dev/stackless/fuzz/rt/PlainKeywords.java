package dev.stackless.fuzz.rt;

import dev.stackless.AnyFrame;
import java.util.function.Consumer;

/**
 * The keywords as the plain-Java twin of a program sees them: the twin is the same source with this
 * class imported instead of {@code dev.stackless.Keywords}, compiled without the processor, and with
 * a hand-written {@code OwnerAsync} whose factories run the method at once ({@link Done}).
 */
public final class PlainKeywords {
  private PlainKeywords() {}

  /** {@code suspend(park(out))}: the callback runs with no frame, and only logs. */
  public static void suspend(Consumer<? super AnyFrame> block) {
    block.accept(null);
  }

  public static <T> T await(Done<T> done) {
    return done.get();
  }
}
