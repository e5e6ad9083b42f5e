package dev.stackless.processor.read;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;

/**
 * Thrown when the reader needs javac's type for a local and javac cannot give it yet, because the
 * type mentions a class that has not been generated: {@code var n = await(OtherAsync.f())} in the
 * round that generates {@code OtherAsync}. The driver then retries the whole owner in a later
 * round, when the class exists, or reports {@link #declaration} if no later round can help.
 */
public final class TypeNotKnownYet extends RuntimeException {
  private final transient Tree declaration;
  private final transient CompilationUnitTree unit;
  private final String reason;

  TypeNotKnownYet(Tree declaration, CompilationUnitTree unit, String reason) {
    super(null, null, false, false);
    this.declaration = declaration;
    this.unit = unit;
    this.reason = reason;
  }

  /** Why no round can help, for the message: what the type mentions that is not there. */
  public String reason() {
    return reason;
  }

  /** The declaration of the local whose type is not known. */
  public Tree declaration() {
    return declaration;
  }

  public CompilationUnitTree unit() {
    return unit;
  }
}
