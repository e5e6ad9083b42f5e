package dev.stackless.processor.read;

import java.util.List;
import java.util.function.BiPredicate;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.type.TypeMirror;

/** The last step of Java's overload resolution, for the readers that resolve calls themselves. */
final class Overloads {
  private Overloads() {}

  /**
   * Of the applicable overloads, the one more specific than every other (JLS 15.12.2.5): each of
   * its parameter types is {@code narrower} than (or the same as) the other's; null if none is.
   */
  static ExecutableElement mostSpecific(
      List<ExecutableElement> applicable, BiPredicate<TypeMirror, TypeMirror> narrower) {
    for (ExecutableElement one : applicable) {
      boolean mostSpecific = true;
      for (ExecutableElement other : applicable) {
        for (int i = 0; i < one.getParameters().size() && mostSpecific; i++) {
          mostSpecific = narrower.test(one.getParameters().get(i).asType(),
              other.getParameters().get(i).asType());
        }
      }
      if (mostSpecific) {
        return one;
      }
    }
    return null;
  }
}
