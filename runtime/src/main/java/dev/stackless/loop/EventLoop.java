package dev.stackless.loop;

import dev.stackless.AnyFrame;
import dev.stackless.Frame;
import dev.stackless.Keywords;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Zig's {@code std.event.Loop}: a service that resumes suspended frames when their conditions are
 * met. By default it runs on the thread that calls {@link #run}, so the frames it owns run only
 * there; {@link #withThreads} makes a loop on several threads, any of which may resume any frame
 * (never two at once: a frame's status word sees to that).
 *
 * <pre>
 *   EventLoop loop = new EventLoop();
 *   int answer = loop.run(() -&gt; AppAsync.main(loop));  // in main: await(loop.sleep(d)), ...
 * </pre>
 *
 * <p><b>When {@link #run} returns.</b> Once the root frame has completed and no work is left: no
 * ready task, no timer, no {@link #handOff handed-off} frame, no awaited {@code
 * CompletionStage} and no frame waiting for NIO readiness ({@link #whenReady}) outstanding. Frames parked on a {@link Channel}, an {@link AsyncMutex} or a
 * {@link WaitGroup} are not work: only other frames can wake them. If the root is still suspended
 * when no work is left, nothing can ever resume it, and {@code run} throws instead of hanging.
 *
 * <p><b>Fairness.</b> Ready tasks run first in, first out. A loop thread keeps the tasks it
 * readies itself (a frame that yields, a channel's receiver) in its own queue; the tasks of other
 * threads and the due timers go to the shared queue. Each batch runs up to {@value #BATCH} tasks
 * of the shared queue, then up to {@value #BATCH} of its own, then moves due timers to the
 * shared queue, so a frame that keeps yielding cannot starve the sleepers or other threads'
 * tasks. On several threads, a thread with tasks to spare hands half of them to the shared queue
 * when another thread is idle.
 *
 * <p><b>Shutdown.</b> After {@link #shutdown} the loop resumes nothing more: the task running on
 * each thread finishes, queued tasks and timers are dropped, {@code run} returns the root's result
 * if the root has completed and otherwise throws. Later {@link #run}, {@link #execute}, {@link
 * #resumeLater}, {@link #spawn} and {@link #handOff} calls, and resuming a handed-off frame, throw
 * an {@code IllegalStateException}.
 *
 * <p><b>Threading.</b> {@link #sleep}, {@link #yieldNow}, {@link #fromStage} and {@link
 * #whenReady} are for frames the loop runs, ON ITS THREADS. {@link #execute}, {@link #resumeLater}, {@link #handOff}, {@link
 * #spawn}, {@link #shutdown} and {@link #setUncaughtExceptionHandler} are THREAD-SAFE: any thread
 * may call them, and they wake the loop. {@link #run} MUST NOT be called while the loop is
 * running. {@link #join} MUST NOT be called on a loop's thread.
 */
public class EventLoop {
  /** Tasks run between two looks at the timers. */
  static final int BATCH = 64;

  private static final ThreadLocal<EventLoop> CURRENT = new ThreadLocal<>();
  /** The worker the calling thread is, while it runs a loop's {@link #work}. */
  private static final ThreadLocal<Worker> WORKER = new ThreadLocal<>();

  private final Ticker ticker;
  private final int threads;
  private final ConcurrentLinkedQueue<Runnable> queue = new ConcurrentLinkedQueue<>();
  private final TimerHeap timers = new TimerHeap();
  private final Parking parking = new Parking();
  /**
   * Queued and running tasks, set timers, handed-off frames and awaited stages, in one count: the
   * loop is out of work exactly when it is zero, which no race between workers can fake.
   */
  private final AtomicLong pending = new AtomicLong();
  private final AtomicBoolean running = new AtomicBoolean();
  private volatile boolean shutdown;
  /** The loop thread whose interrupt shut the loop down, or null. */
  private volatile String interruptedThread;
  private volatile boolean finished;
  private volatile Consumer<? super Throwable> uncaught = EventLoop::printUncaught;
  /** What a detached frame's watch does with its outcome: one per loop, not one per frame. */
  private final BiConsumer<Object, Throwable> reportFailure = (result, failure) -> {
    if (failure != null) {
      reportUncaught(failure);
    }
  };
  private volatile IoPoller poller;

  /** A single-threaded loop on the system clock: it runs on the thread that calls {@link #run}. */
  public EventLoop() {
    this(Ticker.SYSTEM);
  }

  /** A single-threaded loop on the given clock. */
  public EventLoop(Ticker ticker) {
    this(ticker, 1);
  }

  private EventLoop(Ticker ticker, int threads) {
    this.ticker = Objects.requireNonNull(ticker, "ticker");
    this.threads = threads;
  }

  /**
   * A loop on {@code threads} threads: the one that calls {@link #run} and {@code threads - 1}
   * more that {@code run} starts and stops. Any of them may resume any frame; a frame never runs on
   * two at once. {@link Channel}, {@link AsyncMutex} and {@link WaitGroup} work across them; data
   * the frames share otherwise needs the usual care.
   */
  public static EventLoop withThreads(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1: " + threads);
    }
    return new EventLoop(Ticker.SYSTEM, threads);
  }

  /** The loop running on the calling thread, or null. */
  public static EventLoop current() {
    return CURRENT.get();
  }

  /** The loop's clock, in nanoseconds. */
  public long nanoTime() {
    return ticker.nanoTime();
  }

  /** How many threads run the loop. */
  public int threads() {
    return threads;
  }

  /**
   * Where the exceptions of {@link #spawn spawned} frames and of {@link #execute executed} tasks
   * go, on the loop's thread. The default prints them, with their async stack traces, to {@code
   * System.err}. THREAD-SAFE.
   */
  public void setUncaughtExceptionHandler(Consumer<? super Throwable> handler) {
    this.uncaught = Objects.requireNonNull(handler, "handler");
  }

  // --- running --------------------------------------------------------------------------------

  /**
   * Starts the root frame on the loop ({@code root} is called there) and runs the loop until the
   * root has completed and no work is left; returns the root's result or rethrows its exception,
   * checked ones too, as the same object. BLOCKS the calling thread, which becomes the loop's.
   *
   * <p>Interrupting a loop thread while it waits for work (as a test's timeout does) shuts the loop
   * down, as {@link #shutdown} would; the thread's interrupt status stays set. An interrupt while
   * a frame runs is the frame's to see, and stops the loop at its next wait.
   *
   * @throws IllegalStateException if the root is still suspended when no work is left or when the
   *     loop is shut down or interrupted, if the loop is running already, or if it has been shut
   *     down
   */
  public <T> T run(Supplier<? extends Frame<T>> root) {
    Objects.requireNonNull(root, "root");
    checkOpen("run refused");
    if (!running.compareAndSet(false, true)) {
      throw new IllegalStateException("the event loop is running already");
    }
    try {
      finished = false;
      RootSlot<T> slot = new RootSlot<>();
      ready(() -> slot.start(root));
      List<Thread> helpers = new ArrayList<>();
      for (int i = 1; i < threads; i++) {
        Thread helper = new Thread(this::work, "event-loop-" + i);
        helper.setDaemon(true);
        helper.start();
        helpers.add(helper);
      }
      work();
      for (Thread helper : helpers) {
        joinUninterruptibly(helper);
      }
      IoPoller p = poller;
      if (p != null) {
        p.release(); // no frame waits for readiness now: its thread and descriptors go
      }
      return slot.outcome(shutdown, interruptedThread);
    } finally {
      running.set(false);
    }
  }

  /** The root frame, or the exception its factory threw. */
  private static final class RootSlot<T> {
    private volatile Frame<T> frame;
    private volatile Throwable factoryFailure;

    void start(Supplier<? extends Frame<T>> root) {
      try {
        frame = Objects.requireNonNull(root.get(), "the root factory returned null");
      } catch (Throwable e) {
        factoryFailure = e;
      }
    }

    T outcome(boolean shutdown, String interruptedThread) {
      if (factoryFailure != null) {
        throw Sneaky.rethrow(factoryFailure);
      }
      Frame<T> root = frame;
      if (root != null && root.isDone()) {
        return Keywords.nosuspend(root);
      }
      throw new IllegalStateException(interruptedThread != null
          ? "the event loop's thread " + interruptedThread + " was interrupted while it waited"
              + " for work, which shuts the loop down, before the root frame completed: " + root
          : shutdown
          ? "the event loop was shut down before the root frame completed: " + root
          : "no work left, but the root frame is suspended and nothing can resume it: " + root
              + " (a frame handed to another thread must go through handOff(frame), which the"
              + " loop counts as work until its resume(); resumeLater alone is not waited for)");
    }
  }

  /**
   * A thread running {@link #work}, and the tasks it has readied for itself: they need no
   * synchronisation and no count of their own in {@link #pending}, where the worker is counted
   * once while it has any ({@link #counted}). OWNER THREAD ONLY. On a busy loop this is what keeps
   * threads from contending for the shared queue and count on every task.
   */
  private static final class Worker {
    final EventLoop loop;
    final ArrayDeque<Runnable> local = new ArrayDeque<>();
    /** Whether this worker is counted once in {@link #pending} for {@link #local}. */
    boolean counted;

    Worker(EventLoop loop) {
      this.loop = loop;
    }
  }

  /** One worker: runs due timers and ready tasks until the loop is finished. */
  private void work() {
    EventLoop previous = CURRENT.get();
    Worker previousWorker = WORKER.get();
    Worker self = new Worker(this);
    CURRENT.set(this);
    WORKER.set(self);
    try {
      while (!finished) {
        if (shutdown) {
          self.local.clear(); // dropped, as the shared queue's tasks are
          finish();
          return;
        }
        boolean fired = fireDueTimers();
        boolean ran = runBatch(self);
        if (fired || ran) {
          continue;
        }
        if (pending.get() == 0) {
          finish(); // out of work: the root has completed, or nothing can ever resume it
          return;
        }
        idle();
      }
    } finally {
      CURRENT.set(previous);
      WORKER.set(previousWorker);
    }
  }

  private void finish() {
    finished = true;
    if (shutdown) {
      queue.clear();
      timers.clear();
    }
    parking.wakeAll();
  }

  /**
   * Runs up to {@link #BATCH} tasks of the shared queue, then up to {@link #BATCH} of the
   * worker's own ({@code worker} is null off the loop's threads, see {@link #runReady}); whether
   * it ran any. Stops at a shutdown.
   */
  private boolean runBatch(Worker worker) {
    boolean ran = false;
    for (int i = 0; i < BATCH; i++) {
      if (shutdown) {
        return true; // the caller sees it next
      }
      Runnable task = queue.poll();
      if (task == null) {
        break;
      }
      ran = true;
      try {
        runTask(task);
      } finally {
        settle(); // the task's own count
        shareIfIdle(worker);
      }
    }
    if (worker == null) {
      return ran;
    }
    for (int i = 0; i < BATCH; i++) {
      if (shutdown) {
        return true;
      }
      Runnable task = worker.local.pollFirst();
      if (task == null) {
        break;
      }
      ran = true;
      try {
        runTask(task);
      } finally {
        if (worker.local.isEmpty()) {
          worker.counted = false;
          settle(); // the worker's count for its own tasks
        } else {
          shareIfIdle(worker);
        }
      }
    }
    return ran;
  }

  private void runTask(Runnable task) {
    try {
      task.run();
    } catch (Throwable e) {
      reportUncaught(e);
    }
  }

  /**
   * When another worker is idle, moves the older half of this worker's own tasks to the shared
   * queue (each with its own count, taken while the worker's count still stands) and wakes as many
   * idle workers.
   */
  private void shareIfIdle(Worker worker) {
    if (threads == 1 || worker == null || worker.local.size() < 2 || !parking.hasIdle()) {
      return;
    }
    int share = worker.local.size() / 2;
    for (int i = 0; i < share; i++) {
      pending.incrementAndGet();
      queue.add(worker.local.pollFirst());
    }
    parking.wake(share);
  }

  /** Moves due sleepers to the ready queue (each timer's count becomes its task's). */
  private boolean fireDueTimers() {
    if (timers.nextDeadline() == TimerHeap.NONE) {
      return false;
    }
    int fired = timers.pollDue(ticker.nanoTime(), queue::add);
    if (fired > 1) {
      parking.wake(fired - 1); // this worker takes one
    }
    return fired > 0;
  }

  /**
   * Parks the calling worker until work may have arrived. An interrupt of a waiting worker stops
   * the loop as {@link #shutdown} does: the interrupt status stays set, and {@link #run} throws.
   */
  private void idle() {
    Thread self = Thread.currentThread();
    if (self.isInterrupted()) {
      interrupted();
      return;
    }
    parking.enter(self);
    try {
      if (queue.isEmpty() && !finished && !shutdown && pending.get() != 0) {
        waitForWork();
      }
    } finally {
      parking.leave(self);
    }
    if (self.isInterrupted()) {
      interrupted(); // else park would return at once, every time: the loop would spin
    }
  }

  private void interrupted() {
    interruptedThread = Thread.currentThread().getName();
    shutdown();
  }

  /**
   * Waits until the next timer is due or work arrives (a spurious return is fine). The
   * virtual-time loop overrides it to jump its clock instead.
   */
  protected void waitForWork() {
    long nanos = nanosToNextTimer();
    if (nanos < 0) {
      LockSupport.park(this);
    } else if (nanos > 0) {
      LockSupport.parkNanos(this, nanos);
    }
  }

  /** Nanoseconds until the next timer is due (0 if one is), or -1 if none is set. */
  final long nanosToNextTimer() {
    long next = timers.nextDeadline();
    return next == TimerHeap.NONE ? -1 : Math.max(0, next - ticker.nanoTime());
  }

  /** The earliest deadline on the loop's clock, or {@link TimerHeap#NONE}. */
  final long nextDeadline() {
    return timers.nextDeadline();
  }

  /** Runs due timers and ready tasks on the calling thread until none is left; whether any ran. */
  final boolean runReady() {
    EventLoop previous = CURRENT.get();
    CURRENT.set(this);
    try {
      boolean any = false;
      while (!shutdown) {
        boolean fired = fireDueTimers();
        boolean ran = runBatch(null);
        if (!fired && !ran) {
          break;
        }
        any = true;
      }
      if (shutdown) {
        finish();
      }
      return any;
    } finally {
      CURRENT.set(previous);
    }
  }

  private static void joinUninterruptibly(Thread thread) {
    boolean interrupted = false;
    while (true) {
      try {
        thread.join();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  // --- awaitables, for the loop's frames ------------------------------------------------------

  /**
   * A frame that completes once {@code duration} has passed on the loop's clock: {@code
   * await(loop.sleep(d))}. The sleeper is resumed on a loop thread; a zero or negative duration
   * waits for the loop's next look at its timers. ON THE LOOP'S THREADS.
   */
  public Frame<Void> sleep(Duration duration) {
    return new LoopFrames.Sleep(this, saturatedNanos(duration)).start();
  }

  /**
   * A frame that completes after the loop has run the tasks that were ready before it, letting
   * other frames run: {@code await(loop.yieldNow())}. ON THE LOOP'S THREADS.
   */
  public Frame<Void> yieldNow() {
    return new LoopFrames.Yield(this).start();
  }

  /**
   * A frame that completes with the stage's result or exception, continued on this loop whichever
   * thread completes the stage: {@code T value = await(loop.fromStage(future));}. A
   * CompletableFuture that has completed already gives a completed frame. The {@code
   * await(stage)} keyword does the same with the loop of the awaiting frame. ON THE LOOP'S
   * THREADS.
   */
  public <T> Frame<T> fromStage(CompletionStage<T> stage) {
    return LoopFrames.stage(this, Objects.requireNonNull(stage, "stage"));
  }

  private static long saturatedNanos(Duration duration) {
    Objects.requireNonNull(duration, "duration");
    if (duration.isNegative()) {
      return 0;
    }
    try {
      return duration.toNanos();
    } catch (ArithmeticException tooLong) {
      return Long.MAX_VALUE;
    }
  }

  /**
   * A frame that completes once {@code channel} is ready for at least one of {@code ops} ({@link
   * java.nio.channels.SelectionKey#OP_READ OP_READ}, {@code OP_WRITE}, {@code OP_ACCEPT}, {@code
   * OP_CONNECT}), with the ready ones: {@code await(loop.whenReady(socket, OP_READ));} then read.
   * The channel must be in non-blocking mode; readiness is level-triggered and one-shot: await
   * again for the next time. A selector on a thread of its own watches the channels while any frame
   * waits (none otherwise), and the loop counts each waiting frame as work. Closing a channel that
   * a frame waits on fails that frame's wait with an {@link
   * java.nio.channels.AsynchronousCloseException}, as a blocking read of a channel another thread
   * closes fails (a selector hears of no close: the poller looks for them every {@value
   * IoPoller#CLOSE_CHECK_MILLIS} ms). ON THE LOOP'S THREADS.
   *
   * @throws IllegalArgumentException if {@code ops} is empty or not valid for the channel
   */
  public Frame<Integer> whenReady(java.nio.channels.SelectableChannel channel, int ops) {
    Objects.requireNonNull(channel, "channel");
    if (ops == 0 || (ops & ~channel.validOps()) != 0) {
      throw new IllegalArgumentException(
          "operations " + ops + " are not valid for " + channel + " (valid: " + channel.validOps()
              + ")");
    }
    return new LoopFrames.Io(this, channel, ops).start();
  }

  /** The loop's NIO poller, made on first use. */
  IoPoller poller() {
    IoPoller p = poller;
    if (p == null) {
      synchronized (this) {
        p = poller;
        if (p == null) {
          poller = p = new IoPoller(this);
        }
      }
    }
    return p;
  }

  void addTimer(LoopFrames.Sleep sleep, long nanos) {
    pending.incrementAndGet();
    long now = ticker.nanoTime();
    long sum = now + nanos;
    long deadline = sum < now ? TimerHeap.NONE - 1 : Math.min(sum, TimerHeap.NONE - 1); // saturate
    if (timers.add(sleep, deadline)) {
      parking.wakeOne(); // an idle worker may be waiting for a later deadline
    }
  }

  /**
   * Queues a task from inside the runtime (never refused; dropped after shutdown): in the calling
   * worker's own queue on one of this loop's threads, else in the shared queue.
   */
  void ready(Runnable task) {
    Worker worker = WORKER.get();
    if (worker != null && worker.loop == this) {
      worker.local.addLast(task);
      if (!worker.counted) {
        worker.counted = true;
        pending.incrementAndGet();
      }
      return;
    }
    pending.incrementAndGet();
    queue.add(task);
    parking.wakeOne();
  }

  /** Something outside the loop (a stage, a plain thread) will bring a task later. */
  void expectExternal() {
    pending.incrementAndGet();
  }

  /** The expected outside task has arrived. */
  void externalArrived(Runnable task) {
    ready(task);
    settle(); // after ready: the count never touches zero in between
  }

  /**
   * One unit of work is over. When that was the last, idle workers must wake to see it: one that
   * parked while the count was above zero would otherwise sleep forever.
   */
  private void settle() {
    if (pending.decrementAndGet() == 0) {
      parking.wakeAll();
    }
  }

  // --- work from anywhere ---------------------------------------------------------------------

  /**
   * Runs {@code task} on a loop thread, after what is ready already. THREAD-SAFE; wakes the loop.
   * An exception it throws goes to the uncaught-exception handler. A task submitted while no
   * {@link #run} is active runs in the next one.
   *
   * @throws IllegalStateException after {@link #shutdown}
   */
  public void execute(Runnable task) {
    Objects.requireNonNull(task, "task");
    checkOpen("the task is refused");
    ready(task);
  }

  /**
   * Resumes {@code frame} on a loop thread, after what is ready already (Zig's {@code
   * onNextTick}). THREAD-SAFE; wakes the loop. If the frame is not suspended by then, the {@code
   * IllegalStateException} of its {@code resume()} goes to the uncaught-exception handler.
   *
   * <p>The loop does not count a frame given to another thread as work: if that thread may call
   * this only after the loop has run out of everything else, give it {@link #handOff} instead.
   *
   * @throws IllegalStateException after {@link #shutdown}
   */
  public void resumeLater(AnyFrame frame) {
    Objects.requireNonNull(frame, "frame");
    checkOpen("the frame is not resumed");
    ready(frame::resume);
  }

  /**
   * A handle to give another thread instead of the frame itself (Zig's {@code wakeupLater}): its
   * {@code resume()} may be called once, from any thread, returns at once, and resumes the frame
   * on this loop. Until it is called the loop counts it as work, so {@link #run} waits for it
   * instead of deciding that nothing is left. THREAD-SAFE.
   *
   * @throws IllegalStateException after {@link #shutdown}; the handle's {@code resume()} throws
   *     when called twice, or after shutdown
   */
  public AnyFrame handOff(AnyFrame frame) {
    Objects.requireNonNull(frame, "frame");
    checkOpen("the hand-off is refused");
    expectExternal();
    return new HandOff(frame);
  }

  /** The handle {@link #handOff} gives out. */
  private final class HandOff extends AtomicBoolean implements AnyFrame {
    private static final long serialVersionUID = 1L;
    private final transient AnyFrame frame;

    HandOff(AnyFrame frame) {
      this.frame = frame;
    }

    @Override
    public void resume() {
      if (!compareAndSet(false, true)) {
        throw new IllegalStateException("a handed-off frame was resumed twice: " + frame);
      }
      checkOpen("the handed-off frame is not resumed: " + frame);
      externalArrived(frame::resume);
    }
  }

  /**
   * Starts a detached frame on a loop thread ({@code frame} is called there) and lets it run on
   * its own; {@link #run} waits for it as for any work. Its exception, if it fails, goes to the
   * uncaught-exception handler. THREAD-SAFE.
   *
   * @throws IllegalStateException after {@link #shutdown}
   */
  public void spawn(Supplier<? extends Frame<?>> frame) {
    Objects.requireNonNull(frame, "frame");
    checkOpen("the frame is not spawned");
    ready(() -> detach(frame.get()));
  }

  private void detach(Frame<?> frame) {
    Watch.watch(frame, reportFailure);
  }

  /**
   * Stops the loop: it resumes nothing more, drops its queued tasks and timers, and a running
   * {@link #run} returns or throws as soon as each thread has finished the task in hand. Later
   * submissions throw. THREAD-SAFE; idempotent.
   */
  public void shutdown() {
    shutdown = true;
    IoPoller p = poller;
    if (p != null) {
      p.close();
    }
    parking.wakeAll();
  }

  public boolean isShutdown() {
    return shutdown;
  }

  private void checkOpen(String what) {
    if (shutdown) {
      throw new IllegalStateException("the event loop has been shut down: " + what);
    }
  }

  private void reportUncaught(Throwable failure) {
    try {
      uncaught.accept(failure);
    } catch (Throwable handlerFailure) {
      handlerFailure.addSuppressed(failure);
      handlerFailure.printStackTrace();
    }
  }

  private static void printUncaught(Throwable failure) {
    synchronized (System.err) {
      System.err.print("Exception in a detached frame on an event loop ("
          + Thread.currentThread().getName() + "): ");
      failure.printStackTrace();
    }
  }

  // --- interop --------------------------------------------------------------------------------

  /**
   * A future that completes with the frame's result or exception, on the thread that completes the
   * frame. Takes the frame's one awaiter place (Zig allows one awaiter): afterwards, await the
   * future, not the frame. THREAD-SAFE.
   */
  public static <T> CompletableFuture<T> toFuture(Frame<T> frame) {
    return Watch.future(Objects.requireNonNull(frame, "frame"));
  }

  /**
   * BLOCKS the calling plain thread until the frame completes; returns its result or rethrows its
   * exception as the same object. Takes the frame's one awaiter place, like {@link #toFuture}.
   *
   * @throws IllegalStateException on a loop's thread, where blocking could keep the frame from
   *     ever completing (await it instead), unless it has completed already
   */
  public static <T> T join(Frame<T> frame) {
    Objects.requireNonNull(frame, "frame");
    if (!frame.isDone() && CURRENT.get() != null) {
      throw new IllegalStateException(
          "join on a thread of an event loop would block the loop that must run the frame;"
              + " await it instead: " + frame);
    }
    return Watch.join(frame);
  }

  /** Rethrows without wrapping. */
  private static final class Sneaky {
    @SuppressWarnings("unchecked")
    static <E extends Throwable> RuntimeException rethrow(Throwable e) throws E {
      throw (E) e;
    }
  }
}
