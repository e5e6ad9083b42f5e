package dev.stackless.internal;

import dev.stackless.Frame;

/**
 * The rest of an expression that suspends in the middle: the frame it waits for, and what to do
 * with that frame's result. Generated code builds one for an expression such as {@code
 * foo(bar(), await(f)) + 1}, after evaluating {@code bar()} into a local, as
 *
 * <pre>
 *   var $t1 = bar();
 *   $spill = Spill.await(f).bind($r1 -&gt; Spill.now(foo($t1, $r1) + 1));
 * </pre>
 *
 * and the frame's state machine awaits {@link #frame()} and calls {@link #resume} until the spill
 * {@link #isDone()}. javac infers every type in it (the awaited value's included) from the
 * expressions themselves, so the processor never needs them. Not API.
 *
 * @param <V> the type of the expression's value
 */
public abstract class Spill<V> {

  /** The continuation of a spill: the rest of the expression, given the awaited value. */
  @FunctionalInterface
  public interface Then<R, V> {
    Spill<V> apply(R result) throws Throwable;
  }

  /** A body that builds a spill, run at once (a branch of {@code &&} evaluated only if taken). */
  @FunctionalInterface
  public interface Body<V> {
    Spill<V> get() throws Throwable;
  }

  Spill() {}

  /** An expression whose value is ready. */
  public static <V> Spill<V> now(V value) {
    return new Done<>(value);
  }

  /** {@code await(frame)} inside an expression. */
  public static <V> Spill<V> await(Frame<V> frame) {
    return new Waiting<V, V>(frame, Spill::now);
  }

  /** {@code await(stage)} inside an expression. */
  public static <V> Spill<V> await(java.util.concurrent.CompletionStage<V> stage) {
    return await(Awaitables.of(stage));
  }

  /**
   * A switch expression whose cases need statements ({@code case 1 -> { suspend(); yield 2; }}):
   * the state machine runs it, in the states of its entry number {@code entry}, and continues
   * this spill with the value it yields. Generated code writes the type, {@code
   * Spill.<Integer>enter(0)}, as no expression gives it.
   */
  public static <V> Spill<V> enter(int entry) {
    return new Entering<V, V>(entry, Spill::now);
  }

  /** Runs {@code body} now and returns the spill it builds. */
  public static <V> Spill<V> run(Body<V> body) {
    try {
      return body.get();
    } catch (Throwable e) {
      throw Spill.<RuntimeException>sneaky(e);
    }
  }

  /** This expression's value, passed on to {@code then}. */
  public abstract <U> Spill<U> bind(Then<? super V, U> then);

  /** Whether the value is ready. */
  public abstract boolean isDone();

  /** The value, once {@link #isDone()}. */
  public abstract V value();

  /** The frame to await, while not done and not {@link #entry() entering} states. */
  public abstract Frame<?> frame();

  /** The states the state machine runs next, for {@link #enter}; -1 for a frame or a value. */
  public int entry() {
    return -1;
  }

  /** Continues with the awaited frame's result, or with the value the entered states yield. */
  public abstract Spill<V> resume(Object result) throws Throwable;

  @SuppressWarnings("unchecked")
  static <E extends Throwable> E sneaky(Throwable e) throws E {
    throw (E) e;
  }

  private static final class Done<V> extends Spill<V> {
    private final V value;

    Done(V value) {
      this.value = value;
    }

    @Override
    public <U> Spill<U> bind(Then<? super V, U> then) {
      try {
        return then.apply(value);
      } catch (Throwable e) {
        throw Spill.<RuntimeException>sneaky(e);
      }
    }

    @Override
    public boolean isDone() {
      return true;
    }

    @Override
    public V value() {
      return value;
    }

    @Override
    public Frame<?> frame() {
      throw new IllegalStateException("no frame to await: the value is ready");
    }

    @Override
    public Spill<V> resume(Object result) {
      throw new IllegalStateException("nothing to resume: the value is ready");
    }
  }

  private static final class Waiting<R, V> extends Spill<V> {
    private final Frame<R> frame;
    private final Then<? super R, V> then;

    Waiting(Frame<R> frame, Then<? super R, V> then) {
      this.frame = frame;
      this.then = then;
    }

    @Override
    public <U> Spill<U> bind(Then<? super V, U> next) {
      return new Waiting<R, U>(frame, result -> then.apply(result).bind(next));
    }

    @Override
    public boolean isDone() {
      return false;
    }

    @Override
    public V value() {
      throw new IllegalStateException("the value is not ready: " + frame + " is awaited");
    }

    @Override
    public Frame<?> frame() {
      return frame;
    }

    @Override
    @SuppressWarnings("unchecked") // the result is the awaited frame's, an R
    public Spill<V> resume(Object result) throws Throwable {
      return then.apply((R) result);
    }
  }

  private static final class Entering<R, V> extends Spill<V> {
    private final int entry;
    private final Then<? super R, V> then;

    Entering(int entry, Then<? super R, V> then) {
      this.entry = entry;
      this.then = then;
    }

    @Override
    public <U> Spill<U> bind(Then<? super V, U> next) {
      return new Entering<R, U>(entry, result -> then.apply(result).bind(next));
    }

    @Override
    public boolean isDone() {
      return false;
    }

    @Override
    public V value() {
      throw new IllegalStateException("the value is not ready: states " + entry + " run first");
    }

    @Override
    public Frame<?> frame() {
      throw new IllegalStateException("no frame to await: states " + entry + " run first");
    }

    @Override
    public int entry() {
      return entry;
    }

    @Override
    @SuppressWarnings("unchecked") // the result is what the entered states yield, an R
    public Spill<V> resume(Object result) throws Throwable {
      return then.apply((R) result);
    }
  }
}
