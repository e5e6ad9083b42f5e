package dev.stackless.tests;

import static dev.stackless.tests.Sched.sameAsPlain;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.stackless.Frame;
import org.junit.jupiter.api.Test;

/** {@link Patterns} against plain Java. */
class PatternsTest {

  @Test
  void aBindingInAConditionLivesAcrossItsSuspensions() {
    for (Object o : new Object[] {"abc", "a", 42}) {
      sameAsPlain(s -> PatternsAsync.inCondition(s, o), s -> Patterns.inConditionPlain(s, o));
    }
    Sched s = new Sched();
    assertEquals(33, s.drive(PatternsAsync.inCondition(s, "abc")));
  }

  @Test
  void aBindingInScopeAfterItsIf() {
    for (Object o : new Object[] {41, "x"}) {
      sameAsPlain(s -> PatternsAsync.flowScope(s, o), s -> Patterns.flowScopePlain(s, o));
    }
  }

  @Test
  void theMatchedValueMayBeAwaited() {
    Object[][] cases = {{"hi", 1}, {2, 3}, {"there", "no"}};
    for (Object[] c : cases) {
      sameAsPlain(s -> {
        Frame<Object> awaited = FlowsAsync.echo(s, c[0]);
        s.log.clear(); // the plain twin is given the value
        return PatternsAsync.ofAwaited(s, awaited, c[1]);
      }, s -> Patterns.ofAwaitedPlain(s, c[0], c[1]));
    }
    Sched s = new Sched();
    assertEquals("text hi7", s.drive(PatternsAsync.ofAwaited(s, FlowsAsync.echo(s, "hi"), 7)));
  }

  @Test
  void aLambdaCapturesTheBindingOfItsIteration() {
    java.util.List<Object> items = java.util.List.of("a", 1, "b", "c");
    assertEquals("a!b!c!", sameAsPlain(
        s -> PatternsAsync.captured(s, items), s -> Patterns.capturedPlain(s, items)));
  }
}
