package dev.stackless.processor.model;

import java.util.List;
import java.util.stream.Collectors;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.TypeVariable;
import javax.lang.model.type.WildcardType;

/** Writes a type javac computed as Java source with qualified names, or says it cannot. */
public final class TypeSource {
  /**
   * The simple names of the runtime and JDK classes the generated code names, which it always
   * writes qualified (the user may have classes of these names) and frame classes never take.
   */
  public static final java.util.Set<String> QUALIFIED_RUNTIME_NAMES = java.util.Set.of("Frame",
      "Generated", "Lookup", "MethodHandles", "VarHandle", "MethodHandle", "Privates", "Overrides");

  private TypeSource() {}

  /**
   * An intersection type as a cast writes it, {@code java.util.AbstractList<java.lang.String> &
   * java.io.Serializable}; null if it is none or a bound cannot be written.
   */
  public static String printIntersection(TypeMirror type) {
    if (type.getKind() != TypeKind.INTERSECTION) {
      return null;
    }
    List<String> bounds = new java.util.ArrayList<>();
    for (TypeMirror bound : ((javax.lang.model.type.IntersectionType) type).getBounds()) {
      String printed = print(bound);
      if (printed == null) {
        return null;
      }
      bounds.add(printed);
    }
    return String.join(" & ", bounds);
  }

  /** The type as source, or null if it cannot be written (an error, captured or intersection type). */
  public static String print(TypeMirror type) {
    return print(type, variable -> {
      String name = variable.asElement().getSimpleName().toString();
      return name.startsWith("capture#") ? null : name;
    });
  }

  /**
   * The type as source with each type variable written as {@code variables} says (null: it cannot
   * be written), for a generic method's result with what a call infers for its variables.
   */
  public static String print(
      TypeMirror type, java.util.function.Function<TypeVariable, String> variables) {
    return print(type, variables, false);
  }

  /**
   * As {@link #print(TypeMirror)}, but a local record, enum, interface or class of the body is
   * written by its simple name, as the frame class declares it when objects of it live across a
   * suspension point ({@code var e = Col.X;}); anonymous classes still cannot be written.
   */
  public static String printNamingLocalTypes(TypeMirror type) {
    return print(type, variable -> {
      String name = variable.asElement().getSimpleName().toString();
      return name.startsWith("capture#") ? null : name;
    }, true);
  }

  private static String print(TypeMirror type,
      java.util.function.Function<TypeVariable, String> variables, boolean localTypes) {
    switch (type.getKind()) {
      case BOOLEAN:
      case BYTE:
      case SHORT:
      case INT:
      case LONG:
      case CHAR:
      case FLOAT:
      case DOUBLE:
      case VOID:
        return type.getKind().name().toLowerCase(java.util.Locale.ROOT);
      case ARRAY: {
        String component = print(((ArrayType) type).getComponentType(), variables, localTypes);
        return component == null ? null : component + "[]";
      }
      case TYPEVAR:
        return variables.apply((TypeVariable) type);
      case WILDCARD: {
        WildcardType wildcard = (WildcardType) type;
        if (wildcard.getExtendsBound() != null) {
          String bound = print(wildcard.getExtendsBound(), variables, localTypes);
          return bound == null ? null : "? extends " + bound;
        }
        if (wildcard.getSuperBound() != null) {
          String bound = print(wildcard.getSuperBound(), variables, localTypes);
          return bound == null ? null : "? super " + bound;
        }
        return "?";
      }
      case DECLARED: {
        DeclaredType declared = (DeclaredType) type;
        TypeElement element = (TypeElement) declared.asElement();
        boolean local = element.getNestingKind() == javax.lang.model.element.NestingKind.LOCAL;
        if ((local && !localTypes)
            || element.getNestingKind() == javax.lang.model.element.NestingKind.ANONYMOUS) {
          return null;
        }
        String name = local ? element.getSimpleName().toString()
            : element.getQualifiedName().toString();
        List<? extends TypeMirror> args = declared.getTypeArguments();
        if (args.isEmpty()) {
          return name;
        }
        List<String> printed = args.stream()
            .map(argument -> print(argument, variables, localTypes)).collect(Collectors.toList());
        if (printed.contains(null)) {
          return null;
        }
        return name + "<" + String.join(", ", printed) + ">";
      }
      default:
        return null;
    }
  }

  /**
   * The {@code java.lang} classes the owner's package hides with classes of the same simple name
   * ({@code p.Object}, {@code p.Throwable}): the generated code names those in full.
   */
  public static java.util.Set<String> shadowedLangNames(
      javax.lang.model.util.Elements elements, TypeElement owner) {
    java.util.Set<String> shadowed = new java.util.TreeSet<>();
    javax.lang.model.element.PackageElement pkg = elements.getPackageOf(owner);
    if (pkg.isUnnamed()) {
      return shadowed;
    }
    for (javax.lang.model.element.Element type : pkg.getEnclosedElements()) {
      String name = type.getSimpleName().toString();
      if (elements.getTypeElement("java.lang." + name) != null) {
        shadowed.add(name);
      }
    }
    return shadowed;
  }

  public static boolean isError(TypeMirror type) {
    return type.getKind() == TypeKind.ERROR;
  }

  /**
   * Whether the type, or a part of it (an array's component, a type argument, a wildcard's bound),
   * satisfies {@code test}.
   */
  public static boolean mentions(TypeMirror type, java.util.function.Predicate<TypeMirror> test) {
    if (test.test(type)) {
      return true;
    }
    switch (type.getKind()) {
      case ARRAY:
        return mentions(((ArrayType) type).getComponentType(), test);
      case WILDCARD: {
        WildcardType wildcard = (WildcardType) type;
        TypeMirror bound = wildcard.getExtendsBound() != null
            ? wildcard.getExtendsBound() : wildcard.getSuperBound();
        return bound != null && mentions(bound, test);
      }
      case DECLARED:
        return ((DeclaredType) type).getTypeArguments().stream()
            .anyMatch(argument -> mentions(argument, test));
      default:
        return false;
    }
  }

  /** Whether javac could not resolve the type or a part of it (a class not generated yet). */
  public static boolean mentionsError(TypeMirror type) {
    return mentions(type, t -> t.getKind() == TypeKind.ERROR);
  }

  /** Whether the type is or mentions a local or anonymous class, which no other class can name. */
  public static boolean mentionsLocalClass(TypeMirror type) {
    return mentions(type, t -> {
      if (t.getKind() != TypeKind.DECLARED) {
        return false;
      }
      javax.lang.model.element.NestingKind nesting =
          ((TypeElement) ((DeclaredType) t).asElement()).getNestingKind();
      return nesting == javax.lang.model.element.NestingKind.LOCAL
          || nesting == javax.lang.model.element.NestingKind.ANONYMOUS;
    });
  }

  /** Whether the type mentions a type variable that {@code declarer} does not declare. */
  public static boolean mentionsTypeVariableNotOf(
      TypeMirror type, javax.lang.model.element.Element declarer) {
    return mentions(type, t -> t.getKind() == TypeKind.TYPEVAR
        && !((TypeVariable) t).asElement().getEnclosingElement().equals(declarer));
  }

  /** Whether the type is or mentions the type variable {@code variable}. */
  public static boolean mentionsTypeVariable(
      TypeMirror type, javax.lang.model.element.TypeParameterElement variable) {
    return mentions(type, t -> t.getKind() == TypeKind.TYPEVAR
        && ((TypeVariable) t).asElement().equals(variable));
  }

  /** Whether the type is or mentions a type variable (its meaning depends on a call site). */
  public static boolean mentionsTypeVariable(TypeMirror type) {
    return mentions(type, t -> t.getKind() == TypeKind.TYPEVAR);
  }

  /** The boxed form of a primitive type name, or the name itself. */
  public static String boxed(String type) {
    switch (type) {
      case "boolean":
        return "java.lang.Boolean";
      case "byte":
        return "java.lang.Byte";
      case "short":
        return "java.lang.Short";
      case "int":
        return "java.lang.Integer";
      case "long":
        return "java.lang.Long";
      case "char":
        return "java.lang.Character";
      case "float":
        return "java.lang.Float";
      case "double":
        return "java.lang.Double";
      case "void":
        return "java.lang.Void";
      default:
        return type;
    }
  }

  /** The primitive type a box's name stands for ({@code java.lang.Integer}: int), or the name. */
  public static String unboxed(String type) {
    for (String primitive : List.of("boolean", "byte", "short", "int", "long", "char", "float",
        "double")) {
      if (boxed(primitive).equals(type)) {
        return primitive;
      }
    }
    return type;
  }

  public static boolean isPrimitive(String type) {
    return !boxed(type).equals(type) && !type.equals("void");
  }
}
