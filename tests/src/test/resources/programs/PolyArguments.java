package programs;

import static dev.stackless.Keywords.*;
import static dev.stackless.tests.diff.Trace.*;

import dev.stackless.Async;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Arguments whose type comes from the parameter they are passed to (a diamond, a generic factory,
 * a conditional), evaluated before a later argument suspends; generic {@code @Async} calls whose
 * result's type only nulls and diamonds could tell, typed by where they are.
 */
public class PolyArguments {
  static class Box<T> {
    final List<T> items = new ArrayList<>();

    Box() {
      log("box");
    }
  }

  static class Holder {
    final String text;

    Holder(List<String> names, int n) {
      this.text = names + ":" + n;
    }
  }

  static <T> List<T> made(String what) {
    log(what);
    return new ArrayList<>();
  }

  static <T> T id(T t) {
    return t;
  }

  static <T> List<T> merge(List<T> list, T last) {
    List<T> merged = new ArrayList<>(list);
    merged.add(last);
    return log(merged);
  }

  static <T> String boxedWith(Box<T> box, T item) {
    box.items.add(item);
    return log(box.items.toString());
  }

  @Async
  static String later(String v) {
    log("later " + v);
    suspend(PARK);
    return v;
  }

  static String strings(List<String> list, int n) {
    return log(list + "/" + n);
  }

  static String boxed(Box<String> box, int n) {
    box.items.add("x" + n);
    return log(box.items.toString());
  }

  static String optional(Optional<String> o, Function<String, String> f, int n) {
    return log(o.map(f).orElse("none") + n);
  }

  @Async
  static int later(int v) {
    log("later " + v);
    suspend(PARK);
    return v;
  }

  /** Generic results that only the call's target types: T from take(String), from sizes. */
  @Async
  @SuppressWarnings("unchecked")
  static <T> T load(Object key) {
    suspend(PARK);
    return (T) (key instanceof String ? log("loaded " + key) : key);
  }

  @Async
  static <E> List<E> empties(int n) {
    suspend(PARK);
    return new ArrayList<>(log(n) > 0 ? List.of() : List.of());
  }

  static String take(String s) {
    return log("take " + s);
  }

  static String take(Object o) {
    return log("take object " + o);
  }

  @Async
  static <T> T echo(T t) {
    suspend(PARK);
    return t;
  }

  @Async
  static <N extends Number> N number(N n) {
    suspend(PARK);
    return n;
  }

  static <T> T first(List<T> list) {
    return list.isEmpty() ? null : list.get(0);
  }

  static String describe(Integer i) {
    return log("integer " + i);
  }

  static String describe(String s) {
    return log("string " + s);
  }

  static int sizes(List<String> names) {
    return names.size();
  }

  /** A generic method whose type arguments only the target tells, with a lambda argument. */
  @Async
  static <A, B> java.util.function.Function<A, B> lift(java.util.function.Function<A, B> f) {
    suspend(PARK);
    return f;
  }

  static String applied(java.util.function.Function<Integer, String> f) {
    return f.apply(log(2));
  }

  @Async
  static java.util.function.Function<Integer, String> lifted() {
    java.util.function.Function<Integer, String> stars = lift(n -> "*".repeat(n));
    log(stars.apply(3) + applied(lift(n -> "@".repeat(n))));
    java.util.function.Function<Integer, String> later;
    later = lift(n -> "#" + n);
    log(later.apply(4));
    return lift(n -> "=" + (n + 1));
  }

  @Async
  public static Object run() {
    log(lifted().apply(5));
    log(take(load("key")) + sizes(empties(2)) + " " + load(3));
    try {
      log(take(load(8))); // T is String: the cast at the call fails, as Java's does
    } catch (ClassCastException e) {
      log("cast");
    }
    String s = strings(new ArrayList<>(), later(1));
    s += strings(List.of(), later(2)) + strings(Collections.emptyList(), later(3));
    s += boxed(new Box<>(), later(4)); // the box is made first
    s += strings(made("made"), later(5));
    s += new Holder(new ArrayList<>(), later(6)).text;
    s += optional(Optional.empty(), Function.identity(), later(7));
    boolean left = log(s.length() % 2 == 0);
    s += strings(left ? new ArrayList<>() : List.of("w"), later(8));
    s += strings(later(9) > 8 ? List.of("z") : new ArrayList<>(), later(10));
    Holder[] all = {new Holder(Collections.emptyList(), later(11))};
    s += take(first(echo(new ArrayList<>()))); // take(String): T is ArrayList<String>
    s += take(first(echo(made("again")))) + take(first(echo(List.of())));
    Optional<String> none = Optional.ofNullable(echo(null));
    s += none.orElse("absent");
    s += describe(number(null)); // describe(Integer): N extends Number
    ArrayList<String> copy = new ArrayList<>(echo(new ArrayList<>()));
    copy.addAll(echo(Collections.emptyList()));
    copy.add(take(echo(null)));
    try {
      s += String.valueOf(echo(null)); // valueOf(char[]), as in Java
    } catch (NullPointerException e) {
      log("valueOf(char[])");
    }
    // a generic method's parameter: the argument is typed where it is passed, made before the suspension
    List<String> merged = merge(made("merge"), later("m"));
    merged = merge(List.of(), later("n"));
    merged.addAll(merge(Optional.<String>empty().isPresent() ? List.of() : made("cond"), later("o")));
    s += boxedWith(new Box<>(), later("p")) + merged;
    // a call that hands its argument through: its target types the lambda (id, requireNonNull)
    java.util.function.Supplier<String> supplied = id(echo(() -> log("supplied")));
    Function<String, Integer> length = java.util.Objects.requireNonNull(echo(String::length));
    s += supplied.get() + length.apply("four") + PolyArguments.<Function<Integer, String>>echo(
        n -> "#" + n).apply(later(5));
    return s + all[0].text + copy;
  }
}
