package dev.stackless.benchmarks;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;
import jdk.internal.vm.Continuation;
import org.openjdk.jol.info.ClassLayout;
import org.openjdk.jol.info.GraphLayout;

/**
 * Retained heap bytes per suspended coroutine: the heap in use after full GCs with {@code count}
 * suspended instances held in an array, less the heap in use with the empty array, divided by
 * {@code count}. Cross-checked with JOL where JOL can see the whole object graph. Run with a
 * serial collector (as {@code ./bench} does) so that "used after GC" is exact.
 *
 * <p>Writes CSV rows {@code row,locals,instances,bytesPerInstance,jolBytes} to the given file and
 * the JOL layouts of the frame classes to a second file.
 */
public final class MemoryMain {
  private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

  public static void main(String[] args) throws Exception {
    Path csv = Path.of(args.length > 0 ? args[0] : "memory.csv");
    Path layouts = Path.of(args.length > 1 ? args[1] : "layouts.txt");
    int million = 1_000_000;
    List<String> rows = new ArrayList<>();
    rows.add("row,locals,instances,bytesPerInstance,jolBytes");

    measure(rows, "stackless", 1, million, i -> RetainedAsync.oneInt());
    measure(rows, "stackless", 4, million, i -> RetainedAsync.fourInts());
    measure(rows, "handWritten", 1, million, i -> new Retained.HandOneInt().start());
    measure(rows, "handWritten", 4, million, i -> new Retained.HandFourInts().start());
    measure(rows, "loomContinuation", 1, million, i -> suspendedContinuation(1));
    measure(rows, "loomContinuation", 4, million, i -> suspendedContinuation(4));
    measure(rows, "completableFuture", 1, million, i -> pendingStage(1));
    measure(rows, "completableFuture", 4, million, i -> pendingStage(4));
    measureVirtualThreads(rows, 1, 100_000);
    measureVirtualThreads(rows, 4, 100_000);
    measureKotlin(rows, million);
    measureSleepers(rows, million);

    Files.write(csv, rows);
    try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(layouts))) {
      out.println(ClassLayout.parseClass(RetainedAsync.OneInt.class).toPrintable());
      out.println(ClassLayout.parseClass(RetainedAsync.FourInts.class).toPrintable());
      out.println(ClassLayout.parseClass(Retained.HandOneInt.class).toPrintable());
    }
    rows.forEach(System.out::println);
  }

  /** An object graph a suspended frame with {@code locals} int locals would keep. */
  private static Object suspendedContinuation(int locals) {
    Continuation c =
        new Continuation(
            Loom.SCOPE,
            locals == 1
                ? () -> {
                  int i = Retained.next++;
                  Continuation.yield(Loom.SCOPE);
                  Retained.next += i;
                }
                : () -> {
                  int a = Retained.next++;
                  int b = a + 1;
                  int c2 = a + 2;
                  int d = a + 3;
                  Continuation.yield(Loom.SCOPE);
                  Retained.next += a + b + c2 + d;
                });
    c.run();
    return c;
  }

  /**
   * The callback form of the same coroutine: a future nobody has completed yet, with the rest of
   * the computation registered on it, capturing the live locals. The resumer holds the future.
   */
  private static Object pendingStage(int locals) {
    CompletableFuture<Integer> source = new CompletableFuture<>();
    int a = Retained.next++;
    if (locals == 1) {
      source.thenApply(x -> x + a);
    } else {
      int b = a + 1;
      int c = a + 2;
      int d = a + 3;
      source.thenApply(x -> x + a + b + c + d);
    }
    return source;
  }

  private static void measure(
      List<String> rows, String row, int locals, int count, IntFunction<Object> make) {
    // Warm up the code paths (and their classes) first, so that their metadata is not counted.
    for (int i = 0; i < 10_000; i++) {
      make.apply(i);
    }
    Object[] keep = new Object[count];
    long before = usedAfterGc();
    for (int i = 0; i < count; i++) {
      keep[i] = make.apply(i);
    }
    long after = usedAfterGc();
    double perInstance = (after - before) / (double) count;
    long jol = jolBytes(keep);
    rows.add(row + "," + locals + "," + count + "," + String.format("%.1f", perInstance) + "," + jol);
    System.err.println(row + " " + locals + ": " + perInstance + " B (JOL " + jol + ")");
    java.util.Arrays.fill(keep, null);
  }

  /** JOL's size of one instance's graph, excluding what the first 1,000 instances share. */
  private static long jolBytes(Object[] keep) {
    try {
      Object[] sample = java.util.Arrays.copyOf(keep, 1000);
      long arrayBytes = GraphLayout.parseInstance((Object) new Object[1000]).totalSize();
      return Math.round((GraphLayout.parseInstance((Object) sample).totalSize() - arrayBytes) / 1000.0);
    } catch (Throwable e) {
      return -1; // JOL cannot walk this graph (JDK-internal fields, variable-size stack chunks)
    }
  }

  private static void measureVirtualThreads(List<String> rows, int locals, int count)
      throws InterruptedException {
    Thread[] keep = new Thread[count];
    long before = usedAfterGc();
    CountDownLatch parked = new CountDownLatch(count);
    for (int i = 0; i < count; i++) {
      keep[i] =
          Thread.ofVirtual()
              .start(
                  locals == 1
                      ? () -> {
                        int x = Retained.next++;
                        parked.countDown();
                        LockSupport.park();
                        Retained.next += x;
                      }
                      : () -> {
                        int a = Retained.next++;
                        int b = a + 1;
                        int c = a + 2;
                        int d = a + 3;
                        parked.countDown();
                        LockSupport.park();
                        Retained.next += a + b + c + d;
                      });
    }
    parked.await();
    awaitState(keep, Thread.State.WAITING); // in park(), not just past the countDown before it
    long after = usedAfterGc();
    double perInstance = (after - before) / (double) count;
    rows.add("virtualThread," + locals + "," + count + "," + String.format("%.1f", perInstance) + ",-1");
    System.err.println("virtualThread " + locals + ": " + perInstance + " B");
    for (Thread t : keep) {
      LockSupport.unpark(t);
    }
    for (Thread t : keep) {
      t.join();
    }
  }

  private static void measureKotlin(List<String> rows, int count) {
    try {
      Class<?> k = Class.forName("dev.stackless.benchmarks.KotlinRows");
      java.lang.reflect.Method sequence = k.getMethod("suspendedSequence", int.class);
      java.lang.reflect.Method coroutine = k.getMethod("suspendedCoroutine", int.class);
      for (int locals : new int[] {1, 4}) {
        measure(rows, "kotlinSequence", locals, count, i -> invoke(sequence, locals));
      }
      for (int locals : new int[] {1, 4}) {
        measure(rows, "kotlinCoroutine", locals, count, i -> invoke(coroutine, locals));
      }
    } catch (ClassNotFoundException | NoSuchMethodException e) {
      System.err.println("no Kotlin rows: " + e);
    }
  }

  /**
   * Rows {@code sleeping:*}: heap per coroutine waiting on a timer an hour away (the coroutine,
   * its timer and the timer queue's share), each measured where the waiting coroutines live.
   */
  private static void measureSleepers(List<String> rows, int count) throws Exception {
    dev.stackless.loop.EventLoop loop = new dev.stackless.loop.EventLoop();
    double stackless =
        loop.run(() -> LoopRowsAsync.sleepingBytes(loop, count, MemoryMain::usedAfterGc));
    addSleeping(rows, "stackless", count, stackless);

    java.util.concurrent.ScheduledThreadPoolExecutor timer =
        new java.util.concurrent.ScheduledThreadPoolExecutor(1);
    long before = usedAfterGc();
    for (int i = 0; i < count; i++) {
      timer.schedule(() -> Retained.next++, 1, java.util.concurrent.TimeUnit.HOURS);
    }
    addSleeping(rows, "scheduledExecutor", count, (usedAfterGc() - before) / (double) count);
    timer.shutdownNow();

    int threads = count / 10;
    Thread[] sleeping = new Thread[threads];
    CountDownLatch started = new CountDownLatch(threads);
    before = usedAfterGc();
    for (int i = 0; i < threads; i++) {
      sleeping[i] = Thread.ofVirtual().start(() -> {
        started.countDown();
        try {
          Thread.sleep(3_600_000L);
        } catch (InterruptedException e) {
          // woken to end the measurement
        }
      });
    }
    started.await();
    awaitState(sleeping, Thread.State.TIMED_WAITING); // in sleep, not just past the countDown
    addSleeping(rows, "virtualThread", threads, (usedAfterGc() - before) / (double) threads);
    for (Thread t : sleeping) {
      t.interrupt();
    }
    for (Thread t : sleeping) {
      t.join();
    }

    try {
      Class<?> k = Class.forName("dev.stackless.benchmarks.KotlinRows");
      java.lang.reflect.Method delaying =
          k.getMethod("delayingBytes", int.class, java.util.function.LongSupplier.class);
      java.util.function.LongSupplier used = MemoryMain::usedAfterGc;
      addSleeping(rows, "kotlinDelay", count, (Double) delaying.invoke(null, count, used));
    } catch (ClassNotFoundException | NoSuchMethodException e) {
      System.err.println("no Kotlin sleeping row: " + e);
    }
  }

  /**
   * Waits until every thread is in {@code state} (parked, asleep), so that the heap is measured
   * with each one's stack frozen where it waits.
   */
  private static void awaitState(Thread[] threads, Thread.State state) {
    for (Thread t : threads) {
      while (t.getState() != state) {
        Thread.onSpinWait();
      }
    }
  }

  private static void addSleeping(List<String> rows, String row, int count, double bytes) {
    rows.add("sleeping:" + row + ",0," + count + "," + String.format("%.1f", bytes) + ",-1");
    System.err.println("sleeping " + row + ": " + bytes + " B");
  }

  private static Object invoke(java.lang.reflect.Method m, int locals) {
    try {
      return m.invoke(null, locals);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static long usedAfterGc() {
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 4; i++) {
      System.gc();
      used = Math.min(used, MEMORY.getHeapMemoryUsage().getUsed());
    }
    return used;
  }

  private MemoryMain() {}

}
