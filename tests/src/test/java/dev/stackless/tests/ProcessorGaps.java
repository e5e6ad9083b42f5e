package dev.stackless.tests;

import static dev.stackless.Keywords.*;

import dev.stackless.Async;

/**
 * Constructs inside the processor's first-slice scope that it rejected when these tests were
 * written (each with the error it gave). They stay here, with {@link ProcessorGapsTest} comparing
 * them to plain twins, until the processor accepts them.
 */
class ProcessorGaps {

  /**
   * {@code var} initialized by {@code await} of a generated frame type, directly or through a
   * {@code var} that holds a factory's frame. Rejected with: "[Unsupported] this var, whose type
   * cannot be written as a field type, is not supported yet by the Stackless processor; declare
   * the variable with an explicit type". ({@code var f = OwnerAsync.f(..)} and {@code var x =
   * await(frameOfKnownType)} are accepted.)
   */
  @Async
  static int varOfAwait(Sched s, int n) {
    var early = FlowsAsync.later(s, "early", n);
    var direct = await(FlowsAsync.later(s, "direct", n + 1));
    var viaVar = await(early);
    return direct * 10 + viaVar;
  }

  static int varOfAwaitPlain(Sched s, int n) {
    var early = Flows.laterPlain(s, "early", n);
    var direct = Flows.laterPlain(s, "direct", n + 1);
    var viaVar = early;
    return direct * 10 + viaVar;
  }
}
