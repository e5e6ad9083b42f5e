package dev.stackless.fuzz;

/**
 * Processor bugs the fuzzer found that are not fixed yet. While {@link #avoid} is on (the default,
 * so that the CI budget passes), the generator steers around each of them and only them (through
 * {@code Generator.exprAvoiding}, guarded by its {@code avoidKnownBugs}); each has a shrunk
 * reproducer under {@code src/test/resources/regressions} marked {@code status: open}, which
 * {@code RegressionsTest} reports as skipped. {@code ./fuzz.sh --expose-known-bugs} turns it off.
 * When a bug is fixed: delete its constant and the generator's detour, mark its reproducer fixed.
 *
 * <p>None is open now. Fixed on 2026-12-01 (reproducers marked fixed): a factory call whose
 * argument suspends ({@code R2wzr2pc0sajpe}), a narrowing cast of a suspending call
 * ({@code R2ruxwt13rsp6y}), {@code ==} of two suspending {@code int} calls compared as boxes
 * ({@code R164nrt6qj54m6}), and a {@code var} initialised by an expression awaiting this owner's
 * factory (seed 89666295768088144).
 */
final class KnownBugs {
  private KnownBugs() {}

  /** Whether the generator avoids the open bugs. */
  static volatile boolean avoid = true;
}
