package dev.stackless.processor.read;

import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.PrimitiveTypeTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.UnaryTree;
import java.util.function.Predicate;

/**
 * Which initializers are constant expressions (JLS 15.29) that javac folds, so that a {@code final}
 * local of primitive or String type initialized with one is a constant variable (JLS 4.12.4):
 * literals, casts to a primitive or String, the unary and binary operators, {@code ?:}, and names
 * of constant variables. A division or remainder is one only by a non-zero literal: {@code 1 / 0}
 * is no constant, javac computes it when it runs, and it throws.
 */
final class ConstantExpressions {
  private ConstantExpressions() {}

  /**
   * Whether {@code tree} is a constant expression; {@code constantName} tells whether a simple
   * name is a constant variable, {@code constantField} whether {@code Type.NAME} is.
   */
  static boolean isConstant(ExpressionTree tree, Predicate<String> constantName,
      Predicate<MemberSelectTree> constantField) {
    switch (tree.getKind()) {
      case INT_LITERAL:
      case LONG_LITERAL:
      case FLOAT_LITERAL:
      case DOUBLE_LITERAL:
      case BOOLEAN_LITERAL:
      case CHAR_LITERAL:
      case STRING_LITERAL:
        return true;
      case PARENTHESIZED:
        return isConstant(((ParenthesizedTree) tree).getExpression(), constantName, constantField);
      case TYPE_CAST: {
        TypeCastTree cast = (TypeCastTree) tree;
        Tree type = cast.getType();
        boolean toConstantType = type instanceof PrimitiveTypeTree
            || type.toString().equals("String") || type.toString().equals("java.lang.String");
        return toConstantType && isConstant(cast.getExpression(), constantName, constantField);
      }
      case UNARY_PLUS:
      case UNARY_MINUS:
      case BITWISE_COMPLEMENT:
      case LOGICAL_COMPLEMENT:
        return isConstant(((UnaryTree) tree).getExpression(), constantName, constantField);
      case DIVIDE:
      case REMAINDER: {
        BinaryTree binary = (BinaryTree) tree;
        return isNonZeroLiteral(binary.getRightOperand())
            && isConstant(binary.getLeftOperand(), constantName, constantField);
      }
      case MULTIPLY:
      case PLUS:
      case MINUS:
      case LEFT_SHIFT:
      case RIGHT_SHIFT:
      case UNSIGNED_RIGHT_SHIFT:
      case LESS_THAN:
      case LESS_THAN_EQUAL:
      case GREATER_THAN:
      case GREATER_THAN_EQUAL:
      case EQUAL_TO:
      case NOT_EQUAL_TO:
      case AND:
      case XOR:
      case OR:
      case CONDITIONAL_AND:
      case CONDITIONAL_OR: {
        BinaryTree binary = (BinaryTree) tree;
        return isConstant(binary.getLeftOperand(), constantName, constantField)
            && isConstant(binary.getRightOperand(), constantName, constantField);
      }
      case CONDITIONAL_EXPRESSION: {
        ConditionalExpressionTree conditional = (ConditionalExpressionTree) tree;
        return isConstant(conditional.getCondition(), constantName, constantField)
            && isConstant(conditional.getTrueExpression(), constantName, constantField)
            && isConstant(conditional.getFalseExpression(), constantName, constantField);
      }
      case IDENTIFIER:
        return constantName.test(((IdentifierTree) tree).getName().toString());
      case MEMBER_SELECT:
        return constantField.test((MemberSelectTree) tree);
      default:
        return false;
    }
  }

  private static boolean isNonZeroLiteral(ExpressionTree tree) {
    while (tree instanceof ParenthesizedTree
        || tree.getKind() == Tree.Kind.UNARY_MINUS || tree.getKind() == Tree.Kind.UNARY_PLUS) {
      tree = tree instanceof ParenthesizedTree ? ((ParenthesizedTree) tree).getExpression()
          : ((UnaryTree) tree).getExpression();
    }
    Object value = tree instanceof LiteralTree ? ((LiteralTree) tree).getValue() : null;
    if (value instanceof Character) {
      return (Character) value != 0;
    }
    return value instanceof Double || value instanceof Float
        || (value instanceof Number && ((Number) value).longValue() != 0);
  }
}
