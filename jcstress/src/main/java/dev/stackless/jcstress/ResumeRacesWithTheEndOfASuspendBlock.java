package dev.stackless.jcstress;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import dev.stackless.AnyFrame;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

/**
 * One actor starts a frame whose suspend block hands the frame over; the other resumes it as
 * soon as it sees it, possibly while the block is still running. The frame's rest must run once,
 * on the resumer, and the resume must never be refused.
 *
 * <p>r1: 0 the resumer did not see the frame, 1 it resumed it, 2 its resume was refused. r2: how
 * many times the frame's rest ran.
 */
@JCStressTest
@Description("a resume racing with the end of the suspend block that handed the frame over")
@Outcome(id = "0, 0", expect = ACCEPTABLE, desc = "the resumer came before the hand-over")
@Outcome(id = "1, 1", expect = ACCEPTABLE, desc = "resumed once, the rest ran once")
@Outcome(expect = FORBIDDEN, desc = "a lost, refused or doubled resume")
@State
public class ResumeRacesWithTheEndOfASuspendBlock {
  private final Handshake.Slot slot = new Handshake.Slot();

  @Actor
  public void starter() {
    HandshakeAsync.handsItselfOver(slot);
  }

  @Actor
  public void resumer(II_Result r) {
    AnyFrame frame = slot.frame;
    if (frame == null) {
      r.r1 = 0;
      return;
    }
    try {
      frame.resume();
      r.r1 = 1;
    } catch (IllegalStateException e) {
      r.r1 = 2;
    }
  }

  @Arbiter
  public void rest(II_Result r) {
    r.r2 = slot.rest;
  }
}
