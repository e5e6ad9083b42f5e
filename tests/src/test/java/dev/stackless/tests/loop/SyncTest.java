package dev.stackless.tests.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.stackless.loop.AsyncMutex;
import dev.stackless.loop.TestLoop;
import dev.stackless.loop.WaitGroup;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(120) // a lost wakeup fails the test instead of hanging the build
class SyncTest {

  @Test
  void mutexKeepsCriticalSectionsApartAcrossSuspensionsInArrivalOrder() {
    TestLoop loop = new TestLoop();
    AsyncMutex mutex = new AsyncMutex(loop);
    List<String> log = new ArrayList<>();
    loop.run(() -> SyncProgramsAsync.threeCritical(loop, mutex, log));
    assertEquals(List.of("a in", "a out", "b in", "b out", "c in", "c out"), log);
    assertFalse(mutex.isLocked());
    assertEquals(30_000_000L, loop.currentTime());
  }

  @Test
  void waitGroupCompletesWhenTheLastWorkerIsDone() {
    TestLoop loop = new TestLoop();
    WaitGroup group = new WaitGroup(loop);
    List<String> log = new ArrayList<>();
    long finishedAt = loop.run(() -> SyncProgramsAsync.waitForAll(loop, group, log));
    assertEquals(List.of("worker 10", "worker 20", "worker 30", "all done"), log);
    assertEquals(30, finishedAt);
    assertEquals(0, group.count());
  }
}
