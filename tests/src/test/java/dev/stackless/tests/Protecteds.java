package dev.stackless.tests;

import static dev.stackless.Keywords.*;

import dev.stackless.AnyFrame;
import dev.stackless.Async;
import dev.stackless.tests.lib.Counting;

/** Protected members inherited from a class in another package, in an @Async body and plain. */
class Protecteds extends Counting {
  static AnyFrame parked;

  @Override
  protected String hook(String s) {
    return "[" + super.hook(s) + "]"; // the override runs, as a virtual call does
  }

  @Async
  String run(int times) {
    for (int i = 0; i < times; i++) {
      suspend(self -> parked = self);
      hits++;
      hits += i;
    }
    return hook("x") + hits + " " + created;
  }

  String runPlain(int times) {
    for (int i = 0; i < times; i++) {
      hits++;
      hits += i;
    }
    return hook("x") + hits + " " + created;
  }
}

/** A field that hides the protected one of the superclass in another package: its own is used. */
class Hiding extends Counting {
  protected String name = "hiding";

  @Async
  String names() {
    suspend(self -> Protecteds.parked = self);
    // a protected static of the superclass, qualified by its class: the generated class's accessor
    return name + "/" + this.name + Counting.tag("q") + dev.stackless.tests.lib.Counting.tag("z");
  }
}
