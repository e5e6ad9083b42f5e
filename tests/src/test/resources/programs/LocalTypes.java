package programs;

import static dev.stackless.Keywords.*;
import static dev.stackless.tests.diff.Trace.*;

import dev.stackless.Async;
import java.util.*;

/**
 * Local records, enums and interfaces, whose objects live across suspension points: the frame
 * class declares them as member types of the same name.
 */
public class LocalTypes {
  private static int scale = 3;

  @Async
  static int value(int v) {
    suspend(PARK);
    return log(v);
  }

  @Async
  static String shapes(int n) {
    record Point(int x, int y) {
      Point {
        if (x < 0) {
          throw new IllegalArgumentException("x " + x);
        }
      }

      int scaled() {
        return (x + y) * scale;
      }

      static Point origin() {
        return new Point(0, 0);
      }
    }
    enum Turn { LEFT, RIGHT, BACK }
    interface Mover {
      Point move(Point p, Turn t);
    }
    Mover mover = (p, t) -> switch (t) {
      case LEFT -> new Point(p.x(), p.y() + 1);
      case RIGHT -> new Point(p.x() + 1, p.y());
      case BACK -> Point.origin();
    };
    Point at = Point.origin();
    List<Point> path = new ArrayList<>();
    Map<Turn, Integer> counts = new TreeMap<>();
    for (int i = 0; i < n; i++) {
      Turn turn = Turn.values()[value(i) % 3];
      switch (turn) {
        case LEFT:
          at = mover.move(at, turn);
          value(at.x());
          break;
        case RIGHT:
          at = mover.move(at, turn);
          break;
        default:
          at = mover.move(at, Turn.valueOf("BACK"));
      }
      counts.merge(turn, 1, Integer::sum);
      path.add(at);
    }
    String thrown = "";
    try {
      new Point(value(-2), 0);
    } catch (IllegalArgumentException e) {
      thrown = e.getMessage();
    }
    return at + " " + at.scaled() + " " + path + " " + counts + " " + thrown;
  }

  /** var of local types across suspension points: an enum constant, a generic record's array. */
  @Async
  static String vars(int n) {
    enum Mood { CALM, BUSY }
    record Tagged<T>(T value, Mood mood) {}
    var mood = n > 2 ? Mood.BUSY : Mood.CALM;
    @SuppressWarnings("unchecked")
    Tagged<String>[] all = new Tagged[] {new Tagged<>("a", mood), new Tagged<>("b", Mood.CALM)};
    String s = "";
    for (var t : all) {
      value(t.value().length());
      s += t.value().toUpperCase() + t.mood().ordinal();
    }
    var mixed = java.util.List.of(all[0], all[1]);
    value(n);
    return s + mood.name() + mixed.get(1).mood();
  }

  @Async
  static int inALoop(int n) {
    int total = 0;
    for (int i = 0; i < n; i++) {
      record Step(int index, int square) {}
      Step step = new Step(i, i * i);
      value(step.index());
      total += step.square() + step.hashCode() % 2;
    }
    return total;
  }

  final int base;

  LocalTypes(int base) {
    this.base = base;
  }

  /**
   * A local class used across suspension points, which captures a parameter, a local, a type
   * variable and the owner's instance, made before and after a suspension point.
   */
  @Async
  <T> String counters(int k, T tag) {
    String prefix = log("p" + k);
    class Counter {
      int n = log(k * 2);
      final T t = tag;

      void inc() {
        n += k + base;
      }

      @Override
      public String toString() {
        return prefix + ":" + n + ":" + t;
      }
    }
    Counter first = new Counter();
    suspend(PARK);
    first.inc();
    Counter second = new Counter();
    suspend(PARK);
    second.inc();
    Runnable bump = () -> first.inc();
    bump.run();
    java.util.List<Counter> both = java.util.List.of(first, second);
    suspend(PARK);
    return log(both + "");
  }

  /** A local class in a loop that captures a parameter and a local declared before the loop. */
  @Async
  static int tally(int n) {
    int total = 0;
    int offset = log(n * 100);
    for (int i = 0; i < n; i++) {
      class Box {
        int v;

        Box(int v) {
          this.v = log(v + offset + n);
        }
      }
      Box box = new Box(i * scale);
      suspend(PARK);
      total += box.v;
    }
    return total;
  }

  abstract static class Shape {
    final String described;

    Shape() {
      described = describe(); // the subclass's method, before its own fields are assigned
    }

    abstract String describe();
  }

  /**
   * A local subclass in a loop that captures the iteration's local, which the superclass's
   * constructor already reads through the override.
   */
  @Async
  static String subclasses(int n) {
    List<Shape> made = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      final int side = log(i + 1);
      class Square extends Shape {
        @Override
        String describe() {
          return "square" + side;
        }
      }
      made.add(new Square());
      suspend(PARK);
    }
    StringBuilder out = new StringBuilder();
    for (Shape s : made) {
      out.append(s.described).append('/').append(s.describe()).append(' ');
    }
    return log(out.toString());
  }

  /** A local class in a loop that captures the iteration's locals: each object its own. */
  @Async
  static String perIteration(int n) {
    List<Object> made = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      final int k = log(i * i);
      String tag = "t" + i;
      class Pair {
        final int doubled = k * 2;

        @Override
        public String toString() {
          return tag + "=" + k + "/" + doubled;
        }
      }
      made.add(new Pair());
      suspend(PARK);
      made.add(new Pair().doubled);
    }
    suspend(PARK);
    return log(made.toString());
  }

  /** A local class's method named like an @Async method of the owner: a plain call. */
  @Async
  static int sameName(int n) {
    class Doubler {
      int value(int v) {
        return log(2 * v);
      }
    }
    Doubler d = new Doubler();
    var other = new Doubler();
    int sum = value(n);
    return sum + d.value(n) + other.value(sum) + new Doubler().value(value(1));
  }

  /**
   * A local of a generic type declared after a local class (where javac's scope is not asked):
   * its written type types a call on it in a switch expression that suspends in a block.
   */
  @Async
  static int afterALocalClass(int k) {
    class Counter {
      int n = k;
    }
    Counter c = new Counter();
    value(c.n);
    java.util.function.Supplier<String> named = () -> "n" + k;
    Map<String, List<Integer>> all = new TreeMap<>(Map.of("a", List.of(k, 2)));
    int[] made = {switch (Math.floorMod(k, 3)) {
      case 0 -> {
        value(1);
        yield (named.get()).length() + all.get("a").get(0);
      }
      default -> -1;
    }};
    return made[0];
  }

  @Async
  static String name(int k) {
    value(k);
    return k == 0 ? "S" : "N";
  }

  /**
   * Static members of local types as receivers and qualifiers around suspension points: a type,
   * not a value to evaluate first.
   */
  @Async
  static String staticMembers(int k) {
    enum Dir { N, S }
    record Pt(int x, int y) {
      static Pt diagonal(int v) {
        return new Pt(v, v);
      }
    }
    Dir dir = Dir.valueOf(name(k));
    Pt p = Pt.diagonal(value(k + 3));
    return log(dir + " " + p + " " + Dir.S.name().concat(name(1)));
  }

  @Async
  public static Object run() {
    log(staticMembers(value(0)));
    log(staticMembers(1));
    log(afterALocalClass(value(3)));
    log(afterALocalClass(4));
    log(sameName(value(2)));
    log(perIteration(value(3)));
    log(subclasses(value(3)));
    log(new LocalTypes(value(10)).counters(value(3), "x"));
    log(tally(value(3)));
    log(shapes(value(5)));
    log(inALoop(value(4)));
    log(vars(value(3)) + vars(1));
    return scale;
  }
}
