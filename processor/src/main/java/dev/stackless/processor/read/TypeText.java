package dev.stackless.processor.read;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Reads back a type the reader wrote as source with qualified names ({@code
 * java.util.Map<java.lang.String, java.util.List<? extends java.lang.Number>>[]}) into javac's
 * type, so that members of a value typed only as text can be looked up ({@code names.get(1)} on a
 * block local of type {@code java.util.List<java.lang.String>}). Answers null for anything it does
 * not read: type variables, classes javac does not know, malformed text.
 */
final class TypeText {
  private final Elements elements;
  private final Types types;
  private final String text;
  private int at;

  private TypeText(Elements elements, Types types, String text) {
    this.elements = elements;
    this.types = types;
    this.text = text;
  }

  static TypeMirror parse(String text, Elements elements, Types types) {
    if (text == null) {
      return null;
    }
    TypeText reader = new TypeText(elements, types, text);
    TypeMirror type = reader.type();
    return type != null && reader.at == text.length() ? type : null;
  }

  private TypeMirror type() {
    TypeMirror type = typeWithoutBrackets();
    while (type != null && skip("[]")) {
      type = types.getArrayType(type);
    }
    return type;
  }

  private TypeMirror typeWithoutBrackets() {
    String name = name();
    if (name.isEmpty()) {
      return null;
    }
    for (TypeKind primitive : new TypeKind[] {TypeKind.BOOLEAN, TypeKind.BYTE, TypeKind.SHORT,
        TypeKind.INT, TypeKind.LONG, TypeKind.CHAR, TypeKind.FLOAT, TypeKind.DOUBLE}) {
      if (name.equals(primitive.name().toLowerCase(Locale.ROOT))) {
        return types.getPrimitiveType(primitive);
      }
    }
    TypeElement element = elements.getTypeElement(name);
    if (element == null) {
      return null;
    }
    List<TypeMirror> arguments = new ArrayList<>();
    if (skip("<")) {
      do {
        skipSpaces();
        TypeMirror argument = argument();
        if (argument == null) {
          return null;
        }
        arguments.add(argument);
        skipSpaces();
      } while (skip(","));
      if (!skip(">")) {
        return null;
      }
    }
    if (!arguments.isEmpty() && arguments.size() != element.getTypeParameters().size()) {
      return null;
    }
    try {
      return types.getDeclaredType(element, arguments.toArray(new TypeMirror[0]));
    } catch (IllegalArgumentException wrongArguments) {
      return null;
    }
  }

  /** A type argument: a type, {@code ?}, {@code ? extends T} or {@code ? super T}. */
  private TypeMirror argument() {
    if (!skip("?")) {
      return type();
    }
    for (String keyword : new String[] {" extends ", " super "}) {
      if (skip(keyword)) {
        TypeMirror bound = type();
        return bound == null ? null : keyword.equals(" extends ")
            ? types.getWildcardType(bound, null) : types.getWildcardType(null, bound);
      }
    }
    return types.getWildcardType(null, null);
  }

  private String name() {
    int start = at;
    while (at < text.length()
        && (Character.isJavaIdentifierPart(text.charAt(at)) || text.charAt(at) == '.')) {
      at++;
    }
    return text.substring(start, at);
  }

  /** Reads {@code token} if it comes next. */
  private boolean skip(String token) {
    if (!text.startsWith(token, at)) {
      return false;
    }
    at += token.length();
    return true;
  }

  private void skipSpaces() {
    while (at < text.length() && text.charAt(at) == ' ') {
      at++;
    }
  }
}
