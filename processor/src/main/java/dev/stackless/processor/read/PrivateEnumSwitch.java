package dev.stackless.processor.read;

import com.sun.source.tree.CaseTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import dev.stackless.processor.model.Code;
import dev.stackless.processor.model.HiddenTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;

/**
 * A switch over a private enum of the owner's nest. The generated class holds the enum's values as
 * their stand-in, {@code java.lang.Enum}, and cannot name the constants as labels, so it switches
 * on {@code ordinal()} with each constant's ordinal as the label: {@code switch (color) { case RED:
 * }} ===> {@code switch (((java.lang.Enum<?>) (color)).ordinal()) { case 0 /* RED *&#47;: }}. That
 * is how javac compiles an enum switch too, and a null selector throws the same
 * NullPointerException. The enum is declared in the same file as the switch, so the ordinals
 * cannot change between the two compilations. A switch with {@code case null} (Java 21) reads
 * the ordinal as -1 for null instead, and {@code case null} becomes {@code case -1}; {@code case
 * null, default} becomes {@code default}, which -1 reaches as well.
 */
final class PrivateEnumSwitch {
  private PrivateEnumSwitch() {}

  /**
   * The private enum a switch ({@code SwitchTree} or {@code SwitchExpressionTree}) is on, or null
   * for any other switch: the selector's class, where the declarations tell it ({@code typeOf}),
   * else the one private enum that has every constant the labels name. Then a label that names a
   * variable in scope ({@code isVariable}) means a switch on a value instead, as in an int switch
   * ({@code case RED:} with {@code static final int RED = 1}).
   */
  static TypeElement of(Tree tree, TypeElement owner,
      Function<ExpressionTree, TypeElement> typeOf, Predicate<String> isVariable) {
    TypeElement selector = typeOf.apply(selectorOf(tree));
    if (selector != null) {
      return selector.getKind() == ElementKind.ENUM && HiddenTypes.isHidden(selector)
          ? selector : null;
    }
    List<String> constants = new ArrayList<>();
    for (CaseTree c : casesOf(tree)) {
      for (Tree label : CaseLabels.of(c)) {
        if (isNull(label)) {
          continue;
        }
        String name = constantName(CaseLabels.constant(label));
        if (name == null) {
          return null; // a pattern, a literal, an expression: no enum switch
        }
        constants.add(name);
      }
    }
    if (constants.isEmpty()) {
      return null;
    }
    TypeElement found = null;
    for (TypeElement type : HiddenTypes.hiddenOfNest(owner)) {
      if (type.getKind() == ElementKind.ENUM && constantsOf(type).containsAll(constants)) {
        if (found != null) {
          return null; // two private enums have these constants: javac's error, if any, stays
        }
        found = type;
      }
    }
    if (found == null || constants.stream().anyMatch(isVariable)) {
      return null;
    }
    return found;
  }

  /** The enum of the switch a case label at {@code label} belongs to, or null (see above). */
  static TypeElement ofLabel(TreePath label, TypeElement owner,
      Function<ExpressionTree, TypeElement> typeOf, Predicate<String> isVariable) {
    for (TreePath p = label; p != null; p = p.getParentPath()) {
      if (p.getLeaf() instanceof CaseTree) {
        return of(p.getParentPath().getLeaf(), owner, typeOf, isVariable);
      }
    }
    return null;
  }

  static ExpressionTree selectorOf(Tree tree) {
    return tree instanceof com.sun.source.tree.SwitchTree
        ? ((com.sun.source.tree.SwitchTree) tree).getExpression()
        : ((com.sun.source.tree.SwitchExpressionTree) tree).getExpression();
  }

  /** The cases of a switch statement or expression. */
  static List<? extends CaseTree> casesOf(Tree tree) {
    return tree instanceof com.sun.source.tree.SwitchTree
        ? ((com.sun.source.tree.SwitchTree) tree).getCases()
        : ((com.sun.source.tree.SwitchExpressionTree) tree).getCases();
  }

  /** The selector as the switch on ordinals reads it. */
  static Code selector(Code selector, List<? extends CaseTree> cases) {
    return Code.concat(selectorStart(cases), selector, selectorEnd(cases));
  }

  static String selectorStart(List<? extends CaseTree> cases) {
    return hasNullCase(cases)
        ? "dev.stackless.internal.Privates.ordinalOrMinusOne(" : "((java.lang.Enum<?>) (";
  }

  static String selectorEnd(List<? extends CaseTree> cases) {
    return hasNullCase(cases) ? ")" : ")).ordinal()";
  }

  /** The label {@code case null} stands for. */
  static final String NULL_LABEL = "-1";

  /** Whether the label is {@code null} ({@code case null}, Java 21). */
  static boolean isNull(Tree label) {
    ExpressionTree constant = CaseLabels.constant(label);
    return constant != null && constant.getKind() == Tree.Kind.NULL_LITERAL;
  }

  private static boolean hasNullCase(List<? extends CaseTree> cases) {
    return cases.stream().anyMatch(c -> CaseLabels.of(c).stream().anyMatch(PrivateEnumSwitch::isNull));
  }

  /** The label that stands for the constant {@code RED}: {@code 0 /* RED *&#47;}. */
  static String label(TypeElement privateEnum, ExpressionTree constant) {
    String name = constantName(constant);
    return constantsOf(privateEnum).indexOf(name) + " /* " + name + " */";
  }

  /**
   * The arm a switch expression over the enum gets when it has no {@code default}: Java's
   * exhaustive enum switch has one that throws, which the switch on ordinals must write out.
   */
  static String missingDefault(boolean rules) {
    String thrown = "throw new java.lang.IncompatibleClassChangeError("
        + "\"no case of the switch expression matched\");";
    return rules ? "default -> " + thrown + " " : "default: " + thrown + " ";
  }

  private static String constantName(ExpressionTree constant) {
    if (constant instanceof IdentifierTree) {
      return ((IdentifierTree) constant).getName().toString();
    }
    if (constant instanceof MemberSelectTree) {
      return ((MemberSelectTree) constant).getIdentifier().toString(); // Java 21: case Color.RED
    }
    return null;
  }

  private static List<String> constantsOf(TypeElement privateEnum) {
    List<String> names = new ArrayList<>();
    for (Element member : privateEnum.getEnclosedElements()) {
      if (member.getKind() == ElementKind.ENUM_CONSTANT) {
        names.add(member.getSimpleName().toString());
      }
    }
    return names;
  }
}
