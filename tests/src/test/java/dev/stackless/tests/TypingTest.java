package dev.stackless.tests;

import static dev.stackless.tests.Sched.sameAsPlain;
import static dev.stackless.tests.Sched.sameFailureAsPlain;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Typing}'s methods against their plain twins: same log, same result. */
class TypingTest {

  @Test
  void varOfAnotherOwnersFrame() {
    assertEquals(54, (int) sameAsPlain(s -> TypingAsync.varOfAnotherOwnersFrame(s, 4),
        s -> Typing.varOfAnotherOwnersFramePlain(s, 4)));
  }

  @Test
  void receiversTypedByAFramesResult() {
    assertEquals("hi f, hi f, hi x, hi x", sameAsPlain(s -> TypingAsync.awaitedReceivers(s, false),
        s -> Typing.awaitedReceiversPlain(s, false)));
  }

  @Test
  void varOfOwnFrame() {
    assertEquals("Long 7 3 n=7 21 true 7",
        sameAsPlain(s -> TypingAsync.varOfOwnFrame(s, 7), s -> Typing.varOfOwnFramePlain(s, 7)));
  }

  @Test
  void varsOfGenericOwnFramesHaveTheirTypeArguments() {
    assertEquals(Integer.valueOf(225), sameAsPlain(s -> TypingAsync.varsOfGenericOwnFrames(s, 1),
        s -> Typing.varsOfGenericOwnFramesPlain(s, 1)));
    assertEquals(Integer.valueOf(211), sameAsPlain(s -> TypingAsync.varsOfGenericOwnFrames(s, 2),
        s -> Typing.varsOfGenericOwnFramesPlain(s, 2)));
  }

  @Test
  void anAwaitedFactoryCallOfALambdaIsTypedByTheTarget() {
    assertEquals("made", sameAsPlain(TypingAsync::awaitedFactoryOfALambda,
        Typing::awaitedFactoryOfALambdaPlain));
  }

  @Test
  void varsOfOverloadedOwnFramesAreTheOverloadsTheArgumentsSelect() {
    assertEquals("9 2", sameAsPlain(s -> TypingAsync.varsOfOverloadedOwnFrames(s, 7),
        s -> Typing.varsOfOverloadedOwnFramesPlain(s, 7)));
  }

  @Test
  void primitiveResultsCompareAsPrimitives() {
    assertEquals("equal -1294967295 4464",
        sameAsPlain(s -> TypingAsync.primitiveResults(s, 1_294_967_458),
            s -> Typing.primitiveResultsPlain(s, 1_294_967_458)));
  }

  @Test
  void varOfAGenericResultIsWhatJavaInfers() {
    assertEquals("t4 5 10 2 Integer Long",
        sameAsPlain(s -> TypingAsync.varOfGenericResult(s, 4), s -> Typing.varOfGenericResultPlain(s, 4)));
  }

  @Test
  void factoryArgumentSuspends() {
    assertEquals(203, (int) sameAsPlain(s -> TypingAsync.factoryArgumentSuspends(s, 2),
        s -> Typing.factoryArgumentSuspendsPlain(s, 2)));
  }

  @Test
  void returnValuesTakeTheReturnTypeAsTarget() {
    assertEquals(List.of("n3"),
        sameAsPlain(s -> TypingAsync.returnsDiamond(s, 3), s -> Typing.returnsDiamondPlain(s, 3)));
    assertEquals(List.of(),
        sameAsPlain(s -> TypingAsync.returnsDiamond(s, 0), s -> Typing.returnsDiamondPlain(s, 0)));
    Sched s = new Sched();
    assertEquals(10, s.drive(TypingAsync.returnsLambda(s, 5)).getAsInt());
    assertEquals(Typing.returnsLambdaPlain(new Sched(), 4).getAsInt(),
        s.drive(TypingAsync.returnsLambda(s, 4)).getAsInt());
  }

  @Test
  void returnOfAnUncheckedValueIsCheckedAsInJava() {
    assertEquals("ok", sameAsPlain(s -> TypingAsync.returnsUnchecked(s, "ok"),
        s -> Typing.returnsUncheckedPlain(s, "ok")));
    sameFailureAsPlain(ClassCastException.class, s -> TypingAsync.returnsUnchecked(s, 42),
        s -> Typing.returnsUncheckedPlain(s, 42));
  }

  @Test
  void varsOfCollectedOwnFramesAreTypedFromTheirInitializers() {
    assertEquals("1212 2 6 7 3f [3, 7]", sameAsPlain(s -> TypingAsync.varsOfCollectedOwnFrames(s, 3),
        s -> Typing.varsOfCollectedOwnFramesPlain(s, 3)));
  }

  @Test
  void thisOwnersFrameClassesCanBeParametersAndResults() {
    assertEquals(300 + 40 + 36, (long) sameAsPlain(s -> TypingAsync.usesSpawned(s, 3),
        s -> Typing.usesSpawnedPlain(s, 3)));
  }
}
