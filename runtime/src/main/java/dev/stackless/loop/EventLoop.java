package dev.stackless.loop;

import dev.stackless.AnyFrame;
import dev.stackless.Frame;
import dev.stackless.Keywords;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.PriorityQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Zig's {@code std.event.Loop}: a service that resumes suspended frames when their conditions are
 * met. It runs on the thread that calls {@link #run}; frames it owns are resumed only there, so
 * they never run on two threads at once. Other threads hand work in with {@link #execute} and
 * {@link #resume}, which wake the loop.
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
 * <p>Threading: {@link #sleep}, {@link #yieldNow}, {@link #await} and {@link #spawn} MUST be called
 * on the loop thread (from the frames it runs); {@link #execute}, {@link #resume} and {@link
 * #shutdown} may be called from any thread.
 */
public class EventLoop {
  private final Ticker ticker;
  private final ConcurrentLinkedQueue<Runnable> incoming = new ConcurrentLinkedQueue<>();
  private final ArrayDeque<Runnable> ready = new ArrayDeque<>();
  private final PriorityQueue<Timer> timers = new PriorityQueue<>();
  private final AtomicInteger external = new AtomicInteger();
  private volatile Thread owner;
  private volatile boolean shutdown;
  private long timerSequence;
  private Consumer<Throwable> uncaught = EventLoop::printUncaught;

  /** A loop on the system clock. */
  public EventLoop() {
    this(Ticker.SYSTEM);
  }

  /** A loop on the given clock. */
  public EventLoop(Ticker ticker) {
    this.ticker = ticker;
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
   * Starts the root frame on this thread and runs the loop until the root has completed and no
   * work is left; returns the root's result or rethrows its exception (checked ones too).
   *
   * @throws IllegalStateException if the root is still suspended when no work is left, or the
   *     loop is running already or has been shut down
   */
  public <T> T run(Supplier<? extends Frame<T>> root) {
    enter();
    try {
      Frame<T> frame = root.get();
      while (true) {
        runReady();
        if (shutdown && !frame.isDone()) {
          throw new IllegalStateException("the event loop was shut down before the root completed: "
              + frame);
        }
        if (frame.isDone() && idle()) {
          return Keywords.nosuspend(frame);
        }
        if (idle()) {
          throw new IllegalStateException(
              "no work left, but the root frame is suspended and nothing can resume it: "
                  + frame);
        }
        waitForWork();
      }
    } finally {
      owner = null;
    }
  }

  /** Runs ready tasks and due timers until there are none; returns whether anything ran. */
  boolean runReady() {
    boolean ran = false;
    while (true) {
      for (Runnable task; (task = incoming.poll()) != null; ) {
        ready.add(task);
      }
      long now = ticker.nanoTime();
      while (!timers.isEmpty() && timers.peek().deadline <= now) {
        AnyFrame due = timers.poll().frame;
        ready.add(due::resume);
      }
      Runnable task = ready.poll();
      if (task == null) {
        return ran;
      }
      ran = true;
      task.run();
    }
  }

  /** Whether nothing is ready, no timer is set and no outside completion is awaited. */
  boolean idle() {
    return ready.isEmpty() && incoming.isEmpty() && timers.isEmpty() && external.get() == 0;
  }

  /** Nanoseconds until the next timer, or -1 if there is none. */
  long nanosToNextTimer() {
    return timers.isEmpty() ? -1 : Math.max(0, timers.peek().deadline - ticker.nanoTime());
  }

  /**
   * Waits until a timer is due or another thread hands work in. The virtual-time loop overrides
   * this to jump its clock instead of sleeping.
   */
  protected void waitForWork() {
    long nanos = nanosToNextTimer();
    if (!incoming.isEmpty()) {
      return;
    }
    if (nanos < 0) {
      LockSupport.park(this);
    } else if (nanos > 0) {
      LockSupport.parkNanos(this, nanos);
    }
  }

  private void enter() {
    if (shutdown) {
      throw new IllegalStateException("the event loop has been shut down");
    }
    if (owner != null) {
      throw new IllegalStateException("the event loop is running already on " + owner.getName());
    }
    owner = Thread.currentThread();
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
    timers.add(new Timer(ticker.nanoTime() + nanos, timerSequence++, frame));
  }

  void ready(Runnable task) {
    ready.add(task);
  }

  void expectExternal() {
    external.incrementAndGet();
  }

  void externalArrived(Runnable task) {
    execute(() -> {
      external.decrementAndGet();
      task.run();
    });
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
    incoming.add(task);
    Thread loop = owner;
    if (loop != null && loop != Thread.currentThread()) {
      LockSupport.unpark(loop);
    }
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
    incoming.clear();
    Thread loop = owner;
    if (loop != null) {
      LockSupport.unpark(loop);
    }
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
