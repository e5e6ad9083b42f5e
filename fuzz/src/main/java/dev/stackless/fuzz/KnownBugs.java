package dev.stackless.fuzz;

/**
 * Processor bugs the fuzzer found that are not fixed yet. While {@link #avoid} is on (the default,
 * so that the CI budget passes), the generator steers around each of them and only them; each has a
 * shrunk reproducer under {@code src/test/resources/regressions} marked {@code status: open}, which
 * {@code RegressionsTest} reports as skipped. {@code ./fuzz --expose-known-bugs} turns it off. When a
 * bug is fixed: delete its constant and the generator's detour, mark its reproducer fixed.
 */
final class KnownBugs {
  private KnownBugs() {}

  /** Whether the generator avoids the bugs below. */
  static volatile boolean avoid = true;

  /**
   * {@code await(OwnerAsync.m(out, g(x)))} or {@code var f = OwnerAsync.m(out, g(x))} where an
   * argument of the factory call suspends: the spiller evaluates the receiver {@code OwnerAsync}
   * (a type, generated in the same round) into {@code var $t7 = OwnerAsync;}, which javac rejects
   * ("cannot find symbol: variable OwnerAsync"). Reproducer: regressions/R2wzr2pc0sajpe.java.
   */
  static final String FACTORY_ARGUMENT = "factory call with a suspending argument";

  /**
   * {@code (int) (m3(out, d))} where {@code m3} returns {@code long}, as an operand: the awaited
   * value is passed on as a {@code Long} and cast to {@code int}, which javac rejects
   * ("incompatible types: java.lang.Long cannot be converted to int").
   * Reproducer: regressions/R2ruxwt13rsp6y.java.
   */
  static final String NARROWING_CAST = "narrowing cast of a suspending call";

  /**
   * {@code var v = ("" + await(OwnerAsync.m(out, d)));} (a {@code String}) in a method where it
   * lives across a suspension point: rejected with "[Unsupported] this var, whose type cannot be
   * written as a field type", though its type is {@code String} (the expression mentions the
   * class generated in the same round). Reproducer: program seed 89666295768088144 (line 40 of
   * {@code ./fuzz.sh --print 89666295768088144}); not shrunk yet.
   */
  static final String VAR_OF_FACTORY_AWAIT = "var initialized by an expression awaiting a factory call";

  /**
   * {@code m2(out, d, x) != m2(out, d, y)} where both operands suspend and return the same
   * {@code int} outside the Integer cache (1294967458): the transformed program takes the branch,
   * plain Java does not; the two awaited values seem to be compared as boxes, by identity.
   * Reproducer: regressions/R164nrt6qj54m6.java.
   */
  static final String BOXED_COMPARISON = "== or != of two suspending int operands";
}
