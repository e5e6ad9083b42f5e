package dev.stackless.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every reproducer the fuzzer wrote under {@code src/test/resources/regressions} compiles through the
 * processor and behaves like plain Java under its recorded schedule. A reproducer whose header says
 * {@code status: open} is a processor bug not fixed yet ({@link KnownBugs}): it is reported as
 * skipped, with what it still does; change the line to {@code status: fixed} once it passes.
 */
class RegressionsTest {
  private static final Path DIR = Path.of("src/test/resources/regressions");

  @TestFactory
  Stream<DynamicTest> reproducersBehaveLikePlainJava() throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.list(DIR)) {
      files = s.filter(p -> p.toString().endsWith(".java")).sorted().collect(Collectors.toList());
    }
    return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
      String name = f.getFileName().toString().replace(".java", "");
      String source = Files.readString(f);
      Check.Result r = Check.regression(name, source);
      if (source.contains("// status: open")) {
        Assumptions.abort("open processor bug, still " + r.kind + ": " + r.summary());
      }
      assertEquals(Check.Kind.OK, r.kind, r.summary());
    }));
  }
}
