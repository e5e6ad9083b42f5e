package dev.stackless.tests.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

  @Test
  void aFreeMutexIsTakenWithoutSuspending() {
    TestLoop loop = new TestLoop();
    AsyncMutex mutex = new AsyncMutex(loop);
    assertTrue(mutex.lock().isDone());
    assertTrue(mutex.isLocked());
    assertFalse(mutex.tryLock());
    var waiter = mutex.lock();
    assertFalse(waiter.isDone());
    assertEquals(1, mutex.waiting());
    mutex.unlock(); // handed to the waiter: still locked
    assertTrue(mutex.isLocked());
    loop.runCurrent();
    assertTrue(waiter.isDone());
    mutex.unlock();
    assertFalse(mutex.isLocked());
    assertTrue(mutex.tryLock());
    mutex.unlock();
    var e = assertThrows(IllegalStateException.class, mutex::unlock);
    assertEquals("unlock of an AsyncMutex that is not locked", e.getMessage());
  }

  @Test
  void waitGroupWakesEveryWaiterAndRefusesANegativeCount() {
    TestLoop loop = new TestLoop();
    WaitGroup group = new WaitGroup(loop);
    assertTrue(group.whenDone().isDone()); // zero: nothing to wait for
    group.add(2);
    var first = group.whenDone();
    var second = group.whenDone();
    group.done();
    loop.runCurrent();
    assertFalse(first.isDone() || second.isDone());
    group.done();
    loop.runCurrent();
    assertTrue(first.isDone() && second.isDone());
    assertThrows(IllegalStateException.class, group::done);
    assertEquals(0, group.count());
  }
}
