package dev.stackless.tests;

import static dev.stackless.Keywords.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Await chains and self-resumes far deeper than the Java stack. */
class StackSafetyTest {

  @Test
  void awaitChainOf200000NestedCalls() {
    var frame = DeepAsync.depth(200_000);
    assertTrue(frame.isDone());
    assertEquals(200_000, nosuspend(frame));
  }

  @Test
  void awaitChainOf1000000NestedCalls() {
    assertEquals(1_000_000, nosuspend(DeepAsync.depth(1_000_000)));
  }

  @Test
  void chainWhoseInnermostFrameSuspendsUnwindsOnResume() {
    var frame = DeepAsync.depthSuspendingAtTheBottom(200_000);
    assertFalse(frame.isDone());
    assertTrue(frame.toString().contains("{AWAITING at Deep.java:"), frame.toString());
    resume(Deep.bottom); // completes the bottom, which continues 200,000 awaiters in a loop
    assertTrue(frame.isDone());
    assertEquals(200_000, nosuspend(frame));
  }

  @Test
  void frameResumesItselfAMillionTimes() {
    var frame = DeepAsync.selfResume(1_000_000);
    assertTrue(frame.isDone());
    assertEquals(1_000_000, nosuspend(frame));
  }

  /**
   * Each awaiting frame adds its line to the exception's stack trace, as callers appear in a plain
   * one; past the JVM's default depth ({@code -XX:MaxJavaStackTraceDepth=1024}) no more are added,
   * so the exception passes a million awaiters in linear time.
   */
  @Test
  void exceptionThroughAMillionAwaitersKeepsAStackTraceOfBoundedDepth() {
    String outcome = nosuspend(DeepAsync.throwFromTheBottom(1_000_000));
    assertTrue(outcome.startsWith("bottom "), outcome);
    int depth = Integer.parseInt(outcome.substring("bottom ".length()));
    assertTrue(depth >= 1024 && depth < 1100, "stack trace depth " + depth);
  }
}
