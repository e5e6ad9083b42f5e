package dev.stackless.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.stackless.Frame;
import org.junit.jupiter.api.Test;

/** {@link Patterns} against plain Java. */
class PatternsTest {

  @Test
  void aBindingInAConditionLivesAcrossItsSuspensions() {
    for (Object o : new Object[] {"abc", "a", 42}) {
      Sched plain = new Sched();
      int expected = Patterns.inConditionPlain(plain, o);
      Sched async = new Sched();
      assertEquals(expected, async.drive(PatternsAsync.inCondition(async, o)), String.valueOf(o));
      assertEquals(plain.log, async.log);
    }
    Sched s = new Sched();
    assertEquals(33, s.drive(PatternsAsync.inCondition(s, "abc")));
  }

  @Test
  void aBindingInScopeAfterItsIf() {
    for (Object o : new Object[] {41, "x"}) {
      Sched plain = new Sched();
      String expected = Patterns.flowScopePlain(plain, o);
      Sched async = new Sched();
      assertEquals(expected, async.drive(PatternsAsync.flowScope(async, o)));
      assertEquals(plain.log, async.log);
    }
  }

  @Test
  void theMatchedValueMayBeAwaited() {
    Object[][] cases = {{"hi", 1}, {2, 3}, {"there", "no"}};
    for (Object[] c : cases) {
      Sched plain = new Sched();
      String expected = Patterns.ofAwaitedPlain(plain, c[0], c[1]);
      Sched async = new Sched();
      Frame<Object> awaited = FlowsAsync.echo(async, c[0]);
      async.log.clear();
      assertEquals(expected, async.drive(PatternsAsync.ofAwaited(async, awaited, c[1])));
      assertEquals(plain.log, async.log);
    }
    Sched s = new Sched();
    assertEquals("text hi7", s.drive(PatternsAsync.ofAwaited(s, FlowsAsync.echo(s, "hi"), 7)));
  }
}
