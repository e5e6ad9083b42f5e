package dev.stackless.processor.read;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreeScanner;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Finds whether a statement or expression of an async body holds a suspension point ({@code
 * suspend}, {@code await}, a direct call of an {@code @Async} method) outside nested lambdas and
 * classes, where the validation pass has reported any already.
 */
final class SuspensionFinder {
  private final Map<Tree, Boolean> cache = new IdentityHashMap<>();
  private final Classifier classifier;

  /** Tells whether one invocation is a suspension point. */
  interface Classifier {
    boolean isSuspension(MethodInvocationTree invocation);
  }

  SuspensionFinder(Classifier classifier) {
    this.classifier = classifier;
  }

  boolean contains(Tree tree) {
    if (tree == null) {
      return false;
    }
    Boolean known = cache.get(tree);
    if (known != null) {
      return known;
    }
    Boolean found =
        new TreeScanner<Boolean, Void>() {
          @Override
          public Boolean visitMethodInvocation(MethodInvocationTree node, Void unused) {
            if (classifier.isSuspension(node)) {
              return true;
            }
            return super.visitMethodInvocation(node, unused);
          }

          @Override
          public Boolean visitLambdaExpression(LambdaExpressionTree node, Void unused) {
            return false;
          }

          @Override
          public Boolean visitClass(ClassTree node, Void unused) {
            return false;
          }

          @Override
          public Boolean reduce(Boolean a, Boolean b) {
            return Boolean.TRUE.equals(a) || Boolean.TRUE.equals(b);
          }
        }.scan(tree, null);
    boolean result = Boolean.TRUE.equals(found);
    cache.put(tree, result);
    return result;
  }

  /** The first suspension point in the tree, in source order, outside nested lambdas and classes. */
  MethodInvocationTree first(Tree tree) {
    if (!contains(tree)) {
      return null;
    }
    MethodInvocationTree[] first = {null};
    new OwnCodeScanner() {
      @Override
      public Void scan(Tree node, Void unused) {
        return first[0] == null ? super.scan(node, unused) : null;
      }

      @Override
      public Void visitMethodInvocation(MethodInvocationTree node, Void unused) {
        super.visitMethodInvocation(node, unused); // its receiver and arguments run before it
        if (first[0] == null && classifier.isSuspension(node)) {
          first[0] = node;
        }
        return null;
      }
    }.scan(tree, null);
    return first[0];
  }
}
