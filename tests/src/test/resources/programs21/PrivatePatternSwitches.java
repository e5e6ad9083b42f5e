package programs;

import static dev.stackless.Keywords.*;
import static dev.stackless.tests.diff.Trace.*;

import dev.stackless.Async;
import java.util.List;

/**
 * Pattern switches (Java 21) over a sealed interface whose records are private: each case binds
 * the interface and tests the class, between suspension points.
 */
public class PrivatePatternSwitches {
  sealed interface Shape permits Circle, Square, Line {}

  private record Circle(int radius) implements Shape {}

  private record Square(int side) implements Shape {}

  record Line(int length) implements Shape {}

  @Async
  static int value(int v) {
    suspend(PARK);
    return log(v);
  }

  @Async
  static int area(Shape shape) {
    value(0);
    int area = switch (shape) {
      case Circle c when c.radius() > 10 -> -1;
      case Circle c -> 3 * c.radius() * c.radius();
      case Square s -> s.side() * s.side();
      case Line l -> 0;
    };
    return area + value(1);
  }

  @Async
  static String described(Shape shape) {
    String text;
    switch (shape) {
      case Square s:
        text = "square " + s.side();
        break;
      case Circle c:
        text = "circle " + c.radius();
        break;
      default:
        text = "other";
    }
    value(text.length());
    return text;
  }

  @Async
  public static Object run() {
    StringBuilder out = new StringBuilder();
    for (Shape shape : List.of(new Circle(2), new Circle(11), new Square(3), new Line(4))) {
      out.append(area(shape)).append(' ').append(described(shape)).append(' ');
    }
    return out.toString();
  }
}
