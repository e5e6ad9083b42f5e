package dev.stackless.tests;

import static dev.stackless.Keywords.nosuspend;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stackless.AnyFrame;
import dev.stackless.Frame;
import java.io.IOException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** Exceptions thrown in processed frames, through await and calls, as the same object. */
class AwaitExceptionTest {

  private static AnyFrame takeParked() {
    AnyFrame parked = Raise.parked;
    Raise.parked = null;
    return parked;
  }

  @Test
  void checkedExceptionCompletesTheFrame() {
    IOException boom = new IOException("boom");
    Frame<Integer> frame = RaiseAsync.raiseAfterSuspend(boom);
    assertFalse(frame.isDone());
    takeParked().resume(); // the exception completes the frame; resume does not throw
    assertTrue(frame.isDone());
    assertSame(boom, assertThrows(IOException.class, () -> nosuspend(frame)));
    assertSame(boom, assertThrows(IOException.class, () -> nosuspend(frame)), "read again");
  }

  @Test
  void checkedExceptionBeforeTheFirstSuspensionCompletesTheFrameInStart() {
    TimeoutException boom = new TimeoutException("at once");
    Frame<Integer> frame = RaiseAsync.raiseAtOnce(boom);
    assertTrue(frame.isDone());
    assertSame(boom, assertThrows(TimeoutException.class, () -> nosuspend(frame)));
  }

  @Test
  void checkedExceptionPropagatesThroughAwait() {
    IOException boom = new IOException("through await");
    Frame<Integer> thrower = RaiseAsync.raiseAfterSuspend(boom);
    AnyFrame parked = takeParked();
    Frame<Integer> awaiter = RaiseAsync.awaitIt(thrower);
    Frame<Integer> outer = RaiseAsync.awaitIt(awaiter);
    assertFalse(outer.isDone());
    parked.resume();
    assertTrue(awaiter.isDone());
    assertTrue(outer.isDone());
    assertSame(boom, assertThrows(IOException.class, () -> nosuspend(awaiter)));
    assertSame(boom, assertThrows(IOException.class, () -> nosuspend(outer)));
  }

  @Test
  void awaitOfAFrameThatAlreadyFailedRethrowsAtOnce() {
    IOException boom = new IOException("already failed");
    Frame<Integer> thrower = RaiseAsync.raiseAtOnce(boom);
    Frame<Integer> awaiter = RaiseAsync.awaitIt(thrower);
    assertTrue(awaiter.isDone());
    assertSame(boom, assertThrows(IOException.class, () -> nosuspend(awaiter)));
  }

  @Test
  void checkedExceptionPropagatesThroughDirectCalls() {
    Exception boom = new Exception("through calls");
    Frame<Integer> frame = RaiseAsync.callTwoDeep(boom);
    assertFalse(frame.isDone());
    takeParked().resume();
    assertTrue(frame.isDone());
    assertSame(boom, assertThrows(Exception.class, () -> nosuspend(frame)));
  }

  @Test
  void directCallsWithoutAFailureReturnNormally() {
    Frame<Integer> frame = RaiseAsync.raiseAtOnce(null);
    assertEquals(0, nosuspend(frame));
  }

  @Test
  void uncheckedExceptionInTheMiddleOfALoop() {
    IllegalArgumentException boom = new IllegalArgumentException("third round");
    Frame<String> frame = RaiseAsync.failInLoop(5, boom);
    int resumes = 0;
    while (!frame.isDone()) {
      takeParked().resume();
      resumes++;
    }
    assertEquals(3, resumes);
    assertSame(boom, assertThrows(IllegalArgumentException.class, () -> nosuspend(frame)));
    Frame<String> fine = RaiseAsync.failInLoop(2, boom);
    takeParked().resume();
    takeParked().resume();
    assertEquals("01", nosuspend(fine));
  }
}
