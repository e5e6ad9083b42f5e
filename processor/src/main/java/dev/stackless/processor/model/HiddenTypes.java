package dev.stackless.processor.model;

import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * The private classes of the owner's top-level class ({@code private static class Node}, {@code
 * private record Point}), which the body may use but the generated class, outside the nest,
 * cannot name. The frame holds their objects as their one visible supertype (the <em>stand-in</em>:
 * {@code Object}, or the one interface or class they implement or extend) and reaches every member
 * they declare through handles, as it does private members. A hidden class with no single such
 * supertype, or one the handles cannot express (generic, an inner class of a generic class, an
 * enum or interface), is reported where the body names it.
 */
public final class HiddenTypes {
  private final Types types;
  private final Elements elements;

  public HiddenTypes(Types types, Elements elements) {
    this.types = types;
    this.elements = elements;
  }

  /** Whether the class, or a class it is nested in, is private. */
  public static boolean isHidden(TypeElement type) {
    for (Element e = type; e instanceof TypeElement; e = e.getEnclosingElement()) {
      if (e.getModifiers().contains(Modifier.PRIVATE)) {
        return true;
      }
    }
    return false;
  }

  /** Whether the type is or mentions a hidden class. */
  public static boolean mentionsHidden(TypeMirror type) {
    return TypeSource.mentions(type, t -> t.getKind() == TypeKind.DECLARED
        && isHidden((TypeElement) ((DeclaredType) t).asElement()));
  }

  /** Whether a member's type or signature mentions a hidden class. */
  public static boolean signatureMentionsHidden(Element member) {
    if (member instanceof VariableElement) {
      return mentionsHidden(member.asType());
    }
    if (member instanceof ExecutableElement) {
      ExecutableElement method = (ExecutableElement) member;
      if (mentionsHidden(method.getReturnType())) {
        return true;
      }
      for (VariableElement parameter : method.getParameters()) {
        if (mentionsHidden(parameter.asType())) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Whether the generated class must reach {@code member} through an accessor: it is private,
   * declared in a hidden class, or its signature names one (a direct use would have to name it).
   * A method of a hidden class that overrides one of its stand-in's ({@code toString}) is called
   * on the stand-in instead, which dispatches to it as Java does.
   */
  public boolean needsAccessor(Element member) {
    if (member.getModifiers().contains(Modifier.PRIVATE) || signatureMentionsHidden(member)) {
      return true;
    }
    if (!(member.getEnclosingElement() instanceof TypeElement)) {
      return false;
    }
    TypeElement site = (TypeElement) member.getEnclosingElement();
    if (!isHidden(site)) {
      return false;
    }
    return !(member instanceof ExecutableElement && overridesVisible((ExecutableElement) member));
  }

  /** Whether a method of a hidden class overrides a method of a class outside the hidden ones. */
  private boolean overridesVisible(ExecutableElement method) {
    if (method.getKind() != ElementKind.METHOD || method.getModifiers().contains(Modifier.STATIC)) {
      return false;
    }
    TypeElement site = (TypeElement) method.getEnclosingElement();
    TypeMirror standIn = standIn(site);
    if (standIn == null) {
      return false;
    }
    for (TypeElement type : supertypesOf(types.erasure(standIn))) {
      for (Element other : type.getEnclosedElements()) {
        if (other instanceof ExecutableElement
            && other.getSimpleName().contentEquals(method.getSimpleName())
            && !other.getModifiers().contains(Modifier.PRIVATE)
            && !other.getModifiers().contains(Modifier.STATIC)
            && elements.overrides(method, (ExecutableElement) other, site)) {
          return true;
        }
      }
    }
    return false;
  }

  private java.util.List<TypeElement> supertypesOf(TypeMirror type) {
    java.util.List<TypeElement> all = new java.util.ArrayList<>();
    java.util.Deque<TypeMirror> pending = new java.util.ArrayDeque<>(java.util.List.of(type));
    while (!pending.isEmpty()) {
      TypeMirror next = pending.pop();
      if (next.getKind() == TypeKind.DECLARED) {
        TypeElement element = (TypeElement) ((DeclaredType) next).asElement();
        if (!all.contains(element)) {
          all.add(element);
          pending.addAll(types.directSupertypes(next));
        }
      }
    }
    return all;
  }

  /**
   * The visible type the frame holds a hidden class's objects as: its single supertype other than
   * {@code Object} and {@code Record} (erased if it names a hidden class), else {@code Object};
   * null if it cannot have one (see {@link #whyNot}).
   */
  public TypeMirror standIn(TypeElement hidden) {
    if (whyNot(hidden) != null) {
      return null;
    }
    TypeMirror found = null;
    for (TypeMirror supertype : visibleSupertypes(hidden)) {
      found = supertype;
    }
    if (found == null) {
      return elements.getTypeElement("java.lang.Object").asType();
    }
    return mentionsHidden(found) ? types.erasure(found) : found;
  }

  /**
   * A hidden class without a stand-in that the member's class is, or its type or signature
   * mentions; or null. The generated class could not write such a member's accessor.
   */
  public TypeElement withoutStandIn(Element member) {
    java.util.List<TypeMirror> mentioned = new java.util.ArrayList<>();
    mentioned.add(member.getEnclosingElement().asType());
    if (member instanceof ExecutableElement) {
      mentioned.add(((ExecutableElement) member).getReturnType());
      for (VariableElement parameter : ((ExecutableElement) member).getParameters()) {
        mentioned.add(parameter.asType());
      }
    } else {
      mentioned.add(member.asType());
    }
    TypeElement[] found = {null};
    for (TypeMirror type : mentioned) {
      TypeSource.mentions(type, t -> {
        if (t.getKind() == TypeKind.DECLARED) {
          TypeElement element = (TypeElement) ((DeclaredType) t).asElement();
          if (isHidden(element) && whyNot(element) != null && found[0] == null) {
            found[0] = element;
          }
        }
        return false;
      });
    }
    return found[0];
  }

  /** Why a hidden class cannot have a stand-in, or null if it can. */
  public String whyNot(TypeElement hidden) {
    if (hidden.getKind() == ElementKind.ENUM) {
      // held as java.lang.Enum, whose name() and ordinal() the switches on it use
      return hidden.getInterfaces().isEmpty() ? null : "a private enum that implements interfaces";
    }
    if (hidden.getKind() != ElementKind.CLASS && !hidden.getKind().name().equals("RECORD")) {
      return "a private interface";
    }
    if (!hidden.getTypeParameters().isEmpty()) {
      return "a generic private class";
    }
    for (Element e = hidden; e instanceof TypeElement; e = e.getEnclosingElement()) {
      if (e.getEnclosingElement() instanceof TypeElement && !e.getModifiers().contains(Modifier.STATIC)
          && e.getKind() == ElementKind.CLASS
          && !((TypeElement) e.getEnclosingElement()).getTypeParameters().isEmpty()) {
        return "a private inner class of a generic class";
      }
    }
    java.util.List<TypeMirror> supertypes = visibleSupertypes(hidden);
    for (TypeMirror supertype : supertypes) {
      if (isHidden((TypeElement) ((DeclaredType) supertype).asElement())) {
        return "a private class that extends or implements another private class";
      }
    }
    if (supertypes.size() > 1) {
      return "a private class with more than one supertype besides Object";
    }
    return null;
  }

  private java.util.List<TypeMirror> visibleSupertypes(TypeElement hidden) {
    java.util.List<TypeMirror> supertypes = new java.util.ArrayList<>();
    TypeMirror superclass = hidden.getSuperclass();
    if (superclass.getKind() == TypeKind.DECLARED) {
      String name = ((TypeElement) ((DeclaredType) superclass).asElement()).getQualifiedName()
          .toString();
      if (!name.equals("java.lang.Object") && !name.equals("java.lang.Record")) {
        supertypes.add(superclass);
      }
    }
    supertypes.addAll(hidden.getInterfaces());
    return supertypes;
  }

  /** The type as source with each hidden class written as its stand-in, or null if it cannot be. */
  public String printVisible(TypeMirror type) {
    if (!mentionsHidden(type)) {
      return TypeSource.print(type);
    }
    if (type.getKind() == TypeKind.DECLARED) {
      DeclaredType declared = (DeclaredType) type;
      TypeElement element = (TypeElement) declared.asElement();
      if (isHidden(element)) {
        TypeMirror standIn = standIn(element);
        return standIn == null ? null : TypeSource.print(standIn);
      }
      StringBuilder printed = new StringBuilder(element.getQualifiedName()).append('<');
      String separator = "";
      java.util.List<? extends TypeMirror> arguments = declared.getTypeArguments();
      for (int i = 0; i < arguments.size(); i++) {
        TypeMirror argument = arguments.get(i);
        if (argument.getKind() == TypeKind.DECLARED
            && isHidden((TypeElement) ((DeclaredType) argument).asElement())
            && !standInMeetsBounds(element, i, (TypeElement) ((DeclaredType) argument).asElement())) {
          return null; // EnumSet<Color>: EnumSet<Enum> is no type
        }
        String part = printVisible(argument);
        if (part == null) {
          return null;
        }
        printed.append(separator).append(part);
        separator = ", ";
      }
      return printed.append('>').toString();
    }
    if (type.getKind() == TypeKind.WILDCARD) {
      javax.lang.model.type.WildcardType wildcard = (javax.lang.model.type.WildcardType) type;
      if (wildcard.getExtendsBound() != null) {
        String bound = printVisible(wildcard.getExtendsBound());
        return bound == null ? null : "? extends " + bound;
      }
      String bound = printVisible(wildcard.getSuperBound());
      return bound == null ? null : "? super " + bound;
    }
    return null; // an array of a hidden class: its runtime class is hidden too
  }

  /**
   * A hidden class the type has as a type argument that its stand-in cannot replace (see {@link
   * #standInMeetsBounds}), or null.
   */
  public TypeElement argumentWithoutStandIn(TypeMirror type) {
    TypeElement[] found = {null};
    TypeSource.mentions(type, t -> {
      if (found[0] == null && t.getKind() == TypeKind.DECLARED) {
        DeclaredType declared = (DeclaredType) t;
        java.util.List<? extends TypeMirror> arguments = declared.getTypeArguments();
        for (int i = 0; i < arguments.size(); i++) {
          if (arguments.get(i).getKind() == TypeKind.DECLARED) {
            TypeElement argument = (TypeElement) ((DeclaredType) arguments.get(i)).asElement();
            if (isHidden(argument) && !standInMeetsBounds(
                (TypeElement) declared.asElement(), i, argument)) {
              found[0] = argument;
            }
          }
        }
      }
      return false;
    });
    return found[0];
  }

  /**
   * Whether the stand-in of {@code hidden} is a type argument {@code generic} takes at {@code
   * index}: not for a bound that names a type variable ({@code E extends Enum<E>} of {@code
   * EnumSet}, {@code T extends Comparable<T>}), which only the class itself meets.
   */
  public boolean standInMeetsBounds(TypeElement generic, int index, TypeElement hidden) {
    if (index >= generic.getTypeParameters().size()) {
      return true; // javac reports the arity
    }
    TypeMirror standIn = standIn(hidden);
    for (TypeMirror bound : generic.getTypeParameters().get(index).getBounds()) {
      if (TypeSource.mentionsTypeVariable(bound) || standIn == null
          || !types.isSubtype(types.erasure(standIn), types.erasure(bound))) {
        return false;
      }
    }
    return true;
  }

  /**
   * The generated source with each name of a hidden class of {@code owner}'s nest that has a
   * stand-in ({@code app.Outer.Node}, {@code Outer.Node}) written as the stand-in, outside string
   * and character literals and comments: the types the lowering wrote from the model (a local's
   * declared type, a cast to it, a type witness) name the class itself.
   */
  public String writeStandIns(String source, TypeElement owner) {
    String prefix = packagePrefix(owner);
    java.util.Map<String, String> replacements = new java.util.TreeMap<>(
        java.util.Comparator.comparingInt(String::length).reversed()
            .thenComparing(java.util.Comparator.naturalOrder()));
    for (TypeElement type : hiddenOfNest(owner)) {
      TypeMirror standIn = standIn(type);
      if (standIn != null) {
        String qualified = type.getQualifiedName().toString();
        replacements.put(qualified, TypeSource.print(standIn));
        replacements.put(qualified.substring(prefix.length()), TypeSource.print(standIn));
      }
    }
    if (replacements.isEmpty()) {
      return source;
    }
    StringBuilder out = new StringBuilder(source.length());
    int i = 0;
    while (i < source.length()) {
      int skip = JavaText.literalOrCommentEnd(source, i, source.length());
      if (skip > i) {
        out.append(source, i, skip);
        i = skip;
        continue;
      }
      boolean replaced = false;
      if (i == 0 || !isNamePart(source.charAt(i - 1)) && source.charAt(i - 1) != '.') {
        for (java.util.Map.Entry<String, String> entry : replacements.entrySet()) {
          int end = i + entry.getKey().length();
          if (source.startsWith(entry.getKey(), i)
              && (end == source.length() || !isNamePart(source.charAt(end)))) {
            out.append(entry.getValue());
            i = end;
            replaced = true;
            break;
          }
        }
      }
      if (!replaced) {
        out.append(source.charAt(i++));
      }
    }
    return out.toString();
  }

  /**
   * A hidden class of {@code owner}'s nest whose name ({@code p.Outer.Node} or {@code Outer.Node})
   * the generated source still mentions, or null: a last check, as javac would reject it.
   */
  public static TypeElement namedIn(String source, TypeElement owner) {
    source = JavaText.withoutCommentsAndLiterals(source); // Javadoc may name it: javac ignores it
    String prefix = packagePrefix(owner);
    for (TypeElement type : hiddenOfNest(owner)) {
      String canonical = type.getQualifiedName().toString().substring(prefix.length());
      java.util.regex.Pattern name = java.util.regex.Pattern.compile("(?<![\\w$.])(?:"
          + java.util.regex.Pattern.quote(prefix) + ")?" + java.util.regex.Pattern.quote(canonical)
          + "(?![\\w$])");
      if (name.matcher(source).find()) {
        return type;
      }
    }
    return null;
  }

  /** The hidden classes of the top-level class {@code owner} is in, outer ones first. */
  public static java.util.List<TypeElement> hiddenOfNest(TypeElement owner) {
    java.util.List<TypeElement> hidden = new java.util.ArrayList<>();
    java.util.Deque<TypeElement> pending = new java.util.ArrayDeque<>(java.util.List.of(top(owner)));
    while (!pending.isEmpty()) {
      TypeElement type = pending.pop();
      javax.lang.model.util.ElementFilter.typesIn(type.getEnclosedElements()).forEach(pending::add);
      if (isHidden(type)) {
        hidden.add(type);
      }
    }
    return hidden;
  }

  private static TypeElement top(TypeElement type) {
    while (type.getEnclosingElement() instanceof TypeElement) {
      type = (TypeElement) type.getEnclosingElement();
    }
    return type;
  }

  /** {@code p.} for a class of package {@code p}, empty in the unnamed package. */
  private static String packagePrefix(TypeElement owner) {
    TypeElement top = top(owner);
    String name = top.getQualifiedName().toString();
    return name.substring(0, name.length() - top.getSimpleName().length());
  }

  private static boolean isNamePart(char c) {
    return Character.isJavaIdentifierPart(c);
  }
}
