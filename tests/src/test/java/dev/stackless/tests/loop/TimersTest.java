package dev.stackless.tests.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stackless.loop.EventLoop;
import dev.stackless.loop.TestLoop;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Timers: deadline order, fairness against yielding frames, virtual time, a million sleepers. */
@Timeout(120) // a lost wakeup fails the test instead of hanging the build
class TimersTest {
  private static final int SCALE = Integer.getInteger("stackless.stress", 1);

  @Test
  void aFrameThatKeepsYieldingDoesNotStarveTheTimers() {
    EventLoop loop = new EventLoop();
    int spins = loop.run(() -> MoreProgramsAsync.spinUntilSleeperWakes(loop, 5));
    assertTrue(spins > 0, "spins: " + spins);
  }

  @Test
  void aMillionSleepersWakeEachAtItsDeadlineInOrder() {
    int sleepers = 1_000_000 * SCALE;
    TestLoop loop = new TestLoop();
    AtomicLong lastWake = new AtomicLong();
    AtomicInteger disorder = new AtomicInteger();
    loop.run(() -> MoreProgramsAsync.manySleepers(loop, sleepers, lastWake, disorder));
    assertEquals(0, disorder.get());
    long longest = 0;
    for (int i = 0; i < sleepers; i++) {
      longest = Math.max(longest, (i * 7919L) % 1_000_003L);
    }
    assertEquals(longest * 1_000, lastWake.get());
  }

  @Test
  void equalDeadlinesWakeInTheOrderTheyWereSet() {
    TestLoop loop = new TestLoop();
    List<String> log = new ArrayList<>();
    for (String name : List.of("first", "second", "third")) {
      loop.spawn(() -> MoreProgramsAsync.sleepLog(loop, log, name, Duration.ofMillis(5)));
    }
    loop.advanceUntilIdle();
    assertEquals(List.of("first", "second", "third"), log);
  }

  @Test
  void zeroAndNegativeSleepsWaitForTheNextTurnOnly() {
    TestLoop loop = new TestLoop();
    List<String> log = new ArrayList<>();
    var zero = MoreProgramsAsync.sleepLog(loop, log, "zero", Duration.ZERO);
    var negative = MoreProgramsAsync.sleepLog(loop, log, "negative", Duration.ofMillis(-5));
    assertTrue(log.isEmpty());
    loop.runCurrent();
    assertEquals(List.of("zero", "negative"), log);
    assertTrue(zero.isDone() && negative.isDone());
    assertEquals(0, loop.currentTime());
  }

  @Test
  void advanceTimeByLeavesWhatIsDueExactlyThenForRunCurrent() {
    TestLoop loop = new TestLoop();
    List<String> log = new ArrayList<>();
    MoreProgramsAsync.sleepLog(loop, log, "at10", Duration.ofMillis(10));
    MoreProgramsAsync.sleepLog(loop, log, "at20", Duration.ofMillis(20));
    loop.advanceTimeBy(Duration.ofMillis(10));
    assertEquals(List.of(), log); // as in kotlinx-coroutines-test
    assertEquals(10_000_000L, loop.currentTime());
    loop.runCurrent();
    assertEquals(List.of("at10"), log);
    loop.advanceTimeBy(Duration.ofMillis(15));
    assertEquals(List.of("at10", "at20"), log);
    assertEquals(25_000_000L, loop.currentTime());
  }

  @Test
  void virtualHoursPassInNoTime() {
    TestLoop loop = new TestLoop();
    List<String> log = new ArrayList<>();
    long start = System.nanoTime();
    String name = loop.run(
        () -> MoreProgramsAsync.sleepLog(loop, log, "later", Duration.ofHours(5)));
    assertEquals("later", name);
    assertEquals(Duration.ofHours(5).toNanos(), loop.currentTime());
    assertTrue(System.nanoTime() - start < Duration.ofSeconds(30).toNanos());
  }

  @Test
  void anAbsurdlyLongSleepDoesNotOverflowTheClock() {
    TestLoop loop = new TestLoop();
    List<String> log = new ArrayList<>();
    var frame = MoreProgramsAsync.sleepLog(loop, log, "never", Duration.ofSeconds(Long.MAX_VALUE));
    loop.advanceTimeBy(Duration.ofDays(365));
    assertTrue(log.isEmpty());
    loop.advanceUntilIdle();
    assertTrue(frame.isDone());
  }
}
