package dev.stackless.processor.model;

import java.util.List;
import javax.lang.model.element.ExecutableElement;

/** One {@code @Async} method as read: its signature in generated-code terms, and its body. */
public final class AsyncMethod {
  /** The user's method, the originating element of what is generated for it. */
  public final ExecutableElement element;
  /** {@code pkg.Owner.method}, for messages. */
  public final String displayName;
  /** The factory's name: the method's. */
  public final String name;
  /** The nested frame class's simple name: the method's in UpperCamelCase. */
  public final String frameClass;
  /** The owner as source, with its type variables, for an instance method; null if static. */
  public final String receiverType;
  /** The type variables the frame class declares: the owner's (instance methods), the method's. */
  public final List<javax.lang.model.element.TypeParameterElement> typeVariables;
  /** Just their names, in the same order. */
  public final List<String> typeVariableNames;
  /** The declared return type as source ({@code void} for none). */
  public final String returnType;
  public final List<Local> parameters;
  /** The factory's visibility: "public", "" (package), as the method allows. */
  public final String visibility;
  public final Stmt.Block body;
  /** Locals the reader made up (for-each cursors). */
  public final List<Local> syntheticLocals;
  /** The first line of the method, for the frame's Javadoc. */
  public final long line;
  /**
   * The local records, enums and interfaces of the body, which capture nothing: declared as
   * member types of the frame class, so that every state (and a field) can name them.
   */
  public final List<Code> localTypes;
  /** The static methods that type awaited values as Java types their calls (read.CallTyping). */
  public final List<TypingHelper> typingHelpers;
  /**
   * Whether a call may run an override instead of this body (read.Overriding): the frame then
   * dispatches first, and the generated class has a factory for {@code super.m(..)} too.
   */
  public final boolean overridable;
  /** The {@code @Async} methods of supertypes this one overrides: one entry per erasure. */
  public final List<ExecutableElement> overrides;

  public AsyncMethod(
      ExecutableElement element,
      String displayName,
      String name,
      String frameClass,
      String receiverType,
      List<javax.lang.model.element.TypeParameterElement> typeVariables,
      List<String> typeVariableNames,
      String returnType,
      List<Local> parameters,
      String visibility,
      Stmt.Block body,
      List<Local> syntheticLocals,
      long line,
      List<Code> localTypes,
      List<TypingHelper> typingHelpers,
      boolean overridable,
      List<ExecutableElement> overrides) {
    this.element = element;
    this.displayName = displayName;
    this.name = name;
    this.frameClass = frameClass;
    this.receiverType = receiverType;
    this.typeVariables = List.copyOf(typeVariables);
    this.typeVariableNames = List.copyOf(typeVariableNames);
    this.returnType = returnType;
    this.parameters = List.copyOf(parameters);
    this.visibility = visibility;
    this.body = body;
    this.syntheticLocals = List.copyOf(syntheticLocals);
    this.line = line;
    this.localTypes = List.copyOf(localTypes);
    this.typingHelpers = List.copyOf(typingHelpers);
    this.overridable = overridable;
    this.overrides = List.copyOf(overrides);
  }

  /** Whether the method has no body: its frame only dispatches. */
  public boolean isAbstract() {
    return element.getModifiers().contains(javax.lang.model.element.Modifier.ABSTRACT);
  }

  public boolean isVoid() {
    return returnType.equals("void");
  }
}
