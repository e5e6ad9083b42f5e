package dev.stackless.fuzz.rt;

/** What a deliberately broken transformation ({@code --mutate wrong-value}) calls: a wrong value. */
public final class Mutant {
  private Mutant() {}

  /** The value an await should have returned, slightly off. */
  public static Object off(Object value) {
    if (value instanceof Integer) {
      return (Integer) value + 1;
    }
    if (value instanceof Long) {
      return (Long) value + 1;
    }
    if (value instanceof Boolean) {
      return !(Boolean) value;
    }
    if (value instanceof String) {
      return value + "!";
    }
    return value;
  }
}
