package dev.stackless.tests;

import static dev.stackless.tests.Sched.sameAsPlain;
import static dev.stackless.tests.Sched.sameFailureAsPlain;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link PlainExits} against plain Java. */
class PlainExitsTest {

  @Test
  void aReturnThroughAClosingResourceReturns() {
    sameAsPlain(s -> PlainExitsAsync.returnThroughFailingClose(s, false),
        s -> PlainExits.returnThroughFailingClosePlain(s, false));
  }

  @Test
  void aCloseThatThrowsDuringAReturnThrowsThroughTheOuterFinally() {
    sameFailureAsPlain(IllegalStateException.class,
        s -> PlainExitsAsync.returnThroughFailingClose(s, true),
        s -> PlainExits.returnThroughFailingClosePlain(s, true));
    Sched s = new Sched();
    try {
      s.drive(PlainExitsAsync.returnThroughFailingClose(s, true));
    } catch (IllegalStateException expected) {
      assertEquals(List.of("body", "close true", "later f 1", "outer finally 1"), s.log);
    }
  }

  @Test
  void aFinallyThatThrowsDuringAContinueIsCaught() {
    assertEquals(2, (int) sameAsPlain(PlainExitsAsync::continueThroughFailingFinally,
        PlainExits::continueThroughFailingFinallyPlain));
  }

  @Test
  void aBreakWhoseCloseThrowsIntoAPlainCatchDoesNotHappen() {
    assertEquals(3, (int) sameAsPlain(PlainExitsAsync::breakThroughFailingCloseCaught,
        PlainExits::breakThroughFailingCloseCaughtPlain));
  }
}
