package programs;

import static dev.stackless.Keywords.*;
import static dev.stackless.tests.diff.Trace.*;

import dev.stackless.Async;
import java.util.*;
import java.util.function.*;

/**
 * Java's virtual dispatch through @Async methods: abstract ones, overrides that are @Async and
 * overrides that are not (a lambda, an anonymous class, an enum constant's body), super calls,
 * generic overrides behind bridges, interfaces with default methods, and a template method.
 */
public class Overriding {
  abstract static class Shape {
    final String name;

    Shape(String name) {
      this.name = name;
    }

    @Async
    abstract int area(int scale);

    /** The template method: which area runs is the receiver's. */
    @Async
    String describe() {
      suspend(PARK);
      return log(name + "=" + area(2));
    }
  }

  static class Square extends Shape {
    final int side;

    Square(int side) {
      super("square");
      this.side = side;
    }

    @Async
    @Override
    int area(int scale) {
      suspend(PARK);
      return log(side * side * scale);
    }
  }

  /** Overrides again: a call on a Shape runs this one, not Square's. */
  static class Tile extends Square {
    Tile() {
      super(3);
    }

    @Async
    @Override
    int area(int scale) {
      int inner = super.area(scale);
      suspend(PARK);
      return log(inner + 1);
    }

    @Async
    @Override
    String describe() {
      String plain = super.describe();
      suspend(PARK);
      return "tile:" + plain;
    }
  }

  /** An ordinary override of an @Async method: it runs without a frame of its own. */
  static class Circle extends Shape {
    Circle() {
      super("circle");
    }

    @Override
    int area(int scale) {
      return log(3 * scale);
    }
  }

  static class Broken extends Shape {
    Broken() {
      super("broken");
    }

    @Async
    @Override
    int area(int scale) {
      suspend(PARK);
      throw new IllegalStateException("no area at " + scale);
    }
  }

  interface Greeter {
    @Async
    String greet(String who);

    @Async
    default String twice(String who) {
      String first = greet(who);
      suspend(PARK);
      return first + "/" + greet(who + "!");
    }
  }

  static class Polite implements Greeter {
    @Async
    @Override
    public String greet(String who) {
      suspend(PARK);
      return log("good day, " + who);
    }
  }

  static class Loud extends Polite {
    @Async
    @Override
    public String twice(String who) {
      suspend(PARK);
      return Greeter.class.getSimpleName() + ":" + greet(who.toUpperCase());
    }
  }

  interface Tagged {
    default String tag() {
      return log("tagged");
    }
  }

  /** I.super calls of a default method, @Async and plain, that the class overrides itself. */
  static class Both implements Greeter, Tagged {
    @Async
    @Override
    public String greet(String who) {
      suspend(PARK);
      return log("yo " + who);
    }

    @Override
    public String tag() {
      return log("both");
    }

    @Async
    @Override
    public String twice(String who) {
      suspend(PARK);
      return Tagged.super.tag() + tag() + Greeter.super.twice(who);
    }
  }

  abstract static class Source<T> {
    @Async
    abstract T next(T seed);

    @Async
    List<T> take(T seed, int n) {
      List<T> out = new ArrayList<>();
      T at = seed;
      for (int i = 0; i < n; i++) {
        at = next(at);
        out.add(at);
      }
      return out;
    }
  }

  /** A generic override: javac's bridge next(Object) is what a call on a Source runs. */
  static class Doubler extends Source<Integer> {
    @Async
    @Override
    Integer next(Integer seed) {
      suspend(PARK);
      return log(seed * 2);
    }
  }

  enum Op {
    ADD {
      @Override
      int apply(int a, int b) {
        return log(a + b);
      }
    },
    MUL,
    NEG {
      int unused() { // a constant with a body of its own: an anonymous subclass of Op
        return 0;
      }
    };

    @Async
    int apply(int a, int b) {
      suspend(PARK);
      return log(a * b);
    }
  }

  interface Named {
    @Async
    String label();
  }

  static class Labelled {
    @Async
    public String label() {
      suspend(PARK);
      return log("labelled");
    }
  }

  /** Implements Named.label with the method it inherits, which overrides nothing in Labelled. */
  static class Inherits extends Labelled implements Named {}

  /** Type variables with intersection bounds, of the method and of the class, overridden. */
  static class Ranker<B extends Number & Comparable<B>> {
    @Async
    <K extends Number & Comparable<K>> String rank(K a, K b, B limit) {
      suspend(PARK);
      return log("rank " + a.compareTo(b) + " " + (a.doubleValue() < limit.doubleValue()));
    }

    @Async
    <T extends Object & Comparable<? super T>> T max(T[] all) {
      suspend(PARK);
      T best = all[0];
      for (T t : all) {
        best = t.compareTo(best) > 0 ? t : best;
      }
      return log(best);
    }
  }

  static class StrictRanker extends Ranker<Integer> {
    @Async
    @Override
    <K extends Number & Comparable<K>> String rank(K a, K b, Integer limit) {
      suspend(PARK);
      return log("strict " + super.rank(a, b, limit));
    }

    @Async
    @Override
    <T extends Object & Comparable<? super T>> T max(T[] all) {
      log("strict max of " + all.length);
      return super.max(all);
    }
  }

  /** Overloads of a generic class, one on its type variable: put(T) and put(String). */
  static class Shelf<T> {
    @Async
    String put(T item) {
      suspend(PARK);
      return log("item " + item);
    }

    @Async
    String put(String label) {
      suspend(PARK);
      return log("label " + label);
    }
  }

  static class LoudShelf extends Shelf<Integer> {
    @Async
    @Override
    String put(Integer item) {
      return log("loud " + super.put(item));
    }

    @Async
    @Override
    String put(String label) {
      suspend(PARK);
      return log("LOUD " + label.toUpperCase());
    }
  }

  /** super.put(label) on a Shelf<Object>, where put(T) is put(Object): Java calls put(String). */
  static class AnyShelf extends Shelf<Object> {
    @Async
    @Override
    String put(String label) {
      return log("any " + super.put(label) + super.put((Object) label));
    }
  }

  /** A static @Async method that hides its superclass's: Derived.made() calls Derived's. */
  static class Maker {
    @Async
    static String made(int n) {
      suspend(PARK);
      return log("maker " + n);
    }

    @Async
    static String both() {
      return made(1) + Maker.made(2);
    }
  }

  static class Derived extends Maker {
    @Async
    static String made(int n) {
      suspend(PARK);
      return log("derived " + n);
    }

    @Async
    static String both() {
      return made(3) + Derived.made(4) + Maker.made(5) + Maker.both();
    }
  }

  /** Three overloads; SBin's put(String) overrides both put(T) and put(String) of Bin<String>. */
  static class Bin<T> {
    @Async
    String put(T item) {
      suspend(PARK);
      return log("bin item " + item);
    }

    @Async
    String put(String label) {
      suspend(PARK);
      return log("bin label " + label);
    }

    @Async
    String put(Integer... all) {
      suspend(PARK);
      return log("bin all " + all.length);
    }
  }

  static class SBin extends Bin<String> {
    @Async
    @Override
    String put(String label) {
      return log("sbin " + label);
    }
  }

  @Async
  @SuppressWarnings({"rawtypes", "unchecked"})
  static String bins() {
    SBin s = new SBin();
    Bin raw = new Bin<Integer>();
    Derived d = new Derived();
    return s.put("x") + "!" + s.put(1, 2) + raw.put(5) + "!" + raw.put("r") + d.made(8) + "!"
        + ((Maker) d).made(9);
  }

  /** Inside a generic method, E is no String: s.put("x") can only be put(String). */
  @Async
  static <E> String shelve(Shelf<E> s, E e) {
    return s.put(e) + s.put("x");
  }

  static Shape anonymous(int k) {
    return new Shape("anon") {
      @Override
      int area(int scale) {
        return log(k * scale * 100);
      }
    };
  }

  @Async
  public static Object run() {
    List<Shape> shapes = List.of(new Square(2), new Tile(), new Circle(), anonymous(7));
    int total = 0;
    for (Shape s : shapes) {
      total += s.area(1);
      log(s.describe());
    }
    log("total " + total);
    Shape broken = new Broken();
    try {
      log(broken.describe());
    } catch (IllegalStateException e) {
      log("caught " + e.getMessage());
    }
    Greeter polite = new Polite();
    Greeter loud = new Loud();
    Greeter lambda = who -> log("hey " + who);
    for (Greeter g : List.of(polite, loud, lambda)) {
      log(g.twice("ann"));
    }
    Source<Integer> doubler = new Doubler();
    log(doubler.take(3, 3));
    Source<String> echo = new Source<String>() {
      @Override
      String next(String seed) {
        return log(seed + seed.length());
      }
    };
    log(echo.take("e", 2));
    for (Op op : Op.values()) {
      log(op + " " + op.apply(3, 4));
    }
    log(new Both().twice("cy"));
    Greeter both = new Both();
    log(both.twice("di"));
    Named named = new Inherits();
    log(named.label());
    Square square = new Tile();
    for (Shelf<Integer> shelf : List.of(new Shelf<Integer>(), new LoudShelf())) {
      log(shelf.put(5) + shelf.put("s"));
    }
    for (Shelf<Object> any : List.of(new Shelf<Object>(), new AnyShelf())) {
      log(any.put("s") + any.put(5) + any.put((Object) "o"));
      log(shelve(any, "e"));
    }
    log(Derived.made(6) + Maker.made(7) + Derived.both());
    log(bins());
    Shelf<?> some = new LoudShelf();
    log(some.put("w"));
    for (Ranker<Integer> ranker : List.of(new Ranker<Integer>(), new StrictRanker())) {
      log(ranker.rank(2L, 5L, 3) + ranker.max(new String[] {"b", "c", "a"}));
    }
    return square.area(10) + polite.greet("bob").length();
  }
}
