package dev.stackless.tests;

import static dev.stackless.Keywords.nosuspend;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stackless.AnyFrame;
import dev.stackless.Frame;
import org.junit.jupiter.api.Test;

/** Processed code nested and resumed far deeper than the Java stack. */
class ChainStressTest {

  @Test
  void recursiveAsyncMethod200000Deep() {
    Frame<Integer> frame = ChainsAsync.depth(200_000);
    assertTrue(frame.isDone());
    assertEquals(200_000, nosuspend(frame));
  }

  @Test
  void recursiveAsyncMethod200000DeepWhoseInnermostCallSuspends() {
    assertParkedChainCompletes(200_000);
  }

  /** DESIGN.md's figure: a chain of 1,000,000 nested awaits, in the default stack. */
  @Test
  void recursiveAsyncMethodAMillionDeepWhoseInnermostCallSuspends() {
    assertParkedChainCompletes(1_000_000);
  }

  /** A chain {@code depth} deep whose innermost call parks; one resume completes all of it. */
  private static void assertParkedChainCompletes(int depth) {
    Chains.bottom = null;
    Frame<Integer> frame = ChainsAsync.depthParked(depth);
    assertFalse(frame.isDone());
    AnyFrame bottom = Chains.bottom;
    Chains.bottom = null;
    bottom.resume(); // completes the innermost, which continues every awaiting caller
    assertTrue(frame.isDone());
    assertEquals(depth, nosuspend(frame));
  }

  @Test
  void chainOfFactoryStartsAndAwaits200000Deep() {
    Frame<Long> frame = ChainsAsync.depthAwaited(200_000);
    assertTrue(frame.isDone());
    assertEquals(200_000L * 200_001L / 2, nosuspend(frame));
  }

  @Test
  void frameResumesItselfAMillionTimes() {
    Frame<Integer> frame = ChainsAsync.selfResume(1_000_000);
    assertTrue(frame.isDone());
    assertEquals(1_000_000, nosuspend(frame));
  }

  @Test
  void frameResumesItselfAMillionTimesThroughFrame() {
    Frame<Integer> frame = ChainsAsync.selfResumeRunnable(1_000_000);
    assertTrue(frame.isDone());
    assertEquals(1_000_000, nosuspend(frame));
  }

  @Test
  void aReusedFrameRunsTheChainAgain() {
    ChainsAsync.Depth frame = new ChainsAsync.Depth();
    for (int n : new int[] {10, 100_000, 0, 1000}) {
      assertEquals(n, nosuspend(frame.start(n)));
    }
  }
}
