package dev.stackless.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Compile time: javac wall time for a generated source set of 1,000 {@code @Async} methods (20
 * classes of 50) with the processor, against the same methods without {@code @Async} and without
 * the processor. Each compilation is a fresh {@code javac} process, as a build runs it; the two
 * alternate, and the median of the runs is kept.
 *
 * <p>Arguments: work directory, javac, runtime jar, processor jar, output CSV, runs.
 */
public final class CompileTimeMain {
  static final int CLASSES = 20;
  static final int METHODS_PER_CLASS = 50;

  public static void main(String[] args) throws Exception {
    Path work = Path.of(args[0]);
    String javac = args[1];
    String runtimeJar = args[2];
    String processorJar = args[3];
    Path csv = Path.of(args[4]);
    int runs = args.length > 5 ? Integer.parseInt(args[5]) : 3;

    Path asyncSrc = work.resolve("src-async");
    Path plainSrc = work.resolve("src-plain");
    generate(asyncSrc, true);
    generate(plainSrc, false);

    List<String> plain =
        command(javac, "-proc:none", "-cp", runtimeJar, "-d", work.resolve("out-plain").toString());
    List<String> async =
        command(
            javac,
            "-proc:full",
            "-cp",
            runtimeJar,
            "-processorpath",
            processorJar,
            "-processor",
            "dev.stackless.processor.AsyncProcessor",
            "-d",
            work.resolve("out-async").toString());
    plain.addAll(sources(plainSrc));
    async.addAll(sources(asyncSrc));

    // One untimed run of each (file cache, class data sharing archive).
    run(plain);
    run(async);
    long[] plainMs = new long[runs];
    long[] asyncMs = new long[runs];
    for (int i = 0; i < runs; i++) {
      plainMs[i] = run(plain);
      asyncMs[i] = run(async);
    }
    long p = median(plainMs);
    long a = median(asyncMs);
    List<String> rows = new ArrayList<>();
    rows.add("row,methods,medianMs,runsMs");
    rows.add("plain," + CLASSES * METHODS_PER_CLASS + "," + p + "," + join(plainMs));
    rows.add("stackless," + CLASSES * METHODS_PER_CLASS + "," + a + "," + join(asyncMs));
    Files.write(csv, rows);
    rows.forEach(System.out::println);
    System.out.printf("processor adds %.0f%%%n", 100.0 * (a - p) / p);
  }

  private static void generate(Path dir, boolean async) throws IOException {
    Path pkg = dir.resolve("gen");
    Files.createDirectories(pkg);
    for (int c = 0; c < CLASSES; c++) {
      StringBuilder s = new StringBuilder();
      s.append("package gen;\n\n");
      s.append("import static dev.stackless.Keywords.suspend;\n");
      s.append("import dev.stackless.Async;\n\n");
      s.append("public class C").append(c).append(" {\n");
      for (int m = 0; m < METHODS_PER_CLASS; m++) {
        if (async) {
          s.append("  @Async\n");
        }
        s.append("  static int m").append(m).append("(int n, String label) {\n");
        s.append("    int total = label.length();\n");
        s.append("    for (int i = 0; i < n; i++) {\n");
        s.append("      if (i % 3 == ").append(m % 3).append(") {\n");
        s.append("        suspend();\n");
        s.append("      }\n");
        s.append("      total += i * ").append(m + 1).append(";\n");
        s.append("    }\n");
        if (m > 0) {
          s.append("    if (n > 1) {\n");
          s.append("      int r = m").append(m - 1).append("(n - 1, label);\n");
          s.append("      total += r;\n");
          s.append("    }\n");
        }
        s.append("    return total;\n");
        s.append("  }\n\n");
      }
      s.append("}\n");
      Files.writeString(pkg.resolve("C" + c + ".java"), s);
    }
  }

  private static List<String> command(String... parts) {
    return new ArrayList<>(Arrays.asList(parts));
  }

  private static List<String> sources(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(f -> f.toString().endsWith(".java")).map(Path::toString).sorted().toList();
    }
  }

  private static long run(List<String> command) throws IOException, InterruptedException {
    long start = System.nanoTime();
    Process p = new ProcessBuilder(command).inheritIO().start();
    int exit = p.waitFor();
    long ms = (System.nanoTime() - start) / 1_000_000;
    if (exit != 0) {
      throw new IllegalStateException("javac failed (" + exit + "): " + command.subList(0, 8));
    }
    return ms;
  }

  private static long median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  private static String join(long[] values) {
    StringBuilder s = new StringBuilder();
    for (long v : values) {
      s.append(s.length() == 0 ? "" : " ").append(v);
    }
    return s.toString();
  }

  private CompileTimeMain() {}
}
