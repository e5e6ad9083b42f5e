package dev.stackless.fuzz;

import dev.stackless.Frame;
import dev.stackless.Keywords;
import dev.stackless.fuzz.rt.Budget;
import dev.stackless.fuzz.rt.Scheduler;
import dev.stackless.fuzz.rt.Sink;
import dev.stackless.processor.AsyncProcessor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles programs in batches (one javac task for many programs: once with the real processor,
 * once as plain Java) and runs each both ways. A program is its class name and its source; its
 * plain twin and the twin's stand-in for the generated class are derived from the source.
 */
final class Harness implements AutoCloseable {
  static final String PROCESSOR = "dev.stackless.processor.AsyncProcessor";

  /** A program to compile: {@code fuzz.NAME}. */
  static final class Unit {
    final String name;
    final String source;

    Unit(String name, String source) {
      this.name = name;
      this.source = source;
    }
  }

  /** What compiling a batch gave: a class loader for the units that compiled, errors for the rest. */
  static final class Compiled {
    ClassLoader loader;
    final Map<String, String> errors = new LinkedHashMap<>();
  }

  private final JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
  private final String classPath = Snapshot.classPath();
  private final Path work;
  private final long timeoutMillis;
  private ExecutorService worker = daemon("stackless-fuzz-run");
  /** Threads to resume frames on; a pool, as a frame resumed there may resume another one there. */
  private ExecutorService otherThread = daemonPool("stackless-fuzz-other");
  private int batches;

  /** Applied to each generated {@code *Async.java} before it is compiled; null: none. */
  UnaryOperator<String> mutation;

  Harness(long timeoutMillis) {
    this.timeoutMillis = timeoutMillis;
    try {
      this.work = Files.createTempDirectory("stackless-fuzz");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ExecutorService daemonPool(String name) {
    return Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    });
  }

  private static ExecutorService daemon(String name) {
    return Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    });
  }

  // ---------------------------------------------------------------------------------------------
  // compiling

  Compiled compile(List<Unit> units, boolean transformed) {
    Compiled result = new Compiled();
    List<Unit> left = new ArrayList<>(units);
    while (!left.isEmpty()) {
      Path dir = work.resolve("b" + (++batches));
      Map<String, String> errors = compileOnce(left, transformed, dir);
      if (errors == null) {
        result.loader = loader(dir.resolve("out"));
        return result;
      }
      if (errors.isEmpty()) {
        // errors we could not pin on a program: one at a time
        if (left.size() == 1) {
          result.errors.put(left.get(0).name, "compile failed");
          return result;
        }
        for (Unit u : left) {
          Map<String, String> one = compileOnce(List.of(u), transformed, work.resolve("b" + (++batches)));
          if (one != null) {
            result.errors.put(u.name, one.isEmpty() ? "compile failed" : one.values().iterator().next());
          }
        }
      } else {
        result.errors.putAll(errors);
      }
      left.removeIf(u -> result.errors.containsKey(u.name));
      delete(dir);
    }
    return result;
  }

  /** Null if it compiled; else the errors by program (empty when no error names a program). */
  private Map<String, String> compileOnce(List<Unit> units, boolean transformed, Path dir) {
    try {
      Path src = Files.createDirectories(dir.resolve("src/fuzz"));
      Path out = Files.createDirectories(dir.resolve("out"));
      Path gen = Files.createDirectories(dir.resolve("gen"));
      List<Path> files = new ArrayList<>();
      for (Unit u : units) {
        Path f = src.resolve(u.name + ".java");
        if (transformed) {
          Files.writeString(f, u.source);
        } else {
          Files.writeString(f, Program.plainTwin(u.source));
          Path a = src.resolve(u.name + "Async.java");
          Files.writeString(a, Program.renderPlainAsync(u.name, Program.asyncHeaders(u.source)));
          files.add(a);
        }
        files.add(f);
      }
      List<String> options = new ArrayList<>(List.of(
          "-classpath", classPath, "-d", out.toString(), "-s", gen.toString(),
          "-implicit:none", "-nowarn", "-Xlint:none", "-Xmaxerrs", "10000"));
      if (transformed && mutation != null) {
        // the processor's output, mutated, then compiled with the programs without the processor
        List<String> only = new ArrayList<>(options);
        only.add("-proc:only");
        Map<String, String> errors = javac(only, files, true);
        if (errors != null) {
          return errors;
        }
        try (Stream<Path> s = Files.walk(gen)) {
          for (Path g : (Iterable<Path>) s.filter(p -> p.toString().endsWith(".java"))::iterator) {
            Files.writeString(g, mutation.apply(Files.readString(g)));
            files.add(g);
          }
        }
        options.add("-proc:none");
      } else if (transformed) {
        return javac(options, files, true);
      } else {
        options.add("-proc:none");
      }
      return javac(options, files, false);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The processor is passed as an instance, loaded by this class's loader: a processor path would
   * make javac open (and, at the end, close) the runtime jar in a class loader of its own, which
   * closes the cached jar file this JVM runs the programs from.
   */
  private Map<String, String> javac(List<String> options, List<Path> files, boolean processor)
      throws IOException {
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    boolean ok;
    try (StandardJavaFileManager fm = javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
      JavaCompiler.CompilationTask task =
          javac.getTask(null, fm, diagnostics, options, null, fm.getJavaFileObjectsFromPaths(files));
      if (processor) {
        task.setProcessors(List.of(new AsyncProcessor()));
      }
      ok = task.call();
    }
    if (ok) {
      return null;
    }
    Map<String, String> errors = new LinkedHashMap<>();
    for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
      if (d.getKind() != Diagnostic.Kind.ERROR || d.getSource() == null) {
        continue;
      }
      String file = Path.of(d.getSource().toUri()).getFileName().toString().replace(".java", "");
      String name = file.endsWith("Async") ? file.substring(0, file.length() - 5) : file;
      String text = file + ".java:" + d.getLineNumber() + ":" + d.getColumnNumber() + ": "
          + d.getMessage(Locale.ROOT);
      errors.merge(name, text, (a, b) -> a + "\n" + b);
    }
    return errors;
  }

  private static ClassLoader loader(Path out) {
    try {
      URLClassLoader loader =
          new URLClassLoader(new URL[] {out.toUri().toURL()}, Harness.class.getClassLoader());
      loader.setDefaultAssertionStatus(true); // the programs' assert statements run, both ways
      return loader;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static boolean isUnsupported(String errors) {
    return errors.contains("[Unsupported]");
  }

  // ---------------------------------------------------------------------------------------------
  // running

  private interface Body {
    String run() throws Throwable;
  }

  /** The trace of the plain twin: its effects, then "=> result" or "!! Class: message". */
  String plain(ClassLoader loader, String name) {
    return timed(() -> {
      Sink sink = new Sink(null);
      String outcome;
      try {
        Object r = loader.loadClass("fuzz." + name).getMethod("run", Sink.class).invoke(null, sink);
        outcome = "=> " + r;
      } catch (InvocationTargetException e) {
        outcome = describe(e.getCause());
      }
      return sink + outcome;
    });
  }

  /** The trace of the transformed program, driven by a scheduler with this seed. */
  String transformed(ClassLoader loader, String name, long schedule, int[] stats) {
    return timed(() -> {
      Scheduler scheduler = new Scheduler(schedule, otherThread);
      Sink sink = new Sink(scheduler);
      Frame<?> frame =
          (Frame<?>) loader.loadClass("fuzz." + name + "Async").getMethod("run", Sink.class).invoke(null, sink);
      scheduler.drain();
      if (stats != null) {
        stats[0] += scheduler.resumes();
        stats[1] += scheduler.crossThread();
        stats[2] += scheduler.inBlock();
      }
      String outcome;
      if (scheduler.driverError() != null) {
        outcome = "!! driver: " + describe(scheduler.driverError());
      } else if (!frame.isDone()) {
        outcome = "!! stuck: " + frame + " is not done and no frame is parked";
      } else {
        try {
          outcome = "=> " + Keywords.nosuspend(frame);
        } catch (Throwable e) {
          outcome = describe(e);
        }
      }
      return sink + outcome;
    });
  }

  private static String describe(Throwable e) {
    if (e instanceof Budget) {
      return "!! budget";
    }
    return "!! " + e.getClass().getName() + ": " + e.getMessage();
  }

  private String timed(Body body) {
    Future<String> f = worker.submit(() -> {
      try {
        return body.run();
      } catch (Throwable e) {
        return "!! harness: " + describe(e);
      }
    });
    try {
      return f.get(timeoutMillis, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      // the run is stuck in a loop: abandon its thread (a daemon) and carry on with new ones
      f.cancel(true);
      worker = daemon("stackless-fuzz-run");
      otherThread = daemonPool("stackless-fuzz-other");
      return "!! timeout after " + timeoutMillis + " ms";
    } catch (Exception e) {
      return "!! harness: " + e;
    }
  }

  @Override
  public void close() {
    worker.shutdownNow();
    otherThread.shutdownNow();
    delete(work);
  }

  void cleanBatches() {
    try (Stream<Path> s = Files.list(work)) {
      s.forEach(Harness::delete);
    } catch (IOException e) {
      // best effort
    }
  }

  static void delete(Path p) {
    if (!Files.exists(p)) {
      return;
    }
    try (Stream<Path> s = Files.walk(p)) {
      s.sorted(Comparator.reverseOrder()).forEach(x -> x.toFile().delete());
    } catch (IOException e) {
      // best effort
    }
  }

  static Set<String> names(List<Unit> units) {
    Set<String> s = new LinkedHashSet<>();
    for (Unit u : units) {
      s.add(u.name);
    }
    return s;
  }
}
