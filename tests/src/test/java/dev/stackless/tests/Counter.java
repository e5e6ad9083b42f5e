package dev.stackless.tests;

import static dev.stackless.Keywords.*;

import dev.stackless.AnyFrame;
import dev.stackless.Async;

/** Instance {@code @Async} methods: the receiver's fields across suspension points. */
class Counter {
  final Sched s;
  int total;
  int last;
  AnyFrame parked;

  Counter(Sched s) {
    this.s = s;
  }

  /** Adds {@code d} after a suspension through a static {@code @Async} method of another owner. */
  @Async
  int add(int d) {
    int v = Flows.tick(s, "add", d);
    total = total + v;
    return total;
  }

  static int addPlain(Counter c, int d) {
    int v = Flows.tickPlain(c.s, "add", d);
    c.total = c.total + v;
    return c.total;
  }

  /** Calls its own instance {@code @Async} method, plainly and through {@code this}. */
  @Async
  int addTwice(int d) {
    add(d);
    int r = this.add(d);
    last = add(0);
    return r;
  }

  static int addTwicePlain(Counter c, int d) {
    addPlain(c, d);
    int r = addPlain(c, d);
    c.last = addPlain(c, 0);
    return r;
  }

  /** Parks itself in a field of the receiver. */
  @Async
  int parkInField(int value) {
    suspend(self -> {
      parked = self;
    });
    total = total + value;
    return total;
  }

  /** A generic instance method. */
  @Async
  <T> T hold(T value) {
    T held = Flows.echo(s, value);
    total = total + 1;
    return held;
  }
}
