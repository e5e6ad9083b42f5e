package dev.stackless.fuzz;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Deliberately broken transformations, to show that the fuzzer catches a wrong one. The processor
 * has no test-only switch to break itself (and is not ours to edit), so the fuzzer breaks its output:
 * with {@code --mutate NAME}, javac runs the real processor with {@code -proc:only}, the generated
 * {@code *Async.java} files are edited as below, and then compiled with the programs. Each edit is a
 * bug a state-machine transformation could plausibly have.
 */
final class Mutations {
  static final List<String> NAMES = List.of("wrong-value", "lost-suspend");

  private Mutations() {}

  static UnaryOperator<String> named(String name) {
    switch (name) {
      case "wrong-value":
        // an await hands the resumed frame a value that is off by one
        return s -> s.replace("this.awaitedResult()", "dev.stackless.fuzz.rt.Mutant.off(this.awaitedResult())");
      case "lost-suspend":
        // a suspend block is dropped: the frame suspends, but nobody learns of it
        return s -> s.replaceAll("callSuspendBlock\\(dev\\.stackless\\.fuzz\\.rt\\.Rt\\.park\\(out\\)\\);", ";");
      default:
        throw new IllegalArgumentException("unknown mutation " + name + "; known: " + NAMES);
    }
  }
}
