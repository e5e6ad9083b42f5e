package dev.stackless.tests;

import static dev.stackless.Keywords.nosuspend;
import static dev.stackless.Keywords.resume;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stackless.AnyFrame;
import dev.stackless.Frame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Zig's detectable illegal behaviour in processed code: an IllegalStateException naming the
 * method, in Zig's words, and a frame that still works afterwards.
 */
class MisuseTest {

  private static IllegalStateException assertIllegal(Executable act, String... words) {
    IllegalStateException e = assertThrows(IllegalStateException.class, act);
    for (String word : words) {
      assertTrue(e.getMessage().contains(word), () -> "'" + word + "' not in: " + e.getMessage());
    }
    return e;
  }

  private static AnyFrame takeParked() {
    AnyFrame parked = Misuse.parked;
    Misuse.parked = null;
    return parked;
  }

  @Test
  void resumeOfACompletedFrame() {
    Frame<Integer> frame = MisuseAsync.parkOnce(3);
    takeParked().resume();
    assertIllegal(frame::resume, "resumed an async function which already returned",
        "Misuse.parkOnce");
    assertIllegal(() -> resume(frame), "resumed an async function which already returned");
    assertEquals(3, nosuspend(frame), "still completed with its result");
  }

  @Test
  void resumeOfARunningFrameFromItsOwnBody() {
    Frame<Integer> frame = MisuseAsync.resumeSelf(); // does not throw: the act is in the body
    assertTrue(frame.isDone());
    assertIllegal(() -> nosuspend(frame), "resumed a non-suspended function", "Misuse.resumeSelf");
    assertIllegal(frame::resume, "resumed an async function which already returned");
  }

  @Test
  void resumeOfAFrameParkedInAwait() {
    Frame<Integer> child = MisuseAsync.parkOnce(4);
    AnyFrame parked = takeParked();
    Frame<Integer> parent = MisuseAsync.awaitIt(child);
    assertIllegal(parent::resume, "awaiting function resumed", "Misuse.awaitIt");
    assertFalse(parent.isDone());
    parked.resume();
    assertEquals(5, nosuspend(parent), "the awaiter continued exactly once");
  }

  @Test
  void resumeOfAFrameParkedInACallOfAnAsyncMethod() {
    Frame<Integer> caller = MisuseAsync.callIt(6);
    AnyFrame callee = takeParked();
    assertIllegal(caller::resume, "awaiting function resumed", "Misuse.callIt");
    assertIllegal(() -> nosuspend(caller), "async function called in nosuspend scope suspended",
        "Misuse.callIt");
    callee.resume();
    assertEquals(7, nosuspend(caller));
  }

  @Test
  void secondAwaiterFailsInItsOwnBody() {
    Frame<Integer> child = MisuseAsync.parkOnce(8);
    AnyFrame parked = takeParked();
    Frame<Integer> first = MisuseAsync.awaitIt(child);
    Frame<Integer> second = MisuseAsync.awaitIt(child);
    assertTrue(second.isDone());
    assertIllegal(() -> nosuspend(second), "async function awaited twice", "Misuse.parkOnce");
    assertFalse(first.isDone());
    parked.resume();
    assertEquals(9, nosuspend(first));
    assertEquals(8, nosuspend(child));
  }

  @Test
  void nosuspendOfASuspendedFrame() {
    Frame<Integer> frame = MisuseAsync.parkOnce(10);
    assertIllegal(() -> nosuspend(frame), "async function called in nosuspend scope suspended",
        "Misuse.parkOnce");
    takeParked().resume();
    assertEquals(10, nosuspend(frame));
    assertEquals(10, nosuspend(frame), "a second nosuspend reads the result again");
  }

  @Test
  void nosuspendOfASuspendedFrameInsideABody() {
    Frame<Integer> child = MisuseAsync.parkOnce(11);
    AnyFrame parked = takeParked();
    Frame<Integer> frame = MisuseAsync.nosuspendInside(child);
    assertTrue(frame.isDone());
    assertIllegal(() -> nosuspend(frame), "async function called in nosuspend scope suspended",
        "Misuse.parkOnce");
    parked.resume();
    assertEquals(11, nosuspend(child));
    assertEquals(11, nosuspend(MisuseAsync.nosuspendInside(child)));
  }

  @Test
  void startOfASuspendedFrame() {
    MisuseAsync.ParkOnce frame = new MisuseAsync.ParkOnce();
    assertSame(frame, frame.start(12));
    AnyFrame parked = takeParked();
    assertSame(frame, parked);
    assertIllegal(() -> frame.start(99), "Misuse.parkOnce");
    assertEquals(null, Misuse.parked, "the rejected start did not run the body");
    parked.resume();
    assertEquals(12, nosuspend(frame), "the first run kept its argument");
  }

  @Test
  void resumeOfAFrameThatWasNeverStarted() {
    MisuseAsync.ParkOnce frame = new MisuseAsync.ParkOnce();
    assertThrows(IllegalStateException.class, frame::resume);
    assertThrows(IllegalStateException.class, () -> nosuspend(frame));
    frame.start(1);
    takeParked().resume();
    assertEquals(1, nosuspend(frame));
  }
}
