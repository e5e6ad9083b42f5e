package dev.stackless.internal;

import dev.stackless.Frame;

/**
 * How generated factories start the frame they have just made: {@code OwnerAsync.f(a)} is {@code
 * F $frame = new F(); $frame.a = a; return Launch.launch($frame);}. Unlike {@code start(..)}, which
 * may be called on a frame that others hold, this knows the frame is new and the calling thread's
 * alone, so the frame runs without atomics until it is shared (see {@link Frame}'s class comment).
 * Not API.
 */
public final class Launch {
  /** Frame's own launch, handed over by {@link Frame}'s static initializer. */
  public interface Launcher {
    void launch(Frame<?> frame);
  }

  private static Launcher launcher;

  private Launch() {}

  /** Runs {@code frame}, new and not yet handed to anyone, to its first suspension point. */
  public static <F extends Frame<?>> F launch(F frame) {
    launcher.launch(frame); // set: constructing the frame initialized Frame
    return frame;
  }

  /**
   * Initializes the owner of a static {@code @Async} method, as Java does before it runs a static
   * method (JLS 12.4.1): a frame's constructor calls it until it has succeeded once, so the
   * owner's static initializer has run before the body starts, and an owner whose initializer
   * failed fails again as Java's would ({@code NoClassDefFoundError} naming the owner).
   */
  public static void initialize(Class<?> owner) {
    try {
      Class.forName(owner.getName(), true, owner.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("cannot initialize " + owner.getName(), e);
    }
  }

  /** Called once, by {@link Frame}'s static initializer. */
  public static void install(Launcher frameLaunch) {
    if (launcher != null) {
      throw new IllegalStateException("Frame's launcher is installed already");
    }
    launcher = frameLaunch;
  }
}
