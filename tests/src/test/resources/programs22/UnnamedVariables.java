package programs;

import static dev.stackless.Keywords.*;
import static dev.stackless.tests.diff.Trace.*;

import dev.stackless.Async;
import java.util.List;

/** Unnamed variables and patterns (Java 22) around suspension points. */
public class UnnamedVariables {
  sealed interface Shape permits Circle, Square {}

  record Circle(double radius) implements Shape {}

  record Square(int side) implements Shape {}

  interface Res extends AutoCloseable {
    @Override
    void close();
  }

  @Async
  static int value(int v) {
    suspend(PARK);
    return log(v);
  }

  @Async
  static int unnamed(List<Object> items) {
    int count = 0;
    for (var _ : items) {
      count += value(1);
    }
    for (Object _ : items) {
      count += value(2);
    }
    try {
      value(3);
      throw new IllegalStateException("x");
    } catch (IllegalStateException _) {
      count += value(4);
    }
    var _ = value(5); // evaluated for its effects
    try (var _ = (Res) () -> log("close first"); Res _ = () -> log("close second")) {
      count += value(6); // both closed after the suspension, in reverse order
    }
    for (Object item : items) {
      switch (item) {
        case Integer _ -> count += value(10);
        case Square(_) -> count += value(20);
        case Circle _ when value(0) == 0 -> count += 30;
        default -> count += value(40);
      }
    }
    return count;
  }

  @Async
  public static Object run() {
    return unnamed(List.of(1, new Square(2), new Circle(3), "s"));
  }
}
