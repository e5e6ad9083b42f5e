package dev.stackless.loop;

import java.time.Duration;

/**
 * An event loop on virtual time, for tests: sleeps complete at once, in deadline order, while the
 * clock jumps from deadline to deadline, so code with timers runs deterministically and fast.
 * Named after kotlinx-coroutines-test's scheduler:
 *
 * <ul>
 *   <li>{@link #runCurrent()} runs what is ready at the current virtual time;
 *   <li>{@link #advanceTimeBy(Duration)} moves the clock forward, running every timer due
 *       strictly before the new time on the way (those due exactly then wait for {@code
 *       runCurrent()}, as in kotlinx);
 *   <li>{@link #advanceUntilIdle()} runs until nothing is ready and no timer is set;
 *   <li>{@link #run} works as on any loop, advancing the clock whenever nothing else is ready.
 * </ul>
 *
 * <pre>
 *   TestLoop loop = new TestLoop();
 *   var frame = AppAsync.retryWithBackoff(loop);       // sleeps 1 s, 2 s, 4 s ...
 *   loop.advanceTimeBy(Duration.ofSeconds(3));
 *   loop.runCurrent();
 *   assertEquals(2, attempts.get());
 * </pre>
 *
 * <p>SINGLE-THREADED: drive it from one thread. Other threads may still {@link #execute} or
 * resume {@link #handOff handed-off} frames; {@link #run} then waits for them in real time.
 */
public final class TestLoop extends EventLoop {
  private final VirtualClock clock;

  public TestLoop() {
    this(new VirtualClock());
  }

  private TestLoop(VirtualClock clock) {
    super(clock);
    this.clock = clock;
  }

  /** The virtual time, in nanoseconds since the loop was made. */
  public long currentTime() {
    return clock.now;
  }

  /** Runs what is ready at the current virtual time, and what that makes ready, without advancing. */
  public void runCurrent() {
    runReady();
  }

  /**
   * Advances the clock by {@code duration}, running each timer due strictly before the new time at
   * its deadline, in deadline order. Timers due exactly at the new time run on {@link
   * #runCurrent()}.
   */
  public void advanceTimeBy(Duration duration) {
    if (duration.isNegative()) {
      throw new IllegalArgumentException("cannot advance time by a negative duration: " + duration);
    }
    long target = clock.now + duration.toNanos();
    runReady();
    for (long next = nextDeadline(); next < target; next = nextDeadline()) {
      clock.now = Math.max(clock.now, next);
      runReady();
    }
    clock.now = target;
  }

  /** Runs until nothing is ready and no timer is set, jumping the clock from deadline to deadline. */
  public void advanceUntilIdle() {
    runReady();
    for (long next = nextDeadline(); next != TimerHeap.NONE; next = nextDeadline()) {
      clock.now = Math.max(clock.now, next);
      runReady();
    }
  }

  @Override
  protected void waitForWork() {
    long next = nextDeadline();
    if (next != TimerHeap.NONE) {
      clock.now = Math.max(clock.now, next);
    } else {
      super.waitForWork(); // only another thread can bring work now: wait for it in real time
    }
  }

  /** A clock that moves only when the loop moves it. Read and written on the driving thread. */
  private static final class VirtualClock implements Ticker {
    volatile long now;

    @Override
    public long nanoTime() {
      return now;
    }
  }
}
