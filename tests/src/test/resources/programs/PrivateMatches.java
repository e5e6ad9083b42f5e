package programs;

import static dev.stackless.Keywords.*;
import static dev.stackless.tests.diff.Trace.*;

import dev.stackless.Async;
import java.util.*;

/**
 * Private classes tested for where the generated class cannot name them: instanceof patterns of
 * private records and classes, catch clauses of private exceptions (in a try that suspends and in
 * one that does not), around suspension points.
 */
public class PrivateMatches {
  private record Point(int x, int y) {}

  private static final class Label implements CharSequence {
    final String text;

    Label(String text) {
      this.text = text;
    }

    @Override
    public int length() {
      return text.length();
    }

    @Override
    public char charAt(int i) {
      return text.charAt(i);
    }

    @Override
    public CharSequence subSequence(int from, int to) {
      return text.subSequence(from, to);
    }

    @Override
    public String toString() {
      return "label " + text;
    }
  }

  private static final class Retry extends RuntimeException {
    final int attempt;

    Retry(int attempt) {
      super("retry " + attempt);
      this.attempt = attempt;
    }
  }

  @Async
  static int value(int v) {
    suspend(PARK);
    return log(v);
  }

  /** Patterns of a private record and a private class, bound across a suspension point. */
  @Async
  static String matches(List<Object> all) {
    StringBuilder out = new StringBuilder();
    for (Object o : all) {
      if (o instanceof Point p && p.x() > value(0)) {
        out.append("point ").append(p.x() + value(p.y())).append(' ');
      } else if (o instanceof Label l) {
        value(l.length());
        out.append(l).append(' ').append(l.charAt(0)).append(' ');
      } else if (!(o instanceof CharSequence s)) {
        out.append("other ").append(o).append(' ');
      } else {
        out.append("chars ").append(s.length()).append(' ');
      }
    }
    return log(out.toString());
  }

  /** A private exception for control flow: caught in a try that suspends, with a later clause. */
  @Async
  static String retries(int failures) {
    for (int attempt = 0; ; attempt++) {
      try {
        value(attempt);
        if (attempt < failures) {
          throw new Retry(attempt);
        }
        if (attempt == 5) {
          throw new IllegalStateException("five");
        }
        return log("done after " + attempt);
      } catch (Retry e) {
        log(e.getMessage() + " " + e.attempt);
      } catch (RuntimeException e) {
        return log("gave up: " + e.getMessage());
      }
    }
  }

  /** The same caught in a try that does not suspend, its last clause; the rest rethrown. */
  @Async
  static int plainTry(int n) {
    int caught = 0;
    for (int i = 0; i < n; i++) {
      value(i);
      try {
        if (i % 2 == 0) {
          throw new Retry(i);
        }
        if (i == 3) {
          throw new IllegalArgumentException("three");
        }
      } catch (IllegalStateException e) {
        log("state");
      } catch (Retry e) {
        caught += e.attempt + 1;
      }
    }
    return caught;
  }

  private static final class Tally {
    int total;
  }

  /** Private classes as parameters of @Async methods: held as their stand-ins. */
  @Async
  private static int norm(Point p, int scale) {
    value(scale);
    return (Math.abs(p.x()) + Math.abs(p.y())) * scale;
  }

  @Async
  static void add(Tally tally, List<Point> points) {
    for (Point p : points) {
      tally.total += norm(p, 2);
    }
  }

  /** An overridable one: the override found by the private class's parameter. */
  @Async
  int weigh(Point p) {
    value(1);
    return p.x() * 10;
  }

  static final class Heavier extends PrivateMatches {
    @Override
    @Async
    int weigh(Point p) {
      return super.weigh(p) * 2 + value(2);
    }
  }

  @Async
  static int parameters() {
    Tally tally = new Tally();
    add(tally, List.of(new Point(1, -2), new Point(3, 4)));
    return tally.total + new PrivateMatches().weigh(new Point(5, 0))
        + new Heavier().weigh(new Point(1, 1));
  }

  /** A multi-catch with a private exception, in a try that suspends. */
  @Async
  static String multiCatch(int k) {
    try {
      value(k);
      if (k == 0) {
        throw new Retry(k);
      }
      if (k == 1) {
        throw new IllegalStateException("state");
      }
      return log("ok");
    } catch (Retry | IllegalStateException e) {
      return log("caught " + e.getMessage());
    }
  }

  /** Class literals of private classes: their class objects. */
  @Async
  static String literals(Object o) {
    value(0);
    Class<?> point = Point.class;
    Class<? extends RuntimeException> retry = Retry.class;
    return log(point.getSimpleName() + " " + Point.class.isInstance(o) + " " + retry.getName()
        + " " + (o.getClass() == Label.class));
  }

  @Async
  public static Object run() {
    log(multiCatch(0) + multiCatch(1) + multiCatch(2));
    log(literals(new Point(0, 0)));
    log(literals(new Label("x")));
    log(parameters());
    log(matches(List.of(new Point(1, 2), new Point(-1, 0), new Label("ab"), "xyz", 42)));
    log(retries(value(2)));
    log(retries(6));
    log(plainTry(3));
    return plainTry(value(5));
  }
}
