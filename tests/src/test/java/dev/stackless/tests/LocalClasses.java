package dev.stackless.tests;

import static dev.stackless.Keywords.*;

import dev.stackless.AnyFrame;
import dev.stackless.Async;
import java.util.function.Supplier;

/** A local class and lambdas whose objects outlive the run of the frame that made them. */
class LocalClasses {
  static AnyFrame parked;

  @Async
  static Supplier<String> hold(String s) {
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

  @Async
  static Supplier<String> lambda(String s) {
    String t = s + "!";
    suspend(self -> parked = self);
    return () -> "lambda:" + s + t;
  }
}
