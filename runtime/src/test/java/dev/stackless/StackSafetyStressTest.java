package dev.stackless;

import static dev.stackless.Keywords.nosuspend;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stackless.Frames.Depth;
import dev.stackless.Frames.Hop;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Nesting far deeper than the Java stack allows, on the default thread stack. */
class StackSafetyStressTest {

  @Test
  void chainOf200000NestedFramesThatNeverSuspend() {
    Depth top = new Depth().start(200_000, false);
    assertTrue(top.isDone(), "start returns only once everything it set going has finished");
    assertEquals(200_000, nosuspend(top));
  }

  @Test
  void chainOf200000NestedFramesWhoseInnermostSuspends() {
    Depth.bottom = null;
    Depth top = new Depth().start(200_000, true);
    assertFalse(top.isDone());
    Depth bottom = Depth.bottom;
    assertTrue(bottom.isSuspended());
    bottom.resume(); // its completion continues 200,000 awaiters
    assertTrue(top.isDone());
    assertEquals(200_000, nosuspend(top));
    Depth.bottom = null;
  }

  @Test
  void chainBelowTheNestingBoundRunsSynchronously() {
    // Under the bound, every start returns with its callee already run: no trampoline involved.
    int n = Frame.MAX_NESTING / 2;
    Depth top = new Depth().start(n, false);
    assertTrue(top.isDone());
    assertEquals(n, nosuspend(top));
    assertFalse(Trampoline.current().hasDeferred());
    assertEquals(0, Trampoline.current().depth);
  }

  @Test
  void frameResumesItselfFromItsSuspendBlockAMillionTimes() {
    Hop hop = new Hop().start(77, 1_000_000, Frame::resume, null);
    assertTrue(hop.isDone());
    assertEquals(77, nosuspend(hop));
    assertEquals(1_000_000, hop.resumedSegments.get());
    assertEquals(0, Trampoline.current().depth);
    assertFalse(Trampoline.current().hasDeferred());
  }

  @Test
  void selfResumesInterleavedWithNestedChainsAtEveryHop() {
    // Each resumed segment starts a 300-deep chain (past the nesting bound) and checks that it
    // finished: the deferred part of a chain must have run before start() returned to plain code.
    AtomicInteger chains = new AtomicInteger();
    List<Depth> started = new ArrayList<>();
    Hop hop = new Hop().start(1, 1000, Frame::resume, done -> {
      Depth chain = new Depth().start(300, false);
      started.add(chain);
      chains.incrementAndGet();
    });
    assertTrue(hop.isDone());
    assertEquals(1000, chains.get());
    for (Depth chain : started) {
      assertEquals(300, nosuspend(chain));
    }
  }

  @Test
  void exceptionEscapingASuspendBlockDoesNotStrandDeferredFrames() {
    // The block resumes its frame, which starts a chain deeper than the nesting bound (so part of
    // it is deferred to the trampoline) and awaits it; then the block throws. The exception goes
    // to the caller of start(), and the deferred part of the chain must still have run.
    RuntimeException boom = new RuntimeException("escapes the block");
    List<Depth> chain = new ArrayList<>();
    Hop hop = new Hop();
    RuntimeException thrown = assertThrows(RuntimeException.class, () ->
        hop.start(5, 1, self -> {
          self.resume();
          throw boom;
        }, done -> chain.add(new Depth().start(1000, false))));
    assertSame(boom, thrown);
    assertEquals(1, chain.size());
    assertTrue(chain.get(0).isDone(), "the deferred part of the chain ran: " + chain.get(0));
    assertEquals(1000, nosuspend(chain.get(0)));
    assertTrue(hop.isDone());
    assertEquals(5, nosuspend(hop));
    assertEquals(0, Trampoline.current().depth);
    assertFalse(Trampoline.current().hasDeferred(), "nothing left behind on this thread");
  }

  @Test
  void deepChainOnAThreadWithATinyStack() throws Exception {
    // A quarter of the usual 1 MiB thread stack: the nesting bound keeps well below it.
    AtomicInteger result = new AtomicInteger(-1);
    java.util.concurrent.atomic.AtomicReference<Throwable> failure =
        new java.util.concurrent.atomic.AtomicReference<>();
    Thread small = new Thread(null, () -> {
      try {
        Depth.bottom = null;
        Depth top = new Depth().start(100_000, true);
        Depth.bottom.resume();
        result.set(nosuspend(top));
        Hop hop = new Hop().start(3, 100_000, Frame::resume, null);
        assertEquals(3, nosuspend(hop));
      } catch (Throwable t) {
        failure.set(t);
      }
    }, "small-stack", 1 << 18);
    small.start();
    small.join(60_000);
    assertFalse(small.isAlive());
    assertNull(failure.get());
    assertEquals(100_000, result.get());
    Depth.bottom = null;
  }
}
