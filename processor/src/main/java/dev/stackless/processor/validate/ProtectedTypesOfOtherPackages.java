package dev.stackless.processor.validate;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import dev.stackless.processor.diag.Diagnostic;
import dev.stackless.processor.diag.Reporter;
import dev.stackless.processor.read.LocalDeclarations;
import dev.stackless.processor.read.NameResolver;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * Reports a use, in an {@code @Async} body, of a protected nested class that the owner inherits
 * from a superclass of another package ({@code new Meta()} in {@code Sub extends q1.Base}): the
 * owner may name it, but the generated class, in the owner's package and no subclass, may not.
 */
public final class ProtectedTypesOfOtherPackages extends TreePathScanner<Void, Void> {
  private final Elements elements;
  private final NameResolver names;
  private final Reporter reporter;
  private final CompilationUnitTree unit;
  private final LocalDeclarations locals;
  private boolean reported;

  private ProtectedTypesOfOtherPackages(Elements elements, NameResolver names, Reporter reporter,
      CompilationUnitTree unit, LocalDeclarations locals) {
    this.elements = elements;
    this.names = names;
    this.reporter = reporter;
    this.unit = unit;
    this.locals = locals;
  }

  /** Reports the first such use in the method at {@code method}; returns whether there was one. */
  public static boolean check(Elements elements, NameResolver names, Reporter reporter,
      CompilationUnitTree unit, TreePath method) {
    ProtectedTypesOfOtherPackages check = new ProtectedTypesOfOtherPackages(
        elements, names, reporter, unit, LocalDeclarations.of(method));
    check.scan(method, null);
    return check.reported;
  }

  @Override
  public Void visitIdentifier(IdentifierTree node, Void unused) {
    if (!reported && locals.declarationOf(node) == null && names.field(node.getName().toString()) == null) {
      report(node, names.type(node.getName().toString()));
    }
    return null;
  }

  @Override
  public Void visitMemberSelect(MemberSelectTree node, Void unused) {
    if (!reported && isDottedName(node)) {
      String first = node.toString().split("\\.")[0];
      if (locals.declarationOf(leftmost(node)) == null && names.field(first) == null
          && report(node, names.typeOfQualifier(node.toString()))) {
        return null;
      }
    }
    return super.visitMemberSelect(node, unused);
  }

  private boolean report(Tree at, TypeElement type) {
    if (type == null || !type.getModifiers().contains(Modifier.PROTECTED)
        || elements.getPackageOf(type).equals(elements.getPackageOf(names.owner()))) {
      return false;
    }
    reporter.error(at, unit, Diagnostic.UNSUPPORTED,
        "the protected class " + type.getQualifiedName() + " of another package, which the"
            + " generated class (no subclass of " + type.getEnclosingElement().getSimpleName()
            + ") cannot name,",
        "make it public, or use it in a method of " + names.owner().getSimpleName()
            + " that the @Async body calls");
    reported = true;
    return true;
  }

  private static boolean isDottedName(Tree tree) {
    while (tree instanceof MemberSelectTree) {
      tree = ((MemberSelectTree) tree).getExpression();
    }
    return tree instanceof IdentifierTree;
  }

  private static IdentifierTree leftmost(MemberSelectTree select) {
    Tree tree = select;
    while (tree instanceof MemberSelectTree) {
      tree = ((MemberSelectTree) tree).getExpression();
    }
    return (IdentifierTree) tree;
  }
}
