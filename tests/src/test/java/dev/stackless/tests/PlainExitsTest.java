package dev.stackless.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link PlainExits} against plain Java. */
class PlainExitsTest {

  @Test
  void aReturnThroughAClosingResourceReturns() {
    Sched plain = new Sched();
    String expected = PlainExits.returnThroughFailingClosePlain(plain, false);
    Sched async = new Sched();
    assertEquals(expected, async.drive(PlainExitsAsync.returnThroughFailingClose(async, false)));
    assertEquals(plain.log, async.log);
  }

  @Test
  void aCloseThatThrowsDuringAReturnThrowsThroughTheOuterFinally() {
    Sched plain = new Sched();
    IllegalStateException want = assertThrows(IllegalStateException.class,
        () -> PlainExits.returnThroughFailingClosePlain(plain, true));
    Sched async = new Sched();
    IllegalStateException got = assertThrows(IllegalStateException.class,
        () -> async.drive(PlainExitsAsync.returnThroughFailingClose(async, true)));
    assertEquals(want.getMessage(), got.getMessage());
    assertEquals(plain.log, async.log);
    assertEquals(List.of("body", "close true", "later f 1", "outer finally 1"), async.log);
  }

  @Test
  void aFinallyThatThrowsDuringAContinueIsCaught() {
    Sched plain = new Sched();
    int expected = PlainExits.continueThroughFailingFinallyPlain(plain);
    Sched async = new Sched();
    assertEquals(expected, async.drive(PlainExitsAsync.continueThroughFailingFinally(async)));
    assertEquals(plain.log, async.log);
    assertEquals(2, expected);
  }
}
