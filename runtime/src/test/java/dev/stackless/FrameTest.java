package dev.stackless;

import static dev.stackless.Keywords.nosuspend;
import static dev.stackless.Keywords.resume;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stackless.Frames.Act;
import dev.stackless.Frames.Fail;
import dev.stackless.Frames.Hop;
import dev.stackless.Frames.PlusOne;
import dev.stackless.Frames.Twice;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The life of a frame: start, suspend, resume, await, complete, fail, reuse. */
class FrameTest {

  @Test
  void startRunsToTheFirstSuspensionPoint() {
    List<String> trace = new ArrayList<>();
    Twice frame = new Twice().start(21, trace);
    assertEquals(List.of("before 21"), trace);
    assertTrue(frame.isSuspended());
    assertFalse(frame.isDone());
    assertTrue(frame.toString().startsWith("demo.Owner.twice{SUSPENDED"), frame.toString());
  }

  @Test
  void resumeContinuesToCompletion() {
    List<String> trace = new ArrayList<>();
    Twice frame = new Twice().start(21, trace);
    frame.resume();
    assertEquals(List.of("before 21", "after 21"), trace);
    assertTrue(frame.isDone());
    assertFalse(frame.isSuspended());
    assertEquals(42, nosuspend(frame));
    assertTrue(frame.toString().startsWith("demo.Owner.twice{COMPLETED}"), frame.toString());
  }

  @Test
  void resumeKeywordIsFrameResume() {
    Twice frame = new Twice().start(5);
    resume(frame);
    assertEquals(10, nosuspend(frame));
  }

  @Test
  void frameThatNeverSuspendsCompletesInStart() {
    Act frame = new Act().start(self -> 7);
    assertTrue(frame.isDone());
    assertEquals(7, nosuspend(frame));
  }

  @Test
  void awaitOfACompletedFrameDoesNotSuspend() {
    Twice child = new Twice().start(4);
    child.resume();
    List<String> trace = new ArrayList<>();
    PlusOne parent = new PlusOne().start(child, trace, null);
    assertTrue(parent.isDone(), "the awaiter ran through without suspending");
    assertEquals(List.of("awaiting", "got 8"), trace);
    assertEquals(9, nosuspend(parent));
    assertSame(Thread.currentThread(), parent.continuedOn);
  }

  @Test
  void awaitOfASuspendedFrameSuspendsUntilItCompletes() {
    List<String> trace = new ArrayList<>();
    Twice child = new Twice().start(4, trace);
    PlusOne parent = new PlusOne().start(child, trace, null);
    assertFalse(parent.isDone());
    assertFalse(parent.isSuspended(), "parked in await is not suspended: it cannot be resumed");
    assertTrue(parent.toString().contains("AWAITING"), parent.toString());
    assertEquals(List.of("before 4", "awaiting"), trace);

    child.resume(); // completing the child continues its awaiter before resume returns
    assertEquals(List.of("before 4", "awaiting", "after 4", "got 8"), trace);
    assertTrue(child.isDone());
    assertTrue(parent.isDone());
    assertEquals(9, nosuspend(parent));
  }

  @Test
  void awaiterContinuesOnTheThreadThatCompletesTheAwaitee() throws Exception {
    Twice child = new Twice().start(50);
    PlusOne parent = new PlusOne().start(child);
    assertFalse(parent.isDone());
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread other = new Thread(() -> {
      try {
        child.resume();
      } catch (Throwable t) {
        failure.set(t);
      }
    }, "resumer");
    other.start();
    other.join(TimeUnit.SECONDS.toMillis(30));
    assertFalse(other.isAlive());
    assertNull(failure.get());
    assertTrue(parent.isDone());
    assertSame(other, parent.continuedOn);
    assertEquals(101, nosuspend(parent));
  }

  @Test
  void aChainOfAwaitersUnwindsWhenTheInnermostCompletes() {
    Twice bottom = new Twice().start(1);
    PlusOne a = new PlusOne().start(bottom);
    PlusOne b = new PlusOne().start(a);
    PlusOne c = new PlusOne().start(b);
    assertFalse(c.isDone());
    bottom.resume();
    assertTrue(a.isDone() && b.isDone() && c.isDone());
    assertEquals(5, nosuspend(c));
  }

  // ---------------------------------------------------------------------------------------------
  // Exceptions

  @Test
  void checkedExceptionCompletesTheFrameAndNosuspendRethrowsTheSameObject() {
    IOException boom = new IOException("boom");
    Fail frame = new Fail().start(boom, true);
    assertTrue(frame.isSuspended());
    frame.resume(); // the exception completes the frame; it does not leave resume
    assertTrue(frame.isDone());
    IOException thrown = assertThrows(IOException.class, () -> nosuspend(frame));
    assertSame(boom, thrown);
    // and again: a completed frame's outcome may be read any number of times
    assertSame(boom, assertThrows(IOException.class, () -> nosuspend(frame)));
  }

  @Test
  void exceptionBeforeTheFirstSuspensionCompletesTheFrameInStart() {
    IllegalArgumentException boom = new IllegalArgumentException("early");
    Fail frame = new Fail().start(boom, false); // start does not throw
    assertTrue(frame.isDone());
    assertSame(boom, assertThrows(IllegalArgumentException.class, () -> nosuspend(frame)));
  }

  @Test
  void errorsCompleteTheFrameToo() {
    AssertionError boom = new AssertionError("an error, not an exception");
    Fail frame = new Fail().start(boom, true);
    frame.resume();
    assertSame(boom, assertThrows(AssertionError.class, () -> nosuspend(frame)));
  }

  @Test
  void checkedExceptionPropagatesThroughAwaitAsTheSameObject() {
    Exception boom = new Exception("checked");
    Fail child = new Fail().start(boom, true);
    PlusOne parent = new PlusOne().start(child);
    PlusOne grandParent = new PlusOne().start(parent);
    child.resume();
    assertTrue(parent.isDone());
    assertTrue(grandParent.isDone());
    assertSame(boom, assertThrows(Exception.class, () -> nosuspend(child)));
    assertSame(boom, assertThrows(Exception.class, () -> nosuspend(parent)));
    assertSame(boom, assertThrows(Exception.class, () -> nosuspend(grandParent)));
  }

  @Test
  void awaitOfAFrameThatAlreadyFailedRethrowsWithoutSuspending() {
    IOException boom = new IOException("already");
    Fail child = new Fail().start(boom, false);
    PlusOne parent = new PlusOne().start(child);
    assertTrue(parent.isDone());
    assertSame(boom, assertThrows(IOException.class, () -> nosuspend(parent)));
  }

  @Test
  void secondNosuspendOnACompletedFrameReturnsTheResultAgain() {
    Twice frame = new Twice().start(3);
    frame.resume();
    assertEquals(6, nosuspend(frame));
    assertEquals(6, nosuspend(frame));
    assertEquals(6, frame.nosuspendResult());
  }

  @Test
  void aCompletedFrameMayBeAwaitedByOneFrameAfterAnother() {
    Twice child = new Twice().start(3);
    PlusOne first = new PlusOne().start(child);
    child.resume();
    PlusOne second = new PlusOne().start(child); // completed: no awaiter slot is taken
    PlusOne third = new PlusOne().start(child);
    assertEquals(7, nosuspend(first));
    assertEquals(7, nosuspend(second));
    assertEquals(7, nosuspend(third));
  }

  // ---------------------------------------------------------------------------------------------
  // Reuse

  @Test
  void aCompletedFrameCanBeStartedAgain() {
    Twice frame = new Twice();
    List<String> trace = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      assertSame(frame, frame.start(i, trace));
      assertTrue(frame.isSuspended());
      frame.resume();
      assertEquals(2 * i, nosuspend(frame));
    }
    assertEquals(10, trace.size());
    assertEquals("after 4", trace.get(9));
  }

  @Test
  void aFrameThatFailedCanBeStartedAgain() {
    Fail frame = new Fail().start(new IOException("first run"), false);
    assertThrows(IOException.class, () -> nosuspend(frame));
    assertSame(frame, frame.start(new IllegalArgumentException("second run"), true));
    assertFalse(frame.isDone(), "a restarted frame forgets its previous outcome");
    IllegalStateException notDone =
        assertThrows(IllegalStateException.class, () -> nosuspend(frame));
    assertTrue(notDone.getMessage().contains("nosuspend"), notDone.getMessage());
    frame.resume();
    IllegalArgumentException second =
        assertThrows(IllegalArgumentException.class, () -> nosuspend(frame));
    assertEquals("second run", second.getMessage());
  }

  @Test
  void aReusedFrameCanBeAwaitedByANewAwaiter() {
    Twice child = new Twice().start(1);
    PlusOne first = new PlusOne().start(child);
    child.resume();
    assertEquals(3, nosuspend(first));

    child.start(10); // its previous awaiter is forgotten
    PlusOne second = new PlusOne().start(child);
    assertFalse(second.isDone());
    child.resume();
    assertEquals(21, nosuspend(second));
    assertEquals(3, nosuspend(first), "the old awaiter keeps its own result");
  }

  @Test
  void reuseDoesNotAllocateANewFrameAcrossManyRuns() {
    Hop hop = new Hop();
    for (int i = 0; i < 1000; i++) {
      hop.start(i, 2, Frame::resume, null);
      assertEquals(i, nosuspend(hop));
    }
    assertEquals(2000, hop.resumedSegments.get());
  }

  // ---------------------------------------------------------------------------------------------
  // Suspend blocks

  @Test
  void suspendBlockRunsAfterTheFrameIsSuspended() {
    AtomicReference<Boolean> suspendedInBlock = new AtomicReference<>();
    Hop hop = new Hop().start(1, 1, self -> suspendedInBlock.set(self.isSuspended()), null);
    assertTrue(suspendedInBlock.get());
    assertTrue(hop.isSuspended());
    hop.resume();
    assertEquals(1, nosuspend(hop));
  }

  @Test
  void selfResumeFromTheBlockIsSynchronous() {
    // The rest of the frame runs before the rest of the block, as in Zig.
    List<String> trace = new ArrayList<>();
    Hop hop = new Hop().start(
        9,
        3,
        self -> {
          trace.add("block " + self.done + " starts");
          self.resume();
          trace.add("block " + self.done + " ends");
        },
        done -> trace.add("resumed " + done));
    assertTrue(hop.isDone());
    assertEquals(9, nosuspend(hop));
    assertEquals(
        List.of(
            "block 0 starts",
            "resumed 1",
            "block 1 starts",
            "resumed 2",
            "block 2 starts",
            "resumed 3",
            "block 3 ends",
            "block 3 ends",
            "block 3 ends"),
        trace);
  }

  @Test
  void exceptionFromASuspendBlockNobodyResumedCompletesTheFrame() {
    IOException boom = new IOException("from the block");
    Hop hop = new Hop().start(1, 1, self -> {
      throw Frame.rethrow(boom);
    }, null);
    assertTrue(hop.isDone());
    assertSame(boom, assertThrows(IOException.class, () -> nosuspend(hop)));
    assertEquals(0, hop.resumedSegments.get());
  }

  @Test
  void exceptionFromASuspendBlockAfterTheFrameWasResumedGoesToWhoeverRanTheBlock() {
    IllegalArgumentException boom = new IllegalArgumentException("after the resume");
    Hop hop = new Hop();
    IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class, () ->
        hop.start(4, 1, self -> {
          self.resume(); // the frame completes here
          throw boom;
        }, null));
    assertSame(boom, thrown);
    assertTrue(hop.isDone());
    assertEquals(4, nosuspend(hop), "the frame kept its own outcome");
    assertEquals(1, hop.resumedSegments.get());
  }
}
