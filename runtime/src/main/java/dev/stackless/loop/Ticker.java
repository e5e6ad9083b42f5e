package dev.stackless.loop;

/** Where an event loop reads the time: the system's monotonic clock, or a virtual one in tests. */
@FunctionalInterface
public interface Ticker {
  /** Nanoseconds from an arbitrary origin, monotonic. */
  long nanoTime();

  /** {@link System#nanoTime()}. */
  Ticker SYSTEM = System::nanoTime;
}
