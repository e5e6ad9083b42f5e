package programs;

import static dev.stackless.Keywords.*;
import static dev.stackless.tests.diff.Trace.*;

import dev.stackless.Async;
import java.util.*;
import java.util.function.*;

public class Calls {
  int hits;

  @Async
  int bump(int by) {
    suspend(PARK);
    hits += by;
    return hits;
  }

  @Async
  static int fib(int n) {
    if (n < 2) {
      suspend(PARK);
      return n;
    }
    int a = fib(n - 1);
    int b = fib(n - 2);
    return log(a + b);
  }

  @Async
  static <T extends Comparable<T>> T max(List<T> xs) {
    T best = null;
    for (T x : xs) {
      suspend(PARK);
      if (best == null || x.compareTo(best) > 0) best = x;
    }
    return best;
  }

  @Async
  static boolean isEven(int n) {
    suspend(PARK);
    return n % 2 == 0;
  }

  /** Overloads of one arity, one @Async and one not: the arguments' types choose, as in Java. */
  static String shape(String s) {
    return log("plain " + s);
  }

  @Async
  static String shape(int n) {
    suspend(PARK);
    return log("async " + n);
  }

  String shape(String s, long k) {
    return log("plain " + s + k);
  }

  @Async
  String shape(int n, Integer k) {
    suspend(PARK);
    return log("async " + n + k);
  }

  /** A variable-arity @Async overload next to plain ones: Java tries it only if none applies. */
  @Async
  static String mixed(int... all) {
    suspend(PARK);
    return log("async " + all.length);
  }

  @Async
  static String mixed(Object o) {
    suspend(PARK);
    return log("async object " + o);
  }

  static String mixed(double d) {
    return log("plain double " + d);
  }

  static String mixed(char a, char b) {
    return log("plain chars " + a + b);
  }

  /** @Async overloads static and not: the arguments choose, and only the instance one is called on this. */
  @Async
  String fetch(String key) {
    suspend(PARK);
    return log("instance " + key + hits);
  }

  @Async
  static String fetch(int index) {
    suspend(PARK);
    return log("static " + index);
  }

  /** Named like Stream.filter: a call of filter(lambda) on any receiver cannot be this one. */
  @Async
  static String filter(String s) {
    suspend(PARK);
    return log("filtered " + s);
  }

  /** Named like Stream.map, of an interface that is no functional one: map(lambda) is not it. */
  @Async
  static List<Integer> map(List<Integer> all) {
    suspend(PARK);
    return all;
  }

  @Async
  static String streams(int n) {
    String first = List.of("a", "bb", "ccc").stream().map(x -> x + n).filter(x -> x.length() > 2)
        .findFirst().orElse("none");
    long mapped = java.util.Map.of("a", map(List.of(1, n))).get("a").stream().map(x -> x + 1)
        .count() + java.util.Optional.of(List.of(n)).get().stream().map(x -> x * 2).count();
    return filter(first) + java.util.Optional.of(first).map(x -> x.length()).filter(k -> k > 0).get()
        + mapped;
  }

  @Async
  String fetchBoth(int n) {
    return fetch("k") + fetch(9) + this.fetch("t" + n) + fetch(n) + Calls.fetch(n + 1);
  }

  /** Java's phases choose: an int widens to long before it is boxed to Integer. */
  @Async
  static String phase(long v) {
    suspend(PARK);
    return log("long " + v);
  }

  static String phase(Integer v) {
    return log("Integer " + v);
  }

  /** Both apply in one phase: the most specific one is called (int before long, char, double). */
  @Async
  static String exact(int v) {
    suspend(PARK);
    return log("async int " + v);
  }

  static String exact(long v) {
    return log("plain long " + v);
  }

  static String pair(int a, char b) {
    return log("plain int,char " + a + b);
  }

  @Async
  static String pair(double a, double b) {
    suspend(PARK);
    return log("async double,double " + a + b);
  }

  @Async
  public static Object run() {
    short sh = 2;
    Integer boxedInt = 11;
    log(exact(3) + exact(sh) + exact('c') + exact(4L) + exact(boxedInt) + exact((byte) 1));
    log(pair(1, 'x') + pair(1, 2) + pair(1.5, 'y') + pair(sh, 'z') + pair(boxedInt, 'w'));
    Calls c = new Calls();
    int small = 6;
    Integer boxed = 7;
    log(phase(small) + phase(boxed) + phase(8) + phase(9L) + phase(Integer.valueOf(10)));
    log(mixed(8.5) + mixed(9f) + mixed('a', 'b') + mixed(1, 2, 3) + mixed() + mixed("s"));
    for (int round = 0; round < 2; round++) {
      double half = round / 2.0; // locals of the loop, whose types choose the overloads
      char mark = (char) ('x' + round);
      log(shape(round) + mixed(half) + mixed(mark, mark));
    }
    // the receiver's type, Optional<Integer>, is read from its inferred text: get() is an Integer
    log(phase(java.util.Optional.of(12).get()) + phase(List.of(13L).get(0)));
    String word = "w";
    int count = 4;
    char letter = 'x';
    log(shape("a") + shape(3) + shape(word) + shape(count) + shape(letter) + shape(word + count));
    for (int k : List.of(5, 6)) {
      log(shape(k)); // k is the loop's int here, a lambda's String below
    }
    java.util.function.Function<String, String> plainShape = k -> shape(k);
    log(plainShape.apply("k"));
    log(c.shape(word, 2) + c.shape(count, 5) + c.shape("s", count));
    log(c.fetchBoth(3) + streams(2));
    int first = c.bump(2);
    int second = c.bump(3);
    log(first + "," + second);
    int f = fib(6);
    String m = max(List.of("pear", "apple", "zebra", "fig"));
    log(m);
    int evens = 0;
    for (int i = 0; i < 5; i++) {
      if (isEven(i)) evens++;
    }
    long widened = fib(5);
    return f + "/" + evens + "/" + widened;
  }
}
