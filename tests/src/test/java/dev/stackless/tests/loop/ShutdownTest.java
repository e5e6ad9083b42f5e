package dev.stackless.tests.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stackless.AnyFrame;
import dev.stackless.loop.EventLoop;
import dev.stackless.loop.TestLoop;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.function.Executable;

@Timeout(120) // a lost wakeup fails the test instead of hanging the build
class ShutdownTest {

  @Test
  void afterShutdownTheLoopResumesNothing() {
    TestLoop loop = new TestLoop();
    List<String> log = new ArrayList<>();
    var e = assertThrows(IllegalStateException.class,
        () -> loop.run(() -> MoreProgramsAsync.shutDownHalfway(loop, log)));
    assertTrue(e.getMessage().startsWith(
        "the event loop was shut down before the root frame completed"), e.getMessage());
    assertEquals(List.of("a10", "shutdown"), log);
    loop.advanceUntilIdle(); // the dropped timers stay dropped
    loop.runCurrent();
    assertEquals(List.of("a10", "shutdown"), log);
    assertEquals(15_000_000L, loop.currentTime());
  }

  @Test
  void aRootThatCompletedBeforeTheShutdownStillGivesItsResult() {
    EventLoop loop = new EventLoop();
    assertEquals(7, loop.run(() -> MoreProgramsAsync.shutDownThenReturn(loop)));
    assertTrue(loop.isShutdown());
  }

  @Test
  void shutdownFromAnotherThreadStopsARunningLoop() throws Exception {
    EventLoop loop = EventLoop.withThreads(2);
    CountDownLatch ticks = new CountDownLatch(3);
    AtomicReference<Throwable> outcome = new AtomicReference<>();
    Thread runner = new Thread(() -> {
      try {
        loop.run(() -> MoreProgramsAsync.tickForever(loop, ticks));
      } catch (Throwable e) {
        outcome.set(e);
      }
    });
    runner.start();
    assertTrue(ticks.await(60, TimeUnit.SECONDS));
    loop.shutdown();
    runner.join(60_000);
    assertTrue(!runner.isAlive(), "run did not return after shutdown");
    assertTrue(outcome.get() instanceof IllegalStateException, String.valueOf(outcome.get()));
    assertTrue(outcome.get().getMessage().contains("shut down"), outcome.get().getMessage());
  }

  @Test
  void anInterruptOfTheWaitingRunStopsTheLoopInsteadOfSpinning() throws Exception {
    EventLoop loop = EventLoop.withThreads(2);
    CountDownLatch handedOff = new CountDownLatch(1);
    AtomicReference<Throwable> outcome = new AtomicReference<>();
    AtomicReference<Boolean> stillInterrupted = new AtomicReference<>();
    Thread runner = new Thread(() -> {
      try {
        // the hand-off is never resumed: without the interrupt the loop would wait for ever
        loop.run(() -> LoopProgramsAsync.comeBack(frame -> {
          loop.handOff(frame);
          handedOff.countDown();
        }));
      } catch (Throwable e) {
        outcome.set(e);
      }
      stillInterrupted.set(Thread.currentThread().isInterrupted());
    });
    runner.start();
    assertTrue(handedOff.await(60, TimeUnit.SECONDS));
    runner.interrupt();
    runner.join(60_000);
    assertTrue(!runner.isAlive(), "run did not return after the interrupt");
    assertTrue(outcome.get() instanceof IllegalStateException, String.valueOf(outcome.get()));
    assertTrue(outcome.get().getMessage().startsWith(
        "the event loop's thread Thread-"), outcome.get().getMessage());
    assertTrue(outcome.get().getMessage().contains(" was interrupted while it waited for work"),
        outcome.get().getMessage());
    assertEquals(true, stillInterrupted.get());
    assertTrue(loop.isShutdown());
  }

  @Test
  void everyLaterSubmissionIsRefusedClearly() {
    EventLoop loop = new EventLoop();
    AnyFrame parked = LoopProgramsAsync.forever();
    loop.shutdown();
    List<Executable> late = List.of(
        () -> loop.execute(() -> {}),
        () -> loop.resumeLater(parked),
        () -> loop.spawn(LoopProgramsAsync::forever),
        () -> loop.handOff(parked),
        () -> loop.run(LoopProgramsAsync::forever));
    for (Executable submission : late) {
      var e = assertThrows(IllegalStateException.class, submission);
      assertTrue(e.getMessage().startsWith("the event loop has been shut down"), e.getMessage());
    }
    loop.shutdown(); // idempotent
  }

  @Test
  void aHandedOffFrameResumedAfterShutdownIsRefused() {
    EventLoop loop = new EventLoop();
    AnyFrame handle = loop.handOff(LoopProgramsAsync.forever());
    loop.shutdown();
    var e = assertThrows(IllegalStateException.class, handle::resume);
    assertTrue(e.getMessage().contains("shut down"), e.getMessage());
  }

  @Test
  void aHandedOffFrameResumedTwiceIsRefused() {
    TestLoop loop = new TestLoop();
    var frame = LoopProgramsAsync.forever();
    AnyFrame handle = loop.handOff(frame);
    handle.resume();
    var e = assertThrows(IllegalStateException.class, handle::resume);
    assertTrue(e.getMessage().startsWith("a handed-off frame was resumed twice"), e.getMessage());
    loop.runCurrent();
    assertTrue(frame.isDone());
  }
}
