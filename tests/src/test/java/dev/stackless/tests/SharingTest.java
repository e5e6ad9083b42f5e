package dev.stackless.tests;

import static dev.stackless.Keywords.nosuspend;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A frame that others can hold completes into its awaiter, however it got out. */
class SharingTest {

  @Test
  void aFramePublishedWithFrameResumesItsAwaiterWhenItCompletes() {
    List<String> log = new ArrayList<>();
    var publisher = SharingAsync.publisher(log);
    assertEquals(42, nosuspend(publisher));
    assertEquals(List.of("publisher done", "waiter got 42"), log);
  }

  @Test
  void anAwaiterOnAnotherThreadIsResumedToo() throws Exception {
    List<String> log = Collections.synchronizedList(new ArrayList<>());
    var publisher = SharingAsync.publisherAcrossThreads(log);
    assertEquals(7, nosuspend(publisher));
    // the waiter parked on the other thread; the publisher's completion ran it here
    assertEquals(List.of("waiter parked: true", "waiter got 7"), log);
  }

  @Test
  void framesDeferredPastTheNestingBoundStillCompleteIntoTheirAwaiters() {
    var frame = SharingAsync.deepThenAwaitDeferred(10_000);
    assertTrue(frame.isDone());
    assertEquals(10_000, nosuspend(frame));
  }
}
