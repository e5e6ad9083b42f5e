package dev.stackless.tests;

import static dev.stackless.Keywords.*;

import dev.stackless.Async;
import java.util.ArrayList;
import java.util.List;

/**
 * Owners that Java nests: an inner class whose {@code @Async} methods use the enclosing
 * instance's fields and methods, private ones too, and a generic class with private fields.
 * Each method has a plain twin, compared by {@link OuterTest}.
 */
class Outer {
  private int hits;
  int total = 100;
  private static int created;
  private final String name;

  Outer(String name) {
    this.name = name;
    created++;
  }

  private String tag(int n) {
    return name + "#" + n;
  }

  static int created() {
    return created;
  }

  @Async
  String hello(Sched s, String who) {
    return "hello " + who + " from " + name + Flows.later(s, "hello", 0);
  }

  String helloPlain(Sched s, String who) {
    return "hello " + who + " from " + name + Flows.laterPlain(s, "hello", 0);
  }

  /** The private members of another instance of the owner, through a parameter. */
  @Async
  int transfer(Sched s, Outer other, int amount) {
    int got = Flows.later(s, "amount", amount);
    other.hits += got;
    hits -= amount;
    return other.hits * 100 + hits + other.tag(1).length();
  }

  int transferPlain(Sched s, Outer other, int amount) {
    int got = Flows.laterPlain(s, "amount", amount);
    other.hits += got;
    hits -= amount;
    return other.hits * 100 + hits + other.tag(1).length();
  }

  class Inner {
    private int own;

    /** The outer instance's @Async method, called unqualified and through Outer.this. */
    @Async
    String greetBoth(Sched s) {
      return hello(s, "a") + " / " + Outer.this.hello(s, "b");
    }

    String greetBothPlain(Sched s) {
      return helloPlain(s, "a") + " / " + Outer.this.helloPlain(s, "b");
    }

    @Async
    String visit(Sched s, int n) {
      hits++;
      int got = Flows.later(s, "visit", n);
      total += got;
      own += hits;
      created += 0;
      return tag(got) + " hits=" + hits + " total=" + total + " own=" + own
          + " outer=" + Outer.this.name;
    }

    String visitPlain(Sched s, int n) {
      hits++;
      int got = Flows.laterPlain(s, "visit", n);
      total += got;
      own += hits;
      created += 0;
      return tag(got) + " hits=" + hits + " total=" + total + " own=" + own
          + " outer=" + Outer.this.name;
    }

    class Deeper {
      @Async
      int reach(Sched s) {
        int got = Flows.later(s, "reach", own);
        return got + hits + total;
      }

      int reachPlain(Sched s) {
        int got = Flows.laterPlain(s, "reach", own);
        return got + hits + total;
      }
    }
  }

  private static <T> List<T> twice(T value) {
    return List.of(value, value);
  }

  private static int sum(int... values) {
    int total = 0;
    for (int v : values) {
      total += v;
    }
    return total;
  }

  private <T extends Comparable<T>> T larger(T a, T b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  /** Private generic and varargs methods of the owner. */
  @Async
  String privateGenerics(Sched s, String word) {
    List<String> both = twice(word);
    int n = Flows.later(s, "n", sum(1, 2, 3));
    return both + " " + sum() + " " + sum(n, n) + " " + larger(word, "m") + " " + larger(n, 5);
  }

  String privateGenericsPlain(Sched s, String word) {
    List<String> both = twice(word);
    int n = Flows.laterPlain(s, "n", sum(1, 2, 3));
    return both + " " + sum() + " " + sum(n, n) + " " + larger(word, "m") + " " + larger(n, 5);
  }

  static class Box<T extends Comparable<T>> {
    private final List<T> items = new ArrayList<>();
    private T best;

    private T first() {
      return items.get(0);
    }

    @Async
    T add(Sched s, T item) {
      Flows.later(s, "add", items.size());
      items.add(item);
      if (best == null || item.compareTo(best) > 0) {
        best = item;
      }
      return first().compareTo(best) == 0 ? first() : best;
    }

    T addPlain(Sched s, T item) {
      Flows.laterPlain(s, "add", items.size());
      items.add(item);
      if (best == null || item.compareTo(best) > 0) {
        best = item;
      }
      return first().compareTo(best) == 0 ? first() : best;
    }
  }

  enum Op {
    ADD {
      @Override
      int apply(int a, int b) {
        return a + b;
      }
    },
    MUL {
      @Override
      int apply(int a, int b) {
        return a * b;
      }
    };

    abstract int apply(int a, int b);

    @Async
    int applyLater(Sched s, int a, int b) {
      return apply(Flows.later(s, name(), a), b);
    }
  }

  record Point(int x, int y) {
    @Async
    int sumLater(Sched s) {
      return Flows.later(s, "x", x) + y;
    }
  }

  interface Shape {
    double area();

    @Async
    default double areaLater(Sched s) {
      Flows.later(s, "area", 0);
      return area();
    }

    @Async
    static int countLater(Sched s, java.util.List<? extends Shape> shapes) {
      return Flows.later(s, "count", shapes.size());
    }
  }
}
