package dev.stackless.internal;

/**
 * Converts an awaited result, which a frame holds as an object, to the primitive type the user's
 * code assigns it to. Java allows unboxing followed by widening ({@code long x = await(intFrame)}),
 * so the conversion goes by the runtime class rather than a cast to the target's box.
 */
public final class Results {
  private Results() {}

  public static boolean asBoolean(Object value) {
    return (Boolean) nonNull(value, "Boolean", "boolean");
  }

  public static byte asByte(Object value) {
    return (Byte) nonNull(value, "Byte", "byte");
  }

  public static short asShort(Object value) {
    nonNull(value, "Short", "short");
    return value instanceof Short ? (Short) value : (Byte) value;
  }

  public static char asChar(Object value) {
    return (Character) nonNull(value, "Character", "char");
  }

  public static int asInt(Object value) {
    nonNull(value, "Integer", "int");
    if (value instanceof Integer) {
      return (Integer) value;
    }
    if (value instanceof Character) {
      return (Character) value;
    }
    return asShort(value);
  }

  public static long asLong(Object value) {
    nonNull(value, "Long", "long");
    return value instanceof Long ? (Long) value : asInt(value);
  }

  public static float asFloat(Object value) {
    nonNull(value, "Float", "float");
    return value instanceof Float ? (Float) value : asLong(value);
  }

  public static double asDouble(Object value) {
    nonNull(value, "Double", "double");
    return value instanceof Double ? (Double) value : asFloat(value);
  }

  /**
   * Throws Java's exception for unboxing a null result, in its words, from the user's line (the
   * caller's): this class's own lines are taken off the top of its stack trace.
   */
  private static Object nonNull(Object value, String box, String primitive) {
    if (value != null) {
      return value;
    }
    NullPointerException e = new NullPointerException("Cannot invoke \"java.lang." + box + "."
        + primitive + "Value()\" because the awaited result is null");
    StackTraceElement[] trace = e.getStackTrace();
    int first = 0;
    while (first < trace.length && trace[first].getClassName().equals(Results.class.getName())) {
      first++;
    }
    e.setStackTrace(java.util.Arrays.copyOfRange(trace, first, trace.length));
    throw e;
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

  /**
   * The awaited result of a generic {@code @Async} method whose type variable only its result
   * mentions ({@code <T> T load(Object key)}), as the type the call's target infers: {@code
   * take(Results.inferred(value))} infers {@code String} from {@code take(String)}, as the user's
   * {@code take(load(key))} does. Unchecked, as the method's own {@code (T)} cast is: the caller's
   * cast to the inferred type checks it, where Java's does.
   */
  @SuppressWarnings("unchecked")
  public static <T> T inferred(Object value) {
    return (T) value;
  }

  /**
   * The value of a frame's field for a {@code var} of a type no source can write, the lub of a
   * conditional's branches ({@code var x = c ? 1 : "s";}, whose {@code Comparable<? extends ..>}
   * refers to itself), typed as that conditional: {@code lub(this.x, (Integer) null, (String)
   * null)} infers {@code T} as the lub of the two, as javac types the conditional. The field holds
   * a value of that type, so the unchecked cast is right.
   */
  @SuppressWarnings("unchecked")
  public static <T> T lub(Object value, T oneBranch, T otherBranch) {
    return (T) value;
  }

  /**
   * As {@link #lub}, for a {@code var} whose type mentions such a lub ({@code var nums =
   * List.of(1, 2.5)}, a {@code List<Number & Comparable<..>>}): typed as its initializer, which
   * {@code initializer} repeats and which never runs ({@code typedAs(this.nums, () ->
   * List.of(1, 2.5))}; locals in it are typed nulls, {@code (Integer) null}).
   */
  @SuppressWarnings("unchecked")
  public static <T> T typedAs(Object value, java.util.function.Supplier<T> initializer) {
    return (T) value;
  }

  /**
   * In such an initializer, {@code for (var n : nums)}'s variable: an element of the iterable,
   * typed as Java types it. Never runs.
   */
  public static <T> T element(Iterable<T> iterable) {
    throw new AssertionError("a type witness, never run");
  }

  /** As above, of an array. */
  public static <T> T element(T[] array) {
    throw new AssertionError("a type witness, never run");
  }

  /**
   * In such an initializer, an {@code @Async} call's result ({@code var xs = collect(1, 2.5)}):
   * the result of the frame its factory makes, typed as Java types the call. Never runs.
   */
  public static <T> T resultOf(dev.stackless.Frame<T> frame) {
    throw new AssertionError("a type witness, never run");
  }
}
