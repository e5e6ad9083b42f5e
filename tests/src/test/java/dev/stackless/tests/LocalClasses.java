package dev.stackless.tests;

import static dev.stackless.Keywords.*;

import dev.stackless.AnyFrame;
import dev.stackless.Async;
import java.util.function.Supplier;

/** A local class and lambdas whose objects outlive the run of the frame that made them. */
class LocalClasses {
  static AnyFrame parked;

  @Async
  static Supplier<String> keep(String s) {
    class Hold implements Supplier<String> {
      @Override
      public String get() {
        return "hold:" + s;
      }
    }
    Supplier<String> held = new Hold();
    suspend(self -> parked = self);
    return held;
  }

  static class Base implements Supplier<String> {
    final String first = get(); // the subclass's get, before its own fields are assigned

    @Override
    public String get() {
      return "base";
    }
  }

  @Async
  static Supplier<String> subclassed(String s) {
    class Sub extends Base {
      @Override
      public String get() {
        return "sub:" + s;
      }
    }
    Base made = new Sub();
    suspend(self -> parked = self);
    return () -> made.first + "/" + made.get();
  }

  @Async
  static Supplier<String> lambda(String s) {
    String t = s + "!";
    suspend(self -> parked = self);
    return () -> "lambda:" + s + t;
  }
}
