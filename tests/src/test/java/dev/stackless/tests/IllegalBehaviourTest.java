package dev.stackless.tests;

import static dev.stackless.Keywords.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stackless.Frame;
import org.junit.jupiter.api.Test;

/**
 * Each illegal act throws IllegalStateException naming the method and the act in Zig's words, and
 * leaves the frame in a state from which it still works correctly.
 */
class IllegalBehaviourTest {
  private static final String OWNER = "dev.stackless.tests.Illegal.";

  @Test
  void resumingACompletedFrame() {
    var frame = IllegalAsync.neverSuspends(21);
    var e = assertThrows(IllegalStateException.class, frame::resume);
    assertEquals(
        "resumed an async function which already returned: " + OWNER + "neverSuspends",
        e.getMessage());
    assertEquals(42, nosuspend(frame)); // still complete, still readable
  }

  @Test
  void resumingARunningFrameFromItsOwnBody() {
    var frame = IllegalAsync.resumeSelfWhileRunning();
    assertTrue(frame.isDone());
    var e = assertThrows(IllegalStateException.class, () -> nosuspend(frame));
    assertEquals(
        "resumed a non-suspended function: " + OWNER + "resumeSelfWhileRunning is running",
        e.getMessage());
  }

  @Test
  void resumingAnAwaitingFrame() {
    var inner = IllegalAsync.suspendOnce(1);
    var outer = IllegalAsync.awaitIt(inner);
    var e = assertThrows(IllegalStateException.class, outer::resume);
    assertTrue(e.getMessage().startsWith("awaiting function resumed: " + OWNER + "awaitIt"),
        e.getMessage());
    // still parked, and continued by the frame it awaits
    resume(Illegal.parked);
    assertEquals(2, nosuspend(outer));
  }

  @Test
  void awaitingAFrameTwice() {
    var inner = IllegalAsync.suspendOnce(5);
    var first = IllegalAsync.awaitIt(inner);
    var second = IllegalAsync.secondAwaiter(inner);
    assertTrue(second.isDone());
    var e = assertThrows(IllegalStateException.class, () -> nosuspend(second));
    assertEquals(
        "async function awaited twice: " + OWNER + "suspendOnce is already awaited by "
            + OWNER + "awaitIt",
        e.getMessage());
    resume(Illegal.parked);
    assertEquals(6, nosuspend(first)); // the first awaiter is unaffected
  }

  @Test
  void nosuspendOfASuspendedFrame() {
    var frame = IllegalAsync.suspendOnce(7);
    var e = assertThrows(IllegalStateException.class, () -> nosuspend(frame));
    assertEquals(
        "async function called in nosuspend scope suspended: " + OWNER
            + "suspendOnce has not completed (SUSPENDED)",
        e.getMessage());
    resume(Illegal.parked);
    assertEquals(7, nosuspend(frame));
  }

  @Test
  void secondNosuspendReadsTheResultAgain() {
    var frame = IllegalAsync.neverSuspends(4);
    assertEquals(8, nosuspend(frame));
    assertEquals(8, nosuspend(frame));
  }

  @Test
  void startingASuspendedFrameAgain() {
    var frame = new IllegalAsync.SuspendOnce();
    frame.start(1);
    var e = assertThrows(IllegalStateException.class, () -> frame.start(2));
    assertEquals(
        "started an async function that has not completed: " + OWNER + "suspendOnce is SUSPENDED",
        e.getMessage());
    resume(Illegal.parked);
    assertEquals(1, nosuspend(frame)); // the arguments of the refused start were not stored
  }

  @Test
  void resumingANeverStartedFrame() {
    Frame<Integer> frame = new IllegalAsync.SuspendOnce();
    var e = assertThrows(IllegalStateException.class, frame::resume);
    assertEquals(
        "resumed an async function that was never started: " + OWNER + "suspendOnce",
        e.getMessage());
    assertFalse(frame.isDone());
  }

  @Test
  void completedFrameMayBeStartedAgain() {
    var frame = new IllegalAsync.SuspendOnce();
    frame.start(1);
    resume(Illegal.parked);
    assertEquals(1, nosuspend(frame));
    assertSame(frame, frame.start(2));
    resume(Illegal.parked);
    assertEquals(2, nosuspend(frame));
  }

  @Test
  void keywordsOutsideAFrameSayTheCallBypassedIt() throws NoSuchMethodException {
    // the original method run as plain Java: reflection, since the processor refuses a direct
    // call from plain code and a method reference alike
    java.lang.reflect.Method original = Illegal.class.getDeclaredMethod("suspendForever");
    original.setAccessible(true);
    var wrapped = assertThrows(java.lang.reflect.InvocationTargetException.class,
        () -> original.invoke(null));
    var e = assertInstanceOf(IllegalStateException.class, wrapped.getCause());
    assertTrue(e.getMessage().startsWith("suspend() called outside a generated frame"),
        e.getMessage());
  }

  @Test
  void toStringNamesMethodAndStatus() {
    var frame = IllegalAsync.suspendOnce(3);
    assertTrue(frame.toString().startsWith(OWNER + "suspendOnce{SUSPENDED at Illegal.java:"), frame.toString());
    resume(Illegal.parked);
    assertTrue(frame.toString().startsWith(OWNER + "suspendOnce{COMPLETED}@"), frame.toString());
  }
}
