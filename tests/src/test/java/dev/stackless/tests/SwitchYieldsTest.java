package dev.stackless.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link SwitchYields} against plain Java. */
class SwitchYieldsTest {

  @Test
  void blocksThatSuspendYieldTheirValues() {
    for (int k : new int[] {1, 2, 3, 5}) {
      Sched plain = new Sched();
      String expected = SwitchYields.blocksPlain(plain, k);
      Sched async = new Sched();
      assertEquals(expected, async.drive(SwitchYieldsAsync.blocks(async, k)), "k=" + k);
      assertEquals(plain.log, async.log, "k=" + k);
    }
    Sched s = new Sched();
    assertEquals("loop2!", s.drive(SwitchYieldsAsync.blocks(s, 9)));
    assertEquals(List.of("later loop 0", "later loop 1", "later loop 2"), s.log);
  }

  @Test
  void aRuleThatThrowsThrows() {
    Sched s = new Sched();
    assertEquals("four", assertThrows(IllegalArgumentException.class,
        () -> s.drive(SwitchYieldsAsync.blocks(s, 4))).getMessage());
  }

  @Test
  void oldStyleCasesFallThroughToTheirYield() {
    for (String key : new String[] {"a", "b", "c", "d", "long"}) {
      Sched plain = new Sched();
      int expected = SwitchYields.oldStylePlain(plain, key);
      Sched async = new Sched();
      assertEquals(expected, async.drive(SwitchYieldsAsync.oldStyle(async, key)), key);
      assertEquals(plain.log, async.log, key);
    }
    Sched s = new Sched();
    assertEquals(11, s.drive(SwitchYieldsAsync.oldStyle(s, "a")));
    assertEquals(List.of("a", "later b 10"), s.log);
  }
}
