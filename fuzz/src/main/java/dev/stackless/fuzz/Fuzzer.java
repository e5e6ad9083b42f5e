package dev.stackless.fuzz;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;

/**
 * The differential fuzzer: generates programs, compiles them in batches with the real processor
 * and as plain Java, runs both, compares the traces; shrinks what differs and writes it as a
 * regression source. {@code ./fuzz --programs N --seed S} runs {@link #main}.
 */
public final class Fuzzer {

  /** What to run. */
  public static final class Options {
    public int programs = 1000;
    public long seed = 1;
    public int batch = 150;
    public int schedules = 1;
    public boolean shrink = true;
    public int maxShrinks = 3;
    public long shrinkSeconds = 180;
    public Path regressions = Path.of("fuzz/src/test/resources/regressions");
    public boolean write = true;
    public long timeoutMillis = 5_000;
    /** Applied to each generated *Async.java: proves that a broken transformation is caught. */
    public UnaryOperator<String> mutation;
    public PrintStream log = System.out;
  }

  /** A program whose runs differ, or which the processor rejected or miscompiled. */
  public static final class Finding {
    public final long programSeed;
    public final long schedule;
    public final Check.Result result;
    public Check.Result shrunk;
    public String shrunkSource;
    public Path written;

    Finding(long programSeed, long schedule, Check.Result result) {
      this.programSeed = programSeed;
      this.schedule = schedule;
      this.result = result;
    }
  }

  /** The figures of a run. */
  public static final class Summary {
    public int programs;
    public int mismatches;
    public int rejected;
    public int invalid;
    public long millis;
    public long compileMillis;
    public long plainCompileMillis;
    public long effects;
    public int[] schedulerStats = new int[3];
    public final List<Finding> findings = new ArrayList<>();

    public String line() {
      return programs + " programs, " + mismatches + " mismatches, " + rejected + " rejected";
    }
  }

  /** The seed of program i of the run with seed s. */
  public static long programSeed(long runSeed, int i) {
    return new SplittableRandom(runSeed * 0x9E3779B97F4A7C15L + i).nextLong();
  }

  /** The seed of schedule k of the program with that seed. */
  public static long scheduleSeed(long programSeed, int k) {
    return new SplittableRandom(programSeed ^ 0x5DEECE66DL * (k + 1)).nextLong();
  }

  public static Summary run(Options o) {
    Summary sum = new Summary();
    long t0 = System.nanoTime();
    try (Harness h = new Harness(o.timeoutMillis)) {
      h.mutation = o.mutation;
      for (int start = 0; start < o.programs; start += o.batch) {
        int end = Math.min(o.programs, start + o.batch);
        List<Harness.Unit> units = new ArrayList<>();
        long[] seeds = new long[end - start];
        for (int i = start; i < end; i++) {
          seeds[i - start] = programSeed(o.seed, i);
          String name = "P" + i;
          units.add(new Harness.Unit(name, Generator.generate(seeds[i - start]).render(name, false)));
        }
        long c0 = System.nanoTime();
        Harness.Compiled plain = h.compile(units, false);
        long c1 = System.nanoTime();
        Harness.Compiled transformed = h.compile(units, true);
        long c2 = System.nanoTime();
        sum.compileMillis += (c2 - c0) / 1_000_000;
        sum.plainCompileMillis += (c1 - c0) / 1_000_000;
        for (int i = 0; i < units.size(); i++) {
          Harness.Unit u = units.get(i);
          sum.programs++;
          Check.Result r = null;
          long schedule = scheduleSeed(seeds[i], 0);
          if (plain.errors.containsKey(u.name)) {
            r = Check.Result.invalid(plain.errors.get(u.name));
          } else if (transformed.errors.containsKey(u.name)) {
            r = Check.Result.compileError(transformed.errors.get(u.name));
          } else {
            String expected = h.plain(plain.loader, u.name);
            sum.effects += expected.chars().filter(c -> c == ' ').count();
            if (Check.failsVerification(expected)) {
              r = Check.Result.unverifiable(expected); // javac's bytecode, no oracle: not ours
            }
            for (int k = 0; k < o.schedules && r == null; k++) {
              schedule = scheduleSeed(seeds[i], k);
              String actual = h.transformed(transformed.loader, u.name, schedule, sum.schedulerStats);
              if (!expected.equals(actual)) {
                r = Check.Result.trace(expected, actual);
              }
            }
          }
          if (r == null) {
            continue;
          }
          switch (r.kind) {
            case INVALID:
              sum.invalid++;
              break;
            case REJECTED:
              sum.rejected++;
              break;
            default:
              sum.mismatches++;
          }
          Finding f = new Finding(seeds[i], schedule, r);
          sum.findings.add(f);
          o.log.println("program " + i + " (seed " + seeds[i] + ", schedule " + schedule + "): " + r.summary());
        }
        h.cleanBatches();
        o.log.printf(Locale.ROOT, "%d/%d programs, %d mismatches, %d rejected, %d invalid, %.0f s%n",
            sum.programs, o.programs, sum.mismatches, sum.rejected, sum.invalid,
            (System.nanoTime() - t0) / 1e9);
      }
      if (o.shrink) {
        int shrunk = 0;
        for (Finding f : sum.findings) {
          if (shrunk++ >= o.maxShrinks) {
            break;
          }
          shrink(h, f, o);
        }
      }
    }
    sum.millis = (System.nanoTime() - t0) / 1_000_000;
    return sum;
  }

  private static void shrink(Harness h, Finding f, Options o) {
    Program p = Generator.generate(f.programSeed);
    String name = "R" + Long.toUnsignedString(f.programSeed, 36);
    Check check = new Check(h);
    long t0 = System.nanoTime();
    int before = p.size();
    Shrinker.shrink(p, q -> check.run(name, q.render(name, true), f.schedule).kind == f.result.kind,
        o.shrinkSeconds * 1000);
    f.shrunkSource = p.render(name, true);
    f.shrunk = check.run(name, f.shrunkSource, f.schedule);
    o.log.printf(Locale.ROOT, "shrank program seed %d from %d to %d statements in %.0f s: %s%n",
        f.programSeed, before, p.size(), (System.nanoTime() - t0) / 1e9, f.shrunk.summary());
    if (o.write && f.shrunk.kind == f.result.kind) {
      try {
        Files.createDirectories(o.regressions);
        Path file = o.regressions.resolve(name + ".java");
        Files.writeString(file, Check.regressionHeader(f) + f.shrunkSource);
        f.written = file;
        o.log.println("wrote " + file);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** Runs the fuzzer from a private copy of its class path (see {@link Snapshot}). */
  public static void main(String[] args) throws Exception {
    int status = (int) Snapshot.isolatedFuzzer().getMethod("cli", String[].class).invoke(null, (Object) args);
    System.exit(status);
  }

  /**
   * Like the command, from a private copy of the class path; returns the last line,
   * {@code N programs, M mismatches, K rejected}. For tests.
   */
  public static String isolated(String... args) throws Exception {
    Class<?> f = Snapshot.isolatedFuzzer();
    f.getMethod("cli", String[].class).invoke(null, (Object) args);
    return (String) f.getField("lastLine").get(null);
  }

  /** The last line of the last run in this class loader. */
  public static volatile String lastLine;

  /** The command: prints the progress and the figures, returns the exit status. */
  public static int cli(String[] args) {
    Options o = new Options();
    Long replay = null;
    Long shrinkSeed = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--programs": o.programs = Integer.parseInt(args[++i]); break;
        case "--seed": o.seed = Long.parseLong(args[++i]); break;
        case "--batch": o.batch = Integer.parseInt(args[++i]); break;
        case "--schedules": o.schedules = Integer.parseInt(args[++i]); break;
        case "--no-shrink": o.shrink = false; break;
        case "--max-shrinks": o.maxShrinks = Integer.parseInt(args[++i]); break;
        case "--shrink-seconds": o.shrinkSeconds = Long.parseLong(args[++i]); break;
        case "--regressions": o.regressions = Path.of(args[++i]); break;
        case "--no-write": o.write = false; break;
        case "--timeout-ms": o.timeoutMillis = Long.parseLong(args[++i]); break;
        case "--expose-known-bugs": KnownBugs.avoid = false; break;
        case "--mutate": o.mutation = Mutations.named(args[++i]); break;
        case "--print": replay = Long.parseLong(args[++i]); break;
        case "--shrink-seed": shrinkSeed = Long.parseLong(args[++i]); break;
        default:
          System.err.println("usage: fuzz [--programs N] [--seed S] [--batch B] [--schedules K]"
              + " [--no-shrink] [--max-shrinks N] [--shrink-seconds T] [--regressions DIR] [--no-write] [--timeout-ms T] [--expose-known-bugs]"
              + " [--mutate " + String.join("|", Mutations.NAMES) + "] [--print PROGRAM_SEED] [--shrink-seed PROGRAM_SEED]");
          return 2;
      }
    }
    if (replay != null) {
      System.out.print(Generator.generate(replay).render("R" + Long.toUnsignedString(replay, 36), true));
      return 0;
    }
    if (shrinkSeed != null) {
      // one program, by its seed: check it with its first schedule, shrink it if it fails
      try (Harness h = new Harness(o.timeoutMillis)) {
        h.mutation = o.mutation;
        String name = "R" + Long.toUnsignedString(shrinkSeed, 36);
        long schedule = scheduleSeed(shrinkSeed, 0);
        Check.Result r = new Check(h).run(name, Generator.generate(shrinkSeed).render(name, true), schedule);
        System.out.println(r.summary());
        if (r.kind == Check.Kind.OK) {
          return 0;
        }
        shrink(h, new Finding(shrinkSeed, schedule, r), o);
        return 1;
      }
    }
    Summary s = run(o);
    System.out.printf(Locale.ROOT,
        "%.1f s (javac %.1f s, of which plain %.1f s), %d effects compared, %d resumes (%d on another thread, %d from a suspend block), %d invalid%n",
        s.millis / 1000.0, s.compileMillis / 1000.0, s.plainCompileMillis / 1000.0, s.effects, s.schedulerStats[0], s.schedulerStats[1],
        s.schedulerStats[2], s.invalid);
    lastLine = s.line();
    System.out.println(s.line());
    return s.mismatches == 0 && s.rejected == 0 && s.invalid == 0 ? 0 : 1;
  }
}
