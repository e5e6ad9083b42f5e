package dev.stackless;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The frame of one invocation of an {@link Async @Async} method: Zig's {@code anyframe->T}.
 *
 * <p>The processor generates one subclass per {@code @Async} method ({@code OwnerAsync.F}); its
 * {@code start(...)} runs the method until its first suspension point, {@link #resume()} continues
 * it, and {@code await(frame)} inside another {@code @Async} method (or {@link
 * Keywords#nosuspend(Frame)} anywhere) reads its result. A frame that has completed may be started
 * again: it is reused, nothing is allocated.
 *
 * <h2>The status word</h2>
 *
 * <pre>
 *              start                 suspend()               resume()
 *   NEW ──────────────────► RUNNING ────────────► SUSPENDED ─────────► RUNNING
 *    ▲                       │  │ ▲                                       │
 *    │ (completed frames     │  │ └──────── awaitee completes ◄─ AWAITING ◄┘ await of an
 *    │  may start again)     │  │                                            unfinished frame
 *    └──────── COMPLETED ◄───┘  └ return / throw
 * </pre>
 *
 * <p>A frame started by its generated factory ({@code OwnerAsync.f(..)}, {@link #launch}) runs as
 * UNSHARED, a RUNNING that no other thread can know of: only the starting thread holds the frame
 * until it first suspends, is deferred to the trampoline or hands itself out with {@code frame()}.
 * Such a frame starts and completes with plain stores instead of atomics, as no awaiter can have
 * parked on it; anything that shares it turns it RUNNING first. A call of an {@code @Async}
 * method that completes without suspending therefore costs no atomic operation.
 *
 * <p>{@code status} moves SUSPENDED → RUNNING only by compare-and-set in {@link #resume()}: FIRST
 * CAS WINS, so two racing resumes never run the frame twice, and a resume that races with the end
 * of a suspend block (the frame is already SUSPENDED while its block still runs) is not lost: it
 * runs the rest of the frame on the resuming thread while the block finishes on its own.
 *
 * <p>{@code awaiter} holds the one frame parked in {@code await} on this frame: {@code null} (none
 * yet), that frame, or {@link #DONE} once this frame has completed. Completion swaps in DONE and
 * continues the awaiter it swapped out; an await CASes itself in over {@code null}. Whichever
 * comes first decides, so an awaiter is resumed exactly once or never parks.
 *
 * <p>Stack safety: resumes, starts and completions run in {@link #run(Frame)}, which continues
 * into a completed frame's awaiter in a loop instead of recursing, and defers a frame to a
 * per-thread trampoline once {@link #MAX_NESTING} runs are nested on the stack. Below that bound a
 * resume is synchronous, as in Zig.
 *
 * @param <T> the method's result type ({@link Void} for {@code void} methods)
 */
public abstract class Frame<T> implements AnyFrame {

  // Status values. The processor's generated code never reads these: it only calls the methods.
  private static final int NEW = 0;
  private static final int RUNNING = 1;
  private static final int SUSPENDED = 2;
  private static final int AWAITING = 3;
  private static final int COMPLETED = 4;
  /** RUNNING, and no other thread can have seen the frame yet; see the class comment. */
  private static final int UNSHARED = 5;

  /** Returned by {@link #step()} when the frame suspended instead of completing. */
  protected static final Object SUSPEND = new Object() {
    @Override
    public String toString() {
      return "SUSPEND";
    }
  };

  /** Stored in {@link #awaiter} once the frame has completed. */
  private static final Frame<?> DONE = new Frame<Object>() {
    @Override
    protected Object step() {
      throw new AssertionError();
    }

    @Override
    protected String asyncMethodName() {
      return "<done>";
    }
  };

  /**
   * The {@link #label} of a frame of an overridable method that has not yet asked which method a
   * call on its receiver runs (Java's virtual dispatch, {@code dev.stackless.internal.Overrides}).
   */
  protected static final int VIRTUAL_CALL = -1;

  /**
   * The {@link #label} of a frame whose receiver's class overrides the method with an {@code
   * @Async} one: it awaits the override's frame ({@link #dispatchSuspends}) and forwards resumes
   * to it, so that whoever holds this frame resumes the body that runs.
   */
  protected static final int DISPATCHED = -2;

  /** Nested runs on one thread past which a run is deferred to the thread's trampoline. */
  static final int MAX_NESTING = 128;

  private static final VarHandle STATUS;
  private static final VarHandle AWAITER;

  static {
    try {
      MethodHandles.Lookup lookup = MethodHandles.lookup();
      STATUS = lookup.findVarHandle(Frame.class, "status", int.class);
      AWAITER = lookup.findVarHandle(Frame.class, "awaiter", Frame.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
    dev.stackless.internal.Launch.install(Frame::launch);
  }

  /** NEW, RUNNING, SUSPENDED, AWAITING or COMPLETED; see the class comment. */
  private volatile int status;

  /** The frame parked in await on this one, or {@link #DONE}; see the class comment. */
  private volatile Frame<?> awaiter;

  /** The frame this one is awaiting; read back by {@link #awaitedResult()}. */
  private Frame<?> awaitee;

  /** The result, or a {@link Failure} holding the exception, once completed. */
  private Object outcome;

  /** The suspend blocks begun, numbering them; see {@link #suspendBlockFailed}. */
  private int suspendBlocks;

  /**
   * The resume point: which suspension point {@link #step()} continues after. Generated code owns
   * it; 0 is the start of the method.
   */
  protected int label;

  protected Frame() {}

  // ---------------------------------------------------------------------------------------------
  // API

  @Override
  public final void resume() {
    if (!STATUS.compareAndSet(this, SUSPENDED, RUNNING)) {
      Frame<?> override = dispatchedTo();
      if (override == null) {
        throw new IllegalStateException(illegalResumeMessage());
      }
      override.resume();
      return;
    }
    run(this);
  }

  /** Whether the frame has completed, normally or with an exception. */
  public final boolean isDone() {
    return awaiter == DONE;
  }

  /** Whether the frame is suspended at a {@code suspend} and may be resumed. */
  public final boolean isSuspended() {
    if (status == SUSPENDED) {
      return true;
    }
    Frame<?> override = dispatchedTo();
    return override != null && override.isSuspended();
  }

  /** The override's frame this one awaits and forwards resumes to, or null; see DISPATCHED. */
  private Frame<?> dispatchedTo() {
    Frame<?> override = awaitee;
    return label == DISPATCHED && status == AWAITING ? override : null;
  }

  /** The body of {@link Keywords#nosuspend(Frame)}. */
  final T nosuspendResult() {
    if (awaiter != DONE) {
      Frame<?> override = dispatchedTo();
      throw new IllegalStateException(
          "async function called in nosuspend scope suspended: "
              + asyncMethodName()
              + (status == NEW ? " was never started (" : " has not completed (")
              + (override != null
                  ? "dispatched to " + override.asyncMethodName() + ", "
                      + statusName(override.status)
                  : statusName(status))
              + ")");
    }
    return outcome();
  }

  /**
   * {@code pkg.Owner.method{SUSPENDED at Owner.java:42}@1b6d3586}: the method, the status (and
   * where it is stopped), the identity. A frame that completed by throwing says {@code FAILED with}
   * the exception's class.
   */
  @Override
  public String toString() {
    Frame<?> override = dispatchedTo();
    if (override != null) {
      return asyncMethodName()
          + "{dispatched to "
          + override
          + "}@"
          + Integer.toHexString(System.identityHashCode(this));
    }
    int s = status;
    int line = s == SUSPENDED || s == AWAITING ? suspensionLine() : 0;
    Object o = s == COMPLETED ? outcome : null;
    return asyncMethodName()
        + "{"
        + (o instanceof Failure
            ? "FAILED with " + ((Failure) o).exception.getClass().getName()
            : statusName(s))
        + (line > 0 ? " at " + sourceFile() + ":" + line : "")
        + "}@"
        + Integer.toHexString(System.identityHashCode(this));
  }

  // ---------------------------------------------------------------------------------------------
  // For generated code

  /**
   * Runs the method from {@link #label} until it suspends (returns {@link #SUSPEND}) or returns
   * (returns its result, {@code null} for void). An exception it throws completes the frame.
   */
  protected abstract Object step() throws Throwable;

  /** The method this frame runs, as {@code pkg.Owner.method}, for messages. */
  protected abstract String asyncMethodName();

  /** The user's source line for a line of the generated {@code step()}, or 0 if unknown. */
  protected int sourceLine(int generatedLine) {
    return 0;
  }

  /**
   * The binary name of the class that declares the method ({@code pkg.Outer$Inner}), as stack
   * traces name it; by default the class part of {@link #asyncMethodName}.
   */
  protected String sourceClass() {
    String name = asyncMethodName();
    return name.substring(0, Math.max(0, name.lastIndexOf('.')));
  }

  /** The user's source file ({@code Owner.java}), or null if unknown. */
  protected String sourceFile() {
    return null;
  }

  /** The source line of the suspension point the frame is stopped at, or 0. */
  protected int suspensionLine() {
    return 0;
  }

  /**
   * Starts the method from its beginning and runs it to its first suspension point; generated
   * {@code start(...)} methods store the arguments and then call this.
   *
   * @throws IllegalStateException if the frame was started before and has not completed
   */
  protected final void begin() {
    begin(0);
  }

  /**
   * {@link #begin()} at {@code firstLabel}: {@link #VIRTUAL_CALL} for a frame of an overridable
   * method, which first looks for an override of its receiver's class.
   */
  protected final void begin(int firstLabel) {
    int s = status;
    if (!startable(s) || !STATUS.compareAndSet(this, s, RUNNING)) {
      throw new IllegalStateException(
          "started an async function that has not completed: "
              + asyncMethodName()
              + " is "
              + statusName(status));
    }
    label = firstLabel;
    outcome = null;
    awaitee = null;
    relocatedCaught = null;
    // The CAS above made the frame this thread's; nobody may await it before it is handed out.
    AWAITER.setRelease(this, null);
    run(this);
  }

  /**
   * {@link #begin()} for a frame that the calling thread has just constructed and not handed to
   * anyone: the generated factories' start, through {@link dev.stackless.internal.Launch}. Its
   * fields are still their defaults, so nothing is reset, and it runs UNSHARED (see the class
   * comment).
   */
  private static void launch(Frame<?> frame) {
    if (frame.status != NEW) {
      throw new IllegalStateException(
          "launched an async function that is not new: "
              + frame.asyncMethodName()
              + " is "
              + statusName(frame.status));
    }
    STATUS.set(frame, UNSHARED);
    run(frame);
  }

  /**
   * {@code frame()}: this frame, from now on known to others. An UNSHARED frame becomes RUNNING,
   * so that its completion looks for an awaiter.
   */
  protected final Frame<T> shared() {
    if (status == UNSHARED) {
      STATUS.setRelease(this, RUNNING);
    }
    return this;
  }

  /**
   * Checks that the arguments may be stored: the frame is new or completed. Generated {@code
   * start(...)} calls it before overwriting the parameter fields of a frame that may be running.
   */
  protected final void checkStartable() {
    int s = status;
    if (!startable(s)) {
      throw new IllegalStateException(
          "started an async function that has not completed: "
              + asyncMethodName()
              + " is "
              + statusName(s));
    }
  }

  /**
   * Whether a frame with status {@code s} may start: new, or completed with its completion
   * finished. {@link #complete} publishes COMPLETED before it swaps in {@link #DONE}; a start in
   * between would reset {@code awaiter} and then have the old completion mark the new run done
   * (and hand it the new run's awaiter), so it waits for DONE, which implies COMPLETED.
   */
  private boolean startable(int s) {
    return s == NEW || (s == COMPLETED && awaiter == DONE);
  }

  /** {@code suspend();}: marks the frame suspended; {@code step} then returns {@link #SUSPEND}. */
  protected final Object suspendHere() {
    // A release store is enough: the resumer's CAS (acquire) sees everything written before it.
    STATUS.setRelease(this, SUSPENDED);
    return SUSPEND;
  }

  /**
   * Marks the frame suspended before its suspend block runs: from here on anyone, the block
   * included, may resume it. Returns true, so that generated code can write {@code if
   * (suspendForBlock()) { block }} and javac sees the end of the block as reachable.
   */
  protected final boolean suspendForBlock() {
    STATUS.setRelease(this, SUSPENDED);
    return true;
  }

  /** Runs a suspend block given as a {@code Consumer} (not a lambda to inline) with this frame. */
  protected final void callSuspendBlock(java.util.function.Consumer<? super AnyFrame> block) {
    block.accept(this);
  }

  /** Runs a suspend block given as a {@code Runnable} (not a lambda to inline). */
  protected final void callSuspendBlock(Runnable block) {
    block.run();
  }

  /**
   * {@link #suspendForBlock} for a suspend block that may throw: returns the block's number (never
   * 0) for {@link #suspendBlockFailed}. Generated code writes {@code int $block =
   * suspendForBlockNumbered(); if ($block != 0) { try { block } catch (Throwable $failure) {
   * throw suspendBlockFailed($failure, $block); } }}.
   */
  protected final int suspendForBlockNumbered() {
    int block = ++suspendBlocks;
    if (block == 0) { // wrapped around: 0 is no block's
      block = suspendBlocks = 1;
    }
    STATUS.setRelease(this, SUSPENDED);
    return block;
  }

  /**
   * An exception left suspend block number {@code block}. If nobody has resumed the frame since
   * the block began it takes the frame back and the exception completes the frame, as if thrown
   * at the suspension point; otherwise the frame belongs to its resumer (it may even be suspended
   * again, at a later block), and the exception goes to whoever is running the block.
   */
  protected final Throwable suspendBlockFailed(Throwable failure, int block) {
    if (suspendBlocks == block && STATUS.compareAndSet(this, SUSPENDED, RUNNING)) {
      if (suspendBlocks == block) { // read after the CAS: a later block's count is visible
        return failure;
      }
      STATUS.setRelease(this, SUSPENDED); // suspended again at a later block: not this one's
    }
    return new EscapedSuspendBlock(failure);
  }

  /**
   * Whether an exception is one carried out of a suspend block whose frame another resumer owns
   * by now: the generated exception dispatcher passes it on untouched, no catch clause sees it.
   */
  protected static boolean isEscapedSuspendBlock(Throwable e) {
    return e instanceof EscapedSuspendBlock;
  }

  /**
   * {@code await(frame)}, first half: returns {@code true} if this frame must suspend until {@code
   * frame} completes (it will then be resumed at {@link #label}), {@code false} if {@code frame}
   * has completed already. Either way {@link #awaitedResult()} then reads the result.
   */
  protected final boolean awaitSuspends(Frame<?> frame) {
    if (frame == this) {
      throw new IllegalStateException(
          "async function awaited itself: " + asyncMethodName() + " would never resume");
    }
    if (frame.status == NEW) {
      throw new IllegalStateException(
          "awaited an async function that was never started: " + frame.asyncMethodName());
    }
    awaitee = frame;
    if (frame.awaiter == DONE) {
      return false;
    }
    int running = status;
    // Release stores: the compare-and-exchange that follows is the fence.
    STATUS.setRelease(this, AWAITING);
    Frame<?> previous = (Frame<?>) AWAITER.compareAndExchange(frame, null, this);
    if (previous == null) {
      return true;
    }
    STATUS.setRelease(this, running); // not handed out: an UNSHARED frame stays so
    if (previous == DONE) {
      return false;
    }
    awaitee = null;
    throw new IllegalStateException(
        "async function awaited twice: "
            + frame.asyncMethodName()
            + " is already awaited by "
            + previous.asyncMethodName());
  }

  /**
   * {@link #awaitSuspends} for the frame of the override that a call on this frame's receiver
   * runs: from here on this frame stands for it (see {@link #DISPATCHED}).
   */
  protected final boolean dispatchSuspends(Frame<?> override) {
    label = DISPATCHED;
    return awaitSuspends(override);
  }

  /** {@code await(frame)}, second half: the awaited frame's result, or its exception rethrown. */
  protected final Object awaitedResult() {
    Frame<?> frame = awaitee;
    awaitee = null;
    Object o = frame.outcome;
    if (o instanceof Failure) {
      Failure failure = (Failure) o;
      // a dispatched frame is no frame of Java's: the override's line is the call's
      // only on its way up from where it was made, as Java's stack traces record the callers once
      if (failure.tracesFrames && failure.holder == frame) {
        failure.holder = this;
        if (label != DISPATCHED && failure.awaitersAdded++ < StackTraces.MAX_DEPTH) {
          StackTraces.addAwaiter(failure.exception, this);
        }
      }
      // runLoop knows the exception by this if it leaves step(): it passes on, already relocated
      outcome = failure;
      throw Failure.sneakyThrow(failure.exception);
    }
    return o;
  }

  /**
   * A catch clause of the body, first: the exception it caught reads as Java's would there, at
   * the user's lines ({@link StackTraces#relocate}), for the body to print or inspect. Thrown on
   * out of the frame, it is then one this frame made (see {@link Failure#tracesFrames}).
   */
  protected final void caught(Throwable e) {
    if (StackTraces.relocate(e, this)) {
      relocatedCaught = e;
    }
  }

  /** The exception {@link #caught} last relocated, which had this frame's lines. */
  private Throwable relocatedCaught;

  /** Throws when {@link #step()} finds a {@link #label} it does not know: a processor bug. */
  protected final IllegalStateException unknownLabel() {
    return new IllegalStateException(
        asyncMethodName() + ": no resume point " + label + " (a bug in the generated frame)");
  }

  // ---------------------------------------------------------------------------------------------
  // Machinery

  @SuppressWarnings("unchecked") // the outcome is the T that step() returned
  private T outcome() {
    Object o = outcome;
    if (o instanceof Failure) {
      throw Failure.sneakyThrow(((Failure) o).exception);
    }
    return (T) o;
  }

  /**
   * Runs {@code frame}, whose status its caller has just set to RUNNING, and then every awaiter its
   * completion releases, in a loop. Defers to the thread's trampoline past {@link #MAX_NESTING}.
   */
  static void run(Frame<?> frame) {
    Trampoline trampoline = Trampoline.current();
    int depth = trampoline.depth;
    if (depth >= MAX_NESTING) {
      if (frame.status == UNSHARED) {
        // The factory returns it before it has run: whoever gets it may await it.
        STATUS.setRelease(frame, RUNNING);
      }
      trampoline.defer(frame);
      return;
    }
    trampoline.depth = depth + 1;
    try {
      runLoop(frame, trampoline.running, depth);
    } catch (Throwable e) {
      // Only a suspend block's exception escapes runLoop (see suspendBlockFailed). The outermost
      // run must still drain what was deferred, or those frames would wait for whichever run
      // next happens on this thread; the block's exception stays the one thrown.
      trampoline.running[depth] = null;
      trampoline.depth = depth;
      if (depth == 0 && trampoline.hasDeferred()) {
        try {
          trampoline.drain();
        } catch (Throwable later) {
          e.addSuppressed(later);
        }
      }
      throw rethrow(e);
    }
    // Runs nest and unnest in order, so the depth is the one read on entry.
    trampoline.running[depth] = null; // nothing kept alive past its run
    trampoline.depth = depth;
    if (depth == 0 && trampoline.hasDeferred()) {
      trampoline.drain();
    }
  }

  /**
   * Steps {@code frame}; as long as a completion releases an awaiter, steps that one next. Each
   * is {@code running[slot]} while it steps, so that an exception's stack trace can show the
   * user's lines of the frames that are running further down this thread's stack.
   */
  static void runLoop(Frame<?> frame, Frame<?>[] running, int slot) {
    while (frame != null) {
      running[slot] = frame;
      Object result;
      try {
        result = frame.step();
      } catch (EscapedSuspendBlock e) {
        throw Failure.sneakyThrow(e.getCause());
      } catch (Throwable e) {
        Object passing = frame.outcome; // set while running only by awaitedResult
        if (passing instanceof Failure && ((Failure) passing).exception == e) {
          // an awaited frame's exception: relocated where it was thrown; or one this frame made
          // and a stage completed with later (another thread's), relocated only now
          result = ((Failure) passing).tracesFrames || !StackTraces.relocate(e, frame)
              ? passing : new Failure(e, frame, true);
        } else {
          boolean made = StackTraces.relocate(e, frame) || e == frame.relocatedCaught;
          result = new Failure(e, frame, made);
        }
        frame.relocatedCaught = null;
      }
      if (result == SUSPEND) {
        return;
      }
      frame = frame.complete(result);
    }
  }

  /** Throws {@code e}, checked or not, without wrapping it. */
  static RuntimeException rethrow(Throwable e) {
    throw Failure.sneakyThrow(e);
  }

  /** Publishes the outcome; returns the awaiter to continue with, now RUNNING, or null. */
  private Frame<?> complete(Object result) {
    outcome = result;
    if (status == UNSHARED) {
      // Nobody else has seen this frame, so nobody awaits it: no atomics needed.
      STATUS.setRelease(this, COMPLETED);
      AWAITER.setRelease(this, DONE);
      return null;
    }
    // A release store: the getAndSet that follows publishes it.
    STATUS.setRelease(this, COMPLETED);
    Frame<?> waiting = (Frame<?>) AWAITER.getAndSet(this, DONE);
    if (waiting == null) {
      return null;
    }
    STATUS.setRelease(waiting, RUNNING);
    return waiting;
  }

  private String illegalResumeMessage() {
    switch (status) {
      case RUNNING:
      case UNSHARED:
        return "resumed a non-suspended function: " + asyncMethodName() + " is running";
      case AWAITING:
        return "awaiting function resumed: "
            + asyncMethodName()
            + " is parked in await (or in a call of an @Async method, which awaits its frame);"
            + " only the completion of the frame it awaits resumes it";
      case COMPLETED:
        return "resumed an async function which already returned: " + asyncMethodName();
      default:
        return "resumed an async function that was never started: " + asyncMethodName();
    }
  }

  private static String statusName(int status) {
    switch (status) {
      case NEW:
        return "NEW";
      case RUNNING:
      case UNSHARED:
        return "RUNNING";
      case SUSPENDED:
        return "SUSPENDED";
      case AWAITING:
        return "AWAITING";
      default:
        return "COMPLETED";
    }
  }

  /** An exception that completed a frame, kept apart from results. */
  private static final class Failure {
    final Throwable exception;
    /**
     * How many awaiters the exception passed, each adding its line to the stack trace up to
     * {@link StackTraces#MAX_DEPTH}: counted here, as reading the trace copies it.
     */
    int awaitersAdded;
    /**
     * Whether the exception was made while the failed frame ran (its stack trace had the frame's
     * lines): only then do awaiters add theirs. {@code throw CLOSED} of an exception made once
     * keeps its trace, as it does in Java.
     */
    final boolean tracesFrames;
    /**
     * The frame that holds the exception now: the one that threw it, then each awaiter it passed
     * to. An awaiter of another frame (reading a failed frame's outcome again) adds no line.
     */
    Frame<?> holder;

    Failure(Throwable exception, Frame<?> thrower, boolean tracesFrames) {
      this.exception = exception;
      this.holder = thrower;
      this.tracesFrames = tracesFrames;
    }

    @SuppressWarnings("unchecked")
    static <E extends Throwable> RuntimeException sneakyThrow(Throwable e) throws E {
      throw (E) e;
    }
  }

  /** Carries an exception out of a suspend block whose frame another resumer owns by now. */
  private static final class EscapedSuspendBlock extends RuntimeException {
    EscapedSuspendBlock(Throwable cause) {
      super(null, cause, false, false);
    }
  }
}
