package dev.stackless.tests.lib;

import java.util.function.Function;

/** A generic superclass in another package, whose protected methods a subclass sees typed. */
public abstract class Holding<E> {
  protected E value;

  protected E last() {
    return value;
  }

  protected void keep(E e) {
    value = e;
  }

  protected <R> R mapped(Function<? super E, R> f) {
    return f.apply(value);
  }
}
