package programs;

import static dev.stackless.Keywords.*;
import static dev.stackless.tests.diff.Trace.*;

import dev.stackless.Async;
import java.util.*;

public class Owners {
  static class Box<E extends Comparable<E>> {
    final List<E> items = new ArrayList<>();

    @Async
    E largest() {
      E best = null;
      for (E item : items) {
        suspend(PARK);
        if (best == null || item.compareTo(best) > 0) best = item;
      }
      return best;
    }
  }

  enum Op {
    ADD, MUL;

    @Async
    int apply(int a, int b) {
      suspend(PARK);
      return this == ADD ? a + b : a * b;
    }

    /** Switches on this: before Java 21 an enum case label must be the constant's simple name. */
    @Async
    Op other(int k) {
      int w;
      switch (this) {
        case ADD:
          w = sum(k);
          break;
        case MUL:
          w = 2 * sum(k);
          break;
        default:
          w = 0;
      }
      suspend(PARK);
      log("weight " + w);
      return switch (this) { case ADD -> MUL; case MUL -> ADD; };
    }
  }

  /** An inner class, whose enclosing instance new Counter(..) takes from this. */
  static class Tally {
    int base = 10;

    class Counter {
      final int off;

      Counter(int off) {
        this.off = off;
      }

      int total() {
        return base + off;
      }
    }

    @Async
    int count(int off) {
      Counter first = new Counter(off);
      suspend(PARK);
      base += 5;
      return first.total() + new Counter(sum(1)).total() + this.new Counter(2).off;
    }
  }

  record Point(int x, int y) {
    @Async
    int manhattan() {
      suspend(PARK);
      return Math.abs(x) + Math.abs(y());
    }
  }

  interface Shape {
    int sides();

    @Async
    default String describe() {
      suspend(PARK);
      return "shape with " + sides() + " sides";
    }

    @Async
    static int total(Shape a, Shape b) {
      suspend(PARK);
      return a.sides() + b.sides();
    }
  }

  static class Square implements Shape {
    public int sides() {
      return 4;
    }
  }

  @Async
  static int sum(int a) {
    suspend(PARK);
    return a;
  }

  @Async
  static int sum(int a, int b) {
    suspend(PARK);
    return a + b;
  }

  /** Overloads of one arity whose results differ: each call has its overload's type. */
  @Async
  static int sized(int n) {
    suspend(PARK);
    return n * 1000;
  }

  @Async
  static String sized(String s) {
    suspend(PARK);
    return s + s;
  }

  @Async
  static <T> List<T> twice(T value) {
    suspend(PARK);
    return List.of(value, value);
  }

  @Async
  public static Object run() {
    Box<String> box = new Box<>();
    box.items.addAll(List.of("kiwi", "apple", "pear"));
    String largest = box.largest();
    log(largest);
    int r = Op.ADD.apply(2, 3) + Op.MUL.apply(2, 3);
    log(r);
    Point p = new Point(-3, 4);
    log(p.manhattan());
    Square s = new Square();
    log(s.describe());
    log(Shape.total(s, new Square()));
    log(sum(1) + sum(2, 3));
    log(Op.ADD.other(2) + " " + Op.MUL.other(3));
    log(sized(5) + sized("s") + (sized(2) == sized(2)));
    log(new Tally().count(4));
    List<String> pair = twice("x");
    List<Integer> ints = Owners.<Integer>twice(7);
    log(Lazy.touch() + Lazy.touch());
    String OwnersAsync = "a local named like the generated class";
    log(sourceLine(3) + OwnersAsync.length());
    log(grouped(2));
    return pair + "" + ints;
  }

  /** Types written over lines: the text of a type carries no line markers. */
  @Async
  static java.util.Map<String,
      java.util.List<Integer>> grouped(int k) {
    var m = new java.util.TreeMap<String,
        java.util.List<Integer>>();
    suspend(PARK);
    m.put("k", List.of(k));
    return m;
  }

  /** Named like a helper of the generated class, which must not clash with its factory. */
  @Async
  static int sourceLine(int line) {
    suspend(PARK);
    return line + 1;
  }

  /** Java initializes a class before a static method of it runs: its initializer logs first. */
  static class Lazy {
    static int hits = log(10);

    static {
      log("Lazy.<clinit>");
    }

    @Async
    static int touch() {
      log("body " + hits);
      suspend(PARK);
      return ++hits;
    }
  }
}
