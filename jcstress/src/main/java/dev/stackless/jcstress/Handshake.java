package dev.stackless.jcstress;

import static dev.stackless.Keywords.*;

import dev.stackless.AnyFrame;
import dev.stackless.Async;
import dev.stackless.Frame;

/** The frames the jcstress tests race: compiled by the processor like any user code. */
public class Handshake {
  /** Where a frame is handed from one actor to the other, and what its rest has done. */
  public static final class Slot {
    public volatile AnyFrame frame;
    /** Times the code after the suspension point ran; written by whoever runs it. */
    public volatile int rest;
  }

  /** Hands itself to the slot from its suspend block, then runs its rest once resumed. */
  @Async
  public static int handsItselfOver(Slot slot) {
    suspend(self -> slot.frame = self);
    slot.rest++;
    return 1;
  }

  /** Suspends plainly; its rest counts itself. */
  @Async
  public static int parked(Slot slot) {
    suspend();
    slot.rest++;
    return 7;
  }

  /** Awaits another frame: parks in it, or reads its result at once if it has completed. */
  @Async
  public static int awaiting(Frame<Integer> target) {
    return await(target) + 1;
  }

  /**
   * Completes without suspending, after putting itself into the slot with {@code frame()}: it
   * starts UNSHARED and must turn shared before anyone can see it.
   */
  @Async
  public static int publishesItself(Slot slot) {
    slot.frame = frame();
    slot.rest++;
    return 5;
  }
}
