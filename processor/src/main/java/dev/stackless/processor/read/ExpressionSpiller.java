package dev.stackless.processor.read;

import com.sun.source.tree.ArrayAccessTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.CaseTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.InstanceOfTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewArrayTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.SwitchExpressionTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.util.TreePath;
import dev.stackless.processor.model.Code;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Takes apart an expression with suspension points inside it, keeping Java's evaluation order:
 * operands evaluated before a suspension point are kept in {@code var} locals (javac infers their
 * types), and the rest of the expression becomes a continuation that receives the awaited value.
 *
 * <pre>
 *   return note() + await(f) * note();
 *     ===&gt;
 *   var $t1 = note();
 *   $spill = Spill.await(f).bind($r2 -&gt; Spill.now($t1 + $r2 * note()));
 *   ... the state machine awaits $spill.frame() until $spill.isDone() ...
 *   return (int) $spill.value();
 * </pre>
 *
 * {@code &&} and {@code ||} evaluate their right side only when Java would. A switch expression
 * whose case suspends in statements is run by the state machine, which the chain enters. What
 * cannot be taken apart (a suspension point in a lambda) is reported by the caller.
 */
final class ExpressionSpiller {
  private static final String SPILL = "dev.stackless.internal.Spill";

  /** Thrown for an expression this spiller cannot take apart. */
  static final class Unspillable extends Exception {
    final Tree at;

    Unspillable(Tree at, String message) {
      super(message, null, false, false);
      this.at = at;
    }
  }

  /**
   * An expression taken apart: statements to run first, then a value; or a spill to await whose
   * value is bound to {@code param} before continuing with {@code rest}; or a choice of arms, each
   * the rest of the whole expression: on {@code test} as a condition ({@code labels} null: the
   * true arm, then the false one, for a conditional {@code ?:} whose branch suspends), or on
   * {@code test} as a switch selector, an arm per label ({@code case A, B}, {@code default}).
   */
  static final class Lowered {
    final List<Code> prefix;
    final Code value;
    final Code chain;
    /**
     * The continuation lambda's parameter as written: {@code $r2}, or with its type when known,
     * {@code (java.lang.Integer $r2)}, which spares javac inferring it: javac attributes nested
     * implicit lambdas again for each one around them, in time exponential in their depth.
     */
    final String param;
    final Lowered rest;
    final Code test;
    final List<Code> labels;
    final List<Lowered> arms;
    /** For a value: the type it is given as a target, {@code Spill.<T>now(value)}, or null. */
    final String target;

    private Lowered(List<Code> prefix, Code value, Code chain, String param, Lowered rest,
        Code test, List<Code> labels, List<Lowered> arms) {
      this(prefix, value, chain, param, rest, test, labels, arms, null);
    }

    private Lowered(List<Code> prefix, Code value, Code chain, String param, Lowered rest,
        Code test, List<Code> labels, List<Lowered> arms, String target) {
      this.prefix = prefix;
      this.value = value;
      this.chain = chain;
      this.param = param;
      this.rest = rest;
      this.test = test;
      this.labels = labels;
      this.arms = arms;
      this.target = target;
    }

    static Lowered value(List<Code> prefix, Code value) {
      return new Lowered(new ArrayList<>(prefix), value, null, null, null, null, null, null);
    }

    /** This value, given {@code type} as its target type. */
    Lowered withTarget(String type) {
      return new Lowered(prefix, value, null, null, null, null, null, null, type);
    }

    static Lowered split(List<Code> prefix, Code chain, String param, Lowered rest) {
      return new Lowered(new ArrayList<>(prefix), null, chain, param, rest, null, null, null);
    }

    static Lowered branch(List<Code> prefix, Code condition, Lowered whenTrue, Lowered whenFalse) {
      return new Lowered(new ArrayList<>(prefix), null, null, null, null, condition, null,
          List.of(whenTrue, whenFalse));
    }

    static Lowered cases(List<Code> prefix, Code selector, List<Code> labels, List<Lowered> arms) {
      return new Lowered(new ArrayList<>(prefix), null, null, null, null, selector,
          List.copyOf(labels), List.copyOf(arms));
    }

    boolean isValue() {
      return chain == null && arms == null;
    }

    boolean isChoice() {
      return arms != null;
    }

    /** This choice with each arm replaced by {@code map}'s. */
    Lowered mapArms(Function<Lowered, Lowered> map) {
      List<Lowered> mapped = new ArrayList<>();
      for (Lowered arm : arms) {
        mapped.add(map.apply(arm));
      }
      return withArms(mapped);
    }

    /** This choice with {@code replaced} for its arms, in order. */
    Lowered withArms(List<Lowered> replaced) {
      return new Lowered(prefix, null, null, null, null, test, labels, List.copyOf(replaced));
    }

    Lowered withPrefix(List<Code> first) {
      List<Code> all = new ArrayList<>(first);
      all.addAll(prefix);
      return new Lowered(all, value, chain, param, rest, test, labels, arms, target);
    }
  }

  /** What the spiller needs from the body reader. */
  interface Context {
    ReadContext readContext();

    boolean containsSuspension(Tree tree);

    /** The frame expression a direct @Async call starts, given its receiver's and arguments' code. */
    Code factoryCall(TreePath invocation, Code receiver, List<Code> arguments);

    boolean isAwait(MethodInvocationTree invocation);

    boolean isAsyncCall(MethodInvocationTree invocation);

    /**
     * For a direct call of an {@code @Async} method with a primitive result type: that type
     * ({@code int}), which the call has in Java where {@code await} of its frame has the box.
     */
    String primitiveResult(MethodInvocationTree invocation);

    /**
     * For a direct call of an {@code @Async} method whose result is a class type that mentions no
     * type variable ({@code String}, {@code List<Integer>}): that type, the type of the await's
     * value, which the continuation's lambda declares; else null. An implicitly typed lambda
     * would do as well, but javac takes time exponential in the depth of nested ones.
     */
    String referenceResult(MethodInvocationTree invocation);

    /**
     * For {@code await(f)}: the type of its value, {@code String} for a {@code Frame<String> f},
     * as {@link #referenceResult} says it; else null.
     */
    String awaitedType(ExpressionTree frame);

    /**
     * Whether a direct call of an {@code @Async} method has a type variable as its declared result
     * ({@code <T> T id(T t)}): Java then counts the call as no numeric operand of a conditional
     * (JLS 15.25, the type before inference), whatever it infers.
     */
    boolean genericResult(MethodInvocationTree invocation);

    /**
     * Whether the {@code @Async} call's result mentions a type variable of the method that no
     * parameter mentions ({@code <T> T load(Object key)}): Java infers it from the call's target
     * alone ({@code take(load(k))}), which the awaited value cannot carry.
     */
    boolean resultTypedByTarget(MethodInvocationTree invocation);

    /**
     * For an {@code @Async} call whose result's type variables only nulls and diamonds could tell
     * ({@code take(load(null))}): how its awaited value gets the type Java infers for the call in
     * its context (see {@link CallTyping}); null when the value's own type is the call's.
     */
    java.util.function.UnaryOperator<Code> typedResult(MethodInvocationTree invocation);

    /** Whether the call's receiver is an expression evaluated at run time (not a type, not this). */
    boolean hasEvaluatedReceiver(MethodInvocationTree invocation);

    /** Whether the expression is known to be a number, primitive or boxed (not a string). */
    boolean isNumeric(ExpressionTree expression);

    /**
     * The positions of a call's arguments whose parameter is primitive in every method the call
     * may denote: Java unboxes those arguments as it evaluates them.
     */
    List<Integer> primitiveParameters(MethodInvocationTree call);

    String newName(String prefix);

    /**
     * The chain that enters the switch expression at {@code path}, whose cases need statements
     * ({@code Spill.<Integer>enter(0)}), and its type: the reader reads the switch's states.
     */
    Entered enterSwitch(TreePath path) throws Unspillable;

    /** An expression's type, as Java's rules give it from what is declared; null if not known. */
    String obviousType(ExpressionTree tree);
  }

  /** See {@link Context#enterSwitch}. */
  static final class Entered {
    final Code chain;
    final String type;

    Entered(Code chain, String type) {
      this.chain = chain;
      this.type = type;
    }
  }

  private final Context cx;

  ExpressionSpiller(Context cx) {
    this.cx = cx;
  }

  /** The statement {@code $spill = ...;} and what precedes it, for an expression with a value. */
  static Code render(Lowered lowered) {
    return chainOf(lowered);
  }

  /**
   * {@code lowered} whose final values are given {@code type} as their target type, as Java gives
   * the whole expression the type of the variable it initializes: a lambda, a conditional of
   * lambdas or a generic method's call there ({@code Supplier<String> s = pick(await(f), () -> "x",
   * () -> "y")}) needs it to be typed at all.
   */
  static Lowered withTarget(Lowered lowered, String type) {
    return mapLeaves(lowered, leaf -> leaf.withTarget(type));
  }

  /** {@code lowered}, whose final value goes through {@code map} (code around the value's code). */
  static Lowered mapValue(Lowered lowered, java.util.function.UnaryOperator<Code> map) {
    return mapLeaves(lowered, leaf -> Lowered.value(leaf.prefix, map.apply(leaf.value)));
  }

  /**
   * The number of paths through {@code lowered}: each suspending conditional doubles the rest, and
   * a suspending switch expression multiplies it by its arms.
   */
  static int pathCount(Lowered lowered) {
    if (lowered.isValue()) {
      return 1;
    }
    if (lowered.isChoice()) {
      return lowered.arms.stream().mapToInt(ExpressionSpiller::pathCount).sum();
    }
    return pathCount(lowered.rest);
  }

  /** {@code lowered} with each of its final values (one per branch) replaced by {@code map}'s. */
  static Lowered mapLeaves(Lowered lowered, java.util.function.UnaryOperator<Lowered> map) {
    if (lowered.isValue()) {
      return map.apply(lowered);
    }
    if (lowered.isChoice()) {
      return lowered.mapArms(arm -> mapLeaves(arm, map));
    }
    return Lowered.split(lowered.prefix, lowered.chain, lowered.param, mapLeaves(lowered.rest, map));
  }

  Lowered lower(TreePath path) throws Unspillable {
    Tree tree = path.getLeaf();
    if (!cx.containsSuspension(tree)) {
      return Lowered.value(List.of(), read(path));
    }
    switch (tree.getKind()) {
      case PARENTHESIZED:
        // the parentheses stay: the value replaces them in the enclosing expression's text
        return mapValue(lower(child(path, ((ParenthesizedTree) tree).getExpression())),
            value -> Code.concat("(", value, ")"));
      case METHOD_INVOCATION:
        return lowerInvocation(path, (MethodInvocationTree) tree);
      case CONDITIONAL_AND:
      case CONDITIONAL_OR:
        return lowerShortCircuit(path, (BinaryTree) tree);
      case ASSIGNMENT:
        return lowerAssignment(path, (AssignmentTree) tree);
      case POSTFIX_INCREMENT:
      case POSTFIX_DECREMENT:
      case PREFIX_INCREMENT:
      case PREFIX_DECREMENT:
        return lowerUpdate(path, (UnaryTree) tree);
      case TYPE_CAST:
        return composite(path, List.of(((TypeCastTree) tree).getExpression()));
      case INSTANCE_OF:
        // a pattern's variable is a body local, bound by CodeReader.visitInstanceOf
        return composite(path, List.of(((InstanceOfTree) tree).getExpression()));
      case ARRAY_ACCESS: {
        ArrayAccessTree access = (ArrayAccessTree) tree;
        return composite(path, List.of(access.getExpression(), access.getIndex()));
      }
      case MEMBER_SELECT:
        return composite(path, List.of(((MemberSelectTree) tree).getExpression()));
      case MEMBER_REFERENCE: {
        // sp(x)::trim: the receiver first; javac's code for value::trim checks it for null at once
        MemberReferenceTree reference = (MemberReferenceTree) tree;
        if (reference.getTypeArguments() != null && !reference.getTypeArguments().isEmpty()) {
          throw new Unspillable(tree, "a suspension point inside a method reference with type"
              + " arguments");
        }
        return mapValue(lower(child(path, reference.getQualifierExpression())),
            value -> Code.concat(value, "::", reference.getName().toString()));
      }
      case NEW_CLASS: {
        NewClassTree created = (NewClassTree) tree;
        List<Tree> children = new ArrayList<>();
        if (created.getEnclosingExpression() != null) {
          // outer.new Inner(await(f)): a null outer throws before the arguments run (JLS 15.9.4)
          children.add(created.getEnclosingExpression());
          nullChecked.add(created.getEnclosingExpression());
        }
        children.addAll(created.getArguments());
        String initialized = classInitializedFirst(created);
        Lowered lowered = composite(path, children);
        // new C(await(f)): Java initializes C before the arguments run (its new comes first)
        return initialized == null ? lowered : lowered.withPrefix(List.of(Code.text(
            "dev.stackless.internal.Launch.initialize(" + initialized + ".class);")));
      }
      case NEW_ARRAY: {
        NewArrayTree array = (NewArrayTree) tree;
        List<Tree> children = new ArrayList<>(array.getDimensions());
        if (array.getInitializers() != null) {
          children.addAll(array.getInitializers());
        }
        Lowered lowered = composite(path, children);
        if (array.getType() != null || CodeReader.hiddenArrayOf(cx.readContext(), path) != null) {
          return lowered; // a private class's array is made by a call, an expression already
        }
        // int[] a = {x, await(f)}: the braces alone are no expression once moved into a lambda
        String type = bareInitializerType(path);
        if (type == null) {
          throw new Unspillable(tree, "an array initializer without new");
        }
        return mapValue(lowered, value -> Code.concat("new ", type, " ", value));
      }
      case CONDITIONAL_EXPRESSION: {
        com.sun.source.tree.ConditionalExpressionTree conditional =
            (com.sun.source.tree.ConditionalExpressionTree) tree;
        if (!cx.containsSuspension(conditional.getTrueExpression())
            && !cx.containsSuspension(conditional.getFalseExpression())) {
          // only the condition suspends: the branches stay a Java conditional, run after it
          return composite(path, List.of(conditional.getCondition()));
        }
        return lowerConditional(path, conditional);
      }
      case SWITCH_EXPRESSION:
        return lowerSwitchExpression(path, (SwitchExpressionTree) tree);
      default:
        if (tree instanceof BinaryTree) {
          BinaryTree binary = (BinaryTree) tree;
          List<Tree> operands = List.of(binary.getLeftOperand(), binary.getRightOperand());
          return unboxesOperands(binary)
              ? composite(path, operands, operands) : composite(path, operands);
        }
        if (tree instanceof CompoundAssignmentTree) {
          return lowerCompound(path, (CompoundAssignmentTree) tree);
        }
        if (tree instanceof UnaryTree) {
          return composite(path, List.of(((UnaryTree) tree).getExpression()));
        }
        throw new Unspillable(tree, "a suspension point inside " + describe(tree));
    }
  }

  /**
   * The array type of {@code {...}} without {@code new}: the declared type of the variable it
   * initializes, or for a nested one, the component type of the enclosing initializer's.
   */
  private String bareInitializerType(TreePath path) {
    Tree parent = path.getParentPath().getLeaf();
    if (parent instanceof com.sun.source.tree.VariableTree) {
      Tree type = ((com.sun.source.tree.VariableTree) parent).getType();
      if (type == null || type.toString().equals("var")) {
        return null;
      }
      // int x[] = {..}, int[] z[] = {..}: javac's array type tree spans the name between
      String brackets = "";
      while (type instanceof com.sun.source.tree.ArrayTypeTree) {
        type = ((com.sun.source.tree.ArrayTypeTree) type).getType();
        brackets += "[]";
      }
      return read(child(path.getParentPath(), type)) + brackets;
    }
    if (parent instanceof NewArrayTree) {
      NewArrayTree outer = (NewArrayTree) parent;
      String outerType = outer.getType() != null
          ? createdArrayType(path.getParentPath())
          : bareInitializerType(path.getParentPath());
      return outerType == null || !outerType.endsWith("[]")
          ? null : outerType.substring(0, outerType.length() - 2);
    }
    return null;
  }

  /**
   * The array type {@code new int[][] {...}} creates: javac's type tree, and the brackets written
   * after it before the brace (the tree does not say how many dimensions it has).
   */
  private String createdArrayType(TreePath created) {
    ReadContext rx = cx.readContext();
    NewArrayTree tree = (NewArrayTree) created.getLeaf();
    int typeEnd = (int) rx.positions().getEndPosition(rx.unit(), tree.getType());
    int brace = tree.getInitializers().isEmpty()
        ? (int) rx.positions().getEndPosition(rx.unit(), tree)
        : (int) rx.positions().getStartPosition(rx.unit(), tree.getInitializers().get(0));
    String brackets = rx.source().subSequence(typeEnd, brace).toString()
        .replaceAll("[^\\[\\]]", "");
    return read(child(created, tree.getType())) + brackets;
  }

  // --- invocations ------------------------------------------------------------------------------

  private Lowered lowerInvocation(TreePath path, MethodInvocationTree invocation)
      throws Unspillable {
    if (cx.isAwait(invocation)) {
      TreePath argument = child(path, invocation.getArguments().get(0));
      String awaited = cx.awaitedType(invocation.getArguments().get(0));
      return then(lower(argument), frame ->
          continuing(Code.concat(SPILL, ".await(", frame, ")"), null, awaited));
    }
    List<Tree> children = new ArrayList<>();
    boolean receiver = cx.hasEvaluatedReceiver(invocation);
    if (receiver) {
      children.add(((MemberSelectTree) invocation.getMethodSelect()).getExpression());
    }
    children.addAll(invocation.getArguments());
    for (int position : cx.primitiveParameters(invocation)) {
      unboxed.add(invocation.getArguments().get(position)); // Math.max(n, await(f))
    }
    if (cx.isAsyncCall(invocation)) {
      return sequence(path, children, 0, new IdentityHashMap<>(), values -> {
        Code receiverCode = receiver ? values.get(0) : null;
        List<Code> arguments = values.subList(receiver ? 1 : 0, values.size());
        String primitive = cx.primitiveResult(invocation);
        Lowered awaited = continuing(Code.concat(SPILL, ".await(",
            cx.factoryCall(path, receiverCode, arguments), ")"), primitive,
            primitive == null ? cx.referenceResult(invocation) : null);
        java.util.function.UnaryOperator<Code> typed = cx.typedResult(invocation);
        if (typed != null) { // take(load(new ArrayList<>())): T from take's parameter
          return mapValue(awaited, typed);
        }
        if (cx.resultTypedByTarget(invocation)) { // take(load(k)): T from take's parameter
          return mapValue(awaited, value -> Code.concat(
              "dev.stackless.internal.Results.inferred(", value, ")"));
        }
        // c ? id(5) : 2.5 stays a reference conditional: the value is a generic call's again
        return primitive == null && cx.genericResult(invocation)
            ? mapValue(awaited, value -> Code.concat(
                "dev.stackless.internal.Results.returning(", value, ")"))
            : awaited;
      });
    }
    return composite(path, children);
  }

  /**
   * The rest of the expression after {@code chain}, a spill, has its value: unboxed to {@code
   * primitive}, or of the {@code reference} type its lambda declares, when not null.
   */
  private Lowered continuing(Code chain, String primitive, String reference) {
    String param = cx.newName("$r");
    Code value = primitive == null
        ? Code.text(param)
        : Code.concat(param, ".", primitive, "Value()");
    String declared = primitive != null
        ? "(" + dev.stackless.processor.model.TypeSource.boxed(primitive) + " " + param + ")"
        : reference != null ? "(" + reference + " " + param + ")" : param;
    return Lowered.split(List.of(), chain, declared, Lowered.value(List.of(), value));
  }

  // --- the general case: operands in order ------------------------------------------------------

  /**
   * An expression whose operands are evaluated left to right and then combined: operands before
   * the last suspending one are evaluated into locals in order, suspending ones are taken apart,
   * and the expression itself is rebuilt from the values in the innermost continuation.
   */
  private Lowered composite(TreePath path, List<? extends Tree> children) throws Unspillable {
    return composite(path, children, List.of());
  }

  /**
   * As above; the {@code unboxed} children are unboxed as soon as they are evaluated, as Java
   * does (see {@link #unboxesOperands}): a null box throws before a later operand runs.
   */
  private Lowered composite(TreePath path, List<? extends Tree> children,
      List<? extends Tree> unboxed) throws Unspillable {
    this.unboxed.addAll(unboxed);
    return sequence(path, children, 0, new IdentityHashMap<>(), values -> {
      Map<Tree, Code> substitutions = new IdentityHashMap<>();
      for (int i = 0; i < values.size(); i++) {
        substitutions.put(children.get(i), values.get(i));
      }
      return Lowered.value(List.of(), readWith(path, substitutions));
    });
  }

  /** Operands that Java unboxes as soon as they are evaluated (their values cross a suspension). */
  private final java.util.Set<Tree> unboxed =
      java.util.Collections.newSetFromMap(new IdentityHashMap<>());

  /**
   * Whether Java unboxes both operands of {@code binary} as it evaluates them: always for {@code
   * - * / % < > <= >= << >> >>>}; for {@code +} when both are known to be numbers (not a string
   * concatenation); never for {@code == != & | ^}, whose operands may be references or booleans.
   */
  private boolean unboxesOperands(BinaryTree binary) {
    switch (binary.getKind()) {
      case MINUS:
      case MULTIPLY:
      case DIVIDE:
      case REMAINDER:
      case LESS_THAN:
      case GREATER_THAN:
      case LESS_THAN_EQUAL:
      case GREATER_THAN_EQUAL:
      case LEFT_SHIFT:
      case RIGHT_SHIFT:
      case UNSIGNED_RIGHT_SHIFT:
        return true;
      case PLUS:
        return cx.isNumeric(binary.getLeftOperand()) && cx.isNumeric(binary.getRightOperand());
      default:
        return false;
    }
  }

  private static final String UNBOXING = "dev.stackless.internal.Unboxing";

  /** Qualifiers of inner class creations, which Java checks for null as soon as it has them. */
  private final java.util.Set<Tree> nullChecked =
      java.util.Collections.newSetFromMap(new IdentityHashMap<>());

  /** What Java does with an operand as soon as it has its value: unbox it, or check it. */
  private List<Code> checksNow(Tree child, Code value) {
    if (unboxed.contains(child)) {
      return List.of(Code.concat(UNBOXING, ".now(", value, ");"));
    }
    if (nullChecked.contains(child)) {
      return List.of(Code.concat("java.util.Objects.requireNonNull(", value, ");"));
    }
    return List.of();
  }

  private interface Rebuild {
    Lowered apply(List<Code> values) throws Unspillable;
  }

  private Lowered sequence(
      TreePath path,
      List<? extends Tree> children,
      int from,
      Map<Tree, Code> done,
      Rebuild rebuild)
      throws Unspillable {
    int last = -1;
    for (int i = 0; i < children.size(); i++) {
      if (cx.containsSuspension(children.get(i))) {
        last = i;
      }
    }
    List<Code> prefix = new ArrayList<>();
    for (int i = from; i < children.size(); i++) {
      Tree child = children.get(i);
      if (done.containsKey(child)) {
        continue; // evaluated already
      }
      if (i > last) {
        done.put(child, read(child(path, child)));
        continue;
      }
      if (!cx.containsSuspension(child)) {
        done.put(child, isConstant(child) || isLambda(child) || isEffectFreeFactory(child)
            ? read(child(path, child))
            : child instanceof MemberReferenceTree
                ? spillReference(path, (MemberReferenceTree) child, prefix)
                : spillToLocal(path, child, prefix));
        if (!isConstant(child)) {
          prefix.addAll(checksNow(child, done.get(child)));
        }
        continue;
      }
      Lowered lowered = lower(child(path, child));
      int next = i + 1;
      boolean moreSuspensionsFollow = i < last;
      return then(lowered, value -> {
        Map<Tree, Code> values = new IdentityHashMap<>(done);
        List<Code> checkNow = moreSuspensionsFollow ? checksNow(child, value) : List.of();
        if (moreSuspensionsFollow && !value.toString().matches("[\\w$]+")) {
          // the rest of this operand runs now, before the next operand's suspension point
          String name = cx.newName("$t");
          values.put(child, Code.text(name));
          String target = localTypeOf(path, child);
          List<Code> first = new ArrayList<>(List.of(
              Code.concat(target == null ? "var" : target, " ", name, " = ", value, ";")));
          first.addAll(checksNow(child, Code.text(name)));
          return sequence(path, children, next, values, rebuild).withPrefix(first);
        }
        if (!checkNow.isEmpty()) {
          values.put(child, value);
          return sequence(path, children, next, values, rebuild).withPrefix(checkNow);
        }
        values.put(child, value);
        return sequence(path, children, next, values, rebuild);
      }).withPrefix(prefix);
    }
    List<Code> values = new ArrayList<>();
    for (Tree child : children) {
      values.add(done.get(child));
    }
    return rebuild.apply(values).withPrefix(prefix);
  }

  private Code spillToLocal(TreePath path, Tree child, List<Code> prefix) throws Unspillable {
    String name = cx.newName("$t");
    Code value = read(child(path, child));
    if (child instanceof NewArrayTree && ((NewArrayTree) child).getType() == null
        && CodeReader.hiddenArrayOf(cx.readContext(), child(path, child)) == null) {
      // {"a"} in {{"a"}, {b()}}: no expression on its own
      String type = bareInitializerType(child(path, child));
      value = type == null ? value : Code.concat("new ", type, " ", value);
    }
    String target = localTypeOf(path, child);
    if (target == null && takesInferredType(path, child)) {
      // Object $t = myEmpty(); .. merge(Results.inferred($t), $r): typed where it is passed
      prefix.add(Code.concat("java.lang.Object ", name, " = ", value, ";"));
      return Code.concat("dev.stackless.internal.Results.inferred(", name, ")");
    }
    prefix.add(Code.concat(target == null ? "var" : target, " ", name, " = ", value, ";"));
    return Code.text(name);
  }

  /**
   * The type written for the local an operand is saved in, null for {@code var}: a poly
   * argument's parameter type, or the operand's own type when it holds a switch expression with
   * a lambda in a block, from which javac (17 to 25 at least) cannot infer a {@code var}.
   */
  private String localTypeOf(TreePath path, Tree child) throws Unspillable {
    String target = targetTypeOf(path, child);
    if (target != null || !switchBlockHoldsLambda(child)) {
      return target;
    }
    String type = cx.obviousType((ExpressionTree) child);
    if (type == null) {
      throw new Unspillable(child, "an operand holding a switch expression with a lambda in a"
          + " block, before a suspension point in the same expression, whose type is not known"
          + " here,");
    }
    return type;
  }

  /** Whether a block of a switch expression inside {@code tree} holds a lambda. */
  private static boolean switchBlockHoldsLambda(Tree tree) {
    boolean[] found = {false};
    new com.sun.source.util.TreeScanner<Void, Boolean>() {
      @Override
      public Void visitCase(CaseTree node, Boolean inBlock) {
        boolean value = node.getCaseKind() == CaseTree.CaseKind.RULE
            && node.getBody() instanceof ExpressionTree;
        return super.visitCase(node, inBlock || !value);
      }

      @Override
      public Void visitLambdaExpression(com.sun.source.tree.LambdaExpressionTree node, Boolean b) {
        found[0] |= b;
        return null; // what is inside is the lambda's own
      }

      @Override
      public Void visitMemberReference(MemberReferenceTree node, Boolean inBlock) {
        found[0] |= inBlock;
        return null;
      }
    }.scan(tree, false);
    return found[0];
  }

  /**
   * The type an argument that is a poly expression ({@code new ArrayList<>()}, {@code List.of()},
   * {@code c ? a : b}) takes from the parameter it is passed to, which a {@code var} would not
   * give it; null if not such an argument, or the one method of that arity does not tell it (a
   * type variable, a private class, a primitive, whose unboxing Java does later).
   */
  String targetTypeOf(TreePath parentPath, Tree child) {
    javax.lang.model.type.TypeMirror parameter = targetParameterType(parentPath, child);
    return parameter == null ? null : dev.stackless.processor.model.TypeSource.print(parameter);
  }

  /** As {@link #targetTypeOf}, the parameter's type itself. */
  javax.lang.model.type.TypeMirror targetParameterType(TreePath parentPath, Tree child) {
    if (!(child instanceof NewClassTree || child instanceof MethodInvocationTree
        || child instanceof com.sun.source.tree.ConditionalExpressionTree)) {
      return null;
    }
    javax.lang.model.element.VariableElement found = targetParameter(parentPath, child);
    if (found == null) {
      return null;
    }
    javax.lang.model.type.TypeMirror parameter = found.asType();
    if (parameter.getKind() != javax.lang.model.type.TypeKind.DECLARED
        || dev.stackless.processor.model.TypeSource.mentionsTypeVariable(parameter)
        || dev.stackless.processor.model.HiddenTypes.mentionsHidden(parameter)
        || dev.stackless.processor.model.TypeSource.mentionsError(parameter)) {
      return null;
    }
    return parameter;
  }

  /**
   * The parameter an argument is passed to, when the call's one method of that arity (not
   * varargs) tells it; null for another parent or when overloads leave it open.
   */
  private javax.lang.model.element.VariableElement targetParameter(
      TreePath parentPath, Tree child) {
    Tree parent = parentPath.getLeaf();
    List<? extends ExpressionTree> arguments;
    List<javax.lang.model.element.ExecutableElement> candidates;
    if (parent instanceof MethodInvocationTree) {
      arguments = ((MethodInvocationTree) parent).getArguments();
      candidates = methodsCalled((MethodInvocationTree) parent);
    } else if (parent instanceof NewClassTree && ((NewClassTree) parent).getClassBody() == null) {
      arguments = ((NewClassTree) parent).getArguments();
      candidates = new ArrayList<>();
      Tree created = ((NewClassTree) parent).getIdentifier();
      javax.lang.model.element.TypeElement type =
          created instanceof IdentifierTree || created instanceof MemberSelectTree
              ? cx.readContext().names().typeOfQualifier(created.toString()) : null;
      if (type != null && type.getTypeParameters().isEmpty()) {
        candidates.addAll(javax.lang.model.util.ElementFilter.constructorsIn(type.getEnclosedElements()));
      }
    } else {
      return null;
    }
    int index = arguments.indexOf(child);
    javax.lang.model.element.ExecutableElement found = soleOfArity(candidates, arguments.size());
    return found == null || index < 0 ? null : found.getParameters().get(index);
  }

  /**
   * Whether the call at {@code parentPath} hands the argument {@code child} through as its result,
   * so that the argument's target is the call's: {@code id(later(() -> "x"))} with {@code <T> T
   * id(T t)}, {@code Objects.requireNonNull(..)}; the one method of that arity has a parameter
   * of its own type variable {@code T} there and returns {@code T}.
   */
  boolean passesThrough(TreePath parentPath, Tree child) {
    if (!(parentPath.getLeaf() instanceof MethodInvocationTree)) {
      return false;
    }
    javax.lang.model.element.VariableElement parameter = targetParameter(parentPath, child);
    if (parameter == null
        || parameter.asType().getKind() != javax.lang.model.type.TypeKind.TYPEVAR) {
      return false;
    }
    javax.lang.model.element.Element declarer =
        ((javax.lang.model.type.TypeVariable) parameter.asType()).asElement().getEnclosingElement();
    javax.lang.model.element.ExecutableElement method =
        (javax.lang.model.element.ExecutableElement) parameter.getEnclosingElement();
    return declarer.equals(method) && method.getReturnType().toString().equals(
        parameter.asType().toString());
  }

  /** The methods a call may denote by its name and receiver, of any arity. */
  private List<javax.lang.model.element.ExecutableElement> methodsCalled(MethodInvocationTree call) {
    NameResolver names = cx.readContext().names();
    ExpressionTree select = call.getMethodSelect();
    if (select instanceof IdentifierTree) {
      return names.methods(((IdentifierTree) select).getName().toString());
    }
    if (!(select instanceof MemberSelectTree)) {
      return List.of();
    }
    ExpressionTree qualifier = ((MemberSelectTree) select).getExpression();
    javax.lang.model.element.TypeElement site = cx.readContext().valueType(qualifier);
    if (site == null && (qualifier instanceof IdentifierTree || qualifier instanceof MemberSelectTree)
        && cx.readContext().bodyLocal(qualifier.toString()) == null) {
      site = names.typeOfQualifier(qualifier.toString()); // Util.take(..): a static method
    }
    return site == null ? List.of()
        : names.methodsOf(site, ((MemberSelectTree) select).getIdentifier().toString());
  }

  /** The one candidate of that arity, if it is not varargs; else null. */
  private static javax.lang.model.element.ExecutableElement soleOfArity(
      List<javax.lang.model.element.ExecutableElement> candidates, int arity) {
    javax.lang.model.element.ExecutableElement found = null;
    for (javax.lang.model.element.ExecutableElement candidate : candidates) {
      if (candidate.getParameters().size() == arity) {
        if (found != null || candidate.isVarArgs()) {
          return null; // overloads: which one depends on the argument's type
        }
        found = candidate;
      }
    }
    return found;
  }

  /**
   * Whether the argument is a generic call or a diamond creation whose type arguments Java infers
   * from the parameter it is passed to, a parameter of a type variable of the called method
   * ({@code merge(myEmpty(), await(f))} with {@code <T> List<T> merge(List<T> a, T b)}): saved in a
   * {@code var}, it would have {@code List<Object>}, which the call no longer takes.
   */
  private boolean takesInferredType(TreePath parentPath, Tree child) {
    if (!(parentPath.getLeaf() instanceof MethodInvocationTree)) {
      return false;
    }
    javax.lang.model.element.VariableElement parameter = targetParameter(parentPath, child);
    if (parameter == null || parameter.getEnclosingElement().getKind()
            != javax.lang.model.element.ElementKind.METHOD
        || !dev.stackless.processor.model.TypeSource.mentionsTypeVariable(parameter.asType())
        || ((javax.lang.model.element.ExecutableElement) parameter.getEnclosingElement())
            .getTypeParameters().isEmpty()) {
      return false;
    }
    return isTypedByTarget(child);
  }

  /**
   * Whether only the target types the expression: a diamond creation without arguments, a call of
   * a generic method whose result mentions a type variable none of its parameters does ({@code
   * List.of()}, {@code <T> List<T> made(String what)}), or a conditional of such branches.
   */
  private boolean isTypedByTarget(Tree tree) {
    while (tree instanceof ParenthesizedTree) {
      tree = ((ParenthesizedTree) tree).getExpression();
    }
    if (tree instanceof com.sun.source.tree.ConditionalExpressionTree) {
      com.sun.source.tree.ConditionalExpressionTree conditional =
          (com.sun.source.tree.ConditionalExpressionTree) tree;
      return isTypedByTarget(conditional.getTrueExpression())
          && isTypedByTarget(conditional.getFalseExpression());
    }
    if (tree instanceof NewClassTree) {
      NewClassTree creation = (NewClassTree) tree;
      Tree created = creation.getIdentifier();
      return creation.getClassBody() == null && creation.getArguments().isEmpty()
          && created instanceof com.sun.source.tree.ParameterizedTypeTree
          && ((com.sun.source.tree.ParameterizedTypeTree) created).getTypeArguments().isEmpty();
    }
    if (!(tree instanceof MethodInvocationTree)
        || !((MethodInvocationTree) tree).getTypeArguments().isEmpty()) {
      return false;
    }
    MethodInvocationTree call = (MethodInvocationTree) tree;
    javax.lang.model.element.ExecutableElement called =
        soleOfArity(methodsCalled(call), call.getArguments().size());
    if (called == null) {
      return false;
    }
    for (javax.lang.model.element.TypeParameterElement variable : called.getTypeParameters()) {
      if (dev.stackless.processor.model.TypeSource.mentionsTypeVariable(
              called.getReturnType(), variable)
          && called.getParameters().stream().noneMatch(parameter ->
              dev.stackless.processor.model.TypeSource.mentionsTypeVariable(
                  parameter.asType(), variable))) {
        return true;
      }
    }
    return false;
  }

  /**
   * A call of a generic JDK factory without arguments ({@code List.of()}, {@code
   * Optional.empty()}) or a JDK collection made empty ({@code new ArrayList<>()}): nothing
   * observable happens when it runs, so it runs where the rest of the expression does, where it
   * has its target type.
   */
  private boolean isEffectFreeFactory(Tree tree) {
    NameResolver names = cx.readContext().names();
    String qualifier;
    if (tree instanceof MethodInvocationTree && ((MethodInvocationTree) tree).getArguments().isEmpty()
        && ((MethodInvocationTree) tree).getMethodSelect() instanceof MemberSelectTree) {
      ExpressionTree site = ((MemberSelectTree) ((MethodInvocationTree) tree).getMethodSelect())
          .getExpression();
      if (!(site instanceof IdentifierTree || site instanceof MemberSelectTree)
          || cx.readContext().namesVariable(site.toString().split("\\.")[0])) {
        return false;
      }
      qualifier = site.toString();
    } else if (tree instanceof NewClassTree && ((NewClassTree) tree).getArguments().isEmpty()
        && ((NewClassTree) tree).getClassBody() == null
        && ((NewClassTree) tree).getIdentifier() instanceof com.sun.source.tree.ParameterizedTypeTree) {
      qualifier = ((com.sun.source.tree.ParameterizedTypeTree) ((NewClassTree) tree).getIdentifier())
          .getType().toString();
    } else {
      return false;
    }
    javax.lang.model.element.TypeElement type = names.typeOfQualifier(qualifier);
    if (type == null) {
      return false;
    }
    String name = type.getQualifiedName().toString();
    if (!name.startsWith("java.util.") || name.startsWith("java.util.concurrent.")) {
      return false;
    }
    if (tree instanceof NewClassTree) {
      return true;
    }
    // a generic factory, whose result's type its target decides (not, say, a clock's reading)
    List<javax.lang.model.element.ExecutableElement> methods = names.methodsOf(type,
        ((MemberSelectTree) ((MethodInvocationTree) tree).getMethodSelect()).getIdentifier().toString());
    // (List.of() among the of(e1, ..) overloads: the one without parameters is the one called)
    List<javax.lang.model.element.ExecutableElement> called = methods.stream()
        .filter(m -> m.getParameters().isEmpty()).collect(java.util.stream.Collectors.toList());
    return !called.isEmpty() && called.stream().allMatch(m -> !m.getTypeParameters().isEmpty()
        && m.getModifiers().contains(javax.lang.model.element.Modifier.STATIC));
  }

  /**
   * A lambda: creating it runs nothing, and what it captures cannot change before the suspension
   * point that follows it (effectively final locals), so it is created where the rest of the
   * expression runs; a {@code var} could not hold it.
   */
  private static boolean isLambda(Tree tree) {
    while (tree instanceof com.sun.source.tree.ParenthesizedTree) {
      tree = ((com.sun.source.tree.ParenthesizedTree) tree).getExpression();
    }
    return tree instanceof com.sun.source.tree.LambdaExpressionTree;
  }

  /**
   * A method reference before a suspension point: Java evaluates its receiver there, and throws if
   * it is null (JLS 15.13.3); the reference itself is made where the rest of the expression runs,
   * as a {@code var} could not hold it. A type's ({@code String::valueOf}, {@code Node::new}),
   * {@code this}'s and {@code super}'s references evaluate nothing.
   */
  private Code spillReference(TreePath path, MemberReferenceTree reference, List<Code> prefix)
      throws Unspillable {
    TreePath referencePath = child(path, reference);
    ExpressionTree qualifier = reference.getQualifierExpression();
    String text = qualifier.toString();
    boolean evaluatesNothing = reference.getMode() == MemberReferenceTree.ReferenceMode.NEW
        || text.equals("this") || text.equals("super") || text.endsWith(".this")
        || text.endsWith(".super") || !(qualifier instanceof IdentifierTree
            || qualifier instanceof MemberSelectTree) || namesType(text);
    if (evaluatesNothing) {
      return read(referencePath);
    }
    if (reference.getTypeArguments() != null && !reference.getTypeArguments().isEmpty()) {
      throw new Unspillable(reference,
          "a method reference with type arguments before a suspension point");
    }
    String name = cx.newName("$t");
    prefix.add(Code.concat("var ", name, " = java.util.Objects.requireNonNull(",
        read(child(referencePath, qualifier)), ");"));
    return Code.text(name + "::" + reference.getName());
  }

  /** Whether a qualifier's text names a type rather than a variable ({@code Integer}, {@code java.util.List}). */
  private boolean namesType(String text) {
    ReadContext rx = cx.readContext();
    String first = text.contains(".") ? text.substring(0, text.indexOf('.')) : text;
    return rx.bodyLocal(first) == null && rx.names().field(first) == null
        && rx.names().typeOfQualifier(text) != null;
  }

  private static boolean isConstant(Tree tree) {
    return tree instanceof LiteralTree
        || (tree instanceof IdentifierTree
            && ((IdentifierTree) tree).getName().contentEquals("this"));
  }

  private interface Continuation {
    Lowered apply(Code value) throws Unspillable;
  }

  /** Runs {@code lowered}, then continues with its value (on each branch, for a branch). */
  private Lowered then(Lowered lowered, Continuation next) throws Unspillable {
    if (lowered.isValue()) {
      return next.apply(lowered.value).withPrefix(lowered.prefix);
    }
    if (lowered.isChoice()) {
      List<Lowered> arms = new ArrayList<>();
      for (Lowered arm : lowered.arms) {
        arms.add(then(arm, next));
      }
      return lowered.withArms(arms);
    }
    return Lowered.split(lowered.prefix, lowered.chain, lowered.param, then(lowered.rest, next));
  }

  /**
   * {@code c ? a : b} where a branch suspends, inside a larger expression: the condition, then a
   * branch per outcome, each continuing with the rest of the expression. There the conditional's
   * value is written as a conditional on a constant, {@code (true ? a' : b)}, so that javac gives
   * it the type and the conversions of the original (binary numeric promotion, the unboxing of a
   * null branch): the branch not taken is dead code, never evaluated.
   *
   * <pre>
   *   return 1 + (c ? leaf(2) : 3L);
   *     ===&gt;
   *   $spill = (c)
   *       ? Spill.await(OwnerAsync.leaf(2)).bind($r1 -&gt; Spill.now(1 + (true ? $r1.intValue() : 3L)))
   *       : Spill.now(1 + (false ? leaf(2) : 3L));
   * </pre>
   */
  private Lowered lowerConditional(
      TreePath path, com.sun.source.tree.ConditionalExpressionTree conditional)
      throws Unspillable {
    Code whenTrueText = read(child(path, conditional.getTrueExpression()));
    Code whenFalseText = read(child(path, conditional.getFalseExpression()));
    Lowered condition = lower(child(path, conditional.getCondition()));
    Lowered whenTrue = mapValue(lower(child(path, conditional.getTrueExpression())),
        value -> Code.concat("(true ? ", value, " : ", whenFalseText, ")"));
    Lowered whenFalse = mapValue(lower(child(path, conditional.getFalseExpression())),
        value -> Code.concat("(false ? ", whenTrueText, " : ", value, ")"));
    return then(condition, value -> Lowered.branch(List.of(), value, whenTrue, whenFalse));
  }

  /**
   * A switch expression inside a larger expression: the selector, into a local; then a switch on
   * that value, with an arm for each case whose value suspends (the value, then the rest of the
   * whole expression) and one for the other cases (the rest of the whole expression). There the
   * switch expression is written again on the same value, with the case that ran replaced by its
   * value: javac gives it the original's type and conversions, the switch takes the same case
   * again, and the cases that do not suspend run as written.
   *
   * <pre>
   *   return 1 + switch (k) { case 1 -&gt; leaf(2); default -&gt; 3L; };
   *     ===&gt;
   *   var $t1 = k;
   *   $spill = switch ($t1) {
   *     case 1 -&gt; Spill.await(OwnerAsync.leaf(2)).bind($r2 -&gt;
   *         Spill.now(1 + switch ($t1) { case 1 -&gt; $r2.intValue(); default -&gt; 3L; }));
   *     default -&gt; Spill.now(1 + switch ($t1) { case 1 -&gt; leaf(2); default -&gt; 3L; });
   *   };
   * </pre>
   *
   * A case whose block or {@code throw} suspends needs statements between the values: the state
   * machine runs such a switch ({@link #entering}).
   */
  private Lowered lowerSwitchExpression(TreePath path, SwitchExpressionTree tree)
      throws Unspillable {
    ExpressionTree selector = tree.getExpression();
    while (selector instanceof ParenthesizedTree) {
      selector = ((ParenthesizedTree) selector).getExpression();
    }
    boolean casesSuspend = false;
    for (CaseTree c : tree.getCases()) {
      casesSuspend |= cx.containsSuspension(c);
    }
    if (!casesSuspend) {
      return composite(path, List.of(selector));
    }
    if (needsStatements(tree)) {
      return entering(path, tree);
    }
    boolean patterns = CaseLabels.isPatternSwitch(tree.getCases());
    java.util.Set<String> bound = new java.util.HashSet<>();
    for (CaseTree c : tree.getCases()) {
      for (Tree label : CaseLabels.of(c)) {
        Tree pattern = CaseLabels.pattern(label);
        if (pattern != null) {
          CaseLabels.bindings(pattern).forEach(v -> bound.add(v.getName().toString()));
        }
      }
    }
    ExpressionTree selectorTree = selector;
    return then(lower(child(path, selector)), value -> {
      patternVariables.addAll(bound); // the cases' values use Java's pattern variables
      Map<Tree, Code> renamedBefore = new IdentityHashMap<>(renamed);
      try {
        return switchOnSaved(path, tree, selectorTree, value, patterns);
      } finally {
        patternVariables.removeAll(bound);
        renamed.keySet().retainAll(renamedBefore.keySet());
      }
    });
  }

  /**
   * Whether a switch expression whose cases suspend is run by the state machine ({@link
   * #entering}) rather than written again per case: when a case suspends in statements (a block,
   * a {@code throw}, an old-style case), when a guard would be tested again by the switch written
   * again, or when a pattern case's value holds such a switch, which would not see the pattern's
   * variables there.
   */
  private boolean needsStatements(SwitchExpressionTree tree) {
    boolean patterns = CaseLabels.isPatternSwitch(tree.getCases());
    for (CaseTree c : tree.getCases()) {
      if (CaseLabels.guard(c) != null) {
        return true;
      }
      if (!cx.containsSuspension(c)) {
        continue;
      }
      if (c.getCaseKind() != CaseTree.CaseKind.RULE || !(c.getBody() instanceof ExpressionTree)) {
        return true;
      }
      if (patterns && holdsSwitchNeedingStatements(c.getBody())) {
        return true;
      }
    }
    return false;
  }

  private boolean holdsSwitchNeedingStatements(Tree body) {
    boolean[] found = {false};
    new com.sun.source.util.TreeScanner<Void, Void>() {
      @Override
      public Void visitSwitchExpression(SwitchExpressionTree node, Void unused) {
        found[0] |= cx.containsSuspension(node) && needsStatements(node);
        return super.visitSwitchExpression(node, unused);
      }

      @Override
      public Void visitLambdaExpression(com.sun.source.tree.LambdaExpressionTree node, Void u) {
        return null; // a lambda's switch is its own
      }
    }.scan(body, null);
    return found[0];
  }

  /**
   * A switch expression the state machine runs, as a switch statement that yields into a field,
   * between the operands before it and the rest of the expression:
   *
   * <pre>
   *   return note() + switch (k) { case 1 -&gt; { suspend(); yield 2; } default -&gt; 3; };
   *     ===&gt;
   *   var $t1 = note();
   *   $spill = Spill.&lt;Integer&gt;enter(0).bind($r2 -&gt; Spill.now($t1 + $r2.intValue()));
   *   ... the state machine runs the switch, which sets $y3, then $spill.resume($y3) ...
   * </pre>
   */
  private Lowered entering(TreePath path, SwitchExpressionTree tree) throws Unspillable {
    if (!patternVariables.isEmpty() || !renamed.isEmpty()) {
      boolean[] uses = {false};
      new com.sun.source.util.TreeScanner<Void, Void>() {
        @Override
        public Void visitIdentifier(IdentifierTree node, Void unused) {
          uses[0] |= renamed.containsKey(node) || patternVariables.contains(node.getName().toString());
          return null;
        }
      }.scan(tree, null);
      if (uses[0]) {
        throw new Unspillable(tree, "a switch expression whose case suspends in a block, a throw"
            + " or a guard, inside a case of an enclosing switch expression whose pattern"
            + " variable it uses,");
      }
    }
    Entered entered = cx.enterSwitch(path);
    return continuing(entered.chain,
        dev.stackless.processor.model.TypeSource.isPrimitive(entered.type) ? entered.type : null, null);
  }

  /** Java's pattern variables in scope where the spiller reads code, not the frame's fields. */
  private final java.util.Set<String> patternVariables = new java.util.HashSet<>();

  /** The uses of pattern variables renamed in a switch on a saved selector (see renameUses). */
  private final Map<Tree, Code> renamed = new IdentityHashMap<>();

  /** Records the uses of the pattern variable {@code name} in a case's value as {@code to}. */
  private void renameUses(Tree body, String name, String to) {
    new com.sun.source.util.TreeScanner<Void, Void>() {
      @Override
      public Void visitIdentifier(IdentifierTree node, Void unused) {
        if (node.getName().contentEquals(name)) {
          renamed.put(node, Code.text(to));
        }
        return null;
      }
    }.scan(body, null);
  }

  private Code readWith(TreePath path, Map<Tree, Code> substitutions) {
    Map<Tree, Code> all = new IdentityHashMap<>(renamed);
    all.putAll(substitutions);
    return CodeReader.readWith(cx.readContext(), path, all, patternVariables);
  }

  /** The switch on the selector's saved {@code value}, for {@link #lowerSwitchExpression}. */
  private Lowered switchOnSaved(TreePath path, SwitchExpressionTree tree,
      ExpressionTree selectorTree, Code value, boolean patterns) throws Unspillable {
    String saved = cx.newName("$t");
    Map<Tree, Code> onSaved = new IdentityHashMap<>();
    onSaved.put(selectorTree, Code.text(saved));
    Lowered others = Lowered.value(List.of(),
        CodeReader.readWith(cx.readContext(), path, onSaved, patternVariables));
    List<Code> labels = new ArrayList<>();
    List<Lowered> arms = new ArrayList<>();
    List<Code> otherLabels = new ArrayList<>();
    boolean otherDefault = false;
    ReadContext read = cx.readContext();
    boolean onOrdinal = PrivateEnumSwitch.of(
        tree, read.names().owner(), read::valueType, read::namesVariable) != null;
    for (CaseTree c : tree.getCases()) {
      TreePath casePath = child(path, c);
      List<Code> constants = new ArrayList<>();
      for (Tree label : CaseLabels.of(c)) {
        if (onOrdinal && CaseLabels.isDefault(c) && PrivateEnumSwitch.isNull(label)) {
          continue; // case null, default ===> default, which the ordinal -1 reaches
        }
        // the switch written again inside this one binds the pattern's names itself: here they
        // get names of their own, which the case's value uses
        Map<Tree, Code> fresh = new IdentityHashMap<>();
        Tree pattern = CaseLabels.pattern(label);
        for (com.sun.source.tree.VariableTree variable
            : pattern == null ? List.<com.sun.source.tree.VariableTree>of()
                : CaseLabels.bindings(pattern)) {
          String name = cx.newName("$p");
          TreePath variablePath = TreePath.getPath(casePath, variable);
          Tree type = variable.getType();
          fresh.put(variable, Code.concat(type == null || type.toString().equals("var")
              ? Code.text("var") : read(child(variablePath, type)), " ", name));
          if (c.getBody() != null) {
            renameUses(c.getBody(), variable.getName().toString(), name);
          }
        }
        constants.add(fresh.isEmpty() ? read(child(casePath, label))
            : CodeReader.readWith(cx.readContext(), child(casePath, label), fresh,
                patternVariables));
      }
      if (!cx.containsSuspension(c) && patterns) {
        // a pattern's variables allow it no company: case String s, Integer i is no label
        labels.add(patternCaseLabel(c, constants));
        arms.add(others);
        continue;
      }
      if (!cx.containsSuspension(c)) {
        otherLabels.addAll(constants);
        otherDefault |= constants.isEmpty();
        continue;
      }
      Tree body = c.getBody();
      labels.add(patterns ? patternCaseLabel(c, constants) : caseLabel(constants));
      arms.add(mapValue(lower(child(casePath, body)), armValue -> {
        Map<Tree, Code> taken = new IdentityHashMap<>(onSaved);
        taken.put(body, armValue);
        return CodeReader.readWith(cx.readContext(), path, taken, patternVariables);
      }));
    }
    if (!otherLabels.isEmpty()) {
      labels.add(caseLabel(otherLabels));
      arms.add(others);
    }
    if (otherDefault
        || onOrdinal && tree.getCases().stream().noneMatch(CaseLabels::isDefault)) {
      // on ordinals, the cases' labels do not cover all ints: the rest is the switch as written
      labels.add(Code.text("default"));
      arms.add(others);
    }
    return Lowered.cases(List.of(Code.concat("var ", saved, " = ", value, ";")),
        onOrdinal ? PrivateEnumSwitch.selector(Code.text(saved), tree.getCases())
            : Code.text(saved), labels, arms);
  }

  /** A pattern switch's case label as written: {@code case String s}, {@code case null, default}. */
  private static Code patternCaseLabel(CaseTree c, List<Code> labels) {
    if (!CaseLabels.isDefault(c)) {
      return caseLabel(labels);
    }
    return labels.isEmpty() ? Code.text("default") : Code.concat(caseLabel(labels), ", default");
  }

  /** {@code case A, B}, or {@code default} for no constants. */
  private static Code caseLabel(List<Code> constants) {
    if (constants.isEmpty()) {
      return Code.text("default");
    }
    List<Object> pieces = new ArrayList<>(List.of("case "));
    for (int i = 0; i < constants.size(); i++) {
      pieces.add(i == 0 ? constants.get(i) : Code.concat(", ", constants.get(i)));
    }
    return Code.concat(pieces.toArray());
  }

  // --- short circuits, assignments, updates -----------------------------------------------------

  /** {@code a && b}: b, with its own suspension points, runs only if a is true. */
  private Lowered lowerShortCircuit(TreePath path, BinaryTree tree) throws Unspillable {
    boolean and = tree.getKind() == Tree.Kind.CONDITIONAL_AND;
    Lowered left = lower(child(path, tree.getLeftOperand()));
    Lowered right = lower(child(path, tree.getRightOperand()));
    Code rightChain = right.prefix.isEmpty()
        ? chainOf(right)
        : Code.concat(SPILL, ".run(() -> ", body(right), ")");
    return then(left, value -> {
      String param = cx.newName("$r");
      Code chain = and
          ? Code.concat("((", value, ") ? ", rightChain, " : ", SPILL, ".now(false))")
          : Code.concat("((", value, ") ? ", SPILL, ".now(true) : ", rightChain, ")");
      return Lowered.split(List.of(), chain, param, Lowered.value(List.of(), Code.text(param)));
    });
  }

  /** {@code x = e}, {@code a[i] = e}, {@code o.f = e}: the target's parts first, then e. */
  private Lowered lowerAssignment(TreePath path, AssignmentTree tree) throws Unspillable {
    ExpressionTree target = tree.getVariable();
    String[] privateField = CodeReader.privateTarget(
        cx.readContext(), child(path, target), name -> cx.readContext().bodyLocal(name) != null);
    if (privateField != null) {
      // count = e  ===>  OwnerAsync.count$set(e)
      return then(lower(child(path, tree.getExpression())),
          value -> Lowered.value(List.of(), Code.concat(privateField[1], value, ")")));
    }
    List<Tree> children = new ArrayList<>(targetOperands(target));
    children.add(tree.getExpression());
    return composite(path, children, indexOf(target));
  }

  /** An array element target's index, which Java unboxes before the right side runs. */
  private static List<Tree> indexOf(ExpressionTree target) {
    while (target instanceof ParenthesizedTree) {
      target = ((ParenthesizedTree) target).getExpression();
    }
    return target instanceof ArrayAccessTree
        ? List.of(((ArrayAccessTree) target).getIndex()) : List.of();
  }

  /**
   * {@code x op= e}: the target's parts, then its old value, then e; the operation applies Java's
   * implicit narrowing through a {@code var} copy of the old value.
   */
  private Lowered lowerCompound(TreePath path, CompoundAssignmentTree tree) throws Unspillable {
    ExpressionTree target = tree.getVariable();
    List<Tree> operands = targetOperands(target);
    TreePath targetPath = child(path, target);
    // the target's operands are evaluated once, before the right side: into locals, always
    List<Code> first = new ArrayList<>();
    Map<Tree, Code> evaluated = new IdentityHashMap<>();
    unboxed.addAll(indexOf(target));
    for (Tree operand : operands) {
      if (cx.containsSuspension(operand)) {
        break; // m[a()][i()]: i() runs after a() suspends, in the sequence below
      }
      evaluated.put(operand,
          isConstant(operand) ? read(child(path, operand)) : spillToLocal(path, operand, first));
      if (unboxed.contains(operand) && !isConstant(operand)) {
        first.add(Code.concat(UNBOXING, ".now(", evaluated.get(operand), ");"));
      }
    }
    return sequence(path, operands, 0, evaluated, values -> {
      // the target is read and then written: each operand's value must be computed once
      List<Code> once = new ArrayList<>();
      Map<Tree, Code> substitutions = new IdentityHashMap<>();
      for (int i = 0; i < values.size(); i++) {
        Code value = values.get(i);
        if (!value.toString().matches("[\\w$]+")) {
          String name = cx.newName("$t");
          once.add(Code.concat("var ", name, " = ", value, ";"));
          value = Code.text(name);
        }
        substitutions.put(operands.get(i), value);
      }
      String[] ownField = CodeReader.privateTarget(
          cx.readContext(), targetPath, name -> cx.readContext().bodyLocal(name) != null);
      String[] privateField = ownField != null || operands.size() != 1
          ? ownField
          // other.count op= e: the receiver's value is in a local now
          : CodeReader.privateTargetOf(
              cx.readContext(), target, substitutions.get(operands.get(0)).toString());
      Code lvalue = privateField != null
          ? Code.text(privateField[0])
          : readWith(targetPath, substitutions);
      String old = cx.newName("$old");
      List<Code> prefix = new ArrayList<>(once);
      prefix.add(Code.concat("var ", old, " = ", lvalue, ";"));
      String operator = compoundOperator(path, tree);
      if (List.of("-=", "*=", "/=", "%=", "<<=", ">>=", ">>>=").contains(operator)
          || (operator.equals("+=") && cx.isNumeric(target))) {
        // Java unboxes the saved value before it evaluates the right side
        prefix.add(Code.concat(UNBOXING, ".now(", old, ");"));
      }
      Lowered operand = lower(child(path, tree.getExpression()));
      return then(operand, value -> {
        String updated = cx.newName("$v");
        return Lowered.value(
            List.of(
                Code.concat("var ", updated, " = ", old, ";"),
                Code.concat(updated, " ", operator, " ", value, ";"),
                privateField != null
                    ? Code.concat(privateField[1], updated, ");")
                    : Code.concat(lvalue, " = ", updated, ";")),
            Code.text(updated));
      }).withPrefix(prefix);
    }).withPrefix(first);
  }

  private Lowered lowerUpdate(TreePath path, UnaryTree tree) throws Unspillable {
    return composite(path, targetOperands(tree.getExpression()));
  }

  /**
   * The class, as source, whose initialization a creation with suspending arguments triggers
   * before them: the created class, an anonymous class's superclass; null for one the owner's
   * initialization has initialized, or one the generated class cannot name (private, local).
   */
  private String classInitializedFirst(NewClassTree created) {
    Tree type = created.getIdentifier();
    if (type instanceof com.sun.source.tree.ParameterizedTypeTree) {
      type = ((com.sun.source.tree.ParameterizedTypeTree) type).getType();
    }
    if (created.getEnclosingExpression() != null
        || !(type instanceof IdentifierTree || type instanceof MemberSelectTree)) {
      return null;
    }
    NameResolver names = cx.readContext().names();
    javax.lang.model.element.TypeElement element = names.typeOfQualifier(type.toString());
    if (element == null || element.getKind().isInterface() || element.equals(names.owner())
        || dev.stackless.processor.model.HiddenTypes.isHidden(element)
        || element.getNestingKind() == javax.lang.model.element.NestingKind.LOCAL
        || element.getQualifiedName().toString().startsWith("java.")) {
      return null;
    }
    return element.getQualifiedName().toString();
  }

  /** The parts of an assignment target that are evaluated before the right side. */
  private List<Tree> targetOperands(ExpressionTree target) throws Unspillable {
    while (target instanceof ParenthesizedTree) {
      target = ((ParenthesizedTree) target).getExpression();
    }
    if (target instanceof ArrayAccessTree) {
      ArrayAccessTree access = (ArrayAccessTree) target;
      return List.of(access.getExpression(), access.getIndex());
    }
    if (target instanceof MemberSelectTree) {
      ExpressionTree qualifier = ((MemberSelectTree) target).getExpression();
      return Intrinsics.isThis(qualifier) || Intrinsics.isSuper(qualifier) || namesAType(qualifier)
          ? List.of()
          : List.of(qualifier);
    }
    return List.of();
  }

  /**
   * A qualifier that names a type ({@code Owner.count}, {@code base.Base.count}) is not
   * evaluated: a name that no local or field of the body takes, and that the imports and the
   * packages resolve as a class.
   */
  private boolean namesAType(ExpressionTree qualifier) {
    if (!(qualifier instanceof IdentifierTree || qualifier instanceof MemberSelectTree)) {
      return false;
    }
    String text = qualifier.toString();
    String first = text.contains(".") ? text.substring(0, text.indexOf('.')) : text;
    ReadContext rx = cx.readContext();
    if (first.equals("this") || rx.bodyLocal(first) != null || rx.names().field(first) != null) {
      return false;
    }
    return rx.names().typeOfQualifier(text) != null;
  }

  private String compoundOperator(TreePath path, CompoundAssignmentTree tree) {
    ReadContext rx = cx.readContext();
    int variableEnd = (int) rx.positions().getEndPosition(rx.unit(), tree.getVariable());
    int valueStart = (int) rx.positions().getStartPosition(rx.unit(), tree.getExpression());
    return rx.source().subSequence(variableEnd, valueStart).toString().trim();
  }

  // --- rendering --------------------------------------------------------------------------------

  /** The spill expression for {@code lowered}, whose prefix has been emitted already. */
  private static Code chainOf(Lowered lowered) {
    if (lowered.isValue()) {
      return lowered.target == null ? Code.concat(SPILL, ".now(", lowered.value, ")")
          : Code.concat(SPILL, ".<", lowered.target, ">now(", lowered.value, ")");
    }
    if (lowered.isChoice() && lowered.labels == null) {
      return Code.concat("((", lowered.test, ") ? ", branchChain(lowered.arms.get(0)), " : ",
          branchChain(lowered.arms.get(1)), ")");
    }
    if (lowered.isChoice()) {
      List<Object> pieces = new ArrayList<>(List.of("switch (", lowered.test, ") { "));
      for (int i = 0; i < lowered.arms.size(); i++) {
        pieces.addAll(List.of(lowered.labels.get(i), " -> ", branchChain(lowered.arms.get(i)), "; "));
      }
      pieces.add("}");
      return Code.concat(pieces.toArray());
    }
    Code rest = lowered.rest.prefix.isEmpty() ? chainOf(lowered.rest) : body(lowered.rest);
    return Code.concat(lowered.chain, ".bind(", lowered.param, " -> ", rest, ")");
  }

  /** One branch's spill expression, with its own statements run first. */
  private static Code branchChain(Lowered branch) {
    return branch.prefix.isEmpty()
        ? chainOf(branch)
        : Code.concat(SPILL, ".run(() -> ", body(branch), ")");
  }

  /** {@code { prefix; return chain; }} */
  private static Code body(Lowered lowered) {
    List<Object> pieces = new ArrayList<>();
    pieces.add("{ ");
    for (Code statement : lowered.prefix) {
      pieces.add(statement);
      pieces.add(" ");
    }
    pieces.add("return ");
    pieces.add(chainOf(lowered));
    pieces.add("; }");
    return Code.concat(pieces.toArray());
  }

  private Code read(TreePath path) {
    if (renamed.containsKey(path.getLeaf())) {
      return renamed.get(path.getLeaf()); // a renamed pattern variable, alone
    }
    return renamed.isEmpty() && patternVariables.isEmpty()
        ? CodeReader.read(cx.readContext(), path)
        : CodeReader.readWith(cx.readContext(), path, renamed, patternVariables);
  }

  private static TreePath child(TreePath parent, Tree child) {
    return new TreePath(parent, child);
  }

  private static String describe(Tree tree) {
    return tree.getKind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
  }
}
