package dev.stackless.tests.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stackless.AnyFrame;
import dev.stackless.loop.EventLoop;
import dev.stackless.loop.TestLoop;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(120) // a lost wakeup fails the test instead of hanging the build
class EventLoopTest {

  @Test
  void virtualTimeRunsTimersInDeadlineOrderAtOnce() {
    TestLoop loop = new TestLoop();
    List<String> log = new ArrayList<>();
    String result = loop.run(() -> LoopProgramsAsync.threeSleepers(loop, log));
    assertEquals("abc", result);
    assertEquals(List.of("b@10", "c@20", "a@30"), log);
    assertEquals(30_000_000L, loop.currentTime());
  }

  @Test
  void advanceTimeByRunsOnlyWhatIsDue() {
    TestLoop loop = new TestLoop();
    List<String> log = new ArrayList<>();
    var frame = LoopProgramsAsync.threeSleepers(loop, log);
    loop.advanceTimeBy(java.time.Duration.ofMillis(15));
    assertEquals(List.of("b@10"), log);
    loop.advanceUntilIdle();
    assertEquals(List.of("b@10", "c@20", "a@30"), log);
    assertTrue(frame.isDone());
  }

  @Test
  void realClockSleepsAtLeastTheDuration() {
    EventLoop loop = new EventLoop();
    List<String> log = new ArrayList<>();
    long start = System.nanoTime();
    loop.run(() -> LoopProgramsAsync.sleeper(loop, log, "x", 5));
    assertTrue(System.nanoTime() - start >= 5_000_000L);
    assertEquals(1, log.size());
  }

  @Test
  void resumeFromAnotherThreadComesBackToTheLoop() {
    EventLoop loop = new EventLoop();
    Thread result = loop.run(() -> LoopProgramsAsync.comeBack(frame -> {
      AnyFrame handle = loop.handOff(frame);
      new Thread(handle::resume, "other").start();
    }));
    assertSame(Thread.currentThread(), result);
  }

  @Test
  void awaitedStageCompletesOnTheLoop() {
    EventLoop loop = new EventLoop();
    CompletableFuture<String> future = new CompletableFuture<>();
    new Thread(() -> future.complete("done")).start();
    assertEquals("done", loop.run(() -> LoopProgramsAsync.fromStage(loop, future)));
  }

  @Test
  void awaitedStageFailureIsRethrownAsItIs() {
    EventLoop loop = new EventLoop();
    CompletableFuture<String> future = new CompletableFuture<>();
    IOException failure = new IOException("stage");
    new Thread(() -> future.completeExceptionally(failure)).start();
    assertSame(failure, assertThrows(IOException.class,
        () -> loop.run(() -> LoopProgramsAsync.fromStage(loop, future))));
  }

  @Test
  void awaitKeywordTakesAStageAndContinuesOnTheLoop() {
    EventLoop loop = new EventLoop();
    CompletableFuture<String> first = new CompletableFuture<>();
    CompletableFuture<Integer> second = new CompletableFuture<>();
    new Thread(() -> first.complete("n="), "completer-1").start();
    new Thread(() -> second.complete(41), "completer-2").start();
    String result = loop.run(() -> LoopProgramsAsync.stageKeyword(first, second));
    assertEquals("n=42" + Thread.currentThread().getName(), result);
  }

  @Test
  void awaitKeywordOutsideALoopContinuesWhereTheStageCompletes() throws Exception {
    CompletableFuture<String> first = new CompletableFuture<>();
    CompletableFuture<Integer> second = CompletableFuture.completedFuture(1);
    var frame = LoopProgramsAsync.stageKeyword(first, second);
    Thread completer = new Thread(() -> first.complete("x"), "completer");
    completer.start();
    completer.join(10_000);
    assertEquals("x2completer", EventLoop.join(frame));
  }

  @Test
  void yieldLetsOthersRun() {
    TestLoop loop = new TestLoop();
    List<String> log = new ArrayList<>();
    loop.run(() -> LoopProgramsAsync.both(loop, log));
    assertEquals(List.of("a1", "b1", "a2", "b2"), log);
  }

  @Test
  void exceptionOfADetachedFrameReachesTheHandler() {
    TestLoop loop = new TestLoop();
    AtomicReference<Throwable> caught = new AtomicReference<>();
    loop.setUncaughtExceptionHandler(caught::set);
    assertEquals(1, loop.run(() -> LoopProgramsAsync.spawner(loop)));
    assertEquals("detached failure", caught.get().getMessage());
  }

  @Test
  void rootThatNothingCanResumeIsAnErrorNotAHang() {
    EventLoop loop = new EventLoop();
    var e = assertThrows(IllegalStateException.class,
        () -> loop.run(LoopProgramsAsync::forever));
    assertTrue(e.getMessage().startsWith("no work left, but the root frame is suspended"),
        e.getMessage());
  }

  @Test
  void shutdownRefusesLaterWork() {
    EventLoop loop = new EventLoop();
    loop.shutdown();
    var e = assertThrows(IllegalStateException.class, () -> loop.execute(() -> {}));
    assertTrue(e.getMessage().contains("shut down"), e.getMessage());
    assertThrows(IllegalStateException.class, () -> loop.run(LoopProgramsAsync::forever));
  }

  @Test
  void plainThreadJoinsAFrame() throws Exception {
    TestLoop loop = new TestLoop();
    List<String> log = new ArrayList<>();
    var frame = LoopProgramsAsync.sleeper(loop, log, "j", 7);
    CompletableFuture<String> future = EventLoop.toFuture(frame);
    loop.advanceUntilIdle();
    assertEquals("j", future.get());
    assertEquals("j", EventLoop.join(frame));
  }

  @Test
  void manyResumesFromOtherThreadsAllComeBackToTheLoopStressTest() throws Exception {
    int frames = 10_000 * Integer.getInteger("stackless.stress", 1);
    EventLoop loop = new EventLoop();
    List<Thread> seen = Collections.synchronizedList(new ArrayList<>());
    List<AnyFrame> parked = Collections.synchronizedList(new ArrayList<>());
    // each frame hands itself to one of two threads, which resume it through the loop
    Thread[] helpers = new Thread[2];
    List<java.util.concurrent.BlockingQueue<AnyFrame>> queues = new ArrayList<>();
    for (int i = 0; i < helpers.length; i++) {
      var queue = new java.util.concurrent.LinkedBlockingQueue<AnyFrame>();
      queues.add(queue);
      helpers[i] = new Thread(() -> {
        try {
          for (int n = 0; n < frames / 2; n++) {
            queue.take().resume();
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
      helpers[i].start();
    }
    int count = loop.run(() -> ManyAsync.many(loop, frames, queues, seen));
    for (Thread helper : helpers) {
      helper.join(10_000);
    }
    assertEquals(frames, count);
    assertEquals(frames, seen.size());
    for (Thread thread : seen) {
      assertSame(Thread.currentThread(), thread);
    }
  }
}
