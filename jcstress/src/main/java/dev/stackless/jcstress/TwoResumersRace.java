package dev.stackless.jcstress;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import dev.stackless.Frame;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;

/**
 * Two threads resume the same suspended frame at once: first CAS wins. r1, r2: 1 if that actor's
 * resume ran the frame, 0 if it was refused. r3: how many times the frame's rest ran.
 */
@JCStressTest
@Description("two resumes of one suspended frame at once")
@Outcome(id = {"1, 0, 1", "0, 1, 1"}, expect = ACCEPTABLE, desc = "one resume ran the frame, the other was refused")
@Outcome(expect = FORBIDDEN, desc = "the frame ran twice, or not at all")
@State
public class TwoResumersRace {
  private final Handshake.Slot slot = new Handshake.Slot();
  private final Frame<Integer> frame = HandshakeAsync.parked(slot);

  @Actor
  public void first(III_Result r) {
    r.r1 = resumed();
  }

  @Actor
  public void second(III_Result r) {
    r.r2 = resumed();
  }

  private int resumed() {
    try {
      frame.resume();
      return 1;
    } catch (IllegalStateException e) {
      return 0;
    }
  }

  @Arbiter
  public void rest(III_Result r) {
    r.r3 = slot.rest;
  }
}
