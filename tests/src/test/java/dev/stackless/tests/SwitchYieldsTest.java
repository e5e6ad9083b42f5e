package dev.stackless.tests;

import static dev.stackless.tests.Sched.sameAsPlain;
import static dev.stackless.tests.Sched.sameFailureAsPlain;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link SwitchYields} against plain Java. */
class SwitchYieldsTest {

  @Test
  void blocksThatSuspendYieldTheirValues() {
    for (int k : new int[] {1, 2, 3, 5, 6}) {
      sameAsPlain(s -> SwitchYieldsAsync.blocks(s, k), s -> SwitchYields.blocksPlain(s, k));
    }
    Sched s = new Sched();
    assertEquals("loop2!", s.drive(SwitchYieldsAsync.blocks(s, 9)));
    assertEquals(List.of("later loop 0", "later loop 1", "later loop 2"), s.log);
  }

  @Test
  void aRuleThatThrowsThrows() {
    assertEquals("four", sameFailureAsPlain(IllegalArgumentException.class,
        s -> SwitchYieldsAsync.blocks(s, 4), s -> SwitchYields.blocksPlain(s, 4)).getMessage());
  }

  @Test
  void oldStyleCasesFallThroughToTheirYield() {
    for (String key : new String[] {"a", "b", "c", "d", "long"}) {
      sameAsPlain(s -> SwitchYieldsAsync.oldStyle(s, key), s -> SwitchYields.oldStylePlain(s, key));
    }
    Sched s = new Sched();
    assertEquals(11, s.drive(SwitchYieldsAsync.oldStyle(s, "a")));
    assertEquals(List.of("a", "later b 10"), s.log);
  }
}
