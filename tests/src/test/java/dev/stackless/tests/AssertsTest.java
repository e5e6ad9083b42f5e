package dev.stackless.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Asserts} against plain Java, with assertions on (as surefire runs) and off. */
class AssertsTest {

  @Test
  void assertionsRunAsInJava() {
    assertTrue(Asserts.class.desiredAssertionStatus(), "surefire runs tests with -ea");
    Sched plain = new Sched();
    int expected = Asserts.checkedPlain(plain, 3);
    Sched async = new Sched();
    assertEquals(expected, async.drive(AssertsAsync.checked(async, 3)));
    assertEquals(plain.log, async.log);
    assertEquals(List.of("later holds 3"), async.log);
  }

  @Test
  void aFailingAssertionThrowsWithItsDetail() {
    Sched plain = new Sched();
    AssertionError want = assertThrows(AssertionError.class, () -> Asserts.checkedPlain(plain, -1));
    Sched async = new Sched();
    AssertionError got =
        assertThrows(AssertionError.class, () -> async.drive(AssertsAsync.checked(async, -1)));
    assertEquals(want.getMessage(), got.getMessage());
    assertEquals("not positive: -1", got.getMessage());
    assertEquals(plain.log, async.log);
  }

  @Test
  void aThrowableDetailIsTheCause() {
    RuntimeException cause = new RuntimeException("why");
    AssertionError want =
        assertThrows(AssertionError.class, () -> Asserts.withCausePlain(new Sched(), cause));
    Sched async = new Sched();
    AssertionError got =
        assertThrows(AssertionError.class, () -> async.drive(AssertsAsync.withCause(async, cause)));
    assertSame(cause, want.getCause());
    assertSame(cause, got.getCause());
    assertEquals(want.getMessage(), got.getMessage());
  }

  @Test
  void withAssertionsOffNothingRuns() {
    // before AssertsOff is initialised: javac's check reads the status then, the frame's later
    AssertsTest.class.getClassLoader()
        .setClassAssertionStatus("dev.stackless.tests.AssertsOff", false);
    Sched plain = new Sched();
    assertEquals(-2, AssertsOff.checkedPlain(plain, -1));
    Sched async = new Sched();
    assertEquals(-2, async.drive(AssertsOffAsync.checked(async, -1)));
    assertEquals(List.of(), plain.log);
    assertEquals(List.of(), async.log);
  }
}
