package programs;

import static dev.stackless.Keywords.*;
import static dev.stackless.tests.diff.Trace.*;

import dev.stackless.Async;
import java.util.function.BiFunction;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * Method references through {@code super} ({@code super::tag}, {@code Greeter.super::greet}) made
 * in an {@code @Async} body and called after suspension points: they run the superclass's or
 * the interface's method, never the override, as in Java.
 */
public class SuperReferences {
  interface Greeter {
    default String greet(String who) {
      return log("hello " + who);
    }
  }

  static class Base {
    String tag(int n) {
      return log("base " + n);
    }

    String join(String a, int b) {
      return log("base join " + a + b);
    }

    @Override
    public String toString() {
      return "Base";
    }
  }

  static class Sub extends Base implements Greeter {
    int calls;

    @Override
    String tag(int n) {
      calls++;
      return log("sub " + n);
    }

    @Override
    String join(String a, int b) {
      return log("sub join " + a + b);
    }

    @Override
    public String greet(String who) {
      return log("hi " + who);
    }

    @Override
    public String toString() {
      return "Sub";
    }

    @Async
    String run(int n) {
      IntFunction<String> tag = super::tag;
      suspend(PARK);
      Supplier<String> name = super::toString;
      BiFunction<String, Integer, String> join = super::join;
      String s = tag.apply(n) + " " + tag(n + 1);
      suspend(PARK);
      java.util.function.Function<String, String> greet = Greeter.super::greet;
      for (int i = 0; i < 2; i++) {
        IntFunction<String> each = super::tag;
        suspend(PARK);
        s += " " + each.apply(i) + " " + join.apply("j", i);
      }
      return s + " " + name.get() + " " + greet.apply("you") + " " + greet("me") + " " + calls;
    }
  }

  @Async
  public static Object run() {
    return new Sub().run(3);
  }
}
