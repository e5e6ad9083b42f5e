package programs;

import static dev.stackless.Keywords.*;
import static dev.stackless.tests.diff.Trace.*;

import dev.stackless.Async;
import java.io.Serializable;
import java.util.*;
import java.util.function.*;

/**
 * {@code var}s of intersection types that live across suspension points: each bound's methods,
 * assignment to each bound, inference from the var, lambdas and local classes that capture it,
 * reassignment, and a cast to an intersection.
 */
public class Intersections {
  @Async
  static int value(int v) {
    suspend(PARK);
    return log(v);
  }

  static <T> List<T> two(T a, T b) {
    return List.of(a, b);
  }

  static String which(Object o) {
    return "object";
  }

  static String which(Serializable s) {
    return "serializable";
  }

  /** lub(ArrayList<String>, LinkedList<String>): AbstractList<String> & Serializable & Cloneable. */
  @Async
  static String lists(boolean array) {
    var list = array ? new ArrayList<String>(List.of("a")) : new LinkedList<String>(List.of("b"));
    value(1);
    list.add("c" + value(2));
    var same = list;
    Runnable sizes = () -> log("size " + list.size() + " " + which(list));
    sizes.run();
    Serializable asBound = list;
    Cloneable other = list;
    value(3);
    return list + " " + same.getClass().getSimpleName() + " " + asBound.equals(other)
        + " " + two(list, same).size();
  }

  /** A cast to an intersection, a local class that captures it, and a reassigned one. */
  @Async
  static String casts(int k) {
    var key = (Serializable & Comparable<String>) ("k" + k);
    var moving = k > 0 ? (Serializable & Comparable<String>) "up" : "down";
    value(k);
    class Shows {
      String show() {
        return "shows " + key + " " + key.compareTo("k0");
      }
    }
    Supplier<String> lazy = () -> key + "!";
    moving = value(k + 1) > 1 ? "far" : moving;
    value(0);
    return new Shows().show() + " " + lazy.get() + " " + moving + " " + moving.compareTo("far")
        + " " + (moving = "set") + moving.compareTo("set");
  }

  static String pick(Object o) {
    return "object";
  }

  static String pick(Comparable<?> c) {
    return "comparable";
  }

  /**
   * lub(Integer, String), whose Comparable<? extends ..> bound refers to itself, so no source
   * writes it; nested conditionals, a numeric one inside a reference one, a null branch.
   */
  @Async
  static String conditionals(int k) {
    var x = k > 0 ? 1 : "s";
    var z = k > 1 ? 2.5 : k > 0 ? 7 : "u";
    var w = k > 1 ? (k > 2 ? 1 : 2L) : "long";
    var n = k > 1 ? null : k > 0 ? 'c' : "char";
    value(k);
    Supplier<String> lazy = () -> "lazy " + x + z;
    class Shows extends Object {
      String show() {
        return "shows " + x + (x instanceof Integer) + w;
      }
    }
    Serializable asBound = x;
    Comparable<?> other = z;
    value(k + 1);
    return x + " " + z + " " + w + " " + n + " " + lazy.get() + " " + new Shows().show() + " "
        + asBound + other + " " + pick(x) + " " + which(z) + " " + two(x, z).size() + " "
        + x.getClass().getSimpleName() + w.getClass().getSimpleName();
  }

  /**
   * vars whose types hold intersections no source can write ({@code List<Number & Comparable<..>>}),
   * read after suspension points, each typed by its initializer again; and a for-each variable
   * over one, itself of such an intersection.
   */
  @Async
  static String typeArguments(int a, Double d) {
    Integer boxed = a;
    var nums = java.util.List.of(boxed, d, 3L);
    var mixed = java.util.List.of(1, "s");
    var counts = new java.util.TreeMap<>(java.util.Map.of("a", boxed, "b", 2.5));
    value(1);
    Comparable<?> first = nums.get(0);
    int sum = 0;
    for (var n : nums) {
      sum += n.intValue() + value(n.intValue());
    }
    counts.merge("a", 10, (x, y) -> x.intValue() + y.intValue());
    return log(sum + " " + first + " " + mixed.get(1) + " " + counts);
  }

  @SafeVarargs
  @Async
  static <E> List<E> collected(E... items) {
    suspend(PARK);
    return new java.util.ArrayList<>(java.util.Arrays.asList(items));
  }

  /** The same, from generic @Async calls: the witness is the result of the frame's factory. */
  @Async
  static String asyncTypeArguments(int a) {
    Integer boxed = a;
    var mixed = collected(boxed, 2.5, "z");
    var nums = collected(boxed, 2.5);
    value(2);
    int sum = 0;
    for (var n : nums) {
      sum += n.intValue() + value(n.intValue());
    }
    Comparable<?> last = mixed.get(mixed.size() - 1);
    return log(mixed + " " + sum + " " + last + " " + nums.get(1).doubleValue());
  }

  @Async
  public static Object run() {
    log(asyncTypeArguments(value(5)));
    log(typeArguments(value(4), 2.5));
    for (int k = 0; k < 4; k++) {
      log(conditionals(k));
    }
    log(lists(true));
    log(lists(false));
    log(casts(0));
    log(casts(2));
    return "done";
  }
}
