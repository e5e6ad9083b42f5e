package dev.stackless.fuzz.rt;

/**
 * Where a generated program writes its observable effects. Every generated method takes the sink
 * of the task it runs for as its first parameter and never touches static state, so a frame started
 * without being awaited at once (a fork) writes into a sink of its own: its effects are the same
 * text whatever order the scheduler resumes frames in, and the parent appends that text to its own
 * after it has awaited the fork.
 */
public final class Sink {
  /** Effects past which a run is cut short: both runs throw {@link Budget} at the same effect. */
  static final int MAX_EFFECTS = 50_000;

  private final StringBuilder text = new StringBuilder();
  private final Scheduler scheduler;
  private final int[] effects;

  public Sink(Scheduler scheduler) {
    this(scheduler, new int[1]);
  }

  private Sink(Scheduler scheduler, int[] effects) {
    this.scheduler = scheduler;
    this.effects = effects;
  }

  /** A sink for a fork: same scheduler, same effect budget, its own text. */
  public Sink fork() {
    return new Sink(scheduler, effects);
  }

  public void log(Object value) {
    if (++effects[0] > MAX_EFFECTS) {
      throw new Budget();
    }
    text.append(value).append(' ');
  }

  /** Appends a fork's effects, bracketed. */
  public void join(Sink child) {
    log("[" + child.text.toString().trim() + "]");
  }

  Scheduler scheduler() {
    return scheduler;
  }

  @Override
  public String toString() {
    return text.toString();
  }
}
