package dev.stackless.processor.read;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * How an {@code @Async} method takes part in Java's virtual dispatch (see
 * docs/lowering.md, "Overriding"):
 *
 * <ul>
 *   <li>a call of an {@linkplain #isOverridable overridable} one may run an override: its frame
 *       asks {@code dev.stackless.internal.Overrides} before it runs its body, and its generated
 *       class has a second factory, {@code m$super}, for {@code super.m(..)}, which never does;
 *   <li>an {@code @Async} method that overrides others ({@link #overridden}) gets one entry per
 *       erased signature it overrides, {@code m$override}, through which their frames start it.
 * </ul>
 */
public final class Overriding {
  private Overriding() {}

  /**
   * Whether a call of {@code method} may run another method's body: an instance method neither
   * private nor final, of a class or interface that is not final (a record, an enum without
   * constant bodies and a final class have no subclasses that could override it).
   */
  public static boolean isOverridable(ExecutableElement method) {
    Set<Modifier> modifiers = method.getModifiers();
    if (modifiers.contains(Modifier.STATIC)
        || modifiers.contains(Modifier.PRIVATE)
        || modifiers.contains(Modifier.FINAL)) {
      return false;
    }
    TypeElement owner = (TypeElement) method.getEnclosingElement();
    return !owner.getModifiers().contains(Modifier.FINAL)
        && !owner.getKind().name().equals("RECORD");
  }

  /** The methods of {@code owner}'s supertypes that {@code method} overrides, nearest first. */
  public static List<ExecutableElement> overridden(
      ExecutableElement method, TypeElement owner, Types types, Elements elements) {
    List<ExecutableElement> found = new ArrayList<>();
    if (method.getModifiers().contains(Modifier.STATIC)
        || method.getModifiers().contains(Modifier.PRIVATE)) {
      return found;
    }
    List<TypeMirror> pending = new ArrayList<>(types.directSupertypes(owner.asType()));
    Set<String> seen = new HashSet<>();
    while (!pending.isEmpty()) {
      TypeMirror supertype = pending.remove(0);
      Element superElement = types.asElement(supertype);
      if (!(superElement instanceof TypeElement) || !seen.add(superElement.toString())) {
        continue;
      }
      for (Element candidate : superElement.getEnclosedElements()) {
        if (candidate.getKind() == ElementKind.METHOD
            && candidate.getSimpleName().equals(method.getSimpleName())
            && elements.overrides(method, (ExecutableElement) candidate, owner)) {
          found.add((ExecutableElement) candidate);
        }
      }
      pending.addAll(types.directSupertypes(supertype));
    }
    return found;
  }

  /** {@link #overridden} that are {@code @Async}: the signatures an override entry serves. */
  public static List<ExecutableElement> overriddenAsync(
      ExecutableElement method, TypeElement owner, Types types, Elements elements) {
    List<ExecutableElement> async = new ArrayList<>();
    for (ExecutableElement candidate : overridden(method, owner, types, elements)) {
      if (Intrinsics.isAsync(candidate)) {
        async.add(candidate);
      }
    }
    return async;
  }
}
