package dev.stackless.fuzz.rt;

/** Thrown by a sink after too many effects; an Error, so no generated catch clause takes it. */
public final class Budget extends Error {
  public Budget() {
    super("effect budget exhausted", null, false, false);
  }
}
