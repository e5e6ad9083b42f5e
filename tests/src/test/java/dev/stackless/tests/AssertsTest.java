package dev.stackless.tests;

import static dev.stackless.tests.Sched.sameAsPlain;
import static dev.stackless.tests.Sched.sameFailureAsPlain;
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
    assertEquals(6, (int) sameAsPlain(s -> AssertsAsync.checked(s, 3), s -> Asserts.checkedPlain(s, 3)));
    Sched s = new Sched();
    s.drive(AssertsAsync.checked(s, 3));
    assertEquals(List.of("later holds 3"), s.log);
  }

  @Test
  void aFailingAssertionThrowsWithItsDetail() {
    AssertionError got = sameFailureAsPlain(AssertionError.class,
        s -> AssertsAsync.checked(s, -1), s -> Asserts.checkedPlain(s, -1));
    assertEquals("not positive: -1", got.getMessage());
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
  void anAssertWithoutSuspensionPointsFollowsTheOwnersStatusNotTheGeneratedClasss() {
    // -ea -da:PlainAssertsAsync: the owner's asserts run, and so must those the frame runs
    AssertsTest.class.getClassLoader()
        .setClassAssertionStatus("dev.stackless.tests.PlainAssertsAsync", false);
    Sched s = new Sched();
    assertEquals(3, (int) s.drive(PlainAssertsAsync.checked(s, 3)));
    Sched negative = new Sched();
    AssertionError notPositive = assertThrows(AssertionError.class,
        () -> negative.drive(PlainAssertsAsync.checked(negative, -1)));
    assertEquals("not positive: -1", notPositive.getMessage());
    Sched large = new Sched();
    AssertionError inLambda = assertThrows(AssertionError.class,
        () -> large.drive(PlainAssertsAsync.checked(large, 12)));
    assertEquals("not small: 12", inLambda.getMessage());
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
