package dev.stackless.internal;

/**
 * Whether {@code assert} statements of a class run, for an {@code assert} that the processor moved
 * into a frame class: javac asks the status of the outermost class once, when the class holding
 * the assert is initialised; the generated class asks on the first assert it runs, of the same
 * class, and keeps the answer.
 */
public final class Assertions {
  private static final ClassValue<Boolean> ENABLED = new ClassValue<>() {
    @Override
    protected Boolean computeValue(Class<?> type) {
      return type.desiredAssertionStatus();
    }
  };

  private Assertions() {}

  /** The assertion status of {@code outermost}, the class javac would ask. */
  public static boolean enabled(Class<?> outermost) {
    return ENABLED.get(outermost);
  }
}
