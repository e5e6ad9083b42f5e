package dev.stackless.tests;

import static dev.stackless.Keywords.nosuspend;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stackless.Frame;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each {@code @Async} method of {@link Flows} against its plain-Java twin: the same log and the
 * same result, and the frame really suspended (the scheduler resumed it).
 */
class ControlFlowTwinTest {

  /** Runs both, compares, and returns the number of resumes the frame needed. */
  private static <T> int assertTwins(
      Function<Sched, Frame<T>> async, Function<Sched, T> plain, int minResumes) {
    Sched plainSched = new Sched();
    T expected = plain.apply(plainSched);
    assertTrue(plainSched.ready.isEmpty());

    Sched asyncSched = new Sched();
    Frame<T> frame = async.apply(asyncSched);
    T actual = asyncSched.drive(frame);
    assertEquals(plainSched.log, asyncSched.log, "the logs differ");
    assertEquals(expected, actual, "the results differ");
    assertTrue(asyncSched.ready.isEmpty(), "frames left over: " + asyncSched.ready);
    assertTrue(asyncSched.resumes >= minResumes,
        "the frame suspended only " + asyncSched.resumes + " times");
    assertEquals(actual, nosuspend(frame), "a second read gives the same result");
    return asyncSched.resumes;
  }

  private static <T> void assertTwins(
      BiFunction<Sched, Integer, Frame<T>> async, BiFunction<Sched, Integer, T> plain, int n) {
    assertTwins(s -> async.apply(s, n), s -> plain.apply(s, n), 1);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7})
  void branches(int n) {
    assertTwins(FlowsAsync::branches, Flows::branchesPlain, n);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2, 3, 4, 6, 10, 20})
  void whileAndDoLoops(int n) {
    assertTwins(FlowsAsync::whileLoops, Flows::whileLoopsPlain, n);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2, 3, 5, 8})
  void forAndForEachLoops(int n) {
    assertTwins(FlowsAsync::forLoops, Flows::forLoopsPlain, n);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2, 3, 4, 5, 7})
  void labelledBreakAndContinue(int n) {
    assertTwins(FlowsAsync::labelled, Flows::labelledPlain, n);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2, 5})
  void awaitInEveryPosition(int n) {
    assertTwins(FlowsAsync::awaits, Flows::awaitsPlain, n);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2, 3, 4, 6})
  void moreLoopShapes(int n) {
    assertTwins(FlowsAsync::moreLoops, Flows::moreLoopsPlain, n);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2, 3})
  void declarationsAndScopes(int n) {
    assertTwins(FlowsAsync::declarations, Flows::declarationsPlain, n);
  }

  @Test
  void genericMethodOverAnIterable() {
    List<String> words = List.of("pear", "apple", "zucchini", "fig");
    assertTwins(s -> FlowsAsync.max(s, words), s -> Flows.maxPlain(s, words), 4);
    List<Integer> numbers = List.of(3, 41, 5, 9);
    assertTwins(s -> FlowsAsync.max(s, numbers), s -> Flows.maxPlain(s, numbers), 4);
  }

  @Test
  void genericMethodWithTwoTypeParametersOverAnArray() {
    Integer[] keys = {1, 2, 3};
    assertTwins(s -> FlowsAsync.pairs(s, keys, "v"), s -> Flows.pairsPlain(s, keys, "v"), 6);
  }

  @Test
  void genericFrameTypes() {
    Sched s = new Sched();
    Frame<String> echo = FlowsAsync.echo(s, "hello");
    assertFalse(echo.isDone());
    assertEquals("hello", s.drive(echo));
  }

  @Test
  void instanceMethodsKeepTheirReceiver() {
    Counter plain = new Counter(new Sched());
    Counter async = new Counter(new Sched());
    int plainAdd = Counter.addPlain(plain, 5);
    Frame<Integer> add = CounterAsync.add(async, 5);
    assertFalse(add.isDone());
    assertEquals(plainAdd, async.s.drive(add));
    int plainTwice = Counter.addTwicePlain(plain, 7);
    assertEquals(plainTwice, async.s.drive(CounterAsync.addTwice(async, 7)));
    assertEquals(19, async.total);
    assertEquals(plain.total, async.total);
    assertEquals(19, async.last);
    assertEquals(plain.last, async.last);
    assertEquals(plain.s.log, async.s.log);
    assertEquals(4, async.s.resumes, "one suspension per add");
  }

  @Test
  void genericInstanceMethod() {
    Counter counter = new Counter(new Sched());
    Frame<String> text = CounterAsync.hold(counter, "kept");
    Frame<List<Integer>> list = CounterAsync.hold(counter, List.of(1, 2));
    assertEquals("kept", counter.s.drive(text));
    assertEquals(List.of(1, 2), counter.s.drive(list));
    assertEquals(2, counter.total);
  }

  @Test
  void instanceMethodParksInAFieldOfItsReceiver() {
    Counter counter = new Counter(new Sched());
    counter.total = 10;
    Frame<Integer> frame = CounterAsync.parkInField(counter, 5);
    assertFalse(frame.isDone());
    assertEquals(frame, counter.parked);
    counter.parked.resume();
    assertEquals(15, nosuspend(frame));
    assertEquals(15, counter.total);
  }

  @Test
  void leavesWriteTheirLogAroundTheSuspension() {
    Sched s = new Sched();
    Frame<Integer> tick = FlowsAsync.tick(s, "t", 3);
    assertEquals(List.of("tick t 3"), s.log);
    assertEquals(1, s.ready.size());
    assertEquals(3, s.drive(tick));
    assertEquals(List.of("tick t 3", "tock t"), s.log);

    Frame<Void> pause = FlowsAsync.pause(s, "p");
    assertEquals(pause, s.ready.peekFirst(), "frame() is the frame itself");
    s.drive(pause);
    assertTrue(pause.isDone());
  }
}
