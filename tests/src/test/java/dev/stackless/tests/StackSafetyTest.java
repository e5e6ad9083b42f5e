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
}
