package dev.stackless.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** {@link Conditionals} against their plain twins: same log, same result, same exception. */
class ConditionalsTest {

  @Test
  void suspendingBranchesInsideExpressions() {
    for (boolean c : new boolean[] {true, false}) {
      for (boolean d : new boolean[] {true, false}) {
        Sched plain = new Sched();
        String expected = Conditionals.nestedPlain(plain, c, d);
        Sched async = new Sched();
        String actual = async.drive(ConditionalsAsync.nested(async, c, d));
        assertEquals(plain.log, async.log, "c=" + c + " d=" + d);
        assertEquals(expected, actual, "c=" + c + " d=" + d);
      }
    }
    Sched s = new Sched();
    assertEquals("9 15 t710 11 26 18", s.drive(ConditionalsAsync.nested(s, true, true)));
    assertEquals("use 16:Long", s.log.stream().filter(e -> e.startsWith("use")).findFirst().get(),
        "the int branch of c ? int : long is widened, as Java does");
  }

  @Test
  void conditionalTypesBoxAndUnboxAsInJava() {
    for (boolean c : new boolean[] {true, false}) {
      Sched plain = new Sched();
      String expected = Conditionals.unboxingPlain(plain, c, 5);
      Sched async = new Sched();
      assertEquals(expected, async.drive(ConditionalsAsync.unboxing(async, c, 5)));
      assertEquals(plain.log, async.log);
    }
    assertEquals("null 1", Conditionals.unboxingPlain(new Sched(), false, null));
    Sched async = new Sched();
    assertEquals("null 1", async.drive(ConditionalsAsync.unboxing(async, false, null)));
    assertThrows(NullPointerException.class,
        () -> Conditionals.unboxingPlain(new Sched(), true, null));
    Sched failing = new Sched();
    assertThrows(NullPointerException.class,
        () -> failing.drive(ConditionalsAsync.unboxing(failing, true, null)));
  }
}
