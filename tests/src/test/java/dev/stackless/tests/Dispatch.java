package dev.stackless.tests;

import static dev.stackless.Keywords.*;

import dev.stackless.AnyFrame;
import dev.stackless.Async;

/** Owners whose @Async methods are overridden; line numbers matter: DispatchTest names them. */
class Dispatch {
  static AnyFrame parked;

  abstract static class Animal {
    @Async
    abstract String sound(int times);

    @Async
    String greet() {
      return "I say " + sound(2); // line 18
    }
  }

  static class Dog extends Animal {
    @Async
    @Override
    String sound(int times) {
      suspend(self -> parked = self);
      if (times < 0) {
        throw new IllegalArgumentException("negative " + times); // line 28
      }
      return "woof".repeat(times);
    }
  }

  /** An ordinary override, as a test double would be. */
  static class Cat extends Animal {
    @Override
    String sound(int times) {
      if (times < 0) {
        throw new IllegalArgumentException("cats count " + times); // line 39
      }
      return "meow".repeat(times);
    }
  }

  /** Overrides the template method too, and calls the one it overrides. */
  static class Puppy extends Dog {
    @Async
    @Override
    String greet() {
      String inherited = super.greet();
      suspend(self -> parked = self);
      return inherited + "!";
    }
  }

  @Async
  static String listen(Animal animal, int times) {
    return animal.sound(times) + "."; // line 58
  }
}
