package programs;

import static dev.stackless.Keywords.*;
import static dev.stackless.tests.diff.Trace.*;

import dev.stackless.Async;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Instance @Async methods called on receivers whose class the declarations give only through
 * type arguments, array types and generic methods: {@code grid[0][1].m()}, {@code
 * items().get(0).m()}, {@code first(list).m()}.
 */
public class InferredReceivers {
  static class Svc {
    final String name;

    Svc(String name) {
      this.name = log(name);
    }

    @Async
    String hello(int k) {
      suspend(PARK);
      return log(name + k);
    }
  }

  static class Base<T> {
    final List<T> items = new ArrayList<>();

    List<T> items() {
      log("items");
      return items;
    }
  }

  static class Holder {
    final Svc svc = new Svc("held");
    final Svc[] arr = {new Svc("held[0]")};
  }

  /** Inherits {@code items} as a {@code List<Svc>}. */
  static class Shop extends Base<Svc> {
    final Svc[][] grid = {{new Svc("g00"), new Svc("g01")}};

    List<Svc> fresh() {
      return List.of(new Svc("fresh"));
    }

    static <T> T first(List<? extends T> list) {
      log("first");
      return list.get(0);
    }

    static <T> T either(T a, T b, boolean left) {
      return left ? a : b;
    }

    @Async
    String visit() {
      items.add(new Svc("item"));
      Holder h = new Holder();
      int i = 0;
      String s = grid[0][log(1)].hello(1);
      s += fresh().get(0).hello(2);
      s += first(fresh()).hello(3);
      s += items().get(0).hello(4) + this.items.get(0).hello(5);
      s += h.svc.hello(6) + h.arr[i++].hello(i);
      s += Shop.first(items).hello(8);
      s += either(h.svc, h.arr[0], log(false)).hello(9);
      Map<String, List<Svc>> byKey = new HashMap<>();
      byKey.put("k", List.of(new Svc("mapped")));
      s += byKey.get("k").get(0).hello(10) + first(byKey.get("k")).hello(11);
      Svc[][] local = {{new Svc("l00")}, {new Svc("l10")}};
      s += local[1][0].hello(12);
      return s;
    }
  }

  /** A generic @Async method of a generic class, called with explicit type arguments. */
  static class Cup<T> {
    final T content;

    Cup(T content) {
      this.content = content;
    }

    @Async
    <R> R map(java.util.function.Function<T, R> f) {
      suspend(PARK);
      return log(f.apply(content));
    }

    @Async
    String twice() {
      return this.<String>map(c -> c + "!") + "/" + map(c -> c.hashCode() % 2);
    }
  }

  @Async
  static String cups() {
    Cup<String> cup = new Cup<>("tea");
    List<Cup<String>> cups = List.of(cup);
    int length = cup.<Integer>map(String::length) + cups.get(0).<Integer>map(c -> c.length() * 2);
    return length + cup.twice();
  }

  private static class Cell {
    private int value;

    Cell(int value) {
      this.value = value;
    }
  }

  static <T> T logged(T value, String what) {
    log(what);
    return value;
  }

  @Async
  static int num(int x) {
    suspend(PARK);
    return log(x);
  }

  /** A private class's field, selected through type arguments, assigned around a suspension. */
  @Async
  static int cells() {
    List<Cell> cells = new ArrayList<>(List.of(new Cell(1), new Cell(2)));
    logged(cells, "receiver").get(0).value += num(3);
    logged(cells, "receiver").get(log(1)).value *= num(4) + logged(cells, "rhs").get(0).value;
    cells.get(0).value++;
    return cells.get(0).value * 100 + cells.get(1).value;
  }

  @Async
  static Svc made(String name) {
    suspend(PARK);
    return new Svc(name);
  }

  /** A receiver that suspends, of a call whose arguments do not: the receiver still goes first. */
  @Async
  static String suspendingReceivers() {
    Svc[] all = {new Svc("a0"), new Svc("a1")};
    List<Svc> list = List.of(all);
    String s = made("made").hello(log(1));
    s += all[num(1)].hello(2);
    made("statement").hello(3);
    s = s + list.get(num(0)).hello(4);
    return s + made("returned").hello(log(5));
  }

  /**
   * Calls on for-each variables of generic types, asked about before the loop is read: {@code
   * hello} is an @Async method of the element, {@code map} a plain one named like {@code Cup.map}.
   */
  @Async
  static String entries() {
    Map<String, List<Svc>> byKey = new java.util.TreeMap<>();
    byKey.put("x", List.of(new Svc("x0")));
    byKey.put("y", List.of(new Svc("y0"), new Svc("y1")));
    String s = "";
    for (Map.Entry<String, List<Svc>> e : byKey.entrySet()) {
      s += e.getValue().get(e.getValue().size() - 1).hello(num(e.getKey().length()));
    }
    Map<String, java.util.Optional<String>> named = new java.util.TreeMap<>();
    named.put("a", java.util.Optional.of(" padded "));
    named.put("b", java.util.Optional.empty());
    for (Map.Entry<String, java.util.Optional<String>> o : named.entrySet()) {
      s += o.getValue().map(String::trim).orElse(log("none")) + num(s.length());
    }
    // receivers typed through wildcards: a capture, whose bound tells the class
    List<? extends Svc> some = List.of(new Svc("w0"));
    Map<String, ? extends Svc> keyed = Map.of("k", new Svc("w1"));
    List<? extends java.util.Optional<String>> maybe = List.of(java.util.Optional.of("m "));
    s += some.get(0).hello(num(2)) + keyed.get("k").hello(3) + maybe.get(0).map(String::trim).get();
    // the same name in sibling scopes, of other types: each use is its own declaration's
    for (Map.Entry<String, List<Svc>> o : byKey.entrySet()) {
      s += o.getValue().get(0).hello(num(1));
    }
    return s;
  }

  /** Receivers at the end of chains of generic (varargs) calls: Stream.of(a, b).findFirst().get(). */
  @Async
  static String streams() {
    Svc a = new Svc("a");
    String first = java.util.stream.Stream.of(a, new Svc("b")).findFirst().get().hello(log(21));
    return first + java.util.Arrays.asList(new Svc("c"), a).get(0).hello(log(22));
  }

  @Async
  public static Object run() {
    log(streams());
    String s = new Shop().visit() + cells() + suspendingReceivers() + cups() + entries();
    try {
      new Shop().grid[0][2].hello(log(13));
    } catch (ArrayIndexOutOfBoundsException e) {
      log("out of bounds");
    }
    return s;
  }
}
