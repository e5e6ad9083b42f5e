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

  static class AsyncBase {
    @Async
    int base(Sched s, int n) {
      return Flows.later(s, "base", n) * 2;
    }
  }

  /** Calls of @Async methods through super, a cast and a type variable's bound. */
  static class Receivers extends AsyncBase {
    @Async
    int all(Sched s, Object o, AsyncBase typed) {
      int a = super.base(s, 1);
      int b = ((AsyncBase) o).base(s, 2);
      return a + b + through(s, typed);
    }

    @Async
    static <B extends AsyncBase> int through(Sched s, B b) {
      return b.base(s, 3);
    }

    int allPlain(Sched s, Object o, AsyncBase typed) {
      return Flows.laterPlain(s, "base", 1) * 2 + Flows.laterPlain(s, "base", 2) * 2
          + Flows.laterPlain(s, "base", 3) * 2;
    }
  }

  /** A further override does not change what super means in Derived. */
  static class MoreDerived extends Derived {
    @Override
    String greet(String name) {
      return "yo " + name;
    }
  }

  /** Fields of the superclass through {@code super}, one of them hidden by the subclass. */
  static class Counted {
    int count = 5;
    static int limit = 100;
    protected String name = "base";
  }

  static class Counting extends Counted {
    int count = 7; // hides Counted.count: super.count is the other one

    @Async
    String fields(Sched s, int d) {
      super.count += Flows.later(s, "add", d);
      super.count++;
      int before = super.count;
      super.name = super.name + Flows.later(s, "name", d);
      return before + " " + super.count + " " + count + " " + super.limit + " " + super.name;
    }

    String fieldsPlain(Sched s, int d) {
      super.count += Flows.laterPlain(s, "add", d);
      super.count++;
      int before = super.count;
      super.name = super.name + Flows.laterPlain(s, "name", d);
      return before + " " + super.count + " " + count + " " + super.limit + " " + super.name;
    }
  }
}
