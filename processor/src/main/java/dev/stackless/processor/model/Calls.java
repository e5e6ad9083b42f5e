package dev.stackless.processor.model;

import java.util.Set;

/**
 * The generated class's member class {@code Calls<T>}, for the instance {@code @Async} methods
 * that are overloaded in a generic class (or an inner class of one): an instance holds a
 * receiver and has a method per overload, with the overload's own parameter types, that starts
 * it ({@code new BoxAsync.Calls<>(box).put("s")}). On a {@code Box<Object>}, Java chooses {@code
 * put(String)} over {@code put(T)} by the receiver's type arguments; between the factories {@code
 * <T> put(Box<T>, T)} and {@code <T> put(Box<T>, String)} javac finds no most specific one (JLS
 * 15.12.2.5), but between the methods of a {@code Calls<Object>} it finds the one Java does.
 */
public final class Calls {
  /** None: the owner has no such overloads, and the generated class no {@code Calls}. */
  public static final Calls NONE = new Calls("", Set.of());

  /** {@code Calls}, or {@code CallsFrame} when the generated class must write that name as it is. */
  public final String className;
  /** The names of the methods called through it. */
  public final Set<String> methods;

  public Calls(String className, Set<String> methods) {
    this.className = className;
    this.methods = Set.copyOf(methods);
  }
}
