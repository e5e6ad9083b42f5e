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
