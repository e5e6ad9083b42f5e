package dev.stackless.processor.read;

import com.sun.source.tree.ArrayTypeTree;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.CaseTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewArrayTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParameterizedTypeTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.SwitchExpressionTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.UnaryTree;
import dev.stackless.processor.model.TypeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The type of an initializer where the JLS fixes it from what the processor knows, for a {@code
 * var} that javac cannot type because the expression mentions a class not generated yet (the
 * owner's own {@code OwnerAsync}, which no later round can bring before the owner is generated):
 *
 * <pre>
 *   var n = await(OwnerAsync.count(x));        // the method's result type, boxed: Integer
 *   var s = "at " + await(OwnerAsync.at(x));   // + with a String operand: String (JLS 15.18.1)
 *   var k = await(OwnerAsync.count(x)) * 2L;   // binary numeric promotion: long (JLS 5.6)
 *   var b = await(OwnerAsync.count(x)) > 3;    // a comparison: boolean
 *   var t = String.valueOf(await(OwnerAsync.count(x)));  // every valueOf(1 argument): String
 * </pre>
 *
 * Answers null for anything else; the caller then reports the local.
 */
final class ObviousTypes {
  private static final String STRING = "java.lang.String";
  /** The type of the literal {@code null}, among a conditional's or switch's branches only. */
  private static final String NULL = "<null>";
  private static final Map<String, String> UNBOXED = Map.of(
      "java.lang.Integer", "int", "java.lang.Long", "long", "java.lang.Short", "short",
      "java.lang.Byte", "byte", "java.lang.Character", "char", "java.lang.Double", "double",
      "java.lang.Float", "float", "java.lang.Boolean", "boolean");

  /** What the reader knows about names and calls. */
  interface Facts {
    /** A local's, parameter's or field's type as source with qualified names, or null. */
    String variableType(String name);

    /**
     * The type of the variable {@code use} refers to, as {@link #variableType}: by default the
     * one its name means where the reader is, which a declaration in scope at {@code use} may tell
     * better (a loop's variable asked about before the reader reaches the loop).
     */
    default String identifierType(IdentifierTree use) {
      return variableType(use.getName().toString());
    }

    /**
     * The type {@code await(frame)} returns for this call of {@code await}, or null; {@code
     * typeOf} types the factory's arguments, from which a generic method's result is inferred.
     */
    String awaitedType(MethodInvocationTree await, Function<ExpressionTree, String> typeOf);

    /** The result type of a direct call of an {@code @Async} method, or null; as above. */
    String asyncCallType(MethodInvocationTree call, Function<ExpressionTree, String> typeOf);

    /**
     * The result type of a call of an ordinary method, when every method the call may denote
     * (by name and number of arguments) has the same one, free of type variables; {@code typeOf}
     * types the receiver expression.
     */
    String methodResultType(MethodInvocationTree call, Function<ExpressionTree, String> typeOf);

    /**
     * The type of a field access {@code Type.FIELD} or {@code expr.field}; {@code typeOf} types
     * the qualifier when it is an expression.
     */
    String fieldType(MemberSelectTree select, Function<ExpressionTree, String> typeOf);

    /** The type a cast names, as source with qualified names, or null. */
    String castType(TypeCastTree cast);

    /** The frame class a factory call {@code OwnerAsync.f(..)} returns, or null. */
    String factoryType(MethodInvocationTree call);

    /** A type written in the body, as source with qualified names, or null. */
    String writtenType(Tree type);

    /**
     * The types these facts have given, by expression, or null not to keep them: a chain ({@code
     * sb.append(a).append(b)..}) asks its receivers' types at each link, which without it would
     * take time exponential in the chain's length.
     */
    default Map<ExpressionTree, java.util.Optional<String>> memo() {
      return null;
    }
  }

  private ObviousTypes() {}

  private static final Map<String, String> WRITTEN = Map.of(
      "int", "int", "long", "long", "short", "short", "byte", "byte", "char", "char",
      "double", "double", "float", "float", "boolean", "boolean",
      "String", STRING, STRING, STRING);

  /**
   * The first value of a switch expression whose type is not known here ({@code yield e}, or a
   * rule's {@code case X -> e}), or else the first of another type than the first value's, to
   * report; the switch itself if its values are not read here.
   */
  static ExpressionTree firstUntypedResult(SwitchExpressionTree tree, Facts facts) {
    Map<ExpressionTree, String> results = resultTypes(tree, facts);
    if (results == null || results.isEmpty()) {
      return tree;
    }
    for (Map.Entry<ExpressionTree, String> result : results.entrySet()) {
      if (result.getValue() == null) {
        return result.getKey();
      }
    }
    String first = results.values().iterator().next();
    for (Map.Entry<ExpressionTree, String> result : results.entrySet()) {
      if (!result.getValue().equals(first)) {
        return result.getKey(); // typed, but with the values before it gives no common type
      }
    }
    return tree;
  }

  /**
   * A switch expression's values ({@code yield e}, {@code case X -> e}) with their types, in
   * order, a type null if not known; null if the values are not read here.
   */
  private static Map<ExpressionTree, String> resultTypes(SwitchExpressionTree tree, Facts facts) {
    Map<ExpressionTree, String> results = new java.util.LinkedHashMap<>();
    List<? extends CaseTree> cases = tree.getCases();
    if (cases.stream().anyMatch(c -> c.getCaseKind() != CaseTree.CaseKind.RULE)) {
      // old-style cases: a local declared in one is in scope in those after it
      if (CaseLabels.isPatternSwitch(cases)) {
        return null; // a pattern's variables, not typed here
      }
      List<Tree> statements = new ArrayList<>();
      for (CaseTree c : cases) {
        statements.addAll(c.getStatements());
      }
      yieldedTypes(statements, facts, results);
      return results;
    }
    for (CaseTree rule : cases) {
      Facts ruleFacts = inRule(rule, facts);
      if (rule.getBody() instanceof ExpressionTree) {
        results.put((ExpressionTree) rule.getBody(),
            branchType((ExpressionTree) rule.getBody(), ruleFacts));
      } else if (rule.getBody() instanceof com.sun.source.tree.BlockTree) {
        yieldedTypes(List.of(rule.getBody()), ruleFacts, results);
      } else {
        // case X -> throw ...: no value
      }
    }
    return results;
  }

  /**
   * The types of the values a rule's block, or the statements of old-style cases, yield ({@code
   * { int w = ..; yield w ^ d; }}), typed with their own locals, into {@code results}. A block that yields nothing throws: it has no value.
   */
  private static void yieldedTypes(
      List<? extends Tree> code, Facts facts, Map<ExpressionTree, String> results) {
    Map<String, String> locals = new java.util.HashMap<>();
    List<ExpressionTree> yielded = new ArrayList<>();
    new OwnCodeScanner() {
      @Override
      public Void visitVariable(com.sun.source.tree.VariableTree node, Void unused) {
        String written = declaredType(node, withLocals(facts, locals));
        String name = node.getName().toString();
        // null: a local of another type, or two locals of this name in sibling blocks
        locals.put(name, locals.containsKey(name) && !java.util.Objects.equals(
            locals.get(name), written) ? null : written);
        return super.visitVariable(node, unused);
      }

      @Override
      public Void visitYield(com.sun.source.tree.YieldTree node, Void unused) {
        yielded.add(node.getValue());
        return null;
      }

      @Override
      public Void visitSwitchExpression(SwitchExpressionTree node, Void unused) {
        return null; // its yields are its own
      }
    }.scan(code, null);
    Facts inBlock = withLocals(facts, locals);
    for (ExpressionTree value : yielded) {
      results.put(value, branchType(value, inBlock));
    }
  }

  /**
   * A block local's type: as written, or a {@code var}'s from its initializer, read with the
   * block's locals declared before it; null if not known (a multi-catch parameter, an enhanced
   * {@code for}'s {@code var}).
   */
  private static String declaredType(com.sun.source.tree.VariableTree local, Facts facts) {
    Tree type = local.getType();
    if (type == null || type.toString().equals("var")) {
      return local.getInitializer() == null ? null : of(local.getInitializer(), facts);
    }
    String written = WRITTEN.get(type.toString());
    if (written != null || type.getKind() == Tree.Kind.UNION_TYPE) {
      return written;
    }
    return facts.writtenType(type);
  }

  /**
   * {@code facts}, where the names of {@code locals} mean those locals (a type, or null: one of a
   * type not known) rather than what they mean outside.
   */
  private static Facts withLocals(Facts facts, Map<String, String> locals) {
    Map<ExpressionTree, java.util.Optional<String>> memo = new java.util.IdentityHashMap<>();
    return new Facts() {
      @Override
      public Map<ExpressionTree, java.util.Optional<String>> memo() {
        return memo;
      }

      @Override
      public String variableType(String name) {
        return locals.containsKey(name) ? locals.get(name) : facts.variableType(name);
      }

      @Override
      public String identifierType(IdentifierTree use) {
        String name = use.getName().toString();
        return locals.containsKey(name) ? locals.get(name) : facts.identifierType(use);
      }

      @Override
      public String awaitedType(MethodInvocationTree await, Function<ExpressionTree, String> t) {
        return facts.awaitedType(await, t);
      }

      @Override
      public String asyncCallType(MethodInvocationTree call, Function<ExpressionTree, String> t) {
        return facts.asyncCallType(call, t);
      }

      @Override
      public String methodResultType(
          MethodInvocationTree call, Function<ExpressionTree, String> t) {
        return facts.methodResultType(call, t);
      }

      @Override
      public String fieldType(MemberSelectTree select, Function<ExpressionTree, String> t) {
        return facts.fieldType(select, t);
      }

      @Override
      public String castType(TypeCastTree cast) {
        return facts.castType(cast);
      }

      @Override
      public String factoryType(MethodInvocationTree call) {
        return facts.factoryType(call);
      }

      @Override
      public String writtenType(Tree type) {
        return facts.writtenType(type);
      }
    };
  }

  /** The pattern variables a rule's labels bind ({@code case Integer n}), typed as written. */
  private static Facts inRule(CaseTree rule, Facts facts) {
    Map<String, String> bound = new java.util.HashMap<>();
    for (Tree label : CaseLabels.of(rule)) {
      Tree pattern = CaseLabels.pattern(label);
      for (com.sun.source.tree.VariableTree variable
          : pattern == null ? List.<com.sun.source.tree.VariableTree>of()
              : CaseLabels.bindings(pattern)) {
        Tree type = variable.getType();
        bound.put(variable.getName().toString(), type == null || type.toString().equals("var")
            ? null : facts.writtenType(type));
      }
    }
    return bound.isEmpty() ? facts : withLocals(facts, bound);
  }

  static String of(ExpressionTree tree, Facts facts) {
    Map<ExpressionTree, java.util.Optional<String>> memo = facts.memo();
    if (memo == null) {
      return typeOf(tree, facts);
    }
    java.util.Optional<String> known = memo.get(tree);
    if (known == null) {
      known = java.util.Optional.ofNullable(typeOf(tree, facts));
      memo.put(tree, known);
    }
    return known.orElse(null);
  }

  private static String typeOf(ExpressionTree tree, Facts facts) {
    if (tree instanceof com.sun.source.tree.CompoundAssignmentTree) { // the variable's (15.26.2)
      return of(((com.sun.source.tree.CompoundAssignmentTree) tree).getVariable(), facts);
    }
    switch (tree.getKind()) {
      case PARENTHESIZED:
        return of(((ParenthesizedTree) tree).getExpression(), facts);
      case TYPE_CAST:
        return facts.castType((TypeCastTree) tree);
      case PREFIX_INCREMENT:
      case PREFIX_DECREMENT:
      case POSTFIX_INCREMENT:
      case POSTFIX_DECREMENT: // the variable's type (JLS 15.14.2, 15.15.1)
        return of(((UnaryTree) tree).getExpression(), facts);
      case ASSIGNMENT: // the variable's type (JLS 15.26)
        return of(((com.sun.source.tree.AssignmentTree) tree).getVariable(), facts);
      case INT_LITERAL:
        return "int";
      case LONG_LITERAL:
        return "long";
      case FLOAT_LITERAL:
        return "float";
      case DOUBLE_LITERAL:
        return "double";
      case BOOLEAN_LITERAL:
        return "boolean";
      case CHAR_LITERAL:
        return "char";
      case STRING_LITERAL:
        return STRING;
      case IDENTIFIER:
        return facts.identifierType((IdentifierTree) tree);
      case MEMBER_SELECT: {
        MemberSelectTree select = (MemberSelectTree) tree;
        if (select.getIdentifier().contentEquals("length")) { // an array's length (JLS 10.7)
          String array = of(select.getExpression(), facts);
          if (array != null && array.endsWith("[]")) {
            return "int";
          }
        }
        return facts.fieldType(select, e -> of(e, facts));
      }
      case METHOD_INVOCATION: {
        MethodInvocationTree call = (MethodInvocationTree) tree;
        String factory = facts.factoryType(call);
        if (factory != null) {
          return factory;
        }
        String awaited = facts.awaitedType(call, e -> of(e, facts));
        if (awaited != null) {
          return awaited;
        }
        String async = facts.asyncCallType(call, e -> of(e, facts));
        return async != null ? async : facts.methodResultType(call, e -> of(e, facts));
      }
      case ARRAY_ACCESS: { // the component type (JLS 15.10.3)
        String array = of(((com.sun.source.tree.ArrayAccessTree) tree).getExpression(), facts);
        return array == null || !array.endsWith("[]")
            ? null : array.substring(0, array.length() - 2);
      }
      case NEW_CLASS: {
        NewClassTree creation = (NewClassTree) tree;
        Tree created = creation.getIdentifier();
        boolean diamond = created instanceof ParameterizedTypeTree
            && ((ParameterizedTypeTree) created).getTypeArguments().isEmpty();
        return creation.getClassBody() != null || diamond ? null : facts.writtenType(created);
      }
      case NEW_ARRAY: {
        NewArrayTree creation = (NewArrayTree) tree;
        // new T[n][m] has two dimensions and element type T; new T[n][] one and T[]; new T[][]{..}
        // none and T[]
        Tree element = creation.getType();
        int brackets = Math.max(1, creation.getDimensions().size());
        while (element instanceof ArrayTypeTree) {
          element = ((ArrayTypeTree) element).getType();
          brackets++;
        }
        String written = element == null ? null : facts.writtenType(element);
        return written == null ? null : written + "[]".repeat(brackets);
      }
      case PLUS: {
        BinaryTree plus = (BinaryTree) tree;
        String left = of(plus.getLeftOperand(), facts);
        String right = of(plus.getRightOperand(), facts);
        if (STRING.equals(left) || STRING.equals(right)) {
          return STRING;
        }
        return binaryPromotion(left, right);
      }
      case MINUS:
      case MULTIPLY:
      case DIVIDE:
      case REMAINDER: {
        BinaryTree binary = (BinaryTree) tree;
        return binaryPromotion(of(binary.getLeftOperand(), facts), of(binary.getRightOperand(), facts));
      }
      case AND:
      case OR:
      case XOR: {
        BinaryTree binary = (BinaryTree) tree;
        String left = unboxed(of(binary.getLeftOperand(), facts));
        String right = unboxed(of(binary.getRightOperand(), facts));
        if ("boolean".equals(left) && "boolean".equals(right)) {
          return "boolean";
        }
        String promoted = binaryPromotion(left, right);
        return "int".equals(promoted) || "long".equals(promoted) ? promoted : null;
      }
      case LEFT_SHIFT:
      case RIGHT_SHIFT:
      case UNSIGNED_RIGHT_SHIFT:
        return unaryPromotion(of(((BinaryTree) tree).getLeftOperand(), facts));
      case UNARY_PLUS:
      case UNARY_MINUS:
      case BITWISE_COMPLEMENT:
        return unaryPromotion(of(((UnaryTree) tree).getExpression(), facts));
      case CONDITIONAL_EXPRESSION: {
        ConditionalExpressionTree conditional = (ConditionalExpressionTree) tree;
        Map<ExpressionTree, String> branches = new java.util.LinkedHashMap<>();
        branches.put(conditional.getTrueExpression(), // either may be null
            branchType(conditional.getTrueExpression(), facts));
        branches.put(conditional.getFalseExpression(),
            branchType(conditional.getFalseExpression(), facts));
        return commonType(branches, true); // a numeric conditional is standalone (JLS 15.25)
      }
      case SWITCH_EXPRESSION:
        return switchType((SwitchExpressionTree) tree, facts, false);
      case LESS_THAN:
      case LESS_THAN_EQUAL:
      case GREATER_THAN:
      case GREATER_THAN_EQUAL:
      case EQUAL_TO:
      case NOT_EQUAL_TO:
      case CONDITIONAL_AND:
      case CONDITIONAL_OR:
      case LOGICAL_COMPLEMENT:
      case INSTANCE_OF:
        return "boolean";
      default:
        return null;
    }
  }

  /** A branch's type, {@link #NULL} for the literal {@code null}; null if not known. */
  private static String branchType(ExpressionTree branch, Facts facts) {
    while (branch instanceof ParenthesizedTree) {
      branch = ((ParenthesizedTree) branch).getExpression();
    }
    return branch.getKind() == Tree.Kind.NULL_LITERAL ? NULL : of(branch, facts);
  }

  /**
   * A switch expression's type (JLS 15.28.1); {@code standalone}: it is no argument or assigned
   * value, whose type would be the target's (a poly expression: {@code ty(switch ..)} with
   * {@code 'a'} and {@code 66} calls {@code ty(int)}, where alone the switch is a char).
   */
  static String switchType(SwitchExpressionTree tree, Facts facts, boolean standalone) {
    Map<ExpressionTree, String> results = resultTypes(tree, facts);
    return results == null || results.isEmpty() ? null : commonType(results, standalone);
  }

  /**
   * The type of a conditional or switch expression with these branches (values) of these types,
   * where JLS 15.25 and 15.28.1 make it plain: all the same; a primitive and its box; numeric
   * ones, promoted as javac does (see {@link #choicePromotion}; only when {@code standalone} if
   * some are narrower than int); a {@code null} branch beside branches of one reference type has
   * that type.
   */
  private static String commonType(Map<ExpressionTree, String> branches, boolean standalone) {
    List<String> types = new ArrayList<>(branches.values());
    if (types.contains(NULL)) {
      List<String> others = new ArrayList<>(types);
      others.removeIf(NULL::equals);
      boolean oneReferenceType = others.stream().distinct().count() == 1
          && others.get(0) != null && !TypeSource.isPrimitive(others.get(0));
      return oneReferenceType ? others.get(0) : null;
    }
    if (types.isEmpty() || types.contains(null)) {
      return null;
    }
    if (types.stream().distinct().count() == 1) {
      return types.get(0);
    }
    List<String> unboxed = new ArrayList<>();
    types.forEach(type -> unboxed.add(unboxed(type)));
    if (unboxed.stream().distinct().count() == 1 && TypeSource.isPrimitive(unboxed.get(0))) {
      return unboxed.get(0); // char and Character: char
    }
    if (!unboxed.stream().allMatch(ObviousTypes::isNumeric)) {
      return null;
    }
    for (String wide : new String[] {"double", "float", "long"}) {
      if (unboxed.contains(wide)) {
        return wide;
      }
    }
    if (unboxed.stream().noneMatch(NARROW::contains)) {
      return "int";
    }
    return standalone ? choicePromotion(branches) : null;
  }

  private static final List<String> NARROW = List.of("short", "byte", "char");
  /**
   * The type javac gives numeric branches of types int, short, byte and char, some narrower than
   * int (javac's {@code Attr.condType}, which for more than two branches is narrower than JLS
   * 5.6: {@code 'a'}, {@code 66}, {@code 'c'} is an int). A branch of type T narrower than int
   * gives T if every other branch is an int constant T can hold; else the narrowest type that
   * every branch widens to. Int branches other than literals are not read here (whether they
   * are constants decides), nor are several narrow branches beside ints unless one is a literal
   * (javac compares the types of others by identity, and constants have types of their own).
   */
  private static String choicePromotion(Map<ExpressionTree, String> branches) {
    List<Long> ints = new ArrayList<>();
    List<ExpressionTree> narrow = new ArrayList<>();
    java.util.Set<String> narrowTypes = new java.util.HashSet<>();
    for (Map.Entry<ExpressionTree, String> branch : branches.entrySet()) {
      String type = unboxed(branch.getValue());
      if (type.equals("int")) {
        Long value = intLiteral(branch.getKey());
        if (value == null) {
          return null;
        }
        ints.add(value);
      } else {
        narrow.add(branch.getKey());
        narrowTypes.add(type);
      }
    }
    if (ints.isEmpty()) { // byte and short: short; only chars: char; else int
      return narrowTypes.size() == 1 ? narrowTypes.iterator().next()
          : narrowTypes.equals(java.util.Set.of("byte", "short")) ? "short" : "int";
    }
    if (narrow.size() == 1) {
      String type = narrowTypes.iterator().next();
      return ints.stream().allMatch(v -> representable(v, type)) ? type : "int";
    }
    // a literal's type is its own: no narrow branch has only ints beside it
    return narrow.stream().anyMatch(ObviousTypes::isLiteral) ? "int" : null;
  }

  private static boolean isLiteral(ExpressionTree tree) {
    while (tree instanceof ParenthesizedTree) {
      tree = ((ParenthesizedTree) tree).getExpression();
    }
    return tree instanceof com.sun.source.tree.LiteralTree;
  }

  /** The value of an int literal, negated or in parentheses; null for anything else. */
  private static Long intLiteral(ExpressionTree tree) {
    long sign = 1;
    while (tree instanceof ParenthesizedTree || tree.getKind() == Tree.Kind.UNARY_MINUS) {
      if (tree.getKind() == Tree.Kind.UNARY_MINUS) {
        sign = -sign;
        tree = ((UnaryTree) tree).getExpression();
      } else {
        tree = ((ParenthesizedTree) tree).getExpression();
      }
    }
    return tree.getKind() == Tree.Kind.INT_LITERAL
        ? sign * ((Number) ((com.sun.source.tree.LiteralTree) tree).getValue()).longValue() : null;
  }

  private static boolean representable(long value, String type) {
    switch (type) {
      case "byte":
        return value >= Byte.MIN_VALUE && value <= Byte.MAX_VALUE;
      case "short":
        return value >= Short.MIN_VALUE && value <= Short.MAX_VALUE;
      default:
        return value >= Character.MIN_VALUE && value <= Character.MAX_VALUE;
    }
  }

  /** JLS 5.6, binary numeric promotion; null unless both are numeric. */
  private static String binaryPromotion(String left, String right) {
    left = unboxed(left);
    right = unboxed(right);
    if (!isNumeric(left) || !isNumeric(right)) {
      return null;
    }
    for (String wide : new String[] {"double", "float", "long"}) {
      if (wide.equals(left) || wide.equals(right)) {
        return wide;
      }
    }
    return "int";
  }

  /** JLS 5.6, unary numeric promotion; null unless numeric. */
  private static String unaryPromotion(String type) {
    type = unboxed(type);
    if (!isNumeric(type)) {
      return null;
    }
    return type.equals("byte") || type.equals("short") || type.equals("char") ? "int" : type;
  }

  private static boolean isNumeric(String type) {
    return type != null && TypeSource.isPrimitive(type) && !type.equals("boolean");
  }

  /** The primitive a box's (qualified) name unboxes to, or the name itself. */
  static String unboxed(String type) {
    return type == null ? null : UNBOXED.getOrDefault(type, type);
  }
}
