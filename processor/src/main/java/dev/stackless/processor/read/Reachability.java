package dev.stackless.processor.read;

import com.sun.source.tree.BlockTree;
import com.sun.source.tree.BreakTree;
import com.sun.source.tree.CaseTree;
import com.sun.source.tree.CatchTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ContinueTree;
import com.sun.source.tree.DoWhileLoopTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.LabeledStatementTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.SwitchTree;
import com.sun.source.tree.SynchronizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.WhileLoopTree;
import com.sun.source.util.TreeScanner;
import java.util.List;

/**
 * JLS 14.22, "can complete normally", for the user's statements: the lowering must not put code
 * after a statement that javac considers unable to complete (an "unreachable statement" error),
 * and must add a jump after one that can.
 */
public final class Reachability {
  private Reachability() {}

  public static boolean completesNormally(Tree statement) {
    switch (statement.getKind()) {
      case BLOCK:
        return allComplete(((BlockTree) statement).getStatements());
      case LABELED_STATEMENT: {
        LabeledStatementTree labeled = (LabeledStatementTree) statement;
        return completesNormally(labeled.getStatement())
            || breaks(labeled.getStatement(), labeled.getLabel().toString(), false);
      }
      case IF: {
        IfTree tree = (IfTree) statement;
        return tree.getElseStatement() == null
            || completesNormally(tree.getThenStatement())
            || completesNormally(tree.getElseStatement());
      }
      case WHILE_LOOP: {
        WhileLoopTree loop = (WhileLoopTree) statement;
        return !isTrue(loop.getCondition()) || breaks(loop.getStatement(), null, true);
      }
      case DO_WHILE_LOOP: {
        DoWhileLoopTree loop = (DoWhileLoopTree) statement;
        boolean body = completesNormally(loop.getStatement()) || continues(loop.getStatement());
        return (body && !isTrue(loop.getCondition())) || breaks(loop.getStatement(), null, true);
      }
      case FOR_LOOP: {
        ForLoopTree loop = (ForLoopTree) statement;
        return (loop.getCondition() != null && !isTrue(loop.getCondition()))
            || breaks(loop.getStatement(), null, true);
      }
      case SYNCHRONIZED:
        return completesNormally(((SynchronizedTree) statement).getBlock());
      case TRY: {
        TryTree tree = (TryTree) statement;
        boolean any = completesNormally(tree.getBlock());
        for (CatchTree handler : tree.getCatches()) {
          any |= completesNormally(handler.getBlock());
        }
        return any && (tree.getFinallyBlock() == null || completesNormally(tree.getFinallyBlock()));
      }
      case SWITCH:
        return switchCompletes((SwitchTree) statement);
      case RETURN:
      case THROW:
      case BREAK:
      case CONTINUE:
      case YIELD:
        return false;
      default:
        return true;
    }
  }

  private static boolean allComplete(List<? extends StatementTree> statements) {
    for (StatementTree statement : statements) {
      if (!completesNormally(statement)) {
        return false;
      }
    }
    return true;
  }

  private static boolean switchCompletes(SwitchTree tree) {
    // a pattern switch is exhaustive: as if it had a default
    boolean hasDefault = CaseLabels.isPatternSwitch(tree.getCases());
    for (CaseTree c : tree.getCases()) {
      hasDefault |= CaseLabels.isDefault(c);
      if (breaks(c, null, true)) {
        return true;
      }
    }
    if (!hasDefault || tree.getCases().isEmpty()) {
      return true;
    }
    for (CaseTree c : tree.getCases()) {
      if (c.getCaseKind() == CaseTree.CaseKind.RULE) {
        Tree body = c.getBody();
        if (body == null || !(body instanceof StatementTree) || completesNormally(body)) {
          return true;
        }
      }
    }
    CaseTree last = tree.getCases().get(tree.getCases().size() - 1);
    return last.getCaseKind() == CaseTree.CaseKind.STATEMENT
        && allComplete(last.getStatements());
  }

  static boolean isTrue(ExpressionTree condition) {
    while (condition instanceof ParenthesizedTree) {
      condition = ((ParenthesizedTree) condition).getExpression();
    }
    return condition instanceof LiteralTree
        && Boolean.TRUE.equals(((LiteralTree) condition).getValue());
  }

  /**
   * Whether {@code body} holds a break that leaves it for its enclosing statement: labelled with
   * {@code label}, or (when {@code unlabeled}) unlabelled and not inside a nested loop or switch.
   */
  private static boolean breaks(Tree body, String label, boolean unlabeled) {
    Boolean found =
        new TreeScanner<Boolean, Integer>() {
          @Override
          public Boolean visitBreak(BreakTree node, Integer depth) {
            if (node.getLabel() == null) {
              return unlabeled && depth == 0;
            }
            return node.getLabel().contentEquals(label == null ? "" : label);
          }

          @Override
          public Boolean visitWhileLoop(WhileLoopTree node, Integer depth) {
            return super.visitWhileLoop(node, depth + 1);
          }

          @Override
          public Boolean visitDoWhileLoop(DoWhileLoopTree node, Integer depth) {
            return super.visitDoWhileLoop(node, depth + 1);
          }

          @Override
          public Boolean visitForLoop(ForLoopTree node, Integer depth) {
            return super.visitForLoop(node, depth + 1);
          }

          @Override
          public Boolean visitEnhancedForLoop(EnhancedForLoopTree node, Integer depth) {
            return super.visitEnhancedForLoop(node, depth + 1);
          }

          @Override
          public Boolean visitSwitch(SwitchTree node, Integer depth) {
            return super.visitSwitch(node, depth + 1);
          }

          @Override
          public Boolean visitLambdaExpression(LambdaExpressionTree node, Integer depth) {
            return false;
          }

          @Override
          public Boolean visitClass(ClassTree node, Integer depth) {
            return false;
          }

          @Override
          public Boolean reduce(Boolean a, Boolean b) {
            return Boolean.TRUE.equals(a) || Boolean.TRUE.equals(b);
          }
        }.scan(body, 0);
    return Boolean.TRUE.equals(found);
  }

  private static boolean continues(Tree body) {
    Boolean found =
        new TreeScanner<Boolean, Integer>() {
          @Override
          public Boolean visitContinue(ContinueTree node, Integer depth) {
            return node.getLabel() == null && depth == 0;
          }

          @Override
          public Boolean visitWhileLoop(WhileLoopTree node, Integer depth) {
            return super.visitWhileLoop(node, depth + 1);
          }

          @Override
          public Boolean visitDoWhileLoop(DoWhileLoopTree node, Integer depth) {
            return super.visitDoWhileLoop(node, depth + 1);
          }

          @Override
          public Boolean visitForLoop(ForLoopTree node, Integer depth) {
            return super.visitForLoop(node, depth + 1);
          }

          @Override
          public Boolean visitEnhancedForLoop(EnhancedForLoopTree node, Integer depth) {
            return super.visitEnhancedForLoop(node, depth + 1);
          }

          @Override
          public Boolean visitLambdaExpression(LambdaExpressionTree node, Integer depth) {
            return false;
          }

          @Override
          public Boolean visitClass(ClassTree node, Integer depth) {
            return false;
          }

          @Override
          public Boolean reduce(Boolean a, Boolean b) {
            return Boolean.TRUE.equals(a) || Boolean.TRUE.equals(b);
          }
        }.scan(body, 0);
    return Boolean.TRUE.equals(found);
  }
}
