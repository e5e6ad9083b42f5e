package dev.stackless.tests.diff;

import dev.stackless.AnyFrame;
import dev.stackless.Frame;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Runs one program two ways and returns both traces: compiled by the real processor and driven
 * frame by frame, and compiled as plain Java where a suspension only logs. A program is a class
 * {@code programs.Name} with {@code @Async static Object run()} that logs through {@link Trace}.
 */
final class Differential {
  private Differential() {}

  /** The trace of a run: the effects, then the result or the exception. */
  static String transformed(String name, String source, String... processorOptions) {
    return driven(name, compile(name, source, true, processorOptions));
  }

  /** Starts the generated run() and resumes each parked frame until none is left. */
  private static String driven(String name, Class<?> owner) {
    return run(() -> {
      Class<?> generated = owner.getClassLoader().loadClass("programs." + name + "Async");
      Frame<?> frame = (Frame<?>) generated.getMethod("run").invoke(null);
      for (AnyFrame parked; (parked = Trace.nextParked()) != null; ) {
        parked.resume();
      }
      return dev.stackless.Keywords.nosuspend(frame);
    });
  }

  static String plain(String name, String source) {
    Class<?> owner = compile(name, plainTwin(source), false);
    return run(() -> owner.getMethod("run").invoke(null));
  }

  /**
   * As {@link #transformed}, for a program that uses a library compiled before it, by a javac run
   * of its own (with the processor too): the program's processor sees the library's classes, not
   * its sources.
   */
  static String transformedWithLibrary(String name, String source, String library,
      String librarySource) {
    Path libraryOut = compileToDirectory(library, librarySource, true, null);
    return driven(name,
        load(name, compileToDirectory(name, source, true, libraryOut), libraryOut));
  }

  /** As {@link #plain}, with the library compiled first, by a javac run of its own. */
  static String plainWithLibrary(String name, String source, String library, String librarySource) {
    Path libraryOut = compileToDirectory(library, plainTwin(librarySource), false, null);
    Class<?> owner = load(name,
        compileToDirectory(name, plainTwin(source), false, libraryOut), libraryOut);
    return run(() -> owner.getMethod("run").invoke(null));
  }

  private static String plainTwin(String source) {
    return source.replace(
        "import static dev.stackless.Keywords.*;",
        "import static dev.stackless.tests.diff.PlainKeywords.*;");
  }

  private interface Body {
    Object run() throws Exception;
  }

  private static String run(Body body) {
    Trace.reset();
    String outcome;
    try {
      outcome = "=> " + body.run();
    } catch (InvocationTargetException e) {
      outcome = "!! " + describe(e.getCause());
    } catch (Throwable e) {
      outcome = "!! " + describe(e);
    }
    return Trace.text() + outcome;
  }

  private static String describe(Throwable e) {
    return e.getClass().getName() + ": " + e.getMessage();
  }

  private static Class<?> compile(String name, String source, boolean withProcessor,
      String... processorOptions) {
    return load(name, compileToDirectory(name, source, withProcessor, null, processorOptions));
  }

  /** Compiles {@code programs.name}, against the classes in {@code library} if not null. */
  private static Path compileToDirectory(String name, String source, boolean withProcessor,
      Path library, String... processorOptions) {
    try {
      Path dir = Files.createTempDirectory("stackless-diff");
      Path file = dir.resolve("src/programs/" + name + ".java");
      Files.createDirectories(file.getParent());
      Files.writeString(file, source);
      Path out = Files.createDirectories(dir.resolve("out"));
      JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
      DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
      try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
        String classpath = System.getProperty("java.class.path");
        List<String> options = new ArrayList<>(List.of(
            "-classpath", library == null ? classpath
                : library + java.io.File.pathSeparator + classpath,
            "-d", out.toString(),
            "-s", out.toString()));
        if (withProcessor) {
          options.addAll(List.of("-processor", "dev.stackless.processor.AsyncProcessor"));
          options.addAll(List.of(processorOptions));
        } else {
          options.add("-proc:none");
        }
        boolean ok =
            javac.getTask(null, files, diagnostics, options, null,
                files.getJavaFileObjects(file.toFile())).call();
        if (!ok) {
          throw new AssertionError(
              (withProcessor ? "transformed" : "plain") + " compile failed: "
                  + diagnostics.getDiagnostics());
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Class<?> load(String name, Path... directories) {
    try {
      URL[] urls = new URL[directories.length];
      for (int i = 0; i < directories.length; i++) {
        urls[i] = directories[i].toUri().toURL();
      }
      return new URLClassLoader(urls, Differential.class.getClassLoader())
          .loadClass("programs." + name);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ClassNotFoundException e) {
      throw new AssertionError(e);
    }
  }
}
