package dev.stackless.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The CI budget: a fixed set of generated programs behaves the same through the processor as plain
 * Java, and the processor rejects none of them. Larger runs: {@code ./fuzz --programs N --seed S}.
 */
class FuzzCiTest {
  static final int PROGRAMS = 300;

  @Test
  void generatedProgramsBehaveLikePlainJava() throws Exception {
    // no shrinking here: a failure prints each program's seed; ./fuzz --shrink-seed SEED shrinks it
    String line = Fuzzer.isolated(
        "--programs", String.valueOf(PROGRAMS), "--seed", "20261124", "--no-shrink", "--no-write");
    assertEquals(PROGRAMS + " programs, 0 mismatches, 0 rejected", line);
  }
}
