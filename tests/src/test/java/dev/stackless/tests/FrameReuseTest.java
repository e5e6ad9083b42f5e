package dev.stackless.tests;

import static dev.stackless.Keywords.nosuspend;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stackless.Frame;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** {@code new OwnerAsync.F()} and {@code start(..)}, again and again on the same object. */
class FrameReuseTest {

  @Test
  void aCompletedFrameIsStartedAgain() {
    Sched s = new Sched();
    FlowsAsync.Tick frame = new FlowsAsync.Tick();
    for (int i = 0; i < 100; i++) {
      assertSame(frame, frame.start(s, "r" + i, i));
      assertFalse(frame.isDone());
      assertEquals(i, s.drive(frame));
      assertEquals(i, nosuspend(frame));
    }
    assertEquals(200, s.log.size());
    assertEquals("tock r99", s.log.get(199));
  }

  @Test
  void startWhileSuspendedThrowsAndLeavesTheRunAlone() {
    Sched s = new Sched();
    FlowsAsync.Tick frame = new FlowsAsync.Tick().start(s, "first", 1);
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> frame.start(s, "second", 2));
    assertTrue(e.getMessage().contains("Flows.tick"), e.getMessage());
    assertEquals(List.of("tick first 1"), s.log, "the rejected start did not run");
    assertEquals(1, s.drive(frame));
    assertEquals(List.of("tick first 1", "tock first"), s.log);
    assertSame(frame, frame.start(s, "third", 3));
    assertEquals(3, s.drive(frame));
  }

  @Test
  void aFrameThatFailedIsStartedAgain() {
    RaiseAsync.RaiseAtOnce frame = new RaiseAsync.RaiseAtOnce();
    IOException boom = new IOException("first run");
    frame.start(boom);
    assertSame(boom, assertThrows(IOException.class, () -> nosuspend(frame)));
    frame.start(null);
    assertEquals(0, nosuspend(frame));
  }

  @Test
  void aLocalClassKeepsWhatItCapturedWhenItsFrameRunsAgain() {
    LocalClassesAsync.Keep frame = new LocalClassesAsync.Keep();
    assertEquals("hold:first hold:second", bothRuns(frame::start));
  }

  @Test
  void aLocalSubclassKeepsWhatItCapturedWhenItsFrameRunsAgain() {
    LocalClassesAsync.Subclassed frame = new LocalClassesAsync.Subclassed();
    assertEquals("sub:first/sub:first sub:second/sub:second", bothRuns(frame::start));
  }

  @Test
  void aLambdaKeepsWhatItCapturedWhenItsFrameRunsAgain() {
    LocalClassesAsync.Lambda frame = new LocalClassesAsync.Lambda();
    assertEquals("lambda:firstfirst! lambda:secondsecond!", bothRuns(frame::start));
  }

  /**
   * Starts one frame of a {@link LocalClasses} method twice, with "first" and then "second", and
   * reads both results only after the second run: what each captured, side by side.
   */
  private static String bothRuns(Function<String, Frame<Supplier<String>>> start) {
    List<Supplier<String>> results = new ArrayList<>();
    for (String run : List.of("first", "second")) {
      Frame<Supplier<String>> frame = start.apply(run);
      LocalClasses.parked.resume();
      results.add(nosuspend(frame));
    }
    return results.get(0).get() + " " + results.get(1).get();
  }

  @Test
  void aReusedFrameCanBeAwaitedAgain() {
    Sched s = new Sched();
    FlowsAsync.Later child = new FlowsAsync.Later().start(s, "one", 1);
    Frame<Integer> first = MisuseAsync.awaitIt(child);
    assertEquals(2, s.drive(first));
    child.start(s, "two", 20);
    Frame<Integer> second = MisuseAsync.awaitIt(child);
    assertFalse(second.isDone());
    assertEquals(21, s.drive(second));
    assertEquals(2, nosuspend(first));
  }

  @Test
  void instanceMethodFramesAreReusedWithTheirReceiver() {
    Counter counter = new Counter(new Sched());
    CounterAsync.Add frame = new CounterAsync.Add();
    for (int i = 1; i <= 10; i++) {
      frame.start(counter, i);
      counter.s.drive(frame);
    }
    assertEquals(55, counter.total);
    assertEquals(55, nosuspend(frame));
  }

  @Test
  void genericFramesAreReused() {
    Sched s = new Sched();
    FlowsAsync.Echo<String> frame = new FlowsAsync.Echo<>();
    assertEquals("a", s.drive(frame.start(s, "a")));
    assertEquals("b", s.drive(frame.start(s, "b")));
  }
}
