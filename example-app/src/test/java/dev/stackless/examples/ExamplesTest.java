package dev.stackless.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each seed scenario prints what its seed's comments and asserts say. */
class ExamplesTest {

  /** The output of one example, lines joined with \n. */
  private static String output(Main.Example example) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      example.run(out);
    }
    return bytes.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
  }

  @Test
  void callChainCountsThreeThenSix() throws Exception {
    assertEquals(
        "after async one(): count == 3\nafter resume sus:  count == 6\n",
        output(CallChain::run));
  }

  @Test
  void callbackStartsAFrameThatOutlivesIt() throws Exception {
    assertEquals(
        "after the callback returned: count == 1\nafter resume callback_frame: count == 2\n",
        output(CallbackFrame::run));
  }

  @Test
  void suspendWithNoResumeNeverRunsTheRest() throws Exception {
    assertEquals("suspend with no resume: foo == 2\n", output(SuspendResume::suspendWithNoResume));
  }

  @Test
  void suspendWithResumeRunsTheRest() throws Exception {
    assertEquals("suspend with resume: bar == 3\n", output(SuspendResume::suspendWithResume));
  }

  @Test
  void awaitReadsTheResult() throws Exception {
    assertEquals("await async func3() == 5\n", output(AsyncAwait::asyncAwait));
  }

  @Test
  void anyframeOfFloat() throws Exception {
    assertEquals("awaiter(&frame) == 0.0\n", output(AsyncAwait::anyframeT));
  }

  @Test
  void nosuspendDetectsASuspension() throws Exception {
    assertEquals(
        "ticker = 0: nosuspend doTicksDuration completed without suspending\n"
            + "ticker = 1: IllegalStateException: async function called in nosuspend scope"
            + " suspended:"
            + " dev.stackless.examples.NoSuspend.doTicksDuration has not completed (SUSPENDED)\n",
        output(NoSuspend::run));
  }

  @Test
  void frameTypeIsAllocatedThenStarted() throws Exception {
    assertEquals("@Frame(add): await frame == 3\n", output(Frames::frameType));
  }

  @Test
  void frameResumesItselfFromItsSuspendBlock() throws Exception {
    assertEquals("@frame(): nosuspend await f == 2\n", output(Frames::resumeItself));
  }

  @Test
  void callLaterIsResumedByAnotherThread() throws Exception {
    assertEquals(
        "callLater(alarm, 1): suspends; wakeupLater resumes it from its thread\n"
            + "Time's Up!\n"
            + "alarm ran on thread wakeupLater; callLater is done: true\n",
        output(out -> CallLater.run(out, 1)));
  }

  @Test
  void timerLoopPrintsInDeadlineOrder() throws Exception {
    long[] now = {0};
    TimerLoop.Clock virtual =
        new TimerLoop.Clock() {
          @Override
          public long nanoTime() {
            return now[0];
          }

          @Override
          public void sleepNanos(long nanos) {
            now[0] += nanos;
          }
        };
    assertEquals(
        "[task-pair b] it is now 500 ms since start!\n"
            + "[task-pair a] it is now 1000 ms since start!\n"
            + "[task-pair b] it is now 1800 ms since start!\n"
            + "[task-pair a] it is now 2200 ms since start!\n",
        output(out -> TimerLoop.run(out, virtual)));
  }

  @Test
  void generatorTraceMatchesTheSeed() throws Exception {
    assertEquals(
        "[main] resume\n"
            + "[giveMeTwo] suspend 1\n"
            + "[main] after resume a: 1\n"
            + "[main] resume\n"
            + "[giveMeTwo] after suspend\n"
            + "[main] after resume b: 2\n",
        output(Generator::run));
  }

  @Test
  void readmeExampleCountsToThree() throws Exception {
    assertEquals("countTo(3) == 3 after 3 resumes\n", output(Ticks::run));
  }

  /** The README shows {@code Ticks.countTo}; it must be the code this module compiles and runs. */
  @Test
  void readmeShowsTheCompiledCountTo() throws Exception {
    String source =
        Files.readString(Path.of("src/main/java/dev/stackless/examples/Ticks.java"));
    String readme = Files.readString(Path.of("../README.md"));
    int start = source.indexOf("  @Async");
    String countTo = source.substring(start, source.indexOf("\n  }\n", start) + 4);
    assertTrue(squeeze(readme).contains(squeeze(countTo)), countTo);
  }

  private static String squeeze(String text) {
    return text.replaceAll("\\s+", " ");
  }

  @Test
  void listNamesEveryExample() throws Exception {
    String listing = output(out -> assertEquals(0, Main.run(new String[] {"--list"}, out, out)));
    String[] lines = listing.split("\n");
    assertEquals(Main.EXAMPLES.size(), lines.length, listing);
    int i = 0;
    for (String name : Main.EXAMPLES.keySet()) {
      assertTrue(lines[i++].startsWith(name + " "), name);
    }
    assertTrue(Main.EXAMPLES.keySet().containsAll(List.of(
        "call-chain", "callback-frame", "suspend-no-resume", "suspend-resume", "async-await",
        "nosuspend", "frame-type", "frame-resumes-itself", "call-later", "anyframe-t",
        "timer-loop", "generator")));
  }

  @Test
  void runsTheNamedExamplesInTheOrderGiven() throws Exception {
    String run =
        output(out -> assertEquals(0, Main.run(new String[] {"generator", "frame-type"}, out, out)));
    assertTrue(run.startsWith("== generator: "), run);
    assertTrue(run.contains("[main] after resume b: 2\n"), run);
    assertTrue(run.indexOf("== frame-type: ") > run.indexOf("== generator: "), run);
    assertTrue(run.contains("@Frame(add): await frame == 3\n"), run);
    assertFalse(run.contains("== call-chain"), run);
  }

  @Test
  void runsEveryExampleWithoutNames() throws Exception {
    // Real time, a thousand times faster: the waits of call-later and timer-loop take ~3 ms.
    String run =
        output(out -> assertEquals(0, Main.run(new String[] {"--speedup", "1000"}, out, out)));
    for (String name : Main.EXAMPLES.keySet()) {
      assertTrue(run.contains("== " + name + ": "), name);
    }
    assertTrue(run.contains("Time's Up!\n"), run);
    assertTrue(run.contains("[task-pair b] it is now "), run);
  }

  @Test
  void unknownNameIsAnError() throws Exception {
    assertUsageError(
        "unknown example: no-such-example (--list shows the names)",
        "call-chain",
        "no-such-example");
  }

  @Test
  void badOptionsAreErrors() throws Exception {
    assertUsageError("unknown option: --fast", "--fast");
    assertUsageError("--speedup needs a number", "--speedup");
    assertUsageError("--speedup needs a whole number of at least 1, not 0", "--speedup=0");
    assertUsageError("--speedup needs a whole number of at least 1, not x", "--speedup", "x");
    assertUsageError("--list takes no example names", "--list", "generator");
  }

  /** Runs the command line, which must fail with status 2, print nothing and say {@code why}. */
  private static void assertUsageError(String why, String... args) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status =
        Main.run(
            args,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    assertEquals(2, status);
    assertEquals("", out.toString(StandardCharsets.UTF_8));
    String message = err.toString(StandardCharsets.UTF_8);
    assertTrue(message.startsWith(why + System.lineSeparator() + "usage: "), message);
  }

  @Test
  void timerProgramOnTheEventLoopPrintsInDeadlineOrder() throws Exception {
    assertEquals(
        "[task-pair b] it is now 500 ms since start!\n"
            + "[task-pair a] it is now 1000 ms since start!\n"
            + "[task-pair b] it is now 1800 ms since start!\n"
            + "[task-pair a] it is now 2200 ms since start!\n",
        output(out -> EventLoopTimers.run(out, new dev.stackless.loop.TestLoop())));
  }

  @Test
  void producerRunsAheadByTheCapacityThenWaits() throws Exception {
    // virtual ms: produce every 10, consume every 25, two items of room: item 5 (t=50) waits
    // until item 2 is taken at t=60
    assertEquals(
        "produced item 1\n"
            + "produced item 2\n"
            + "produced item 3\n"
            + "consumed item 1\n"
            + "produced item 4\n"
            + "produced item 5\n"
            + "consumed item 2\n"
            + "consumed item 3\n"
            + "consumed item 4\n"
            + "consumed item 5\n"
            + "channel closed after 5 items\n",
        output(out -> ProducerConsumer.run(out, new dev.stackless.loop.TestLoop())));
  }

  @Test
  void manyTimersReportProgressUntilAllAreDone() throws Exception {
    String printed = output(out -> ManyTimers.run(out, new dev.stackless.loop.TestLoop(), 1_000));
    String[] lines = printed.split("\n");
    assertEquals("all 1000 frames done", lines[lines.length - 1]);
    int previous = -1;
    for (int i = 0; i < lines.length - 1; i++) {
      int done = Integer.parseInt(lines[i].replaceAll("progress: (\\d+) of 1000 frames done", "$1"));
      assertTrue(done >= previous, printed);
      previous = done;
    }
    assertEquals("progress: 1000 of 1000 frames done", lines[lines.length - 2]);
  }
}
