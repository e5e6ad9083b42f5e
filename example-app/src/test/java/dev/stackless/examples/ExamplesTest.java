package dev.stackless.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
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
        "nosuspend doTicksDuration(ticker = 0) returned a duration\n"
            + "with ticker = 1: async function called in nosuspend scope suspended:"
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
        "callLater returned; the frame is suspended: true\nTime's Up!\n",
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
  void listNamesEveryExample() throws Exception {
    String listing = output(out -> assertEquals(0, Main.run(new String[] {"--list"}, out, out)));
    for (String name : Main.EXAMPLES.keySet()) {
      assertTrue(listing.contains(name + " "), name);
    }
  }

  @Test
  void runsTheNamedExamples() throws Exception {
    String run =
        output(out -> assertEquals(0, Main.run(new String[] {"generator", "frame-type"}, out, out)));
    assertTrue(run.startsWith("== generator: "), run);
    assertTrue(run.contains("== frame-type: "), run);
    assertTrue(!run.contains("== call-chain"), run);
  }

  @Test
  void unknownNameIsAnError() throws Exception {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status =
        Main.run(
            new String[] {"no-such-example"},
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    assertEquals(2, status);
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("unknown example: no-such-example"));
  }
}
