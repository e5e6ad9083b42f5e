package dev.stackless.tests;

import static dev.stackless.Keywords.nosuspend;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stackless.Frame;
import java.io.IOException;
import java.util.List;
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
    frame.start("first");
    LocalClasses.parked.resume();
    java.util.function.Supplier<String> first = nosuspend(frame);
    frame.start("second");
    LocalClasses.parked.resume();
    java.util.function.Supplier<String> second = nosuspend(frame);
    assertEquals("hold:first hold:second", first.get() + " " + second.get());
  }

  @Test
  void aLocalSubclassKeepsWhatItCapturedWhenItsFrameRunsAgain() {
    LocalClassesAsync.Subclassed frame = new LocalClassesAsync.Subclassed();
    frame.start("first");
    LocalClasses.parked.resume();
    java.util.function.Supplier<String> first = nosuspend(frame);
    frame.start("second");
    LocalClasses.parked.resume();
    java.util.function.Supplier<String> second = nosuspend(frame);
    assertEquals("sub:first/sub:first sub:second/sub:second", first.get() + " " + second.get());
  }

  @Test
  void aLambdaKeepsWhatItCapturedWhenItsFrameRunsAgain() {
    LocalClassesAsync.Lambda frame = new LocalClassesAsync.Lambda();
    frame.start("first");
    LocalClasses.parked.resume();
    java.util.function.Supplier<String> first = nosuspend(frame);
    frame.start("second");
    LocalClasses.parked.resume();
    java.util.function.Supplier<String> second = nosuspend(frame);
    assertEquals("lambda:firstfirst! lambda:secondsecond!", first.get() + " " + second.get());
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
