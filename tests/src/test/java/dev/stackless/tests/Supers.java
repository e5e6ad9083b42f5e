package dev.stackless.tests;

import static dev.stackless.Keywords.*;

import dev.stackless.Async;

/**
 * {@code super} calls in {@code @Async} methods, which call the superclass's method, not the
 * override ({@link SupersTest}).
 */
class Supers {

  static class Base {
    String greet(String name) {
      return "hello " + name;
    }

    int size() {
      return 1;
    }
  }

  static class Derived extends Base {
    @Override
    String greet(String name) {
      return "hi " + name;
    }

    @Override
    int size() {
      return 2;
    }

    @Async
    String both(Sched s, String name) {
      String mine = greet(name);
      Flows.later(s, "both", 0);
      return mine + " / " + super.greet(name) + " / " + (super.size() + size());
    }

    String bothPlain(Sched s, String name) {
      String mine = greet(name);
      Flows.laterPlain(s, "both", 0);
      return mine + " / " + super.greet(name) + " / " + (super.size() + size());
    }
  }

  /** A further override does not change what super means in Derived. */
  static class MoreDerived extends Derived {
    @Override
    String greet(String name) {
      return "yo " + name;
    }
  }
}
