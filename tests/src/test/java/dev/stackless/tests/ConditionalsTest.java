package dev.stackless.tests;

import static dev.stackless.tests.Sched.sameAsPlain;
import static dev.stackless.tests.Sched.sameFailureAsPlain;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** {@link Conditionals} against their plain twins: same log, same result, same exception. */
class ConditionalsTest {

  @Test
  void suspendingBranchesInsideExpressions() {
    for (boolean c : new boolean[] {true, false}) {
      for (boolean d : new boolean[] {true, false}) {
        sameAsPlain(s -> ConditionalsAsync.nested(s, c, d), s -> Conditionals.nestedPlain(s, c, d));
      }
    }
    Sched s = new Sched();
    assertEquals("9 15 t710 11 26 18", s.drive(ConditionalsAsync.nested(s, true, true)));
    assertEquals("use 16:Long", s.log.stream().filter(e -> e.startsWith("use")).findFirst().get(),
        "the int branch of c ? int : long is widened, as Java does");
  }

  @Test
  void anInstanceMethodsOwnCallAsABranch() {
    Conditionals owner = new Conditionals();
    for (int n : new int[] {0, 2, 6}) {
      long got = sameAsPlain(s -> ConditionalsAsync.instanceBranch(owner, s, n),
          s -> owner.instanceBranchPlain(s, n));
      long v = (n < 1 ? 5 : n / 2) + 3;
      assertEquals(v * 2 * 100 + (n > 3 ? (n + 2) / 2 : n), got);
    }
  }

  @Test
  void conditionalTypesBoxAndUnboxAsInJava() {
    for (boolean c : new boolean[] {true, false}) {
      sameAsPlain(s -> ConditionalsAsync.unboxing(s, c, 5), s -> Conditionals.unboxingPlain(s, c, 5));
    }
    assertEquals("null 1", sameAsPlain(s -> ConditionalsAsync.unboxing(s, false, null),
        s -> Conditionals.unboxingPlain(s, false, null)));
    sameFailureAsPlain(NullPointerException.class, s -> ConditionalsAsync.unboxing(s, true, null),
        s -> Conditionals.unboxingPlain(s, true, null));
  }
}
