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
import org.openjdk.jcstress.infra.results.I_Result;

/**
 * One thread completes a frame while another starts a frame that awaits it: the awaiter either
 * reads the result at once or parks and is resumed by the completion, never lost. r1: the
 * awaiter's result, or -1 if it never completed.
 */
@JCStressTest
@Description("an await racing with the awaited frame's completion on another thread")
@Outcome(id = "8", expect = ACCEPTABLE, desc = "the awaiter got the result")
@Outcome(expect = FORBIDDEN, desc = "the awaiter was never resumed")
@State
public class AwaitRacesWithCompletion {
  private final Handshake.Slot slot = new Handshake.Slot();
  private final Frame<Integer> target = HandshakeAsync.parked(slot);
  private volatile Frame<Integer> waiter;

  @Actor
  public void completer() {
    target.resume();
  }

  @Actor
  public void awaiter() {
    waiter = HandshakeAsync.awaiting(target);
  }

  @Arbiter
  public void result(I_Result r) {
    Frame<Integer> w = waiter;
    r.r1 = w.isDone() ? dev.stackless.Keywords.nosuspend(w) : -1;
  }
}
