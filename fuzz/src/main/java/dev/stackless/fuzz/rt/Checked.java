package dev.stackless.fuzz.rt;

/** The checked exception generated programs throw and catch. */
public final class Checked extends Exception {
  public Checked(String message) {
    super(message);
  }
}
