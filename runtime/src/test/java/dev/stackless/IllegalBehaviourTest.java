package dev.stackless;

import static dev.stackless.Keywords.nosuspend;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stackless.Frames.Act;
import dev.stackless.Frames.PlusOne;
import dev.stackless.Frames.Twice;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Zig's detectable illegal behaviour: each act throws an IllegalStateException naming the method
 * in Zig's words, and the frame is left in a state where it still works.
 */
class IllegalBehaviourTest {

  private static IllegalStateException assertIllegal(Executable act, String... words) {
    IllegalStateException e = assertThrows(IllegalStateException.class, act);
    for (String word : words) {
      assertTrue(e.getMessage().contains(word), () -> "'" + word + "' not in: " + e.getMessage());
    }
    return e;
  }

  /** The exception a frame completed with, which must be an IllegalStateException. */
  private static IllegalStateException failureOf(Frame<?> frame, String... words) {
    assertTrue(frame.isDone(), frame.toString());
    return assertIllegal(() -> nosuspend(frame), words);
  }

  // ---------------------------------------------------------------------------------------------
  // resume

  @Test
  void resumeOfACompletedFrame() {
    Twice frame = new Twice().start(2);
    frame.resume();
    assertIllegal(frame::resume, "resumed an async function which already returned",
        "demo.Owner.twice");
    assertIllegal(frame::resume, "resumed an async function which already returned");
    // still completed with its result, and startable
    assertTrue(frame.isDone());
    assertEquals(4, nosuspend(frame));
    frame.start(3).resume();
    assertEquals(6, nosuspend(frame));
  }

  @Test
  void resumeOfAFrameThatWasNeverStarted() {
    Twice frame = new Twice();
    assertIllegal(frame::resume, "demo.Owner.twice", "never started");
    frame.start(1).resume();
    assertEquals(2, nosuspend(frame));
  }

  @Test
  void resumeOfARunningFrameFromItsOwnBodyFailsThatFrame() {
    Act frame = new Act().start(self -> {
      self.resume();
      return 1;
    });
    failureOf(frame, "resumed a non-suspended function", "demo.Owner.act");
  }

  @Test
  void resumeOfARunningFrameFromAnotherFramesBodyFailsOnlyTheOther() {
    AtomicReference<Act> inner = new AtomicReference<>();
    Act outer = new Act().start(self -> {
      inner.set(new Act().start(innerSelf -> {
        self.resume(); // outer is running: it called inner's start
        return 2;
      }));
      return 1;
    });
    failureOf(inner.get(), "resumed a non-suspended function", "demo.Owner.act");
    assertEquals(1, nosuspend(outer), "the running frame was not disturbed");
  }

  @Test
  void resumeOfARunningFrameFromAnotherThreadThrowsToThatCaller() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicReference<Act> frame = new AtomicReference<>();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Act act = new Act();
    frame.set(act);
    Thread runner = new Thread(() -> {
      try {
        act.start(self -> {
          entered.countDown();
          try {
            assertTrue(release.await(30, TimeUnit.SECONDS));
          } catch (InterruptedException e) {
            throw new AssertionError(e);
          }
          return 5;
        });
      } catch (Throwable t) {
        failure.set(t);
      }
    }, "runner");
    runner.start();
    assertTrue(entered.await(30, TimeUnit.SECONDS));
    assertIllegal(act::resume, "resumed a non-suspended function", "demo.Owner.act");
    assertIllegal(() -> nosuspend(act), "async function called in nosuspend scope suspended",
        "demo.Owner.act");
    release.countDown();
    runner.join(TimeUnit.SECONDS.toMillis(30));
    assertFalse(runner.isAlive());
    assertNull(failure.get());
    assertEquals(5, nosuspend(act), "the running frame finished normally");
  }

  @Test
  void resumeOfAnAwaitingFrame() {
    Twice child = new Twice().start(4);
    PlusOne parent = new PlusOne().start(child);
    assertIllegal(parent::resume, "awaiting function resumed", "demo.Owner.plusOne");
    assertIllegal(() -> Keywords.resume(parent), "awaiting function resumed");
    // still parked in the await: the child's completion continues it exactly once
    assertFalse(parent.isDone());
    assertTrue(parent.toString().contains("AWAITING"), parent.toString());
    child.resume();
    assertEquals(9, nosuspend(parent));
  }

  // ---------------------------------------------------------------------------------------------
  // await

  @Test
  void secondAwaiterOfAPendingFrameFailsInsideItsBody() {
    Twice child = new Twice().start(4);
    PlusOne first = new PlusOne().start(child);
    PlusOne second = new PlusOne().start(child); // does not throw: the act is inside its body
    IllegalStateException e =
        failureOf(second, "async function awaited twice", "demo.Owner.twice");
    assertTrue(e.getMessage().contains("demo.Owner.plusOne"), e.getMessage());
    // the child and its first awaiter are untouched
    assertTrue(child.isSuspended());
    assertFalse(first.isDone());
    child.resume();
    assertEquals(9, nosuspend(first));
    // and the second keeps its own failure
    failureOf(second, "async function awaited twice");
  }

  @Test
  void awaitOfItselfFailsInsideTheBody() {
    Act frame = new Act().start(self -> {
      self.awaitSuspends(self);
      return 0;
    });
    failureOf(frame, "demo.Owner.act", "awaited itself");
  }

  @Test
  void awaitOfAFrameThatWasNeverStartedFailsInsideTheBody() {
    Twice never = new Twice();
    PlusOne parent = new PlusOne().start(never);
    failureOf(parent, "never started", "demo.Owner.twice");
    never.start(1).resume(); // the never-started frame is unharmed
    assertEquals(2, nosuspend(never));
  }

  // ---------------------------------------------------------------------------------------------
  // nosuspend

  @Test
  void nosuspendOfASuspendedFrame() {
    Twice frame = new Twice().start(8);
    assertIllegal(() -> nosuspend(frame), "async function called in nosuspend scope suspended",
        "demo.Owner.twice", "SUSPENDED");
    assertTrue(frame.isSuspended());
    frame.resume();
    assertEquals(16, nosuspend(frame));
  }

  @Test
  void nosuspendOfAnAwaitingFrame() {
    Twice child = new Twice().start(8);
    PlusOne parent = new PlusOne().start(child);
    assertIllegal(() -> nosuspend(parent), "async function called in nosuspend scope suspended",
        "demo.Owner.plusOne", "AWAITING");
    child.resume();
    assertEquals(17, nosuspend(parent));
  }

  @Test
  void nosuspendOfAFrameThatWasNeverStarted() {
    assertIllegal(() -> nosuspend(new Twice()), "async function called in nosuspend scope suspended",
        "demo.Owner.twice was never started (NEW)");
  }

  // ---------------------------------------------------------------------------------------------
  // start

  @Test
  void startOfASuspendedFrameLeavesItsArgumentsAlone() {
    Twice frame = new Twice().start(21);
    assertIllegal(() -> frame.start(1000), "demo.Owner.twice", "not completed", "SUSPENDED");
    assertTrue(frame.isSuspended());
    frame.resume();
    assertEquals(42, nosuspend(frame), "the first run's argument was kept");
  }

  @Test
  void startOfAnAwaitingFrame() {
    Twice child = new Twice().start(1);
    PlusOne parent = new PlusOne().start(child);
    Twice other = new Twice().start(100);
    assertIllegal(() -> parent.start(other), "demo.Owner.plusOne", "AWAITING");
    child.resume();
    assertEquals(3, nosuspend(parent));
    assertTrue(other.isSuspended(), "the rejected start did not await the other frame");
  }

  @Test
  void startOfARunningFrameFromItsOwnBodyFailsThatFrame() {
    Act frame = new Act().start(self -> {
      self.start(other -> 99);
      return 1;
    });
    failureOf(frame, "demo.Owner.act", "RUNNING");
    assertSame(frame, frame.start(self -> 3));
    assertEquals(3, nosuspend(frame));
  }
}
