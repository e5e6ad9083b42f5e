package dev.stackless.fuzz;

import dev.stackless.Frame;
import dev.stackless.processor.AsyncProcessor;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Other engineers rebuild and reinstall the runtime and the processor while a long run is going:
 * a jar replaced under a running JVM makes later class loads fail. So the fuzzer runs from a
 * private copy of the three places it needs (the runtime, the processor, the fuzzer itself),
 * taken when it starts, in a class loader of its own; the programs compile against the copy too.
 */
final class Snapshot {
  private Snapshot() {}

  /** The class path the programs compile against: where this loader found the three. */
  static String classPath() {
    List<String> out = new ArrayList<>();
    for (Path p : locations()) {
      out.add(p.toString());
    }
    return String.join(File.pathSeparator, out);
  }

  private static List<Path> locations() {
    List<Path> out = new ArrayList<>();
    for (Class<?> c : new Class<?>[] {Frame.class, AsyncProcessor.class, Fuzzer.class}) {
      try {
        Path p = Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
        if (!out.contains(p)) {
          out.add(p);
        }
      } catch (URISyntaxException e) {
        throw new IllegalStateException(e);
      }
    }
    return out;
  }

  /** Copies the three, and loads {@code Fuzzer} from the copy. */
  static Class<?> isolatedFuzzer() {
    try {
      Path dir = Files.createTempDirectory("stackless-fuzz-snapshot");
      List<URL> urls = new ArrayList<>();
      int i = 0;
      for (Path p : locations()) {
        Path copy = dir.resolve((i++) + "-" + p.getFileName());
        if (Files.isDirectory(p)) {
          try (Stream<Path> s = Files.walk(p)) {
            for (Path f : (Iterable<Path>) s::iterator) {
              Path to = copy.resolve(p.relativize(f).toString());
              if (Files.isDirectory(f)) {
                Files.createDirectories(to);
              } else {
                Files.copy(f, to, StandardCopyOption.REPLACE_EXISTING);
              }
            }
          }
        } else {
          Files.copy(p, copy);
        }
        urls.add(copy.toUri().toURL());
      }
      Runtime.getRuntime().addShutdownHook(new Thread(() -> Harness.delete(dir)));
      ClassLoader loader =
          new URLClassLoader(urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader());
      return loader.loadClass(Fuzzer.class.getName());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }
}
