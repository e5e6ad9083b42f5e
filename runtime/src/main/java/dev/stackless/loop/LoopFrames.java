package dev.stackless.loop;

import dev.stackless.Frame;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;

/**
 * The loop's awaitable primitives: frames written by hand in the shape the processor generates
 * (see processor/docs/lowering.md), so that {@code await(loop.sleep(d))} works like any await.
 * Each one is started by the method that returns it, suspends in a suspend block that registers
 * it with the loop, and completes when the loop resumes it; the awaiting frame then continues on
 * the thread that resumed it, a thread of the loop.
 *
 * <p>Those that the loop queues implement {@link Runnable} (its {@code run} resumes them), so that
 * queueing them allocates nothing.
 *
 * <p>Public only for {@code dev.stackless.internal.Awaitables}, which generated code calls.
 */
public final class LoopFrames {
  private LoopFrames() {}

  /** A frame that has completed with {@code null}: awaiting it never suspends. Shareable. */
  static final Frame<Void> DONE = new Done().start();

  /**
   * {@code await(stage)}: a frame that completes with the stage's outcome, continued on {@code
   * loop}, or on the thread that completes the stage if {@code loop} is null. Generated code calls
   * this, with the loop running the awaiting frame.
   */
  public static <T> Frame<T> stage(EventLoop loop, CompletionStage<T> stage) {
    return new Stage<>(loop, stage).start();
  }

  /** Completes at once. */
  private static final class Done extends Frame<Void> {
    Done start() {
      begin();
      return this;
    }

    @Override
    protected Object step() {
      return null;
    }

    @Override
    protected String asyncMethodName() {
      return "dev.stackless.loop.LoopFrames.done";
    }
  }

  /** Suspends until the loop's clock reaches a deadline. It is its own node in the timer heap. */
  static final class Sleep extends Frame<Void> implements Runnable, Comparable<Sleep> {
    private final EventLoop loop;
    /**
     * How long to sleep until the timer is set, then the deadline, set by {@link TimerHeap#add}
     * under its lock: one field, as a million sleepers is an ordinary load.
     */
    long deadline;
    long sequence;

    Sleep(EventLoop loop, long nanos) {
      this.loop = loop;
      this.deadline = nanos;
    }

    Sleep start() {
      begin();
      return this;
    }

    @Override
    protected Object step() {
      switch (label) {
        case 0:
          label = 1;
          if (suspendForBlock()) {
            loop.addTimer(this, deadline);
          }
          return SUSPEND;
        case 1:
          return null;
        default:
          throw unknownLabel();
      }
    }

    /** The timer is due: the loop resumes the sleeper. */
    @Override
    public void run() {
      resume();
    }

    @Override
    public int compareTo(Sleep other) {
      int byDeadline = Long.compare(deadline, other.deadline);
      return byDeadline != 0 ? byDeadline : Long.compare(sequence, other.sequence);
    }

    @Override
    protected String asyncMethodName() {
      return "dev.stackless.loop.EventLoop.sleep";
    }
  }

  /** Suspends until the loop has run what was ready before it: goes to the back of the queue. */
  static final class Yield extends Frame<Void> implements Runnable {
    private final EventLoop loop;

    Yield(EventLoop loop) {
      this.loop = loop;
    }

    Yield start() {
      begin();
      return this;
    }

    @Override
    protected Object step() {
      switch (label) {
        case 0:
          label = 1;
          if (suspendForBlock()) {
            loop.ready(this);
          }
          return SUSPEND;
        case 1:
          return null;
        default:
          throw unknownLabel();
      }
    }

    @Override
    public void run() {
      resume();
    }

    @Override
    protected String asyncMethodName() {
      return "dev.stackless.loop.EventLoop.yieldNow";
    }
  }

  /**
   * Suspends until a {@code CompletionStage} completes, then continues on the loop (or, with no
   * loop, on the completing thread). A stage that has completed already does not suspend.
   */
  static final class Stage<T> extends Frame<T> implements Runnable {
    private final EventLoop loop;
    private final CompletionStage<T> stage;
    private T value;
    private Throwable failure;

    Stage(EventLoop loop, CompletionStage<T> stage) {
      this.loop = loop;
      this.stage = stage;
    }

    Stage<T> start() {
      begin();
      return this;
    }

    @Override
    protected Object step() throws Throwable {
      switch (label) {
        case 0:
          if (isDoneFuture(stage)) {
            return now((CompletableFuture<?>) stage);
          }
          label = 1;
          if (suspendForBlock()) {
            if (loop != null) {
              loop.expectExternal();
            }
            stage.whenComplete(
                (v, e) -> {
                  value = v;
                  failure = unwrap(e);
                  if (loop != null) {
                    loop.externalArrived(this);
                  } else {
                    resume(); // no loop: continue on the thread that completed the stage
                  }
                });
          }
          return SUSPEND;
        case 1:
          if (failure != null) {
            throw failure;
          }
          return value;
        default:
          throw unknownLabel();
      }
    }

    /**
     * Whether the stage is a future known to be complete. A minimal stage ({@code
     * completedStage(v)}, {@code minimalCompletionStage()}) is a CompletableFuture that refuses
     * isDone: it is awaited through whenComplete, as any stage.
     */
    private static boolean isDoneFuture(CompletionStage<?> stage) {
      if (!(stage instanceof CompletableFuture)) {
        return false;
      }
      try {
        return ((CompletableFuture<?>) stage).isDone();
      } catch (UnsupportedOperationException minimal) {
        return false;
      }
    }

    /** The outcome of a completed future, its failure unwrapped and thrown. */
    private static Object now(CompletableFuture<?> future) throws Throwable {
      try {
        return future.get();
      } catch (ExecutionException e) {
        throw e.getCause() != null ? e.getCause() : e;
      }
    }

    private static Throwable unwrap(Throwable e) {
      return e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
    }

    @Override
    public void run() {
      resume();
    }

    @Override
    protected String asyncMethodName() {
      return "dev.stackless.loop.EventLoop.fromStage";
    }
  }

  /**
   * Suspends until a channel is ready for some of {@code ops} (an {@link IoPoller} watches it),
   * then completes with the ready operations on a loop thread; fails if the channel cannot be
   * registered (it is closed, or in blocking mode).
   */
  static final class Io extends Frame<Integer> implements Runnable {
    private final EventLoop loop;
    final java.nio.channels.SelectableChannel channel;
    final int ops;
    /** Written by the poller thread before it hands the frame to the loop. */
    int readyOps;
    private Throwable failure;

    Io(EventLoop loop, java.nio.channels.SelectableChannel channel, int ops) {
      this.loop = loop;
      this.channel = channel;
      this.ops = ops;
    }

    Io start() {
      begin();
      return this;
    }

    /** Registration failed: the frame completes with {@code e} on the loop. */
    void failed(Throwable e) {
      failure = e;
      loop.externalArrived(this);
    }

    @Override
    protected Object step() throws Throwable {
      switch (label) {
        case 0:
          if (!channel.isOpen()) {
            throw new java.nio.channels.ClosedChannelException(); // as an operation on it would
          }
          label = 1;
          if (suspendForBlock()) {
            loop.expectExternal();
            loop.poller().register(this);
          }
          return SUSPEND;
        case 1:
          if (failure != null) {
            throw failure;
          }
          return readyOps;
        default:
          throw unknownLabel();
      }
    }

    @Override
    public void run() {
      resume();
    }

    @Override
    protected String asyncMethodName() {
      return "dev.stackless.loop.EventLoop.whenReady";
    }
  }
}
