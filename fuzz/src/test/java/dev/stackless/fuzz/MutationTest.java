package dev.stackless.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fuzzer can fail: with the processor's output deliberately broken ({@link Mutations}), a small
 * budget finds mismatches. Without this, "0 mismatches" could mean a checker that compares nothing.
 */
class MutationTest {
  @ParameterizedTest
  @ValueSource(strings = {"wrong-value", "lost-suspend"})
  void aBrokenTransformationIsCaught(String mutation) throws Exception {
    String line = Fuzzer.isolated("--programs", "40", "--seed", "7", "--mutate", mutation,
        "--no-shrink", "--no-write", "--timeout-ms", "2000");
    Matcher m = Pattern.compile("40 programs, (\\d+) mismatches, 0 rejected").matcher(line);
    assertTrue(m.matches(), line);
    assertTrue(Integer.parseInt(m.group(1)) >= 10, "the mutant is caught often: " + line);
  }
}
