package dev.stackless.loop;

import dev.stackless.AnyFrame;
import dev.stackless.Frame;
import dev.stackless.Keywords;
import java.time.Duration;
import java.util.PriorityQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Zig's {@code std.event.Loop}: a service that resumes suspended frames when their conditions are
 * met. By default it runs on the thread that calls {@link #run}, so the frames it owns run only
 * there; {@link #withThreads} makes a loop on several threads, any of which may resume any frame
 * (never two at once). Other threads hand work in with {@link #execute}, {@link #resume} and
 * {@link #handOff}, which wake the loop.
 *
 * <pre>
 *   EventLoop loop = new EventLoop();
 *   int answer = loop.run(() -&gt; AppAsync.main(loop));   // in main: await(loop.sleep(...)), ...
 * </pre>
 *
 * <p>{@link #run} returns once the root frame has completed and no work is left: no ready task,
 * no timer, no awaited {@code CompletionStage} outstanding. If the root is still suspended when
 * no work is left, nothing can ever resume it, and {@code run} throws instead of hanging.
 *
 * <p>Threading: {@link #sleep}, {@link #yieldNow}, {@link #await} and {@link #spawn} are for the
 * frames the loop runs (on its threads); {@link #execute}, {@link #resume}, {@link #handOff} and
 * {@link #shutdown} may be called from any thread.
 */
public class EventLoop {
  private final Ticker ticker;
  private final int threads;
  private final ConcurrentLinkedQueue<Runnable> queue = new ConcurrentLinkedQueue<>();
  /** Guarded by itself. */
  private final PriorityQueue<Timer> timers = new PriorityQueue<>();
  /**
   * Queued and running tasks, timers, and awaited outside completions, all in one count: the loop
   * is out of work exactly when it is zero, which no race between workers can fake.
   */
  private final AtomicLong pending = new AtomicLong();
  private final AtomicLong timerSequence = new AtomicLong();
  private final ConcurrentLinkedQueue<Thread> parked = new ConcurrentLinkedQueue<>();
  private final java.util.concurrent.atomic.AtomicBoolean running =
      new java.util.concurrent.atomic.AtomicBoolean();
  private volatile boolean shutdown;
  private volatile boolean finished;
  private volatile Consumer<Throwable> uncaught = EventLoop::printUncaught;
  private static final ThreadLocal<EventLoop> CURRENT = new ThreadLocal<>();

  /** The loop running on this thread, or null. */
  public static EventLoop current() {
    return CURRENT.get();
  }

  /** A single-threaded loop on the system clock: it runs on the thread that calls {@link #run}. */
  public EventLoop() {
    this(Ticker.SYSTEM);
  }

  /** A single-threaded loop on the given clock. */
  public EventLoop(Ticker ticker) {
    this(ticker, 1);
  }

  private EventLoop(Ticker ticker, int threads) {
    this.ticker = ticker;
    this.threads = threads;
  }

  /**
   * A loop on {@code threads} threads: the one calling {@link #run} and {@code threads - 1} more.
   * Any of them may resume any frame; a frame never runs on two at once (its status word sees to
   * that). Channels, locks and wait groups work across them.
   */
  public static EventLoop withThreads(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1: " + threads);
    }
    return new EventLoop(Ticker.SYSTEM, threads);
  }

  /** The loop's clock, in nanoseconds. */
  public long nanoTime() {
    return ticker.nanoTime();
  }

  /** Where exceptions of {@link #spawn spawned} frames go; the default prints them. */
  public void setUncaughtExceptionHandler(Consumer<Throwable> handler) {
    this.uncaught = handler;
  }

  // --- running --------------------------------------------------------------------------------

  /**
   * Starts the root frame on the loop and runs the loop until the root has completed and no work
   * is left; returns the root's result or rethrows its exception (checked ones too).
   *
   * @throws IllegalStateException if the root is still suspended when no work is left, or the
   *     loop is running already or has been shut down
   */
  public <T> T run(Supplier<? extends Frame<T>> root) {
    if (shutdown) {
      throw new IllegalStateException("the event loop has been shut down");
    }
    if (!running.compareAndSet(false, true)) {
      throw new IllegalStateException("the event loop is running already");
    }
    finished = false;
    java.util.concurrent.atomic.AtomicReference<Frame<T>> started =
        new java.util.concurrent.atomic.AtomicReference<>();
    try {
      execute(() -> started.set(root.get()));
      java.util.List<Thread> helpers = new java.util.ArrayList<>();
      for (int i = 1; i < threads; i++) {
        Thread helper = new Thread(() -> work(started), "event-loop-" + i);
        helper.setDaemon(true);
        helper.start();
        helpers.add(helper);
      }
      work(started);
      for (Thread helper : helpers) {
        joinQuietly(helper);
      }
      Frame<T> frame = started.get();
      if (frame == null || !frame.isDone()) {
        throw new IllegalStateException(shutdown
            ? "the event loop was shut down before the root completed: " + frame
            : "no work left, but the root frame is suspended and nothing can resume it: " + frame);
      }
      return Keywords.nosuspend(frame);
    } finally {
      running.set(false);
    }
  }

  /** One worker: runs tasks and due timers until the loop is finished. */
  private void work(java.util.concurrent.atomic.AtomicReference<? extends Frame<?>> root) {
    EventLoop previous = CURRENT.get();
    CURRENT.set(this);
    try {
      workUntilFinished();
    } finally {
      CURRENT.set(previous);
    }
  }

  private void workUntilFinished() {
    while (!finished) {
      if (runOne() || fireDueTimers()) {
        continue;
      }
      if (pending.get() == 0 || shutdown) {
        finished = true; // out of work (the root done, or suspended forever), or shut down
        wakeAll();
        return;
      }
      Thread self = Thread.currentThread();
      parked.add(self);
      if (queue.isEmpty() && pending.get() != 0 && !finished) {
        waitForWork();
      }
      parked.remove(self);
    }
  }

  /** Runs one queued task, if there is one. */
  private boolean runOne() {
    Runnable task = queue.poll();
    if (task == null) {
      return false;
    }
    try {
      task.run();
    } catch (Throwable e) {
      uncaught.accept(e);
    } finally {
      settle();
    }
    return true;
  }

  /** Moves due timers to the queue (a timer's count becomes its task's). */
  private boolean fireDueTimers() {
    boolean fired = false;
    long now = ticker.nanoTime();
    synchronized (timers) {
      while (!timers.isEmpty() && timers.peek().deadline <= now) {
        AnyFrame due = timers.poll().frame;
        queue.add(due::resume);
        fired = true;
      }
    }
    if (fired) {
      wakeAll();
    }
    return fired;
  }

  /** Runs ready tasks and due timers on this thread until there are none; whether any ran. */
  boolean runReady() {
    EventLoop previous = CURRENT.get();
    CURRENT.set(this);
    try {
      boolean ran = false;
      while (runOne() || fireDueTimers()) {
        ran = true;
      }
      return ran;
    } finally {
      CURRENT.set(previous);
    }
  }

  /** Whether nothing is queued, running, timed or awaited. */
  boolean idle() {
    return pending.get() == 0;
  }

  /** Nanoseconds until the next timer, or -1 if there is none. */
  long nanosToNextTimer() {
    synchronized (timers) {
      return timers.isEmpty() ? -1 : Math.max(0, timers.peek().deadline - ticker.nanoTime());
    }
  }

  /**
   * Waits until a timer is due or work arrives. The virtual-time loop overrides this to jump its
   * clock instead of sleeping.
   */
  protected void waitForWork() {
    long nanos = nanosToNextTimer();
    if (nanos < 0) {
      LockSupport.park(this);
    } else if (nanos > 0) {
      LockSupport.parkNanos(this, nanos);
    }
  }

  private void wakeAll() {
    for (Thread thread : parked) {
      LockSupport.unpark(thread);
    }
  }

  private static void joinQuietly(Thread thread) {
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  // --- work from frames (on the loop thread) --------------------------------------------------

  /** Starts a detached frame on the loop; its exception goes to the uncaught-exception handler. */
  public void spawn(Supplier<? extends Frame<?>> frame) {
    ready(() -> {
      Frame<?> started = frame.get();
      watch(started).whenComplete((result, failure) -> {
        if (failure != null) {
          uncaught.accept(failure);
        }
      });
    });
  }

  /** A frame that completes after {@code duration} on the loop's clock: {@code await(loop.sleep(d))}. */
  public Frame<Void> sleep(Duration duration) {
    return new LoopFrames.Sleep(this, duration.toNanos()).start();
  }

  /** A frame that completes once the loop has run what was ready before: lets others run. */
  public Frame<Void> yieldNow() {
    return new LoopFrames.Yield(this).start();
  }

  /**
   * A frame that completes with the stage's result, on the loop thread, however the stage
   * completes: {@code T value = await(loop.await(future));}.
   */
  public <T> Frame<T> await(CompletionStage<T> stage) {
    return new LoopFrames.Stage<>(this, stage).start();
  }

  void addTimer(long nanos, AnyFrame frame) {
    pending.incrementAndGet();
    synchronized (timers) {
      timers.add(new Timer(ticker.nanoTime() + nanos, timerSequence.getAndIncrement(), frame));
    }
    wakeAll(); // a parked worker may be waiting for a later deadline
  }

  void ready(Runnable task) {
    pending.incrementAndGet();
    queue.add(task);
    wakeAll();
  }

  void expectExternal() {
    pending.incrementAndGet();
  }

  void externalArrived(Runnable task) {
    ready(task);
    settle(); // after: the count never touches zero in between
  }

  /**
   * One unit of work is over. When that was the last, parked workers must wake to see it: a
   * worker that parked while the count was still above zero would otherwise sleep forever.
   */
  private void settle() {
    if (pending.decrementAndGet() == 0) {
      wakeAll();
    }
  }

  // --- work from anywhere ---------------------------------------------------------------------

  /**
   * Runs {@code task} on the loop thread. May be called from any thread; wakes the loop.
   *
   * @throws IllegalStateException after {@link #shutdown}
   */
  public void execute(Runnable task) {
    if (shutdown) {
      throw new IllegalStateException("the event loop has been shut down: the task is refused");
    }
    ready(task);
  }

  /** Resumes {@code frame} on the loop thread: a frame handed to another thread comes back here. */
  public void resume(AnyFrame frame) {
    execute(frame::resume);
  }

  /**
   * A handle to give another thread instead of the frame itself (Zig's {@code wakeupLater}): its
   * {@code resume()} may be called once, from any thread, and resumes the frame on this loop.
   * Until then the loop knows it is waiting for it, so {@link #run} waits instead of deciding
   * that no work is left.
   */
  public AnyFrame handOff(AnyFrame frame) {
    expectExternal();
    java.util.concurrent.atomic.AtomicBoolean used = new java.util.concurrent.atomic.AtomicBoolean();
    return () -> {
      if (!used.compareAndSet(false, true)) {
        throw new IllegalStateException("a handed-off frame was resumed twice: " + frame);
      }
      externalArrived(frame::resume);
    };
  }

  /**
   * Stops accepting work: later {@link #execute} and {@link #run} calls throw, and the loop
   * resumes nothing more. A running {@link #run} returns or throws at its next turn.
   */
  public void shutdown() {
    shutdown = true;
    wakeAll();
  }

  public boolean isShutdown() {
    return shutdown;
  }

  // --- interop --------------------------------------------------------------------------------

  /**
   * A future that completes with the frame's result or exception. Takes the frame's one awaiter
   * place (Zig allows one awaiter): await the future, not the frame, afterwards. Any thread.
   */
  public static <T> CompletableFuture<T> toFuture(Frame<T> frame) {
    return watch(frame);
  }

  /** Blocks the calling plain thread until the frame completes; returns or rethrows its outcome. */
  public static <T> T join(Frame<T> frame) {
    try {
      return watch(frame).join();
    } catch (java.util.concurrent.CompletionException e) {
      throw Watch.sneaky(e.getCause());
    }
  }

  private static <T> CompletableFuture<T> watch(Frame<T> frame) {
    CompletableFuture<T> future = new CompletableFuture<>();
    new Watch<>(frame, future).start();
    return future;
  }

  private static void printUncaught(Throwable failure) {
    System.err.print("Exception in a detached frame: ");
    failure.printStackTrace();
  }

  /** Awaits a frame and completes a future with its outcome. */
  private static final class Watch<T> extends Frame<Void> {
    private final Frame<T> target;
    private final CompletableFuture<T> future;

    Watch(Frame<T> target, CompletableFuture<T> future) {
      this.target = target;
      this.future = future;
    }

    void start() {
      begin();
    }

    @Override
    @SuppressWarnings("unchecked")
    protected Object step() {
      switch (label) {
        case 0:
          label = 1;
          if (awaitSuspends(target)) {
            return SUSPEND;
          }
          // fall through: the target had completed
        case 1:
          try {
            future.complete((T) awaitedResult());
          } catch (Throwable e) {
            future.completeExceptionally(e);
          }
          return null;
        default:
          throw unknownLabel();
      }
    }

    @Override
    protected String asyncMethodName() {
      return "dev.stackless.loop.EventLoop.toFuture";
    }

    @SuppressWarnings("unchecked")
    static <E extends Throwable> RuntimeException sneaky(Throwable e) throws E {
      throw (E) e;
    }
  }
}
