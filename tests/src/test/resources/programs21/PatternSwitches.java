package programs;

import static dev.stackless.Keywords.*;
import static dev.stackless.tests.diff.Trace.*;

import dev.stackless.Async;
import java.util.List;

/** Pattern switches (Java 21) with suspension points in the selector and the cases. */
public class PatternSwitches {
  sealed interface Shape permits Circle, Square, Group {}

  record Circle(double radius) implements Shape {}

  record Square(int side) implements Shape {}

  record Group(Shape first, Shape second) implements Shape {}

  record Box<T>(T content) {}

  @Async
  static int value(int v) {
    suspend(PARK);
    return log(v);
  }

  @Async
  static Object pass(Object o) {
    suspend(PARK);
    return o;
  }

  /** A statement over Object: type patterns, a guard, a record pattern, case null, default. */
  @Async
  static String describe(Object o) {
    String result;
    switch (pass(o)) {
      case String s when s.length() > 3 -> {
        int n = value(s.length());
        result = "long " + s + " " + n; // s read after a suspension point
      }
      case String s -> result = "short " + s + value(1);
      case Integer i when i > 0 -> result = "positive " + i + value(0);
      case Integer i -> {
        value(i);
        result = "int " + i;
      }
      case Circle(double r) -> result = "circle " + (r * value(2));
      case null -> result = "null " + value(3);
      default -> result = "other " + o.getClass().getSimpleName();
    }
    return result;
  }

  /** An exhaustive switch expression over a sealed interface, nested record patterns and var. */
  @Async
  static double area(Shape shape) {
    double a = switch (shape) {
      case Circle c -> {
        value(1);
        yield Math.PI * c.radius() * c.radius();
      }
      case Square(var side) -> side * value(side);
      case Group(Square(int s1), Square(int s2)) -> {
        int both = value(s1) + value(s2);
        yield both * 100;
      }
      case Group(var first, var second) -> area(first) + area(second);
    };
    return log(a);
  }

  /** Old-style cases: a pattern case, then default reached by falling through from null. */
  @Async
  static int fallThrough(Object o) {
    int r = 0;
    switch (o) {
      case Integer i:
        r = value(i) * 2;
        break;
      case null:
        r = value(-1);
      default:
        r += value(100);
    }
    return r;
  }

  @Async
  static Object inLoop(List<Object> items) {
    int total = 0;
    for (Object item : items) {
      switch (item) {
        case Integer n when n < 0 -> {
          continue;
        }
        case Integer n -> total += value(n);
        case String s -> {
          if (s.isEmpty()) {
            break;
          }
          total += value(s.length()) * 10;
        }
        default -> total = -total;
      }
      log("after " + total);
    }
    return total;
  }

  /** Record patterns in instanceof, whose variables live across suspension points. */
  @Async
  static String deconstruct(Object o) {
    if (!(o instanceof Group(Square(int a), var second))) {
      return "not a group of a square: " + value(0);
    }
    int first = value(a);
    if (second instanceof Circle(double r) && r > value(1)) {
      return "square " + first + " and circle " + r + " " + second;
    }
    return "square " + first + " and " + second;
  }

  @Async
  static String nullOrDefault(Object o) {
    return switch (o) {
      case String s -> s + value(1);
      case null, default -> "nd " + o + value(2);
    };
  }

  /** Guards that suspend: a false one goes on matching at the next case, no guard runs twice. */
  @Async
  static String guarded(Object o) {
    String r = switch (o) {
      case Integer i when log("g1") != null && i > value(10) -> "big " + i;
      case Integer i when log("g2") != null && i > 5 -> "medium " + i;
      case Integer i when i > value(0) -> "small " + i + value(1);
      case String s when s.length() > value(2) -> "long " + s;
      case null -> "null";
      default -> "other " + o;
    };
    return r;
  }

  /** var in record patterns that write their type arguments: the component as their member. */
  @Async
  static String boxes(Object o) {
    String r = "";
    if (o instanceof Box<?>(var c)) {
      value(1);
      r += "box of " + c;
    }
    if (o instanceof Box<?> b && b.content() instanceof String) {
      @SuppressWarnings("unchecked")
      Box<String> typed = (Box<String>) b;
      switch (typed) {
        case Box<String>(var s) when s.length() > value(2) -> r += " long " + s.length();
        case Box<String>(var s) -> r += " short " + s.toUpperCase() + value(3);
      }
    }
    return r;
  }

  /** var in a record pattern whose type argument is the method's own type variable. */
  @Async
  static <T> String generic(Box<T> box, T fallback) {
    if (box instanceof Box<T>(var content) && content != null) {
      value(8);
      return "content " + content + fallback;
    }
    return "empty " + fallback;
  }

  record Pair<A, B>(A first, B second) {}

  record Amount<N extends Number>(N value) {}

  /**
   * var in raw record patterns of generic records: the type arguments javac infers from what is
   * matched, the selector's (Pair<String, Integer>) or, where that constrains none, the bounds.
   */
  @Async
  static String rawPatterns(Object o, Pair<String, Integer> typed) {
    String r = switch (o) {
      case Pair(Pair(var x, var y), var z) -> {
        value(4);
        yield "nested " + x + y + z;
      }
      case Amount(var n) when n.intValue() > value(5) -> "large " + n.doubleValue();
      case Amount(var n) -> "amount " + n.intValue() + value(6);
      default -> "other";
    };
    switch (typed) {
      case Pair(var s, var i) -> r += " " + s.length() + value(i.intValue());
    }
    if (o instanceof Pair(var a, Amount(var b))) {
      value(7);
      r += " pair " + a + b.longValue();
    }
    return r;
  }

  static Object shape(Object o) {
    log("selector " + o);
    return o;
  }

  @Async
  static Object later(Object o) {
    suspend(PARK);
    return o;
  }

  /**
   * Guards that suspend, in switches on a call's value and on a suspending one: the selector is
   * evaluated once, and matching goes on with its value.
   */
  @Async
  static String guardedCall(Object o) {
    String r = switch (shape(o)) {
      case Integer i when i > value(10) -> "big " + i;
      case Integer i when i > value(0) -> "small " + i;
      case null -> "null";
      default -> "other";
    };
    switch (later(o)) {
      case String s when s.length() > value(2) -> r += " long " + s;
      case String s -> r += " short " + s;
      default -> r += " not a string";
    }
    return r;
  }

  /** Pattern switches inside larger expressions, their cases' values suspending. */
  @Async
  static String nestedPatterns(Object o) {
    return "got " + switch (o) {
      case Integer i -> i + value(1);
      case Circle(double r) -> "circle " + (r * value(2));
      case Square s -> s.side() * 10 + value(s.side());
      case null, default -> "other";
    } + "!" + Math.max(log(3), switch (o) { case String s -> s.length() + value(4); default -> 0; });
  }

  /** Guards and blocks in pattern switches inside larger expressions: the frame runs them. */
  @Async
  static String guardedInExpression(Object o) {
    return log("[") + switch (o) {
      case Integer i when i > value(10) -> "big " + i;
      case Integer i -> {
        suspend(PARK);
        yield "int " + (i + value(1));
      }
      case String s when s.length() > 2 -> "long " + s;
      case null -> "null";
      default -> "other";
    } + log("]");
  }

  /** A switch with a block inside a pattern case's value, which uses the pattern's variable. */
  @Async
  static String innerUsesPattern(Object o, int k) {
    return "v " + switch (o) {
      case String s -> s + switch (k) {
        case 0 -> {
          suspend(PARK);
          yield s.length();
        }
        default -> k;
      };
      case Circle(double r) when r > value(1) -> "wide";
      default -> "x";
    };
  }

  sealed interface Expr permits Num, Add, Mul {}

  record Num(int v) implements Expr {
    @Async
    int get() {
      suspend(PARK);
      return log(v);
    }
  }

  record Add(Expr left, Expr right) implements Expr {}

  record Mul(Num left, Num right) implements Expr {}

  /** var bindings of record patterns called on in the case (their @Async methods, too). */
  @Async
  static int eval(Expr e) {
    return switch (e) {
      case Num(var v) -> value(v);
      case Add(var l, var r) -> eval(l) + eval(r);
      case Mul(var l, var r) -> l.get() * r.get();
    };
  }

  @Async
  public static Object run() {
    log(eval(new Add(new Num(2), new Mul(new Num(3), new Num(4)))));
    for (Object o : new Object[] {5, new Circle(1.5), new Square(3), "text", null}) {
      log(nestedPatterns(o));
      log(guardedInExpression(o));
      log(innerUsesPattern(o, 0) + innerUsesPattern(o, 1));
    }
    log(guardedInExpression(50) + guardedInExpression("ab") + guardedInExpression(new Circle(3)));
    for (Object o : new Object[] {20, 7, 3, -1, "abc", "a", null, 2.5}) {
      log(guarded(o));
      log(guardedCall(o));
      log(boxes(new Box<>(o)));
    }
    log(nullOrDefault("s") + nullOrDefault(null) + nullOrDefault(4));
    log(deconstruct(new Group(new Square(3), new Circle(2.5))));
    log(deconstruct(new Group(new Square(4), new Circle(0.5))));
    log(deconstruct(new Group(new Square(5), new Square(6))));
    log(deconstruct(new Group(new Circle(1), new Square(6))));
    log(deconstruct("x"));
    for (Object o : new Object[] {"hello", "hi", 7, -7, new Circle(2), null, 3.5, new Square(4)}) {
      log(describe(o));
    }
    log(area(new Circle(1)) + area(new Square(3)));
    log(area(new Group(new Square(2), new Square(5))));
    log(area(new Group(new Circle(1), new Square(2))));
    log(fallThrough(21) + fallThrough(null) + fallThrough("x"));
    log(inLoop(List.of(1, -2, "abc", "", 3.0, 4)));
    for (Object o : new Object[] {new Pair<>(new Pair<>(1, "two"), 3.5), new Amount<>(9L),
        new Amount<>(2.5), new Pair<>("p", new Amount<>(8)), "none"}) {
      log(rawPatterns(o, new Pair<>("abc", 2)));
    }
    log(generic(new Box<>("in"), "f") + generic(new Box<Integer>(null), 0));
    return "done";
  }
}
