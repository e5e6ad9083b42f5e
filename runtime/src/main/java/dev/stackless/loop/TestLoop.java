package dev.stackless.loop;

import java.time.Duration;

/**
 * An event loop on virtual time, for tests: sleeps complete at once, in deadline order, and the
 * clock jumps to each deadline, so code with timers runs deterministically and fast. Named after
 * kotlinx-coroutines-test: {@link #runCurrent}, {@link #advanceTimeBy}, {@link #advanceUntilIdle};
 * {@link #run} works too, advancing time whenever nothing else is ready.
 *
 * <p>MUST be driven from one thread.
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

  /** Runs what is ready now, without advancing time. */
  public void runCurrent() {
    runReady();
  }

  /** Advances the clock by {@code duration}, running each timer at its deadline on the way. */
  public void advanceTimeBy(Duration duration) {
    long target = clock.now + duration.toNanos();
    runReady();
    for (long next = nanosToNextTimer(); next >= 0 && clock.now + next <= target;
        next = nanosToNextTimer()) {
      clock.now += next;
      runReady();
    }
    clock.now = target;
    runReady();
  }

  /** Runs until nothing is ready and no timer is set, jumping the clock from deadline to deadline. */
  public void advanceUntilIdle() {
    runReady();
    for (long next = nanosToNextTimer(); next >= 0; next = nanosToNextTimer()) {
      clock.now += next;
      runReady();
    }
  }

  @Override
  protected void waitForWork() {
    long next = nanosToNextTimer();
    if (next >= 0) {
      clock.now += next;
    } else {
      super.waitForWork(); // only another thread can bring work now
    }
  }

  /** A clock that moves only when told to. */
  private static final class VirtualClock implements Ticker {
    long now;

    @Override
    public long nanoTime() {
      return now;
    }
  }
}
