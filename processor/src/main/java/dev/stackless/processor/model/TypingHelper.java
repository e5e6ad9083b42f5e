package dev.stackless.processor.model;

import java.util.List;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeParameterElement;
import javax.lang.model.type.TypeMirror;

/**
 * A static method of a frame class that only types: it gives an awaited value the type Java
 * infers for the {@code @Async} call it came from, in that call's context. {@code
 * take(load(new ArrayList<>()))} infers {@code load}'s {@code T} from {@code take}'s parameter,
 * which the value of a frame started on its own cannot carry; the generated code passes the
 * value through {@code $typed1(value, $typed2())}, and javac infers the same for that call.
 *
 * <p>Two kinds. A typed result, {@code <T> T $typed1(Object value, T t)}, mirrors the called
 * method's type variables, its result and the parameters that get a null or a poly argument; the
 * call passes those arguments again, as {@code null} or as a typed null. A typed null, {@code <E>
 * ArrayList<E> $typed2()}, stands for a poly argument ({@code new ArrayList<>()}, {@code
 * List.of()}): its type with the type arguments left to inference. Neither evaluates anything of
 * the user's.
 */
public final class TypingHelper {
  public final String name;
  /** For a typed result: the {@code @Async} method called; null for a typed null. */
  public final ExecutableElement method;
  /** For a typed result: the positions of the parameters it mirrors, after {@code value}. */
  public final List<Integer> parameters;
  /** For a typed null: the type variables its type is in; empty for a typed result. */
  public final List<TypeParameterElement> variables;
  /** For a typed null: its type ({@code ArrayList<E>}); null for a typed result. */
  public final TypeMirror type;
  /** For a typed null: the argument it stands for, as written, for its Javadoc. */
  public final String shown;

  private TypingHelper(String name, ExecutableElement method, List<Integer> parameters,
      List<? extends TypeParameterElement> variables, TypeMirror type, String shown) {
    this.name = name;
    this.method = method;
    this.parameters = List.copyOf(parameters);
    this.variables = List.copyOf(variables);
    this.type = type;
    this.shown = shown;
  }

  public static TypingHelper typedResult(String name, ExecutableElement method,
      List<Integer> parameters) {
    return new TypingHelper(name, method, parameters, List.of(), null, null);
  }

  public static TypingHelper typedNull(String name, List<? extends TypeParameterElement> variables,
      TypeMirror type, String shown) {
    return new TypingHelper(name, null, List.of(), variables, type, shown);
  }
}
