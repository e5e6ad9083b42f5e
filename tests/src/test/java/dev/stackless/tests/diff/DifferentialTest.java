package dev.stackless.tests.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Each program under {@code src/test/resources/programs} behaves the same as plain Java: the same
 * effects in the same order, the same result or exception.
 */
class DifferentialTest {
  private static final Path PROGRAMS = Paths.get("src/test/resources/programs");

  @TestFactory
  Stream<DynamicTest> transformedProgramsBehaveLikePlainJava() throws IOException {
    return programs(PROGRAMS);
  }

  /**
   * The same programs with every step() split into parts of a few states (see FrameEmitter.step:
   * what a method past javac's 64 KB gets), so that jumps, fall-through, exceptions and finally
   * across the parts are checked by every program.
   */
  @TestFactory
  Stream<DynamicTest> programsWithStepSplitInPartsBehaveLikePlainJava() throws IOException {
    return programs(PROGRAMS, "-Astackless.stepChars=300");
  }

  /** A test per program in {@code directory}: plain and transformed, compared. */
  static Stream<DynamicTest> programs(Path directory, String... processorOptions)
      throws IOException {
    List<Path> files;
    try (Stream<Path> list = Files.list(directory)) {
      files = list.filter(p -> p.toString().endsWith(".java")).sorted().collect(Collectors.toList());
    }
    return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
      String name = file.getFileName().toString().replace(".java", "");
      String source = Files.readString(file);
      String expected = Differential.plain(name, source);
      String actual = Differential.transformed(name, source, processorOptions);
      assertEquals(expected, actual);
      // a program that never suspended would prove nothing
      assertEquals(true, expected.contains("s "), "the program suspends: " + expected);
    }));
  }
}
