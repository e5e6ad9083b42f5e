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

/** Protected members reached with a qualifier: this., another instance's, the superclass's name. */
class QualifiedProtecteds extends Counting {
  @Async
  String run(QualifiedProtecteds other) {
    suspend(self -> Protecteds.parked = self);
    this.hits += 2;
    other.hits++;
    return this.hits + " " + other.hits + " " + (Counting.created > 0) + " " + this.hook("t")
        + " " + other.hook("o");
  }

  String runPlain(QualifiedProtecteds other) {
    this.hits += 2;
    other.hits++;
    return this.hits + " " + other.hits + " " + (Counting.created > 0) + " " + this.hook("t")
        + " " + other.hook("o");
  }
}

/**
 * Protected members of JDK classes, in a module that opens nothing: the generated class reaches
 * them through the owner, a subclass, as Java does.
 */
class JdkProtecteds extends java.util.ArrayList<String> implements Cloneable {
  @Async
  String run() {
    suspend(self -> Protecteds.parked = self);
    add("a");
    add("b");
    removeRange(0, 1);
    Object copy = clone();
    return modCount + " " + copy + " " + this.modCount;
  }

  String runPlain() {
    add("a");
    add("b");
    removeRange(0, 1);
    Object copy = clone();
    return modCount + " " + copy + " " + this.modCount;
  }
}

/** Inherited protected fields assigned from values that suspend: hits = v(..), hits -= v(..). */
class SuspendingProtecteds extends Counting {
  @Async
  int later(int v) {
    suspend(self -> Protecteds.parked = self);
    return v;
  }

  @Async
  String run() {
    hits = later(5);
    hits -= later(2);
    this.hits *= later(4);
    hits += later(hits);
    return hits + " " + hook("s");
  }

  String runPlain() {
    hits = 5;
    hits -= 2;
    this.hits *= 4;
    hits += hits;
    return hits + " " + hook("s");
  }

  /** Through another instance, the class and super: other.name += v, Cls.created += v, super.hits. */
  @Async
  String qualified(SuspendingProtecteds other) {
    int start = created;
    other.name += later(7);
    other.hits -= later(3) * 2;
    SuspendingProtecteds.created += later(100);
    dev.stackless.tests.lib.Counting.created -= later(50);
    other.hits = later(4) + other.hits;
    super.hits = later(9) + super.hits;
    super.hits *= later(2);
    super.name += "/" + later(super.hits);
    return other.name + other.hits + " " + name + hits + " " + (created - start);
  }

  String qualifiedPlain(SuspendingProtecteds other) {
    int start = created;
    other.name += 7;
    other.hits -= 3 * 2;
    SuspendingProtecteds.created += 100;
    dev.stackless.tests.lib.Counting.created -= 50;
    other.hits = 4 + other.hits;
    super.hits = 9 + super.hits;
    super.hits *= 2;
    super.name += "/" + super.hits;
    return other.name + other.hits + " " + name + hits + " " + (created - start);
  }
}

/** Protected methods of a generic superclass of another package: E is String here. */
class HeldStrings extends dev.stackless.tests.lib.Holding<String> {
  @Async
  String run() {
    keep("a");
    suspend(self -> Protecteds.parked = self);
    String s = last() + super.last().length();
    keep(s + s.length());
    suspend(self -> Protecteds.parked = self);
    return mapped(String::length) + " " + last().toUpperCase() + " " + mapped(v -> v + "!");
  }

  String runPlain() {
    keep("a");
    String s = last() + super.last().length();
    keep(s + s.length());
    return mapped(String::length) + " " + last().toUpperCase() + " " + mapped(v -> v + "!");
  }
}

/** The same, in a generic subclass: E is T. */
class Held<T> extends dev.stackless.tests.lib.Holding<T> {
  @Async
  String run(T first, T second) {
    keep(first);
    suspend(self -> Protecteds.parked = self);
    T was = super.last();
    keep(second);
    return was + "," + last() + "," + mapped(String::valueOf).length();
  }
}
