package dev.stackless.internal;

/**
 * Converts an awaited result, which a frame holds as an object, to the primitive type the user's
 * code assigns it to. Java allows unboxing followed by widening ({@code long x = await(intFrame)}),
 * so the conversion goes by the runtime class rather than a cast to the target's box.
 */
public final class Results {
  private Results() {}

  public static boolean asBoolean(Object value) {
    return (Boolean) value;
  }

  public static byte asByte(Object value) {
    return (Byte) value;
  }

  public static short asShort(Object value) {
    return value instanceof Short ? (Short) value : (Byte) value;
  }

  public static char asChar(Object value) {
    return (Character) value;
  }

  public static int asInt(Object value) {
    if (value instanceof Integer) {
      return (Integer) value;
    }
    if (value instanceof Character) {
      return (Character) value;
    }
    return asShort(value);
  }

  public static long asLong(Object value) {
    return value instanceof Long ? (Long) value : asInt(value);
  }

  public static float asFloat(Object value) {
    return value instanceof Float ? (Float) value : asLong(value);
  }

  public static double asDouble(Object value) {
    return value instanceof Double ? (Double) value : asFloat(value);
  }

  /**
   * The value of a {@code return} in a frame, whose {@code step()} returns {@code Object}: called
   * as {@code Results.<List<String>>returning(new ArrayList<>())}, so that the expression gets the
   * method's return type as its target, as in the user's {@code return} (a cast would not: {@code
   * (List<String>) new ArrayList<>()} infers {@code ArrayList<Object>} and does not compile).
   */
  public static <T> T returning(T value) {
    return value;
  }
}
