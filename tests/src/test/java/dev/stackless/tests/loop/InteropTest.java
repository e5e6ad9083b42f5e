package dev.stackless.tests.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stackless.AnyFrame;
import dev.stackless.Frame;
import dev.stackless.loop.EventLoop;
import dev.stackless.loop.TestLoop;
import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** CompletionStage in, CompletableFuture and join out, resumes from plain threads. */
@Timeout(120) // a lost wakeup fails the test instead of hanging the build
class InteropTest {

  @Test
  void aCompletedFutureIsAwaitedWithoutSuspending() {
    var frame = MoreProgramsAsync.awaitStage(CompletableFuture.completedFuture("now"));
    assertTrue(frame.isDone());
    assertEquals("now", EventLoop.join(frame));
    IllegalStateException failure = new IllegalStateException("failed already");
    var failed = MoreProgramsAsync.awaitStage(CompletableFuture.<String>failedFuture(failure));
    assertSame(failure, assertThrows(IllegalStateException.class, () -> EventLoop.join(failed)));
  }

  @Test
  void minimalStagesAreAwaitedThroughWhenComplete() throws Exception {
    // completedStage and minimalCompletionStage are CompletableFutures that refuse isDone()
    var done = MoreProgramsAsync.awaitAnyStage(CompletableFuture.completedStage("minimal"));
    assertEquals("minimal", EventLoop.join(done));
    CompletableFuture<String> later = new CompletableFuture<>();
    var pending = MoreProgramsAsync.awaitAnyStage(later.minimalCompletionStage());
    assertFalse(pending.isDone());
    Thread completer = new Thread(() -> later.complete("completed later"));
    completer.start();
    completer.join();
    assertEquals("completed later", EventLoop.join(pending));
    IllegalStateException failure = new IllegalStateException("minimal failure");
    var failed = MoreProgramsAsync.awaitAnyStage(CompletableFuture.<String>failedStage(failure));
    assertSame(failure, assertThrows(IllegalStateException.class, () -> EventLoop.join(failed)));
  }

  @Test
  void aCancelledStageThrowsCancellationInTheFrame() {
    EventLoop loop = new EventLoop();
    CompletableFuture<String> future = new CompletableFuture<>();
    new Thread(() -> future.cancel(false)).start();
    assertThrows(CancellationException.class,
        () -> loop.run(() -> LoopProgramsAsync.fromStage(loop, future)));
  }

  @Test
  void toFutureCarriesTheFramesExceptionAsItIs() throws Exception {
    TestLoop loop = new TestLoop();
    var frame = MoreProgramsAsync.failAfter(loop, 3, "via future");
    CompletableFuture<Integer> future = EventLoop.toFuture(frame);
    loop.advanceUntilIdle();
    var e = assertThrows(ExecutionException.class, () -> future.get(10, TimeUnit.SECONDS));
    assertTrue(e.getCause() instanceof IllegalArgumentException);
    assertEquals("via future", e.getCause().getMessage());
  }

  @Test
  void joinOnALoopThreadIsRefusedInsteadOfDeadlocking() {
    EventLoop loop = new EventLoop();
    var e = assertThrows(IllegalStateException.class,
        () -> loop.run(() -> MoreProgramsAsync.joinOnTheLoop(loop)));
    assertTrue(e.getMessage().startsWith("join on a thread of an event loop"), e.getMessage());
  }

  @Test
  void aPlainThreadJoinsAFrameRunningOnALoopElsewhere() throws Exception {
    EventLoop loop = new EventLoop();
    LinkedBlockingQueue<Frame<String>> started = new LinkedBlockingQueue<>();
    Thread runner = new Thread(() -> loop.run(() -> {
      var frame = MoreProgramsAsync.sleepLog(loop, new ArrayList<>(), "joined",
          Duration.ofMillis(20));
      started.add(frame);
      return frame;
    }));
    runner.start();
    Frame<String> frame = started.poll(60, TimeUnit.SECONDS);
    assertEquals("joined", EventLoop.join(frame));
    runner.join(60_000);
  }

  @Test
  void resumeLaterBringsAFrameFromAPlainThreadBackToTheLoop() throws Exception {
    EventLoop loop = new EventLoop();
    LinkedBlockingQueue<AnyFrame> toOther = new LinkedBlockingQueue<>();
    CompletableFuture<Void> gate = new CompletableFuture<>();
    AtomicReference<Thread> otherThread = new AtomicReference<>();
    Thread other = new Thread(() -> {
      try {
        AnyFrame frame = toOther.take();
        loop.resumeLater(frame);
        gate.complete(null);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    otherThread.set(other);
    other.start();
    Thread ranOn = loop.run(() -> MoreProgramsAsync.resumedLater(loop, toOther, gate));
    assertSame(Thread.currentThread(), ranOn);
    assertNotSame(otherThread.get(), ranOn);
  }
}
