package dev.stackless.examples;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the examples: all of them, {@code --list} to list them, or the ones named.
 *
 * <pre>
 *   java -jar example-app/target/stackless-example-app.jar [--speedup N] [--list | NAME...]
 * </pre>
 *
 * <p>{@code --speedup N} makes the examples that wait in real time (call-later, timer-loop) wait
 * N times less; they still print the times of the seed.
 */
public final class Main {

  /** One runnable example. */
  interface Example {
    void run(PrintStream out) throws Exception;
  }

  /** One runnable example whose real-time waits can be shortened. */
  interface TimedExample {
    void run(PrintStream out, long speedup) throws Exception;
  }

  private static final class Entry {
    final String description;
    final TimedExample example;

    Entry(String description, TimedExample example) {
      this.description = description;
      this.example = example;
    }
  }

  static final Map<String, Entry> EXAMPLES = new LinkedHashMap<>();

  static {
    add("call-chain", "seed 000: one() -> two() -> three() suspends, resume sus", CallChain::run);
    add("callback-frame", "seed 000: @asyncCall from a callback into a caller's frame",
        CallbackFrame::run);
    add("suspend-no-resume", "seed 001: a suspend with no resume",
        SuspendResume::suspendWithNoResume);
    add("suspend-resume", "seed 001: a suspend with a resume", SuspendResume::suspendWithResume);
    add("async-await", "seed 001: await async func3()", AsyncAwait::asyncAwait);
    add("nosuspend", "seed 001: nosuspend doTicksDuration, and when it does suspend",
        NoSuspend::run);
    add("frame-type", "seed 001: @Frame(add) allocated, then started", Frames::frameType);
    add("frame-resumes-itself", "seed 001: @frame() resumed from its own suspend block",
        Frames::resumeItself);
    addTimed("call-later", "seed 001: a frame resumed by another thread calls alarm",
        (out, speedup) -> CallLater.run(out, 1000 / speedup));
    add("anyframe-t", "seed 001: anyframe->f32 and nosuspend await", AsyncAwait::anyframeT);
    addTimed("timer-loop", "seed 001: the basic event loop with timers, in deadline order",
        (out, speedup) -> TimerLoop.run(out, TimerLoop.scaled(speedup)));
    add("timer-event-loop", "seed 001's timer program on dev.stackless.loop.EventLoop",
        out -> EventLoopTimers.run(out, new dev.stackless.loop.EventLoop()));
    add("producer-consumer", "a producer and a consumer through a bounded Channel",
        out -> ProducerConsumer.run(out, new dev.stackless.loop.EventLoop()));
    add("many-timers", "100,000 frames with timers on a 4-thread EventLoop, with progress",
        out -> ManyTimers.run(out, dev.stackless.loop.EventLoop.withThreads(4), 100_000));
    add("generator", "seed 003: giveMeTwo yields 1, then returns 2", Generator::run);
    add("readme", "the README's example: countTo(3), resumed until done", Ticks::run);
  }

  private static void add(String name, String description, Example example) {
    addTimed(name, description, (out, speedup) -> example.run(out));
  }

  private static void addTimed(String name, String description, TimedExample example) {
    EXAMPLES.put(name, new Entry(description, example));
  }

  public static void main(String[] args) throws Exception {
    System.exit(run(args, System.out, System.err));
  }

  /** The command line, testable: returns the exit status (0, or 2 for a usage error). */
  static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
    long speedup = 1;
    boolean list = false;
    List<String> names = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--list") || arg.equals("-l")) {
        list = true;
      } else if (arg.equals("--speedup") || arg.startsWith("--speedup=")) {
        String value;
        if (arg.equals("--speedup")) {
          if (i + 1 == args.length) {
            return usage(err, "--speedup needs a number");
          }
          value = args[++i];
        } else {
          value = arg.substring("--speedup=".length());
        }
        try {
          speedup = Long.parseLong(value);
        } catch (NumberFormatException e) {
          speedup = 0;
        }
        if (speedup < 1) {
          return usage(err, "--speedup needs a whole number of at least 1, not " + value);
        }
      } else if (arg.equals("--help") || arg.equals("-h")) {
        out.println(USAGE);
        return 0;
      } else if (arg.startsWith("-")) {
        return usage(err, "unknown option: " + arg);
      } else if (!EXAMPLES.containsKey(arg)) {
        return usage(err, "unknown example: " + arg + " (--list shows the names)");
      } else {
        names.add(arg);
      }
    }
    if (list) {
      if (!names.isEmpty()) {
        return usage(err, "--list takes no example names");
      }
      for (Map.Entry<String, Entry> e : EXAMPLES.entrySet()) {
        out.printf("%-22s %s%n", e.getKey(), e.getValue().description);
      }
      return 0;
    }
    if (names.isEmpty()) {
      names.addAll(EXAMPLES.keySet());
    }
    for (String name : names) {
      out.println("== " + name + ": " + EXAMPLES.get(name).description);
      EXAMPLES.get(name).example.run(out, speedup);
      out.println();
    }
    return 0;
  }

  static final String USAGE =
      "usage: java -jar stackless-example-app.jar [--speedup N] [--list | NAME...]\n"
          + "  no NAME      run every example\n"
          + "  --list       list the examples' names\n"
          + "  --speedup N  wait N times less in the examples that wait in real time";

  private static int usage(PrintStream err, String problem) {
    err.println(problem);
    err.println(USAGE);
    return 2;
  }

  private Main() {}
}
