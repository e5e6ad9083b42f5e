package dev.stackless.tests.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stackless.loop.EventLoop;
import dev.stackless.loop.TestLoop;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Spawned frames and executed tasks: run waits for them, and their exceptions are not lost. */
@Timeout(120) // a lost wakeup fails the test instead of hanging the build
class DetachedTest {

  @Test
  void runWaitsForDetachedFramesAndHandsTheirExceptionsToTheHandler() {
    TestLoop loop = new TestLoop();
    List<Throwable> caught = new ArrayList<>();
    loop.setUncaughtExceptionHandler(caught::add);
    List<String> log = new ArrayList<>();
    assertEquals("root", loop.run(() -> MoreProgramsAsync.spawnAndReturn(loop, log)));
    assertEquals(List.of("root", "detached"), log);
    assertEquals(1, caught.size());
    assertTrue(caught.get(0) instanceof IllegalArgumentException);
    assertEquals("boom", caught.get(0).getMessage());
  }

  @Test
  void theDefaultHandlerPrintsTheExceptionWithItsAsyncStackTrace() {
    PrintStream original = System.err;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    TestLoop loop = new TestLoop();
    try {
      System.setErr(new PrintStream(bytes, true, StandardCharsets.UTF_8));
      loop.spawn(() -> MoreProgramsAsync.failAfter(loop, 1, "printed boom"));
      loop.advanceUntilIdle();
    } finally {
      System.setErr(original);
    }
    String printed = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(printed.startsWith("Exception in a detached frame on an event loop"), printed);
    assertTrue(printed.contains("IllegalArgumentException: printed boom"), printed);
    assertTrue(printed.contains("MorePrograms.failAfter(MorePrograms.java:"), printed);
  }

  @Test
  void aFailingTaskOrHandlerDoesNotStopTheLoop() {
    TestLoop loop = new TestLoop();
    AtomicInteger handled = new AtomicInteger();
    loop.setUncaughtExceptionHandler(e -> {
      handled.incrementAndGet();
      throw new IllegalStateException("the handler fails too");
    });
    List<String> log = new ArrayList<>();
    PrintStream original = System.err;
    try {
      System.setErr(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
      loop.execute(() -> { throw new IllegalStateException("task failure"); });
      loop.execute(() -> log.add("next task"));
      loop.runCurrent();
    } finally {
      System.setErr(original);
    }
    assertEquals(1, handled.get());
    assertEquals(List.of("next task"), log);
  }

  @Test
  void detachedFailuresOnAThreadedLoopAllReachTheHandler() {
    int frames = 1_000;
    EventLoop loop = EventLoop.withThreads(4);
    List<Throwable> caught = Collections.synchronizedList(new ArrayList<>());
    loop.setUncaughtExceptionHandler(caught::add);
    loop.run(() -> {
      for (int i = 0; i < frames; i++) {
        int id = i;
        loop.spawn(() -> MoreProgramsAsync.failAfter(loop, id % 3, "f" + id));
      }
      return LoopProgramsAsync.sleeper(loop, new ArrayList<>(), "root", 1);
    });
    assertEquals(frames, caught.size());
  }
}
