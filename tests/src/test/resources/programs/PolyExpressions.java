package programs;

import static dev.stackless.Keywords.*;
import static dev.stackless.tests.diff.Trace.*;

import dev.stackless.Async;
import java.util.*;
import java.util.function.*;

/**
 * Lambdas, method references and generic calls in an expression with a suspension point, whose
 * types come from their target: the variable the expression initializes, or the parameter.
 */
public class PolyExpressions {
  final String tag = "t";

  @Async
  static <T> T later(T value) {
    suspend(PARK);
    log("later " + value);
    return value;
  }

  static <T> T pick(boolean first, T a, T b) {
    return first ? a : b;
  }

  static String supply(Supplier<String> supplier) {
    return supplier.get();
  }

  static int apply(IntUnaryOperator op, int value) {
    return op.applyAsInt(value);
  }

  static String both(Function<String, String> f, String value) {
    return f.apply(value);
  }

  static String named(String who) {
    log("named " + who);
    return "n" + who;
  }

  String tagged(String value) {
    return tag + value;
  }

  @Async
  String methodRefs() {
    String r1 = both(this::tagged, later("a"));
    String r2 = both(PolyExpressions::named, later("b"));
    PolyExpressions other = new PolyExpressions();
    String r3 = both(other::tagged, later("c"));
    Supplier<List<String>> make = pick(later(true), ArrayList::new, LinkedList::new);
    PolyExpressions none = null;
    try {
      both(none::tagged, later("d")); // the null receiver throws before later("d") runs
    } catch (NullPointerException e) {
      log("null receiver");
    }
    return r1 + r2 + r3 + make.get().getClass().getSimpleName();
  }

  /** A result typed only by its target, unless a witness types it: then methods are called on it. */
  @Async
  @SuppressWarnings("unchecked")
  static <R> R cast(Object o) {
    suspend(PARK);
    return (R) o;
  }

  @Async
  static String witnessed() {
    int n = PolyExpressions.<String>cast("abc").length() + PolyExpressions.<List<Integer>>cast(
        List.of(1, 2)).get(1);
    return n + PolyExpressions.<String>cast("d").toUpperCase();
  }

  /** Many awaits in one expression, each continuation a lambda in the previous one. */
  @Async
  static String many() {
    return witnessed() + "," + witnessed() + "," + witnessed() + "," + witnessed() + ","
        + witnessed() + "," + witnessed() + "," + witnessed() + "," + witnessed() + ","
        + witnessed() + "," + witnessed() + "," + witnessed() + "," + witnessed() + ","
        + witnessed() + "," + witnessed() + "," + witnessed() + "," + witnessed() + ","
        + witnessed() + "," + witnessed() + "," + witnessed() + "," + witnessed() + ","
        + later("x") + later("yz").length();
  }

  @Async
  public static Object run() {
    log(many());
    Function<Integer, Integer> f = later(3) > 2 ? v -> v * 2 : v -> v;
    int r = apply(v -> v + 1, later(41));
    Supplier<String> s = pick(later(true), () -> "x", () -> "y");
    List<String> empty = later(false) ? List.of() : new ArrayList<>();
    empty.add("e");
    Comparator<String> byLength = later(true) ? Comparator.comparing(String::length) : null;
    log(f.apply(4) + " " + r + " " + s.get() + " " + empty + " " + byLength.compare("aa", "b"));
    StringBuilder out = new StringBuilder();
    PolyExpressions p = new PolyExpressions();
    out.append(p.methodRefs());
    Function<String, String> upper = String::toUpperCase;
    out.append(both(upper, later("z")));
    return out.toString() + supplied(4).get() + found(null) + found("k") + listed(0) + listed(1)
        + listed(2) + suspendingReceivers() + typedByTheirTarget();
  }

  @Async
  static <T> T same(T value) {
    suspend(PARK);
    return value;
  }

  /** A generic call whose lambda or method reference argument only the target types. */
  @Async
  static String typedByTheirTarget() {
    Runnable r = same(() -> log("ran"));
    r.run();
    Supplier<List<String>> made = same(ArrayList::new);
    List<String> list = made.get();
    list.add("m");
    Function<String, Integer> length;
    length = same(String::length);
    String passed = supply(same(() -> log("supplied"))) + apply(same(v -> v * 3), 7);
    Comparator<String> reversed = same(new Comparator<>() {
      @Override
      public int compare(String a, String b) {
        return b.compareTo(a);
      }
    });
    passed += reversed.compare("a", "b");
    return list + " " + length.apply("four") + " " + returned().applyAsInt(20) + " " + passed;
  }

  @Async
  static IntUnaryOperator returned() {
    return same(v -> v + 1);
  }

  /** Method references whose receiver suspends: evaluated, and checked for null, at once. */
  @Async
  static String suspendingReceivers() {
    Supplier<String> upper = later("abc")::toUpperCase;
    Function<String, String> concat = log(later("x"))::concat;
    BiFunction<Integer, Integer, String> sub = (later(true) ? "hello" : "bye")::substring;
    String s = upper.get() + concat.apply("y") + sub.apply(1, 3);
    for (int i = 0; i < 2; i++) {
      IntSupplier each = later(Integer.valueOf(i * 7))::intValue;
      s += each.getAsInt();
    }
    try {
      Supplier<String> trimmed = later((String) null)::trim;
      s += "not here" + trimmed;
    } catch (NullPointerException e) {
      s += " npe";
    }
    return s;
  }

  /** A returned conditional or switch whose other branch needs the return type as its target. */
  @Async
  static Optional<String> found(String key) {
    return key == null ? Optional.empty() : Optional.of(later(key));
  }

  @Async
  static List<String> listed(int n) {
    return switch (n) {
      case 0 -> List.of();
      case 1 -> new ArrayList<>();
      default -> later(n) > 1 ? Collections.emptyList() : List.of(later("one"));
    };
  }

  @Async
  static Supplier<String> supplied(int n) {
    return later(n) > 3 ? () -> "big" : () -> "small";
  }
}
