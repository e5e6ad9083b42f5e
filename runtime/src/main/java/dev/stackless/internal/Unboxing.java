package dev.stackless.internal;

/**
 * Java unboxes an operand of a numeric operator as soon as it has evaluated it: in {@code n -
 * await(f)} with {@code Integer n = null}, the {@code NullPointerException} comes before {@code
 * f} is awaited. Generated code keeps such an operand in a local across the suspension point and
 * calls {@link #now} on it first, which throws for a null box; the primitive overloads let a
 * primitive through without boxing it. Not API.
 */
public final class Unboxing {
  private Unboxing() {}

  /** Throws {@code NullPointerException} for a null box, as its unboxing would. */
  public static void now(Object box) {
    if (box == null) {
      throw new NullPointerException("cannot unbox null value");
    }
  }

  public static void now(int value) {}

  public static void now(long value) {}

  public static void now(double value) {}

  public static void now(float value) {}

  public static void now(short value) {}

  public static void now(byte value) {}

  public static void now(char value) {}

  public static void now(boolean value) {}
}
