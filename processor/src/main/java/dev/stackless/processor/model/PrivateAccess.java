package dev.stackless.processor.model;

import java.util.LinkedHashMap;
import java.util.Map;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.VariableElement;

/**
 * The private fields and methods of an owner that its {@code @Async} bodies use. The generated
 * class reaches them through a private lookup ({@code MethodHandles.privateLookupIn}, allowed
 * because it lives in the owner's package and module) and small static accessors that the body's
 * code calls instead ({@code count$get()}, {@code count$set(v)}, {@code secret$call(self, a)}).
 */
public final class PrivateAccess {
  private final Map<String, VariableElement> fields = new LinkedHashMap<>();
  private final Map<String, ExecutableElement> methods = new LinkedHashMap<>();

  /** Records a field; returns the accessor prefix ({@code count$}). */
  public String field(VariableElement field) {
    fields.putIfAbsent(field.getSimpleName().toString(), field);
    return field.getSimpleName() + "$";
  }

  /** Records a method; returns the accessor's name ({@code secret$call}). */
  public String method(ExecutableElement method) {
    String key = method.getSimpleName() + "$" + method.getParameters().size();
    methods.putIfAbsent(key, method);
    return method.getSimpleName() + "$call" + method.getParameters().size();
  }

  public Map<String, VariableElement> fields() {
    return fields;
  }

  public Map<String, ExecutableElement> methods() {
    return methods;
  }

  public boolean isEmpty() {
    return fields.isEmpty() && methods.isEmpty();
  }
}
