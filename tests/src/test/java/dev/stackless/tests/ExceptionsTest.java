package dev.stackless.tests;

import static dev.stackless.Keywords.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An exception completes its frame; await and nosuspend rethrow the same object. */
class ExceptionsTest {

  @Test
  void checkedExceptionAfterSuspensionReachesTheAwaiter() {
    IOException failure = new IOException("disk");
    var reader = FailingAsync.readLater(failure);
    var awaiter = FailingAsync.awaitFrame(reader);
    resume(Failing.parked);
    assertTrue(reader.isDone());
    assertTrue(awaiter.isDone());
    assertSame(failure, assertThrows(IOException.class, () -> nosuspend(awaiter)));
    assertSame(failure, assertThrows(IOException.class, () -> nosuspend(reader)));
  }

  @Test
  void exceptionBeforeAnySuspensionCompletesTheFrameAtOnce() {
    IOException failure = new IOException("now");
    var reader = FailingAsync.readNow(failure);
    assertTrue(reader.isDone());
    var awaiter = FailingAsync.awaitFrame(reader); // await of a completed frame: no suspension
    assertSame(failure, assertThrows(IOException.class, () -> nosuspend(awaiter)));
  }

  @Test
  void exceptionPropagatesThroughADirectCall() {
    IOException failure = new IOException("deep");
    var caller = FailingAsync.callDirectly(failure);
    resume(Failing.parked);
    assertSame(failure, assertThrows(IOException.class, () -> nosuspend(caller)));
    assertSame(0, failure.getSuppressed().length); // rethrown as it is, nothing added
  }

  @Test
  void suspendBlockThatThrowsCompletesItsFrame() {
    RuntimeException failure = new IllegalArgumentException("block");
    var frame = FailingAsync.blockThrows(failure);
    assertTrue(frame.isDone());
    assertSame(failure, assertThrows(IllegalArgumentException.class, () -> nosuspend(frame)));
  }

  @Test
  void suspendBlockThatThrowsAfterItsFrameWasResumedThrowsToItsRunner() {
    Failing.events.clear();
    RuntimeException failure = new IllegalArgumentException("late");
    assertSame(failure, assertThrows(IllegalArgumentException.class,
        () -> FailingAsync.blockThrowsAfterResumingItsFrame(failure)));
    assertEquals(List.of(), Failing.events);
    resume(Failing.parked); // still suspended at the second block, its holder's to resume
    assertEquals(List.of("after second"), Failing.events);
  }
}
