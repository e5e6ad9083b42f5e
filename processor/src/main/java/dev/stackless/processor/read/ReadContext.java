package dev.stackless.processor.read;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.SourcePositions;
import dev.stackless.processor.diag.Reporter;
import dev.stackless.processor.model.JumpTarget;
import dev.stackless.processor.model.Local;
import java.util.Set;

/** What {@link CodeReader} needs to know about the body it reads a fragment of. */
interface ReadContext {
  CompilationUnitTree unit();

  CharSequence source();

  SourcePositions positions();

  NameResolver names();

  Reporter reporter();

  /** The receiver field's name for an instance method, null for a static one. */
  String receiverField();

  /** For {@code return e;}: the type to cast e to, or null when the method is void. */
  String returnType();

  /** Simple names that mean something else inside the generated class (its frame classes). */
  Set<String> generatedNames();

  /** Type variables in scope (the method's and, for instance methods, the owner's). */
  Set<String> typeVariables();

  /** The owner's private members the bodies use, reached through generated accessors. */
  dev.stackless.processor.model.PrivateAccess privates();

  /** The simple name of the generated class, which holds the accessors. */
  String generatedClass();

  /** The declared class of the body local or parameter named so, or null. */
  javax.lang.model.element.TypeElement localType(String name);

  /**
   * The class of a variable declared inside the fragment being read (a lambda's parameter, a
   * loop's variable), as javac's scope at {@code at} gives it; null if unknown.
   */
  javax.lang.model.element.TypeElement classInScope(com.sun.source.util.TreePath at, String name);

  /** The body-level local named so at the point being read, or null. */
  Local bodyLocal(String name);

  /** The class of a value as far as the declarations tell it ({@code m}, {@code this.mode}). */
  default javax.lang.model.element.TypeElement valueType(com.sun.source.tree.ExpressionTree value) {
    Intrinsics.Receiver receiver = Intrinsics.receiverOf(value, names(), this::localType);
    return receiver == null || receiver.isType ? null : receiver.type;
  }

  /** Whether a simple name means a body local or a field here (not, say, an enum's constant). */
  default boolean namesVariable(String name) {
    return bodyLocal(name) != null || names().field(name) != null;
  }

  /**
   * The lowered statement that a {@code break}/{@code continue} leaving the fragment targets, or
   * null if it targets a statement that stays plain Java.
   */
  JumpTarget jumpTarget(String label, boolean isContinue);

  /**
   * The body local that an {@code instanceof} pattern's variable is, when the reader made it one
   * (its scope may reach past a suspension point); null for a pattern that stays Java's.
   */
  Local bindingLocal(Tree patternVariable);

  /**
   * Whether the source level allows a pattern that always matches ({@code o instanceof Object
   * x}), which Java 21 does (JLS 15.20.2); Java 17 rejects it.
   */
  default boolean unconditionalPatterns() {
    return false;
  }

  /**
   * For a lambda or method reference at {@code at}: the abstract method of its functional
   * interface when that method's own signature mentions a private class ({@code interface Audit
   * { String audit(Op op); }}), which the generated class's lambda cannot take; else null.
   */
  default javax.lang.model.element.ExecutableElement functionOfPrivateClass(
      com.sun.source.util.TreePath at) {
    return null;
  }

  /** The switch expression being lowered around the fragment, for its yields; or null. */
  YieldTarget yieldTarget();

  /** Where a {@code yield} of a lowered switch expression sends its value, and then control. */
  record YieldTarget(dev.stackless.processor.model.ResultTarget result, JumpTarget exit) {}
}
