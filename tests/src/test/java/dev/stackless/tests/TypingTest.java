package dev.stackless.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.stackless.Frame;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** {@link Typing}'s methods against their plain twins: same log, same result. */
class TypingTest {

  private static <T> T same(Function<Sched, Frame<T>> async, Function<Sched, T> plain) {
    Sched expected = new Sched();
    T want = plain.apply(expected);
    Sched actual = new Sched();
    T got = actual.drive(async.apply(actual));
    assertEquals(expected.log, actual.log);
    assertEquals(want, got);
    return got;
  }

  @Test
  void varOfAnotherOwnersFrame() {
    int result = same(s -> TypingAsync.varOfAnotherOwnersFrame(s, 4),
        s -> Typing.varOfAnotherOwnersFramePlain(s, 4));
    assertEquals(54, result);
  }

  @Test
  void varOfOwnFrame() {
    String result = same(s -> TypingAsync.varOfOwnFrame(s, 7), s -> Typing.varOfOwnFramePlain(s, 7));
    assertEquals("Long 7 3 n=7 21 true 7", result);
  }

  @Test
  void primitiveResultsCompareAsPrimitives() {
    String result = same(s -> TypingAsync.primitiveResults(s, 1_294_967_458),
        s -> Typing.primitiveResultsPlain(s, 1_294_967_458));
    assertEquals("equal -1294967295 4464", result);
  }

  @Test
  void factoryArgumentSuspends() {
    int result = same(s -> TypingAsync.factoryArgumentSuspends(s, 2),
        s -> Typing.factoryArgumentSuspendsPlain(s, 2));
    assertEquals(203, result);
  }
}
