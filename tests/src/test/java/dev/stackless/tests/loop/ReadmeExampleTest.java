package dev.stackless.tests.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class ReadmeExampleTest {

  @Test
  void theReadmesEventLoopExamplePrintsWhatItSays() {
    PrintStream original = System.out;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
      Server.main(new String[0]);
    } finally {
      System.setOut(original);
    }
    assertEquals("fast,slow,6", bytes.toString(StandardCharsets.UTF_8).trim());
  }
}
