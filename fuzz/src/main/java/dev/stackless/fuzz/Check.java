package dev.stackless.fuzz;

import java.util.List;

/** One program checked on its own: the shrinker's test, and the regression tests'. */
public final class Check {
  /** Whether a plain run's trace is the harness's report of a {@code VerifyError}. */
  static boolean failsVerification(String trace) {
    return trace.contains("!! harness: !! java.lang.VerifyError");
  }

  public enum Kind { OK, INVALID, REJECTED, COMPILE, TRACE }

  public static final class Result {
    public final Kind kind;
    public final String detail;
    public final String expected;
    public final String actual;

    private Result(Kind kind, String detail, String expected, String actual) {
      this.kind = kind;
      this.detail = detail;
      this.expected = expected;
      this.actual = actual;
    }

    static Result ok(String trace) {
      return new Result(Kind.OK, "", trace, trace);
    }

    /**
     * The plain twin compiled, but the JVM refuses javac's bytecode for it (JDK 25's javac: a
     * pattern switch with a guard in the finally block of a try-with-resources): no oracle.
     */
    static Result unverifiable(String trace) {
      return new Result(Kind.INVALID, "the plain twin fails the JVM's verification (javac's"
          + " bytecode): " + trace, null, null);
    }

    static Result invalid(String errors) {
      return new Result(Kind.INVALID, "the plain twin does not compile (a generator bug): " + errors, null, null);
    }

    static Result compileError(String errors) {
      return Harness.isUnsupported(errors)
          ? new Result(Kind.REJECTED, errors, null, null)
          : new Result(Kind.COMPILE, "javac rejects the processor's output: " + errors, null, null);
    }

    static Result trace(String expected, String actual) {
      return new Result(Kind.TRACE, "traces differ", expected, actual);
    }

    public String summary() {
      switch (kind) {
        case TRACE:
          return "MISMATCH\n  plain:       " + clip(expected) + "\n  transformed: " + clip(actual);
        case REJECTED:
          return "REJECTED " + clip(detail);
        default:
          return kind + " " + clip(detail);
      }
    }

    private static String clip(String s) {
      return s.length() > 600 ? s.substring(0, 300) + " ... " + s.substring(s.length() - 300) : s;
    }
  }

  private final Harness harness;

  Check(Harness harness) {
    this.harness = harness;
  }

  /** Compiles and runs one program (class {@code fuzz.name}) both ways, with one schedule. */
  Result run(String name, String source, long schedule) {
    List<Harness.Unit> one = List.of(new Harness.Unit(name, source));
    Harness.Compiled plain = harness.compile(one, false);
    if (plain.errors.containsKey(name)) {
      return Result.invalid(plain.errors.get(name));
    }
    Harness.Compiled transformed = harness.compile(one, true);
    if (transformed.errors.containsKey(name)) {
      return Result.compileError(transformed.errors.get(name));
    }
    String expected = harness.plain(plain.loader, name);
    String actual = harness.transformed(transformed.loader, name, schedule, null);
    harness.cleanBatches();
    return expected.equals(actual) ? Result.ok(expected) : Result.trace(expected, actual);
  }

  /** Checks a regression source: its class name is its file name, its schedule is in its header. */
  public static Result regression(String name, String source) {
    long schedule = 0;
    for (String line : source.split("\n")) {
      if (line.startsWith("// schedule: ")) {
        schedule = Long.parseLong(line.substring("// schedule: ".length()).trim());
      }
    }
    try (Harness h = new Harness(20_000)) {
      return new Check(h).run(name, source, schedule);
    }
  }

  static String regressionHeader(Fuzzer.Finding f) {
    StringBuilder sb = new StringBuilder();
    sb.append("// A reproducer found by the differential fuzzer (fuzz/), shrunk from program seed ")
        .append(f.programSeed).append(".\n");
    sb.append("// Regenerate the original with: ./fuzz --print ").append(f.programSeed).append("\n");
    sb.append("// status: open (RegressionsTest skips it until this line says fixed)\n");
    sb.append("// kind: ").append(f.shrunk.kind).append("\n");
    sb.append("// schedule: ").append(f.schedule).append("\n");
    for (String line : f.shrunk.summary().split("\n")) {
      sb.append("// ").append(line).append("\n");
    }
    return sb.toString();
  }
}
