package dev.stackless.fuzz.rt;

/** The enum generated programs switch on. */
public enum Color {
  RED,
  GREEN,
  BLUE
}
