package dev.stackless.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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

  @Test
  void returnValuesTakeTheReturnTypeAsTarget() {
    assertEquals(java.util.List.of("n3"),
        same(s -> TypingAsync.returnsDiamond(s, 3), s -> Typing.returnsDiamondPlain(s, 3)));
    assertEquals(java.util.List.of(),
        same(s -> TypingAsync.returnsDiamond(s, 0), s -> Typing.returnsDiamondPlain(s, 0)));
    Sched s = new Sched();
    assertEquals(10, s.drive(TypingAsync.returnsLambda(s, 5)).getAsInt());
    assertEquals(4, s.drive(TypingAsync.returnsLambda(s, 4)).getAsInt() / 2);
  }

  @Test
  void returnOfAnUncheckedValueIsCheckedAsInJava() {
    assertEquals("ok", same(s -> TypingAsync.returnsUnchecked(s, "ok"),
        s -> Typing.returnsUncheckedPlain(s, "ok")));
    assertThrows(ClassCastException.class, () -> Typing.returnsUncheckedPlain(new Sched(), 42));
    Sched s = new Sched();
    assertThrows(ClassCastException.class, () -> s.drive(TypingAsync.returnsUnchecked(s, 42)));
  }
}
