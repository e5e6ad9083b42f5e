package dev.stackless.processor.read;

import com.sun.source.tree.BlockTree;
import com.sun.source.tree.CaseTree;
import com.sun.source.tree.CatchTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.SwitchTree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Which local declaration each simple name in a method body refers to, known before the reader
 * reaches the declaration. The reader asks whether a statement suspends before it reads the
 * statement, so before it has declared the locals inside ({@code for (Client c : cs) r +=
 * c.fetch(u);}): whether {@code c.fetch(u)} calls an {@code @Async} method depends on the class of
 * {@code c}, declared in the loop. Scopes as Java's, a pattern's variable from its declaration to
 * the end of the enclosing block (Java's flow scoping is narrower, and javac has checked it).
 */
public final class LocalDeclarations {
  private final Map<IdentifierTree, TreePath> declarations = new IdentityHashMap<>();

  private LocalDeclarations() {}

  /** The declarations of the body of the method at {@code method}, its parameters included. */
  public static LocalDeclarations of(TreePath method) {
    LocalDeclarations found = new LocalDeclarations();
    new Scanner(found.declarations).scan(method, null);
    return found;
  }

  /** The declaration that the name {@code use} refers to, or null for a field, a type, etc. */
  public TreePath declarationOf(IdentifierTree use) {
    return declarations.get(use);
  }

  private static final class Scanner extends TreePathScanner<Void, Void> {
    private final Map<IdentifierTree, TreePath> declarations;
    private final Deque<Map<String, TreePath>> scopes = new ArrayDeque<>();

    Scanner(Map<IdentifierTree, TreePath> declarations) {
      this.declarations = declarations;
      scopes.push(new HashMap<>());
    }

    private Void inScope(Runnable scan) {
      scopes.push(new HashMap<>());
      try {
        scan.run();
      } finally {
        scopes.pop();
      }
      return null;
    }

    @Override
    public Void visitVariable(VariableTree node, Void unused) {
      scopes.peek().put(node.getName().toString(), getCurrentPath());
      return super.visitVariable(node, unused);
    }

    @Override
    public Void visitIdentifier(IdentifierTree node, Void unused) {
      String name = node.getName().toString();
      for (Map<String, TreePath> scope : scopes) {
        TreePath declaration = scope.get(name);
        if (declaration != null) {
          declarations.put(node, declaration);
          break;
        }
      }
      return null;
    }

    @Override
    public Void visitBlock(BlockTree node, Void unused) {
      return inScope(() -> super.visitBlock(node, null));
    }

    @Override
    public Void visitForLoop(ForLoopTree node, Void unused) {
      return inScope(() -> super.visitForLoop(node, null));
    }

    @Override
    public Void visitEnhancedForLoop(EnhancedForLoopTree node, Void unused) {
      return inScope(() -> super.visitEnhancedForLoop(node, null));
    }

    @Override
    public Void visitCatch(CatchTree node, Void unused) {
      return inScope(() -> super.visitCatch(node, null));
    }

    @Override
    public Void visitTry(TryTree node, Void unused) {
      return inScope(() -> super.visitTry(node, null)); // the resources
    }

    @Override
    public Void visitSwitch(SwitchTree node, Void unused) {
      return inScope(() -> super.visitSwitch(node, null)); // one block for all its cases
    }

    @Override
    public Void visitCase(CaseTree node, Void unused) {
      // a case's pattern variables are its own; locals of old-style cases belong to the switch
      return node.getCaseKind() == CaseTree.CaseKind.RULE
          ? inScope(() -> super.visitCase(node, null))
          : super.visitCase(node, null);
    }

    @Override
    public Void visitLambdaExpression(LambdaExpressionTree node, Void unused) {
      return inScope(() -> super.visitLambdaExpression(node, null));
    }

    @Override
    public Void visitClass(ClassTree node, Void unused) {
      return inScope(() -> super.visitClass(node, null)); // its members shadow outer locals
    }
  }
}
