package dev.stackless.tests.diff;

import java.io.IOException;
import java.nio.file.Paths;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;

/**
 * The programs under {@code src/test/resources/programs21} (pattern switches, record patterns)
 * and {@code programs22} (unnamed variables) behave the same as plain Java, on a JDK that
 * compiles them: {@code .ci/run} runs this class on JDK 25 as well.
 */
@EnabledForJreRange(min = JRE.JAVA_21)
class Java21DifferentialTest {
  @TestFactory
  Stream<DynamicTest> transformedProgramsBehaveLikePlainJava() throws IOException {
    return DifferentialTest.programs(Paths.get("src/test/resources/programs21"));
  }

  @TestFactory
  @EnabledForJreRange(min = JRE.JAVA_22)
  Stream<DynamicTest> java22ProgramsToo() throws IOException {
    return DifferentialTest.programs(Paths.get("src/test/resources/programs22"));
  }
}
