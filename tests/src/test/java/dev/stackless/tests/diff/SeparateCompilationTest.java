package dev.stackless.tests.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Programs that use {@code @Async} methods of a library compiled before them, by a javac run of
 * its own: {@code programs-separate/NameLib.java} first, then {@code Name.java} against its
 * classes. They behave as the same two compiled as plain Java do.
 */
class SeparateCompilationTest {
  private static final Path PROGRAMS = Path.of("src/test/resources/programs-separate");

  @TestFactory
  Stream<DynamicTest> programsUsingACompiledLibraryBehaveLikePlainJava() throws IOException {
    List<Path> programs;
    try (Stream<Path> list = Files.list(PROGRAMS)) {
      programs = list.filter(p -> p.toString().endsWith(".java") && !p.toString().endsWith("Lib.java"))
          .sorted().collect(Collectors.toList());
    }
    return programs.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
      String name = file.getFileName().toString().replace(".java", "");
      String source = Files.readString(file);
      String library = Files.readString(PROGRAMS.resolve(name + "Lib.java"));
      String expected = Differential.plainWithLibrary(name, source, name + "Lib", library);
      String actual = Differential.transformedWithLibrary(name, source, name + "Lib", library);
      assertEquals(expected, actual);
      assertTrue(expected.contains("s "), "the program suspends: " + expected);
    }));
  }
}
