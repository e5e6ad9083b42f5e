package dev.stackless.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The passes' packages form a one-way graph: each may import only the packages listed here, so
 * that data flows validate/read -> lower -> analyse -> emit and nothing reaches back.
 */
class PackageDependenciesTest {
  private static final Map<String, Set<String>> ALLOWED =
      Map.of(
          "diag", Set.of(),
          "model", Set.of(),
          "read", Set.of("model", "diag"),
          "validate", Set.of("read", "diag"),
          "lower", Set.of("model"),
          "analyse", Set.of("lower", "model"),
          "emit", Set.of("lower", "model"));

  private static final Pattern IMPORT =
      Pattern.compile("^import (?:static )?dev\\.stackless\\.processor\\.(\\w+)\\.", Pattern.MULTILINE);

  @Test
  void noPassImportsAPackageItMustNot() throws IOException {
    Path root = Paths.get("src/main/java/dev/stackless/processor");
    List<String> violations = new ArrayList<>();
    for (Map.Entry<String, Set<String>> entry : ALLOWED.entrySet()) {
      try (Stream<Path> files = Files.walk(root.resolve(entry.getKey()))) {
        for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".java"))::iterator) {
          Matcher m = IMPORT.matcher(Files.readString(file));
          while (m.find()) {
            String target = m.group(1);
            if (!target.equals(entry.getKey()) && !entry.getValue().contains(target)) {
              violations.add(file.getFileName() + " imports " + target);
            }
          }
        }
      }
    }
    assertEquals(List.of(), violations);
  }
}
