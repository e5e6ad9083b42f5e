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
 *   java -jar example-app/target/stackless-example-app.jar [--list | NAME...]
 * </pre>
 */
public final class Main {

  /** One runnable example. */
  interface Example {
    void run(PrintStream out) throws Exception;
  }

  private static final class Entry {
    final String description;
    final Example example;

    Entry(String description, Example example) {
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
    add("call-later", "seed 001: a frame resumed by another thread calls alarm",
        out -> CallLater.run(out, 1000));
    add("anyframe-t", "seed 001: anyframe->f32 and nosuspend await", AsyncAwait::anyframeT);
    add("timer-loop", "seed 001: the basic event loop with timers, in deadline order",
        out -> TimerLoop.run(out, TimerLoop.SYSTEM));
    add("generator", "seed 003: giveMeTwo yields 1, then returns 2", Generator::run);
  }

  private static void add(String name, String description, Example example) {
    EXAMPLES.put(name, new Entry(description, example));
  }

  public static void main(String[] args) throws Exception {
    System.exit(run(args, System.out, System.err));
  }

  /** The command line, testable: returns the exit status. */
  static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
    if (args.length == 1 && (args[0].equals("--list") || args[0].equals("-l"))) {
      for (Map.Entry<String, Entry> e : EXAMPLES.entrySet()) {
        out.printf("%-22s %s%n", e.getKey(), e.getValue().description);
      }
      return 0;
    }
    List<String> names = new ArrayList<>();
    for (String arg : args) {
      if (!EXAMPLES.containsKey(arg)) {
        err.println("unknown example: " + arg + " (--list shows the names)");
        return 2;
      }
      names.add(arg);
    }
    if (names.isEmpty()) {
      names.addAll(EXAMPLES.keySet());
    }
    for (String name : names) {
      out.println("== " + name + ": " + EXAMPLES.get(name).description);
      EXAMPLES.get(name).example.run(out);
      out.println();
    }
    return 0;
  }

  private Main() {}
}
