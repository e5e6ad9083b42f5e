package dev.stackless.jcstress;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import dev.stackless.AnyFrame;
import dev.stackless.Frame;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.I_Result;

/**
 * A frame started by its factory runs UNSHARED (its completion uses no atomics) until it hands
 * itself out with {@code frame()}. Here it does so and completes at once, while another thread
 * awaits it as soon as it sees it. r1: the awaiter's result, -1 if it never completed, 0 if the
 * other thread never saw the frame.
 */
@JCStressTest
@Description("an await of a frame that published itself with frame() and completes at once")
@Outcome(id = "0", expect = ACCEPTABLE, desc = "the other thread came before the frame published itself")
@Outcome(id = "6", expect = ACCEPTABLE, desc = "the awaiter got the result")
@Outcome(expect = FORBIDDEN, desc = "the awaiter was never resumed")
@State
public class AwaitOfAnUnsharedFrameThatPublishedItself {
  private final Handshake.Slot slot = new Handshake.Slot();
  private volatile Frame<Integer> waiter;

  @Actor
  public void publisher() {
    HandshakeAsync.publishesItself(slot);
  }

  @Actor
  @SuppressWarnings("unchecked") // publishesItself is a Frame<Integer>
  public void awaiter() {
    AnyFrame published = slot.frame;
    if (published != null) {
      waiter = HandshakeAsync.awaiting((Frame<Integer>) published);
    }
  }

  @Arbiter
  public void result(I_Result r) {
    Frame<Integer> w = waiter;
    r.r1 = w == null ? 0 : w.isDone() ? dev.stackless.Keywords.nosuspend(w) : -1;
  }
}
