package dev.stackless.processor.read;

import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.CaseTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.BindingPatternTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.tree.BreakTree;
import com.sun.source.tree.CatchTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ContinueTree;
import com.sun.source.tree.DoWhileLoopTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.InstanceOfTree;
import com.sun.source.tree.LabeledStatementTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.ParameterizedTypeTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.SwitchExpressionTree;
import com.sun.source.tree.SwitchTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.tree.WhileLoopTree;
import com.sun.source.tree.YieldTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import dev.stackless.processor.diag.Diagnostic;
import dev.stackless.processor.model.Code;
import dev.stackless.processor.model.JumpTarget;
import dev.stackless.processor.model.Local;
import dev.stackless.processor.model.Part;
import dev.stackless.processor.model.HiddenTypes;
import dev.stackless.processor.model.TypeSource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;

/**
 * Reads a fragment of the async body that contains no suspension point into {@link Code}: the
 * user's text, with the edits that moving it into the generated frame class requires.
 *
 * <pre>
 *   count += x;           ===>  app.Seeds.count += x;          (a field of the owner)
 *   this.total = n;       ===>  $this.total = n;               (the receiver)
 *   resume(frame());      ===>  dev.stackless.Keywords.resume(this);
 *   return n + 1;         ===>  return (int) (n + 1);          (step() returns Object)
 *   break outer;          ===>  { this.label = 7; continue dispatch; }   (outer is lowered)
 * </pre>
 *
 * Names declared inside the fragment (its own locals, lambda parameters, members of anonymous and
 * local classes) are left alone, as javac would resolve them to those declarations.
 */
final class CodeReader extends TreePathScanner<Void, Void> {
  private final ReadContext cx;
  /** For a suspend block's body: {@code return;} leaves the block. */
  private final String blockLabel;
  private final List<Edit> edits = new ArrayList<>();
  private final Deque<Set<String>> scopes = new ArrayDeque<>();
  private final Deque<Set<String>> classMembers = new ArrayDeque<>();
  private final Set<String> innerLabels = new HashSet<>();
  private int lambdaDepth;
  /** See {@link #readType}. */
  private boolean namingHidden;
  /** See {@link #sourceText}. */
  private boolean markLines;
  private int innerLoops;
  private int innerBreakables;
  /** See {@link #visitTry}. */
  private int plainExitsRunningCode;
  /** Switch expressions inside the fragment, around the point being read. */
  private int innerSwitchExpressions;
  /** The source range being read: rewrites must stay inside it. */
  private int fragmentStart;
  private int fragmentEnd;
  /** Subtrees replaced by given code (temporaries of a spilled expression), not read. */
  private final java.util.Map<Tree, Code> substitutions;

  private CodeReader(ReadContext cx, String blockLabel, java.util.Map<Tree, Code> substitutions) {
    this.cx = cx;
    this.blockLabel = blockLabel;
    this.substitutions = substitutions;
    scopes.push(new HashSet<>());
  }

  /** Reads the tree at {@code path}. */
  static Code read(ReadContext cx, TreePath path) {
    return read(cx, path, null, null);
  }

  /**
   * Reads a local's declared type for the model, a private class named as itself ({@code
   * app.Owner.Node}, which the reader resolves), not as its stand-in; the emitter writes the
   * stand-in where the type becomes a field.
   */
  static String readType(ReadContext cx, TreePath path) {
    if (path.getLeaf() instanceof com.sun.source.tree.ArrayTypeTree) {
      // int a[], String row[], int f()[]: javac's array type tree spans the name between
      Tree component = ((com.sun.source.tree.ArrayTypeTree) path.getLeaf()).getType();
      return readType(cx, new TreePath(path, component)) + "[]";
    }
    CodeReader reader = new CodeReader(cx, null, java.util.Map.of());
    reader.namingHidden = true;
    Tree tree = path.getLeaf();
    reader.fragmentStart = (int) cx.positions().getStartPosition(cx.unit(), tree);
    reader.fragmentEnd = (int) cx.positions().getEndPosition(cx.unit(), tree);
    reader.scan(path, null);
    return reader.apply(reader.fragmentStart, reader.fragmentEnd).toString();
  }

  /**
   * Reads the tree at {@code path}; with a {@code blockLabel}, as the body of a suspend block,
   * with {@code selfName} (the lambda's parameter, or null) declared inside.
   */
  static Code read(ReadContext cx, TreePath path, String blockLabel, String selfName) {
    return read(cx, path, blockLabel, selfName, java.util.Map.of());
  }

  /**
   * Reads the tree at {@code path} where {@code declared} are names of Java's own variables in
   * scope (a case guard's pattern variables), not the frame's fields.
   */
  static Code readDeclaring(ReadContext cx, TreePath path, java.util.Collection<String> declared) {
    return read(cx, path, null, null, java.util.Map.of(), declared);
  }

  /** Reads the tree at {@code path} with some of its subtrees replaced by the given code. */
  static Code readWith(ReadContext cx, TreePath path, java.util.Map<Tree, Code> substitutions) {
    return read(cx, path, null, null, substitutions);
  }

  /** As above, with {@code declared} names of Java's own variables in scope (see readDeclaring). */
  static Code readWith(ReadContext cx, TreePath path, java.util.Map<Tree, Code> substitutions,
      java.util.Collection<String> declared) {
    return read(cx, path, null, null, substitutions, declared);
  }

  private static Code read(
      ReadContext cx,
      TreePath path,
      String blockLabel,
      String selfName,
      java.util.Map<Tree, Code> substitutions) {
    return read(cx, path, blockLabel, selfName, substitutions,
        selfName == null ? List.of() : List.of(selfName));
  }

  private static Code read(
      ReadContext cx,
      TreePath path,
      String blockLabel,
      String selfName,
      java.util.Map<Tree, Code> substitutions,
      java.util.Collection<String> declared) {
    CodeReader reader = new CodeReader(cx, blockLabel, substitutions);
    // a type's text may be parsed again as a type: no markers in it
    reader.markLines = !isTypeTree(path.getLeaf());
    declared.forEach(reader::declare);
    Tree tree = path.getLeaf();
    int start = (int) cx.positions().getStartPosition(cx.unit(), tree);
    int end = (int) cx.positions().getEndPosition(cx.unit(), tree);
    if (tree instanceof ExpressionTree && path.getParentPath() != null
        && path.getParentPath().getLeaf() instanceof com.sun.source.tree.TryTree) {
      end = resourceEnd(cx.source(), start, end);
    }
    reader.fragmentStart = start;
    reader.fragmentEnd = end;
    reader.scan(path, null);
    Code code = reader.apply(start, end);
    return new Code(code.parts(), cx.unit().getLineMap().getLineNumber(start));
  }

  private Code apply(int start, int end) {
    edits.sort(Comparator.comparingInt((Edit e) -> e.start).thenComparingInt(e -> e.end));
    List<Part> parts = new ArrayList<>();
    CharSequence source = cx.source();
    int at = start;
    for (Edit edit : edits) {
      if (edit.start < at) {
        throw new AssertionError("overlapping edits at " + edit.start);
      }
      if (edit.start > at) {
        parts.add(new Part.Text(sourceText(at, edit.start)));
      }
      parts.addAll(edit.parts);
      at = edit.end;
    }
    if (end > at) {
      parts.add(new Part.Text(sourceText(at, end)));
    }
    return new Code(parts);
  }

  /**
   * The source between two positions; for a fragment that spans lines, each line after the first
   * ends with a marker of its source line ({@code /*@L12*}{@code /}), so that a stack trace of a statement
   * nested in it names its own line, not the fragment's first. No marker goes inside a block
   * comment or a text block, where it would change the code.
   */
  private String sourceText(int from, int to) {
    CharSequence source = cx.source();
    String text = source.subSequence(from, to).toString();
    if (!markLines || text.indexOf('\n') < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length() + 32);
    // each line after the fragment's first ends with its marker (the first has the statement's)
    boolean afterNewline = false;
    int i = from;
    while (i < to) {
      char c = source.charAt(i);
      int skip = dev.stackless.processor.model.JavaText.literalOrCommentEnd(source, i, to);
      if (skip > i) {
        skip = Math.min(skip, to);
        out.append(source, i, skip);
        i = skip;
        continue;
      }
      if (c == '\n' && afterNewline) {
        out.append(lineMarker(i));
      }
      afterNewline |= c == '\n';
      out.append(c);
      i++;
    }
    if (afterNewline) {
      out.append(lineMarker(to - 1));
    }
    return out.toString();
  }

  private static boolean isTypeTree(Tree tree) {
    switch (tree.getKind()) {
      case PARAMETERIZED_TYPE:
      case ARRAY_TYPE:
      case PRIMITIVE_TYPE:
      case UNION_TYPE:
      case INTERSECTION_TYPE:
      case ANNOTATED_TYPE:
      case UNBOUNDED_WILDCARD:
      case EXTENDS_WILDCARD:
      case SUPER_WILDCARD:
        return true;
      default:
        return false;
    }
  }

  /** The marker of the source line at {@code position}: see FrameEmitter.lineTable. */
  private String lineMarker(int position) {
    return " /*@L" + cx.unit().getLineMap().getLineNumber(position) + "*/";
  }



  @Override
  public Void scan(Tree tree, Void unused) {
    Code substitute = tree == null ? null : substitutions.get(tree);
    if (substitute != null) {
      edits.add(new Edit(start(tree), end(tree), substitute.parts()));
      return null;
    }
    return super.scan(tree, unused);
  }

  // --- names ------------------------------------------------------------------------------------

  @Override
  public Void visitIdentifier(IdentifierTree node, Void unused) {
    if (replacedPrivateEnumLabel(node)) {
      return null;
    }
    String name = node.getName().toString();
    if (name.equals("this")) {
      if (classMembers.isEmpty() && cx.receiverField() != null) {
        replace(node, cx.receiverField());
      }
      return null;
    }
    if (name.equals("super")) {
      if (classMembers.isEmpty()) {
        unsupported(node, "super in an @Async body", "call the method through this instead");
      }
      return null;
    }
    if (isDeclaredInside(name)) {
      return null;
    }
    Local local = cx.bodyLocal(name);
    if (local != null) {
      boolean captured = lambdaDepth > 0 || !classMembers.isEmpty();
      if (!classMembers.isEmpty()) {
        local.keepAsVariable(); // a class body the frame may declare as a member: no step() local
      }
      edits.add(new Edit(start(node), identifierEnd(node),
          List.of(new Part.LocalRef(local, captured, !isAssigned(getCurrentPath())))));
      return null;
    }
    if (cx.typeVariables().contains(name)) {
      return null;
    }
    NameResolver.Member field = cx.names().field(name);
    if (field != null && isCaseLabel() && field.element.getKind() == ElementKind.ENUM_CONSTANT) {
      return null; // case ADD: before Java 21 an enum switch's label must be the simple name
    }
    if (field != null) {
      qualifyMember(node, field.element, field.site, field.viaOwner, name);
      return null;
    }
    TypeElement type = cx.names().type(name);
    if (type != null && HiddenTypes.isHidden(type)) {
      hiddenTypeName(node, type);
      return null;
    }
    if (type != null
        && (type.getNestingKind().isNested() || cx.generatedNames().contains(name)
            || hidesLangType(type))) {
      replace(node, type.getQualifiedName().toString());
    }
    return null;
  }

  /**
   * A private class named as a type ({@code Node n}, {@code List<Node>}): its stand-in, the
   * visible type the frame holds its objects as (see {@link HiddenTypes}). Where the stand-in
   * would change what the code does (a cast, {@code instanceof}, an array, a class literal, a
   * method reference), or the class has none, it is reported.
   */
  private void hiddenTypeName(IdentifierTree node, TypeElement type) {
    if (standInPatternTypes.contains(node)) {
      return; // written already (hiddenPatternCases)
    }
    String why = cx.names().hidden().whyNot(type);
    Tree parent = getCurrentPath().getParentPath().getLeaf();
    if (why == null && parent instanceof com.sun.source.tree.ParameterizedTypeTree) {
      com.sun.source.tree.ParameterizedTypeTree generic =
          (com.sun.source.tree.ParameterizedTypeTree) parent;
      TypeElement genericType = cx.names().typeOfQualifier(generic.getType().toString());
      int index = generic.getTypeArguments().indexOf(node);
      if (genericType != null && index >= 0
          && !cx.names().hidden().standInMeetsBounds(genericType, index, type)) {
        unsupported(node, "the private class " + type.getSimpleName() + " as a type argument of "
            + genericType.getSimpleName() + ", whose bound "
            + genericType.getTypeParameters().get(index).getBounds()
            + " only the class itself meets,", "make it package-private");
        return;
      }
    }
    if (why == null && (isStandInPosition() || namingHidden && isBindingPatternType())) {
      replace(node, namingHidden ? type.getQualifiedName().toString()
          : TypeSource.print(cx.names().hidden().standIn(type)));
      return;
    }
    unsupported(node, "the private class " + type.getSimpleName() + (why != null
            ? " (" + why + ")"
            : " here (the generated frame can use a private class as the type of a variable or"
                + " a type argument, in new, and through its members)"),
        "make it package-private");
  }

  /**
   * Whether the current type name is the type of a pattern's variable ({@code o instanceof Node
   * n}), which {@link #hiddenPattern} tests for with the class's own test.
   */
  private boolean isBindingPatternType() {
    TreePath variable = getCurrentPath().getParentPath();
    return variable != null && variable.getLeaf() instanceof VariableTree
        && ((VariableTree) variable.getLeaf()).getType() == getCurrentPath().getLeaf()
        && variable.getParentPath() != null
        && variable.getParentPath().getLeaf() instanceof BindingPatternTree;
  }

  /**
   * Whether the current type name is the type of a variable, or a type argument of one, of a
   * created class or of a method call: where the stand-in means what the class did.
   */
  private boolean isStandInPosition() {
    TreePath at = getCurrentPath();
    boolean argument = false;
    boolean array = false;
    while (at.getParentPath() != null
        && (at.getParentPath().getLeaf() instanceof com.sun.source.tree.ParameterizedTypeTree
            || at.getParentPath().getLeaf() instanceof com.sun.source.tree.WildcardTree
            || at.getParentPath().getLeaf() instanceof com.sun.source.tree.ArrayTypeTree)) {
      if (at.getParentPath().getLeaf() instanceof com.sun.source.tree.ParameterizedTypeTree
          && ((com.sun.source.tree.ParameterizedTypeTree) at.getParentPath().getLeaf())
              .getType() == at.getLeaf()) {
        return false; // Node<T>: generic, reported above
      }
      if (at.getParentPath().getLeaf() instanceof com.sun.source.tree.ArrayTypeTree) {
        array = true; // S[] all: an array of the stand-in, holding the S[] that Java made
      } else {
        argument = true;
      }
      at = at.getParentPath();
    }
    Tree parent = at.getParentPath() == null ? null : at.getParentPath().getLeaf();
    if (array && !argument && !(parent instanceof VariableTree)) {
      return false; // (S[]) o, o instanceof S[], S[].class: the stand-in would not test for S
    }
    if (parent instanceof VariableTree) {
      Tree declaring = at.getParentPath().getParentPath().getLeaf();
      // not a catch's or a pattern's: there the class is tested for, and the stand-in would pass
      return ((VariableTree) parent).getType() == at.getLeaf() && !(declaring instanceof CatchTree)
          && !declaring.getKind().name().contains("PATTERN");
    }
    if (parent instanceof NewClassTree) {
      return argument && ((NewClassTree) parent).getIdentifier() == at.getLeaf()
          || ((NewClassTree) parent).getTypeArguments().contains(at.getLeaf());
    }
    if (parent instanceof MethodInvocationTree) {
      return ((MethodInvocationTree) parent).getTypeArguments().contains(at.getLeaf());
    }
    return false;
  }

  /**
   * A class of the owner's package named like a {@code java.lang} one ({@code p.Object}): written
   * in full, as the generated class names {@code java.lang}'s in full then.
   */
  private boolean hidesLangType(TypeElement type) {
    return type.getNestingKind() == javax.lang.model.element.NestingKind.TOP_LEVEL
        && !type.getQualifiedName().toString().startsWith("java.lang.")
        && type.getQualifiedName().toString().indexOf('.') > 0
        && Character.isUpperCase(type.getSimpleName().charAt(0))
        && cx.names().shadowedLangNames().contains(type.getSimpleName().toString());
  }

  /**
   * Whether {@code qualifier} is {@code Owner.this} or {@code Outer.this}, which means the same
   * in a class body of the method as in the method (not a local class's own {@code Local.this}).
   */
  private boolean isOuterThis(ExpressionTree qualifier) {
    return qualifier instanceof MemberSelectTree
        && ((MemberSelectTree) qualifier).getIdentifier().contentEquals("this")
        && !isDeclaredInside(((MemberSelectTree) qualifier).getExpression().toString());
  }

  @Override
  public Void visitLiteral(com.sun.source.tree.LiteralTree node, Void unused) {
    if (node.getKind() != Tree.Kind.NULL_LITERAL || !isCaseLabel()
        || PrivateEnumSwitch.ofLabel(getCurrentPath(), cx.names().owner(), cx::valueType,
            this::namesVariable) == null) {
      return null;
    }
    TreePath casePath = getCurrentPath().getParentPath();
    while (!(casePath.getLeaf() instanceof CaseTree)) {
      casePath = casePath.getParentPath();
    }
    CaseTree c = (CaseTree) casePath.getLeaf();
    if (CaseLabels.isDefault(c) && start(c) >= fragmentStart) {
      // case null, default ===> default: -1 reaches it as well
      int defaultAt = cx.source().toString().indexOf("default", end(node));
      edits.add(new Edit(start(c), defaultAt, List.of()));
    } else {
      replace(node, PrivateEnumSwitch.NULL_LABEL); // readers of the case alone drop it
    }
    return null;
  }

  /** {@code case RED} of a switch on a private enum ===> {@code case 0 /* RED *&#47;}. */
  private boolean replacedPrivateEnumLabel(ExpressionTree node) {
    if (!isCaseLabel()) {
      return false;
    }
    TypeElement privateEnum = PrivateEnumSwitch.ofLabel(getCurrentPath(),
        cx.names().owner(), cx::valueType, this::namesVariable);
    if (privateEnum == null && node instanceof MemberSelectTree) {
      TypeElement qualifier =
          cx.names().typeOfQualifier(((MemberSelectTree) node).getExpression().toString());
      if (qualifier != null && qualifier.getKind() == ElementKind.ENUM
          && HiddenTypes.isHidden(qualifier)) {
        // case Color.RED on an Object (Java 21): the label must name the constant itself
        unsupported(node, "a constant of the private enum " + qualifier.getSimpleName()
            + " as the label of a switch on another type", "switch on a "
            + qualifier.getSimpleName() + ", or test with ==");
        return true;
      }
    }
    if (privateEnum == null) {
      return false;
    }
    replace(node, PrivateEnumSwitch.label(privateEnum, node));
    return true;
  }

  /** The name a method reference at the current tree's parent names, or {@code m}. */
  private String referencedName() {
    Tree parent = getCurrentPath().getParentPath().getLeaf();
    return parent instanceof MemberReferenceTree
        ? ((MemberReferenceTree) parent).getName().toString() : "m";
  }

  private boolean namesVariable(String name) {
    return isDeclaredInside(name) || cx.namesVariable(name);
  }

  /**
   * A switch on a private enum, read whole: on the ordinal, and with the {@code default} a switch
   * expression needs then (see PrivateEnumSwitch).
   */
  private void switchOnOrdinal(Tree node, ExpressionTree selector, boolean expression) {
    List<? extends CaseTree> cases = PrivateEnumSwitch.casesOf(node);
    if (PrivateEnumSwitch.of(node, cx.names().owner(), cx::valueType, this::namesVariable)
        == null) {
      return;
    }
    if (selector instanceof ParenthesizedTree) {
      selector = ((ParenthesizedTree) selector).getExpression(); // switch (x): the parentheses stay
    }
    edits.add(new Edit(start(selector), start(selector),
        List.of(new Part.Text(PrivateEnumSwitch.selectorStart(cases)))));
    edits.add(new Edit(end(selector), end(selector),
        List.of(new Part.Text(PrivateEnumSwitch.selectorEnd(cases)))));
    if (expression && cases.stream().noneMatch(CaseLabels::isDefault)) {
      int closing = end(node) - 1;
      boolean rules = cases.get(0).getCaseKind() == CaseTree.CaseKind.RULE;
      edits.add(new Edit(closing, closing,
          List.of(new Part.Text(PrivateEnumSwitch.missingDefault(rules)))));
    }
  }

  /** Whether the current tree is a case's label ({@code case X:}, {@code case X, Y ->}). */
  private boolean isCaseLabel() {
    TreePath label = getCurrentPath();
    TreePath parent = label.getParentPath();
    if (parent != null && parent.getLeaf().getKind().name().equals("CONSTANT_CASE_LABEL")) {
      label = parent; // javac 21+ wraps a constant label
      parent = parent.getParentPath();
    }
    if (parent == null || !(parent.getLeaf() instanceof CaseTree)) {
      return false;
    }
    Tree leaf = label.getLeaf();
    return CaseLabels.of((CaseTree) parent.getLeaf()).stream().anyMatch(l -> l == leaf);
  }

  @Override
  public Void visitMemberSelect(MemberSelectTree node, Void unused) {
    if (replacedPrivateEnumLabel(node)) {
      return null;
    }
    TypeElement literal = node.getIdentifier().contentEquals("class")
        ? hiddenWithStandIn(node.getExpression()) : null;
    if (literal != null) {
      // Node.class of a private class: its class object, from its lookup, as a Class<StandIn>
      replace(node, "((java.lang.Class<" + TypeSource.print(cx.names().hidden().standIn(literal))
          + ">) (java.lang.Class<?>) " + cx.generatedClass() + "."
          + cx.privates().classTest(literal) + "class())");
      return null;
    }
    if (node.getIdentifier().contentEquals("this") && (classMembers.isEmpty()
        || isOuterThis(node))) {
      // this of the owner, or Outer.this: the enclosing instance (also in a class body of the
      // method, where Owner.this means the same; not a local class's own Local.this)
      String instance = instanceOf(memberSite(node));
      if (instance != null) {
        replace(node, instance);
      }
      return null;
    }
    if (node.getIdentifier().contentEquals("super") && classMembers.isEmpty()) {
      boolean ofInterface = Intrinsics.interfaceSuper(node, cx.names()) != null;
      unsupported(node, node.getExpression() + ".super" + (ofInterface
              ? " other than as the receiver of a call" : " (an outer class's superclass)")
              + " in an @Async body", ofInterface
              ? "write a lambda that calls it: () -> " + node + "." + referencedName() + "(..)"
              : "call a method of " + node.getExpression() + " that calls super");
      return null;
    }
    if (Intrinsics.isSuper(node.getExpression()) && classMembers.isEmpty()
        && !isMethodSelect(node)) {
      superField(node);
      return null;
    }
    TypeElement site = memberSite(node.getExpression());
    TypeElement through = site == null ? privateSiteOfVariable(node.getExpression()) : null;
    boolean throughExpression = site == null && through == null;
    if (throughExpression) {
      through = privateSiteOfExpression(node.getExpression());
    }
    TypeElement nestmate = site == null && through == null && classMembers.isEmpty()
        && !isMethodSelect(node) ? nestmateType(node.getExpression()) : null;
    if (nestmate != null) {
      for (Element member : nestmate.getEnclosedElements()) {
        if (member.getSimpleName().contentEquals(node.getIdentifier())
            && needsAccessor(member)
            && member.getModifiers().contains(Modifier.STATIC)
            && member instanceof javax.lang.model.element.VariableElement) {
          privateField(node, (javax.lang.model.element.VariableElement) member, ""); // Node.made
          return null;
        }
      }
    }
    if (classMembers.isEmpty() && site == null && through == null && !isMethodSelect(node)
        && privateInstanceField(node.getIdentifier().toString()) != null
        && isOfUnknownClass(node.getExpression())) {
      unsupported(node, "the private field " + node.getIdentifier() + " of a value whose class"
          + " is not known here", "select it through a local of its class");
      return null;
    }
    if (classMembers.isEmpty() && site == null && through == null && nestmate == null
        && !isMethodSelect(node) && isOfUnknownClass(node.getExpression())
        && hiddenMember(node.getIdentifier().toString(), false) != null) {
      reportUnknownClass(node, node.getIdentifier().toString(),
          hiddenMember(node.getIdentifier().toString(), false));
      return null;
    }
    if (classMembers.isEmpty() && through != null && !isMethodSelect(node)) {
      // other.balance, all[0].balance, make().balance: an instance of the owner or an outer class
      for (Element member : membersWithInherited(cx, through)) {
        if (member.getSimpleName().contentEquals(node.getIdentifier())
            && (needsAccessor(member) || isInheritedProtected(cx, member))
            && !member.getModifiers().contains(Modifier.STATIC)
            && member instanceof javax.lang.model.element.VariableElement) {
          privateField(node, (javax.lang.model.element.VariableElement) member,
              nested(node.getExpression()), throughExpression);
          return null;
        }
      }
    }
    if ((classMembers.isEmpty() || isOuterThis(node.getExpression())) && site != null
        && !isMethodSelect(node)) {
      for (Element member : membersWithInherited(cx, site)) {
        if (member.getSimpleName().contentEquals(node.getIdentifier())
            && (needsAccessor(member) || isInheritedProtected(cx, member))
            && member instanceof javax.lang.model.element.VariableElement) {
          boolean isStatic = member.getModifiers().contains(Modifier.STATIC);
          String self = isStatic ? "" : instanceOf(site);
          if (self == null) {
            unsupported(node, "the instance field " + member.getSimpleName() + " in a static"
                + " method", "use it through an instance");
          } else {
            privateField(node, (javax.lang.model.element.VariableElement) member, self);
          }
          return null;
        }
      }
    }
    TypeElement named = classMembers.isEmpty() && site == null && through == null
        && !isMethodSelect(node) && isTypeName(node.getExpression())
        ? cx.names().typeOfQualifier(node.getExpression().toString()) : null;
    if (named != null && cx.names().isSubclass(cx.names().owner(), named)) {
      // Base.LIMIT of a protected static field of a superclass in another package: its accessor
      for (Element member : membersWithInherited(cx, named)) {
        if (member.getSimpleName().contentEquals(node.getIdentifier())
            && member.getModifiers().contains(Modifier.STATIC) && isInheritedProtected(cx, member)
            && member instanceof javax.lang.model.element.VariableElement) {
          privateField(node, (javax.lang.model.element.VariableElement) member, "");
          return null;
        }
      }
    }
    return super.visitMemberSelect(node, unused);
  }

  /**
   * A class's own members, then the fields it inherits (a protected field of a superclass in
   * another package, {@code this.pf}, {@code other.pf}, which needs an accessor too). Its own come
   * first: they hide inherited ones of their name.
   */
  private static List<Element> membersWithInherited(ReadContext cx, TypeElement type) {
    List<Element> members = new ArrayList<>(type.getEnclosedElements());
    for (Element member : cx.names().elements().getAllMembers(type)) {
      if (!members.contains(member) && member instanceof javax.lang.model.element.VariableElement) {
        members.add(member);
      }
    }
    return members;
  }

  /**
   * {@code super.count}: the field of the superclass that Java's lookup finds (fields are not
   * virtual, so a cast of the receiver to the superclass selects the same field, hidden or not):
   *
   * <pre>
   *   super.count  ===&gt;  ((pkg.Base) $this).count      super.LIMIT  ===&gt;  pkg.Base.LIMIT
   * </pre>
   *
   * The generated class is no subclass, so a field it could not reach from the owner's package
   * (protected in another package) is reported.
   */
  private void superField(MemberSelectTree node) {
    TypeElement owner = cx.names().owner();
    javax.lang.model.type.TypeMirror superclass = owner.getSuperclass();
    javax.lang.model.element.VariableElement field = null;
    for (javax.lang.model.type.TypeMirror t = superclass;
        field == null && t instanceof javax.lang.model.type.DeclaredType;
        t = ((TypeElement) ((javax.lang.model.type.DeclaredType) t).asElement()).getSuperclass()) {
      for (Element member : ((javax.lang.model.type.DeclaredType) t).asElement().getEnclosedElements()) {
        if (member instanceof javax.lang.model.element.VariableElement
            && member.getSimpleName().contentEquals(node.getIdentifier())
            && !member.getModifiers().contains(Modifier.PRIVATE)) {
          field = (javax.lang.model.element.VariableElement) member;
          break;
        }
      }
    }
    String type = TypeSource.print(superclass);
    if (field == null || type == null) {
      unsupported(node, "super." + node.getIdentifier() + " in an @Async body",
          "name the field through this, or give it a name of its own");
      return;
    }
    boolean isStatic = field.getModifiers().contains(Modifier.STATIC);
    if (!isStatic && cx.receiverField() == null) {
      return; // javac reports super in a static context
    }
    if (!reachableFromTheOwnersPackage(cx, field)) {
      // protected in another package: the owner's accessor of that very field (hidden or not)
      privateField(node, field, isStatic ? "" : cx.receiverField());
      return;
    }
    Code replacement = isStatic
        ? Code.text(((TypeElement) field.getEnclosingElement()).getQualifiedName().toString())
        : Code.text("((" + type + ") " + cx.receiverField() + ")");
    edits.add(new Edit(start(node.getExpression()), end(node.getExpression()), replacement.parts()));
  }

  /**
   * Whether {@code member} is a protected member the owner inherits from a class in another
   * package: the owner's code may use it, the generated class (no subclass) may not, so it goes
   * through an accessor as a private member does.
   */
  private static boolean isInheritedProtected(ReadContext cx, Element member) {
    return member.getModifiers().contains(Modifier.PROTECTED)
        && !reachableFromTheOwnersPackage(cx, member);
  }

  /** The inherited protected method (see above) a call with {@code arity} arguments calls. */
  private ExecutableElement inheritedProtectedMethod(List<ExecutableElement> methods, int arity) {
    ExecutableElement found = null;
    for (ExecutableElement method : methods) {
      if (method.getParameters().size() == arity || method.isVarArgs()) {
        if (!isInheritedProtected(cx, method) || found != null) {
          return null; // another overload may be the one: javac decides, as written
        }
        found = method;
      }
    }
    return found;
  }

  /** Whether a qualifier names a type, not a variable ({@code Base}, {@code p.base.Base}). */
  private boolean isTypeName(ExpressionTree qualifier) {
    String text = qualifier.toString();
    String first = text.contains(".") ? text.substring(0, text.indexOf('.')) : text;
    return (qualifier instanceof IdentifierTree || qualifier instanceof MemberSelectTree)
        && cx.bodyLocal(first) == null && !isDeclaredInside(first)
        && cx.names().field(first) == null;
  }

  /**
   * Reports a use of a member whose accessor would name a private class that has no stand-in (a
   * private enum or interface, say); true if it did.
   */
  private boolean reportedWithoutStandIn(Tree node, Element member) {
    TypeElement hidden = cx.names().hidden().withoutStandIn(member);
    if (hidden == null) {
      return false;
    }
    unsupported(node, "the private class " + hidden.getSimpleName() + " ("
        + cx.names().hidden().whyNot(hidden) + "), which " + member.getSimpleName() + " names,",
        "make it package-private");
    return true;
  }

  /** Whether the generated class reaches {@code member} through an accessor (see HiddenTypes). */
  private boolean needsAccessor(Element member) {
    return cx.names().hidden().needsAccessor(member);
  }

  /** Whether code in the owner's package that is no subclass may use {@code member}. */
  private static boolean reachableFromTheOwnersPackage(ReadContext cx, Element member) {
    if (member.getModifiers().contains(Modifier.PUBLIC)) {
      TypeElement declaring = (TypeElement) member.getEnclosingElement();
      return declaring.getModifiers().contains(Modifier.PUBLIC) || samePackage(cx, declaring);
    }
    return samePackage(cx, (TypeElement) member.getEnclosingElement());
  }

  private static boolean samePackage(ReadContext cx, TypeElement type) {
    Element p = type;
    while (!(p instanceof javax.lang.model.element.PackageElement)) {
      p = p.getEnclosingElement();
    }
    Element q = cx.names().owner();
    while (!(q instanceof javax.lang.model.element.PackageElement)) {
      q = q.getEnclosingElement();
    }
    return p.equals(q);
  }

  /**
   * For a qualifier that is an expression (not a simple name) whose class the declarations tell:
   * an element, a method's result, a field's value, a cast ({@code all[0]}, {@code make()}, {@code
   * other.next}); that class when Java lets this code use its private members, else null.
   */
  private TypeElement privateSiteOfExpression(ExpressionTree qualifier) {
    if (qualifier instanceof IdentifierTree) {
      return null;
    }
    Intrinsics.Receiver receiver = Intrinsics.receiverOf(qualifier, cx.names(), cx::localType);
    TypeElement type = receiver == null || receiver.isType ? resultOfTypedCall(qualifier)
        : receiver.type;
    return isNestmate(type) ? type : null;
  }

  /**
   * For {@code list.get(0)} or {@code map.get(k)} on a local or field of a parameterized type
   * ({@code List<Node>}): the class of the result, the method's as a member of that type, when
   * every method of that name and arity gives the same; else null.
   */
  private TypeElement resultOfTypedCall(ExpressionTree tree) {
    if (!(tree instanceof IdentifierTree) && !mentionsNameDeclaredInside(tree)) {
      TypeElement typed = cx.valueType(tree); // first(items()).next, grid[0][1]: as declared
      if (typed != null) {
        return typed;
      }
    }
    if (!(tree instanceof MethodInvocationTree)
        || !(((MethodInvocationTree) tree).getMethodSelect() instanceof MemberSelectTree)) {
      return null;
    }
    MethodInvocationTree call = (MethodInvocationTree) tree;
    MemberSelectTree select = (MemberSelectTree) call.getMethodSelect();
    if (!(select.getExpression() instanceof IdentifierTree)
        || isDeclaredInside(select.getExpression().toString())) {
      return null;
    }
    String name = select.getExpression().toString();
    Local local = cx.bodyLocal(name);
    javax.lang.model.type.TypeMirror site = local != null ? local.mirror()
        : cx.names().field(name) != null ? cx.names().field(name).element.asType() : null;
    if (!(site instanceof javax.lang.model.type.DeclaredType)) {
      return null;
    }
    javax.lang.model.type.DeclaredType declared = (javax.lang.model.type.DeclaredType) site;
    TypeElement result = null;
    for (ExecutableElement method : cx.names().methodsOf(
        (TypeElement) declared.asElement(), select.getIdentifier().toString())) {
      if (method.getParameters().size() != call.getArguments().size() || method.isVarArgs()) {
        continue;
      }
      javax.lang.model.type.TypeMirror returned;
      try {
        returned = ((javax.lang.model.type.ExecutableType)
            cx.names().types().asMemberOf(declared, method)).getReturnType();
      } catch (IllegalArgumentException e) {
        return null;
      }
      if (!(returned instanceof javax.lang.model.type.DeclaredType)) {
        return null;
      }
      TypeElement element = (TypeElement) ((javax.lang.model.type.DeclaredType) returned).asElement();
      if (result != null && !result.equals(element)) {
        return null;
      }
      result = element;
    }
    return result;
  }

  /** The private instance field of the owner or of an outer class named so, or null. */
  private Element privateInstanceField(String name) {
    java.util.Deque<Element> classes = new java.util.ArrayDeque<>();
    classes.add(outermost(cx.names().owner())); // and every class in it, as javac lets it use them
    while (!classes.isEmpty()) {
      for (Element member : classes.pop().getEnclosedElements()) {
        if (member instanceof TypeElement) {
          classes.add(member);
        } else if (member.getSimpleName().contentEquals(name)
            && member instanceof javax.lang.model.element.VariableElement
            && member.getModifiers().contains(Modifier.PRIVATE)
            && !member.getModifiers().contains(Modifier.STATIC)) {
          return member;
        }
      }
    }
    return null;
  }

  /**
   * For a qualifier that is a body local or parameter (read without side effects, so it may be
   * read twice by an accessor call): its declared class, when Java lets this code use its
   * private members (isNestmate); else null.
   */
  private TypeElement privateSiteOfVariable(ExpressionTree qualifier) {
    if (!(qualifier instanceof IdentifierTree)) {
      return null;
    }
    if (isDeclaredInside(qualifier.toString())) {
      // a lambda's parameter, a loop's variable of the fragment: javac's scope tells its class
      TypeElement type = isClassMember(qualifier.toString()) ? null
          : cx.classInScope(getCurrentPath(), qualifier.toString());
      return isNestmate(type) ? type : null;
    }
    TypeElement type = cx.localType(qualifier.toString());
    if (type == null && cx.bodyLocal(qualifier.toString()) == null) {
      type = classOfField(qualifier.toString()); // head.v of a field Node head
    }
    return isNestmate(type) ? type : null;
  }

  /** The class of the field named so, or null. */
  private TypeElement classOfField(String name) {
    NameResolver.Member field = cx.names().field(name);
    if (field == null || field.element.asType().getKind() != javax.lang.model.type.TypeKind.DECLARED) {
      return null;
    }
    return (TypeElement) ((javax.lang.model.type.DeclaredType) field.element.asType()).asElement();
  }

  /**
   * Whether Java lets the owner's code use the private members of {@code type}: a class of the
   * same top-level class (the owner, an outer class, a nested class of any of them).
   */
  private boolean isNestmate(TypeElement type) {
    return isNestmate(cx, type);
  }

  private static boolean isNestmate(ReadContext cx, TypeElement type) {
    return type != null && outermost(type).equals(outermost(cx.names().owner()));
  }

  /**
   * The class a qualifier names ({@code Node}, {@code Outer.Node}; not a local's value) when it
   * is of the owner's top-level class, whose private static members Java lets this code use.
   */
  private TypeElement nestmateType(ExpressionTree qualifier) {
    if (!(qualifier instanceof IdentifierTree || qualifier instanceof MemberSelectTree)
        || (qualifier instanceof IdentifierTree
            && (cx.bodyLocal(qualifier.toString()) != null
                || isDeclaredInside(qualifier.toString())
                || cx.names().field(qualifier.toString()) != null))) {
      return null;
    }
    TypeElement type = cx.names().typeOfQualifier(qualifier.toString());
    return isNestmate(type) ? type : null;
  }

  private static TypeElement outermost(TypeElement type) {
    while (type.getEnclosingElement() instanceof TypeElement) {
      type = (TypeElement) type.getEnclosingElement();
    }
    return type;
  }

  /**
   * The class whose members a qualifier names as the body's own: the owner for {@code this} and
   * {@code Owner}, an enclosing class for {@code Outer.this} and {@code Outer}; null otherwise.
   */
  private TypeElement memberSite(ExpressionTree qualifier) {
    if (qualifier instanceof IdentifierTree
        && ((IdentifierTree) qualifier).getName().contentEquals("this")) {
      return cx.names().owner();
    }
    if (qualifier instanceof MemberSelectTree
        && ((MemberSelectTree) qualifier).getIdentifier().contentEquals("this")) {
      qualifier = ((MemberSelectTree) qualifier).getExpression();
    } else if (qualifier instanceof IdentifierTree && cx.bodyLocal(qualifier.toString()) != null) {
      return null;
    }
    TypeElement type = cx.names().typeOfQualifier(qualifier.toString());
    for (Element e = cx.names().owner(); e instanceof TypeElement; e = e.getEnclosingElement()) {
      if (e.equals(type)) {
        return type;
      }
    }
    return null;
  }

  @Override
  public Void visitMethodInvocation(MethodInvocationTree node, Void unused) {
    Intrinsics.Keyword keyword = Intrinsics.keyword(node, cx.names());
    if (keyword == Intrinsics.Keyword.FRAME) {
      replace(node, "shared()");
      return null;
    }
    if (keyword == Intrinsics.Keyword.RESUME || keyword == Intrinsics.Keyword.NOSUSPEND) {
      replace(node.getMethodSelect(), "dev.stackless.Keywords." + keyword.name);
      scan(node.getArguments(), null);
      return null;
    }
    if (node.getMethodSelect() instanceof IdentifierTree) {
      IdentifierTree select = (IdentifierTree) node.getMethodSelect();
      String name = select.getName().toString();
      if (!isClassMember(name) && keyword == null) {
        List<ExecutableElement> methods = cx.names().methods(name);
        if (!methods.isEmpty()) {
          TypeElement site = cx.names().methodSite(name);
          // qualified as the overloads of the call's arity are: static ones by the class
          List<ExecutableElement> ofArity = new ArrayList<>();
          for (ExecutableElement method : methods) {
            int params = method.getParameters().size();
            if (params == node.getArguments().size()
                || method.isVarArgs() && node.getArguments().size() >= params - 1) {
              ofArity.add(method);
            }
          }
          List<ExecutableElement> qualifying = ofArity.isEmpty() ? methods : ofArity;
          boolean allStatic = true;
          for (ExecutableElement method : qualifying) {
            allStatic &= method.getModifiers().contains(Modifier.STATIC);
          }
          ExecutableElement chosen = qualifying.get(0);
          for (ExecutableElement method : qualifying) {
            if (allStatic == method.getModifiers().contains(Modifier.STATIC)) {
              chosen = method;
            }
          }
          if (reportedHiddenOverload(select, methods, node.getArguments())) {
            return null;
          }
          ExecutableElement privateOne = resolvedOverload != null
              ? (needsAccessor(resolvedOverload) ? resolvedOverload : null)
              : privateMethod(methods, node.getArguments().size(), site);
          if (resolvedOverload != null && privateOne == null) {
            chosen = resolvedOverload;
          }
          if (privateOne == null) {
            privateOne = inheritedProtectedMethod(methods, node.getArguments().size());
          }
          if (privateOne != null) {
            callPrivate(node, privateOne, site);
          } else {
            qualifyMember(select, chosen, site, site == cx.names().owner(), name);
          }
        }
      }
      scan(node.getTypeArguments(), null);
      scan(node.getArguments(), null);
      return null;
    }
    if (node.getMethodSelect() instanceof MemberSelectTree && classMembers.isEmpty()
        && (Intrinsics.isSuper(((MemberSelectTree) node.getMethodSelect()).getExpression())
            || Intrinsics.interfaceSuper(((MemberSelectTree) node.getMethodSelect())
                .getExpression(), cx.names()) != null)) {
      callSuper(node, (MemberSelectTree) node.getMethodSelect());
      scan(node.getTypeArguments(), null);
      scan(node.getArguments(), null);
      return null;
    }
    if (node.getMethodSelect() instanceof MemberSelectTree && (classMembers.isEmpty()
        || isOuterThis(((MemberSelectTree) node.getMethodSelect()).getExpression()))) {
      MemberSelectTree select = (MemberSelectTree) node.getMethodSelect();
      TypeElement through = privateSiteOfVariable(select.getExpression());
      if (through == null) {
        through = privateSiteOfExpression(select.getExpression());
      }
      if (through != null && reportedHiddenOverload(select,
          cx.names().methodsOf(through, select.getIdentifier().toString()),
          node.getArguments())) {
        return null;
      }
      ExecutableElement viaVariable = through == null ? null
          : resolvedOverload != null
              ? (needsAccessor(resolvedOverload) ? resolvedOverload : null)
              : privateMethod(cx.names().methodsOf(through, select.getIdentifier().toString()),
                  node.getArguments().size(), through);
      if (through != null && viaVariable == null && resolvedOverload == null) {
        // other.pm(x) of a protected method inherited from a class in another package
        viaVariable = inheritedProtectedMethod(
            cx.names().methodsOf(through, select.getIdentifier().toString()),
            node.getArguments().size());
      }
      if (viaVariable != null && !viaVariable.getModifiers().contains(Modifier.STATIC)) {
        // other.take(3) ===> OwnerAsync.take$call1(other, 3)
        callPrivate(node, viaVariable, through, nested(select.getExpression()));
        scan(node.getTypeArguments(), null);
        scan(node.getArguments(), null);
        return null;
      }
      TypeElement site = memberSite(select.getExpression());
      if (site == null) {
        site = nestmateType(select.getExpression()); // Node.make(): a nested class's static
      }
      TypeElement named = site == null && isTypeName(select.getExpression())
          ? cx.names().typeOfQualifier(select.getExpression().toString()) : null;
      if (named != null && cx.names().isSubclass(cx.names().owner(), named)) {
        // Base.help(x) of a protected static of a superclass in another package: its accessor
        ExecutableElement inherited = inheritedProtectedMethod(
            cx.names().methodsOf(named, select.getIdentifier().toString()),
            node.getArguments().size());
        if (inherited != null && inherited.getModifiers().contains(Modifier.STATIC)) {
          callPrivate(node, inherited, named);
          scan(node.getTypeArguments(), null);
          scan(node.getArguments(), null);
          return null;
        }
      }
      if (site != null && reportedHiddenOverload(select,
          cx.names().methodsOf(site, select.getIdentifier().toString()),
          node.getArguments())) {
        return null;
      }
      if (site != null) {
        ExecutableElement privateOne = resolvedOverload != null
            ? (needsAccessor(resolvedOverload) ? resolvedOverload : null)
            : privateMethod(cx.names().methodsOf(site, select.getIdentifier().toString()),
                node.getArguments().size(), site);
        if (privateOne == null && resolvedOverload == null) { // this.pm(x), inherited protected
          privateOne = inheritedProtectedMethod(
              cx.names().methodsOf(site, select.getIdentifier().toString()),
              node.getArguments().size());
        }
        if (privateOne != null) {
          callPrivate(node, privateOne, site);
          scan(node.getTypeArguments(), null);
          scan(node.getArguments(), null);
          return null;
        }
      }
      String name = select.getIdentifier().toString();
      if (through != null && viaVariable == null && HiddenTypes.isHidden(through)
          && cx.names().methodsOf(through, name).stream().anyMatch(this::needsAccessor)) {
        unsupported(select, "a call of " + through.getSimpleName() + "." + name + " of the"
            + " private class " + through.getSimpleName() + " here (overloaded, or static through"
            + " a value)", "give the method a name of its own, or make the class package-private");
        return null;
      }
      if (site == null && named == null && isOfUnknownClass(select.getExpression())
          && hiddenMember(name, true) != null) {
        reportUnknownClass(select, name, hiddenMember(name, true));
        return null;
      }
    }
    return super.visitMethodInvocation(node, unused);
  }

  /**
   * Whether the reader cannot tell the class of a qualifier's value (a lambda's parameter, a
   * local declared inside the fragment, a call it cannot type); a class's name is no value.
   */
  private boolean isOfUnknownClass(ExpressionTree qualifier) {
    if (qualifier instanceof IdentifierTree) {
      String name = qualifier.toString();
      if (name.equals("this") || name.equals("super")) {
        return false;
      }
      if (isDeclaredInside(name)) {
        return isClassMember(name) || cx.classInScope(getCurrentPath(), name) == null;
      }
      return cx.localType(name) == null
          && (cx.bodyLocal(name) != null || cx.names().field(name) == null)
          && cx.names().typeOfQualifier(name) == null;
    }
    if (qualifier instanceof MemberSelectTree && isTypeName(qualifier)
        && cx.names().typeOfQualifier(qualifier.toString()) != null) {
      return false;
    }
    return Intrinsics.receiverOf(qualifier, cx.names(), cx::localType) == null
        && resultOfTypedCall(qualifier) == null;
  }

  /**
   * An instance member (a method, or else a field) named so of a private class of the owner's
   * nest, which the generated class reaches only through an accessor; or null.
   */
  private Element hiddenMember(String name, boolean method) {
    Deque<TypeElement> classes = new ArrayDeque<>(List.of(outermost(cx.names().owner())));
    while (!classes.isEmpty()) {
      TypeElement type = classes.pop();
      for (Element member : type.getEnclosedElements()) {
        if (member instanceof TypeElement) {
          classes.add((TypeElement) member);
        } else if (HiddenTypes.isHidden(type) && member.getSimpleName().contentEquals(name)
            && (member instanceof ExecutableElement) == method
            && member.getKind() != ElementKind.CONSTRUCTOR
            && !member.getModifiers().contains(Modifier.STATIC) && needsAccessor(member)) {
          return member;
        }
      }
    }
    return null;
  }

  private void reportUnknownClass(Tree node, String name, Element member) {
    unsupported(node, "the member " + name + " of a value whose class is not known here (it may"
            + " be the private class " + member.getEnclosingElement().getSimpleName() + ")",
        "select it through a local declared with its class");
  }

  /**
   * Reports a call of a method (or constructor) with more than one overload of its arity, one of
   * which names a private class in its parameters: which one Java calls depends on that class,
   * which the generated class holds as its stand-in, so javac would choose otherwise; or some of
   * which are private and others not, since the private ones are called through accessors. True if
   * so; {@link #resolvedOverload} is the overload when the arguments' classes tell it.
   */
  private boolean reportedHiddenOverload(
      Tree node, List<ExecutableElement> methods, List<? extends ExpressionTree> arguments) {
    resolvedOverload = null;
    int arity = arguments.size();
    ExecutableElement hiddenOne = null;
    List<ExecutableElement> candidates = new ArrayList<>();
    for (ExecutableElement method : methods) {
      if (method.getParameters().size() == arity || method.isVarArgs()) {
        candidates.add(method);
        if (hiddenOne == null && method.getParameters().stream()
            .anyMatch(p -> HiddenTypes.mentionsHidden(p.asType()))) {
          hiddenOne = method;
        }
      }
    }
    // private overloads beside others: the generated class calls the private ones through
    // accessors, so it must know which one Java calls
    boolean mixedAccess = candidates.stream().anyMatch(this::needsAccessor)
        && candidates.stream().anyMatch(method -> !needsAccessor(method));
    if (candidates.size() < 2 || (hiddenOne == null && !mixedAccess)) {
      return false;
    }
    resolvedOverload = mostSpecific(candidates, arguments);
    if (resolvedOverload != null) {
      return false; // the arguments' classes tell which one Java calls
    }
    ExecutableElement named = hiddenOne != null ? hiddenOne : candidates.get(0);
    String name = named.getKind() == ElementKind.CONSTRUCTOR
        ? "new " + named.getEnclosingElement().getSimpleName() : named.getSimpleName().toString();
    if (hiddenOne == null) {
      unsupported(node, "a call of " + name + "(..), overloaded where some overloads are private"
          + " and others not (the private ones are called through accessors, so the processor"
          + " must know which one Java calls, and the arguments do not tell it),",
          "give the overloads names of their own");
      return true;
    }
    unsupported(node, "a call of " + name + "(..), overloaded, where an overload takes a private"
        + " class (which overload Java calls depends on that class, which the generated frame"
        + " cannot name),", "give the overloads names of their own");
    return true;
  }

  /** The overload {@link #reportedHiddenOverload} found Java calls, or null. */
  private ExecutableElement resolvedOverload;

  /**
   * The overload Java calls with these arguments, when the declarations tell every argument's
   * class and one applicable overload is more specific than all others (JLS 15.12.2, for
   * arguments of classes: no boxing, no variable arity); else null.
   */
  private ExecutableElement mostSpecific(
      List<ExecutableElement> candidates, List<? extends ExpressionTree> arguments) {
    javax.lang.model.util.Types types = cx.names().types();
    List<javax.lang.model.type.TypeMirror> argumentTypes = new ArrayList<>();
    for (ExpressionTree argument : arguments) {
      TypeElement type = argumentClass(argument);
      if (type == null) {
        return null;
      }
      argumentTypes.add(types.erasure(type.asType()));
    }
    List<ExecutableElement> applicable = new ArrayList<>();
    for (ExecutableElement candidate : candidates) {
      if (candidate.isVarArgs()) {
        return null;
      }
      boolean applies = true;
      for (int i = 0; i < argumentTypes.size(); i++) {
        javax.lang.model.type.TypeMirror parameter =
            types.erasure(candidate.getParameters().get(i).asType());
        if (parameter.getKind().isPrimitive()) {
          if (unboxes(argumentTypes.get(i))) {
            return null; // unboxing: phase 2 of the resolution, not modelled here
          }
          applies = false; // a class that does not unbox never converts to a primitive
          continue;
        }
        applies &= types.isSubtype(argumentTypes.get(i), parameter);
      }
      if (applies) {
        applicable.add(candidate);
      }
    }
    return Overloads.mostSpecific(applicable,
        (one, other) -> types.isSubtype(types.erasure(one), types.erasure(other)));
  }

  private boolean unboxes(javax.lang.model.type.TypeMirror type) {
    try {
      cx.names().types().unboxedType(type);
      return true;
    } catch (IllegalArgumentException notABox) {
      return false;
    }
  }

  /** The class of an argument's value as the declarations tell it, or null. */
  private TypeElement argumentClass(ExpressionTree argument) {
    while (argument instanceof ParenthesizedTree) {
      argument = ((ParenthesizedTree) argument).getExpression();
    }
    if (argument.getKind() == Tree.Kind.STRING_LITERAL) {
      return cx.names().typeOfQualifier("java.lang.String");
    }
    if (argument instanceof IdentifierTree && isDeclaredInside(argument.toString())) {
      return isClassMember(argument.toString()) ? null
          : cx.classInScope(getCurrentPath(), argument.toString());
    }
    Intrinsics.Receiver receiver = Intrinsics.receiverOf(argument, cx.names(), cx::localType);
    if (receiver != null) {
      return receiver.isType ? null : receiver.type;
    }
    return resultOfTypedCall(argument);
  }

  /** The private method of {@code site} a call with {@code arity} arguments calls, or null. */
  private ExecutableElement privateMethod(
      List<ExecutableElement> methods, int arity, TypeElement site) {
    ExecutableElement found = null;
    for (ExecutableElement method : methods) {
      if (method.getParameters().size() == arity || method.isVarArgs()) {
        if (!needsAccessor(method)
            || method.getEnclosingElement() != site) {
          return null;
        }
        found = method;
      }
    }
    return found;
  }

  /**
   * {@code secret(a)} ===> {@code OwnerAsync.secret$call1($this, a)}: a private method of the
   * owner, or of an outer class ({@code OwnerAsync.Outer$secret$call1(outer, a)}, the outer
   * object reached from {@code $this}), through the generated class's accessor.
   */
  private void callPrivate(MethodInvocationTree node, ExecutableElement method, TypeElement site) {
    boolean isStatic = method.getModifiers().contains(Modifier.STATIC);
    String instance = isStatic ? "" : instanceOf(site);
    callPrivate(node, method, site, instance == null ? null : Code.text(instance));
  }

  /** As above, on the instance {@code self} (null if there is none: a static method). */
  private void callPrivate(
      MethodInvocationTree node, ExecutableElement method, TypeElement site, Code self) {
    if (reportedWithoutStandIn(node.getMethodSelect(), method)) {
      return;
    }
    boolean isStatic = method.getModifiers().contains(Modifier.STATIC);
    if (!node.getTypeArguments().isEmpty() && !isStatic && ownTypeVariablesAround(site)) {
      // the accessor is generic in the class's type variables first, which the call does not give
      unsupported(node.getMethodSelect(), "explicit type arguments of the private method "
          + method.getSimpleName() + " of a generic class",
          "let javac infer them, or make the method package-private");
      return;
    }
    if (self == null) {
      unsupported(node.getMethodSelect(), "the instance method " + method.getSimpleName()
          + " in a static method", "call it through an instance");
      return;
    }
    if (method != resolvedOverload && sameArityOverloads(method) > 1) {
      unsupported(node.getMethodSelect(), "a call of the private method " + method.getSimpleName()
          + ", overloaded with as many parameters,", "give the overloads names of their own");
      return;
    }
    List<Object> select = new ArrayList<>(List.of(cx.generatedClass() + "."));
    if (!node.getTypeArguments().isEmpty()) {
      // Owner.<String>empty(): the accessor has the method's type variables, in its order
      select.add("<");
      for (int i = 0; i < node.getTypeArguments().size(); i++) {
        select.add(i == 0 ? "" : ", ");
        select.add(nested(node.getTypeArguments().get(i)));
      }
      select.add(">");
    }
    select.add(cx.privates().method(method));
    edits.add(new Edit(start(node.getMethodSelect()), end(node.getMethodSelect()),
        Code.concat(select.toArray()).parts()));
    if (!isStatic) {
      int at = node.getArguments().isEmpty() ? end(node) - 1 : start(node.getArguments().get(0));
      edits.add(new Edit(at, at,
          Code.concat(self, node.getArguments().isEmpty() ? "" : ", ").parts()));
    }
  }

  /** Whether the class, or a class it is an inner class of, declares type variables. */
  private static boolean ownTypeVariablesAround(TypeElement site) {
    for (Element e = site; e instanceof TypeElement; e = e.getEnclosingElement()) {
      if (!((TypeElement) e).getTypeParameters().isEmpty()) {
        return true;
      }
      if (e.getModifiers().contains(Modifier.STATIC)
          || ((TypeElement) e).getNestingKind() == javax.lang.model.element.NestingKind.TOP_LEVEL) {
        return false;
      }
    }
    return false;
  }

  /**
   * The methods (or constructors) of {@code method}'s class named as it is, with as many
   * parameters, that need accessors: their accessors' names would be the same.
   */
  private int sameArityOverloads(ExecutableElement method) {
    int count = 0;
    for (Element member : method.getEnclosingElement().getEnclosedElements()) {
      if (member.getKind() == method.getKind()
          && member.getSimpleName().contentEquals(method.getSimpleName())
          && ((ExecutableElement) member).getParameters().size() == method.getParameters().size()
          && needsAccessor(member)) {
        count++;
      }
    }
    return count;
  }

  /**
   * {@code super.m(a)} ===> {@code OwnerAsync.super$m$call1($this, a)}: the superclass's method,
   * through an accessor on a {@code findSpecial} handle, which calls it as {@code super} does,
   * without dispatching to an override. {@code I.super.m(a)} calls the interface's default method
   * so ({@code OwnerAsync.I$super$m$call1($this, a)}).
   */
  private void callSuper(MethodInvocationTree node, MemberSelectTree select) {
    TypeElement owner = cx.names().owner();
    TypeElement superinterface = Intrinsics.interfaceSuper(select.getExpression(), cx.names());
    javax.lang.model.type.TypeMirror superclass =
        superinterface != null ? superinterface.asType() : owner.getSuperclass();
    String name = select.getIdentifier().toString();
    int arity = node.getArguments().size();
    ExecutableElement found = null;
    int candidates = 0;
    if (superclass instanceof javax.lang.model.type.DeclaredType) {
      TypeElement type = (TypeElement) ((javax.lang.model.type.DeclaredType) superclass).asElement();
      for (ExecutableElement method : cx.names().methodsOf(type, name)) {
        if (method.getParameters().size() == arity || method.isVarArgs()) {
          found = method;
          candidates++;
        }
      }
    }
    // (a generic superclass's method, E last() of Base<E>: its accessor is typed as the owner
    // sees it, see FrameEmitter.addMethodAccessor)
    if (candidates != 1 || cx.receiverField() == null || !node.getTypeArguments().isEmpty()) {
      unsupported(select, select.getExpression() + "." + name + "(..) " + (candidates > 1
              ? "of an overloaded method"
              : "here"), "call an overload of its own name in the superclass, or a method of the"
              + " owner that calls super");
      return;
    }
    if (found.getModifiers().contains(Modifier.STATIC)) {
      replace(select.getExpression(),
          ((TypeElement) found.getEnclosingElement()).getQualifiedName().toString());
      return;
    }
    replace(select, cx.generatedClass() + "." + (superinterface != null
        ? cx.privates().interfaceSuperMethod(superinterface, found)
        : cx.privates().superMethod(found)));
    int at = node.getArguments().isEmpty() ? end(node) - 1 : start(node.getArguments().get(0));
    String text = cx.receiverField() + (node.getArguments().isEmpty() ? "" : ", ");
    edits.add(new Edit(at, at, List.of(new Part.Text(text))));
  }

  /**
   * The instance of {@code site} that an unqualified instance member of it means: the receiver
   * for the owner, else the enclosing instance, from the receiver out through each inner class
   * ({@code OwnerAsync.outer$Outer_Inner($this)}); null in a static method, or when a class on
   * the way is not an inner class (javac rejected such code already).
   */
  private String instanceOf(TypeElement site) {
    return instanceOf(cx, site);
  }

  /** As {@link #instanceOf(TypeElement)}, for the body reader's factory calls. */
  static String instanceOf(ReadContext cx, TypeElement site) {
    if (cx.receiverField() == null || site == null) {
      return null;
    }
    String instance = cx.receiverField();
    for (TypeElement type = cx.names().owner(); type != site; ) {
      if (type.getModifiers().contains(Modifier.STATIC)
          || !(type.getEnclosingElement() instanceof TypeElement)
          || type.getKind() != javax.lang.model.element.ElementKind.CLASS) {
        return null;
      }
      instance = cx.generatedClass() + "." + cx.privates().enclosingInstance(type) + "("
          + instance + ")";
      type = (TypeElement) type.getEnclosingElement();
    }
    return instance;
  }

  private void qualifyMember(
      Tree node, Element member, TypeElement site, boolean viaOwner, String name) {
    boolean isStatic = member.getModifiers().contains(Modifier.STATIC);
    if (!isStatic && member instanceof javax.lang.model.element.VariableElement
        && ((javax.lang.model.element.VariableElement) member).getConstantValue() != null) {
      // an instance constant by its simple name is a constant expression, its value (JLS
      // 15.29): $this.size would not be, in a case label or a narrowing (byte b = k)
      replace(node, cx.names().constantExpression(
          ((javax.lang.model.element.VariableElement) member).getConstantValue()));
      return;
    }
    if (needsAccessor(member) || isInheritedProtected(cx, member)) {
      String self = isStatic ? "" : instanceOf(site);
      if (member instanceof javax.lang.model.element.VariableElement && self != null) {
        privateField(node, (javax.lang.model.element.VariableElement) member, self);
      } else {
        unsupported(
            node,
            "the private member " + name + " of " + site.getSimpleName(),
            "make it package-private (only the private fields and methods of the owner and of"
                + " its outer classes are reachable from the generated frame)");
      }
      return;
    }
    if (isStatic) {
      replace(node, site.getQualifiedName() + "." + name);
    } else if (viaOwner && cx.receiverField() != null) {
      replace(node, cx.receiverField() + "." + name);
    } else if (!viaOwner) {
      String outer = instanceOf(site);
      if (outer == null) {
        unsupported(
            node,
            "the outer instance member " + name,
            "pass the outer object as a parameter or make the member static");
      } else {
        replace(node, outer + "." + name);
      }
    }
  }

  /**
   * Where an identifier's name ends: javac ends a resource of {@code try (a; b)} after its
   * semicolon, which replacing the name must keep.
   */
  private int identifierEnd(IdentifierTree node) {
    int start = start(node);
    String name = node.getName().toString();
    return end(node) - start > name.length()
        && cx.source().subSequence(start, start + name.length()).toString().equals(name)
        ? start + name.length() : end(node);
  }

  /**
   * Where a resource {@code r} of {@code try (r; b)} ends: javac ends it after its semicolon,
   * which the resource read alone must not take.
   */
  private static int resourceEnd(CharSequence source, int start, int end) {
    while (end > start
        && (source.charAt(end - 1) == ';' || Character.isWhitespace(source.charAt(end - 1)))) {
      end--;
    }
    return end;
  }

  private boolean isMethodSelect(Tree node) {
    Tree parent = getCurrentPath().getParentPath().getLeaf();
    return parent instanceof MethodInvocationTree
        && ((MethodInvocationTree) parent).getMethodSelect() == node;
  }

  /**
   * A private field of the owner, through the generated class's accessors:
   *
   * <pre>
   *   count          ===&gt;  OwnerAsync.count$get()
   *   count = v      ===&gt;  OwnerAsync.count$set(v)
   *   count += v     ===&gt;  OwnerAsync.count$set((int) (OwnerAsync.count$get() + (v)))
   *   count++        ===&gt;  OwnerAsync.count$add(1, true)
   * </pre>
   *
   * with {@code $this} as the first argument for an instance field.
   */
  private void privateField(Tree node, javax.lang.model.element.VariableElement field) {
    boolean isStatic = field.getModifiers().contains(Modifier.STATIC);
    if (!isStatic && cx.receiverField() == null) {
      unsupported(node, "the instance field " + field.getSimpleName() + " in a static method",
          "use it through an instance");
      return;
    }
    privateField(node, field, isStatic ? "" : cx.receiverField());
  }

  /** As above, {@code self} the instance that holds the field, empty for a static field. */
  private void privateField(
      Tree node, javax.lang.model.element.VariableElement field, String self) {
    privateField(node, field, Code.text(self), false);
  }

  /**
   * As above, {@code self} code that yields the instance: a local, a parameter, an enclosing
   * instance, or an expression ({@code selfIsExpression}: all[i++], make()), evaluated once.
   */
  private void privateField(Tree node, javax.lang.model.element.VariableElement field, Code self,
      boolean selfIsExpression) {
    boolean isStatic = field.getModifiers().contains(Modifier.STATIC);
    if (field.getConstantValue() != null
        && (isStatic || self.toString().equals(cx.receiverField()))) {
      // a constant variable is its value, as javac writes it: a case label may be one, and
      // reading it initializes no class (other.size still evaluates other, and may throw)
      replace(node, cx.names().constantExpression(field.getConstantValue()));
      return;
    }
    if (reportedWithoutStandIn(node, field)) {
      return;
    }
    String type = dev.stackless.processor.model.TypeSource.print(field.asType());
    if (type == null || (isStatic && TypeSource.mentionsTypeVariable(field.asType()))) {
      unsupported(node, "the private field " + field.getSimpleName() + ", whose type cannot be"
          + " written in the generated class,", "make it package-private");
      return;
    }
    String accessor = cx.generatedClass() + "." + cx.privates().field(field);
    Code selfComma = isStatic ? Code.text("") : Code.concat(self, ", ");
    Tree parent = getCurrentPath().getParentPath().getLeaf();
    boolean inside = start(parent) >= fragmentStart && end(parent) <= fragmentEnd;
    if (parent instanceof AssignmentTree && ((AssignmentTree) parent).getVariable() == node
        && inside) {
      ExpressionTree value = ((AssignmentTree) parent).getExpression();
      edits.add(new Edit(start(parent), start(value),
          Code.concat(accessor + "set(", selfComma).parts()));
      edits.add(new Edit(end(value), end(value), List.of(new Part.Text(")"))));
    } else if (parent instanceof CompoundAssignmentTree
        && ((CompoundAssignmentTree) parent).getVariable() == node && inside && !isStatic
        && selfIsExpression) {
      // set(self, get(self) op v) would evaluate all[i++] or make() twice
      unsupported(node, "a compound assignment of the private field " + field.getSimpleName()
          + " of an expression's value", "select it through a local: var a = ...; a.f += v;");
    } else if (parent instanceof CompoundAssignmentTree
        && ((CompoundAssignmentTree) parent).getVariable() == node && inside) {
      ExpressionTree value = ((CompoundAssignmentTree) parent).getExpression();
      String operator = cx.source().subSequence(end(node), start(value)).toString().trim();
      operator = operator.substring(0, operator.length() - 1);
      edits.add(new Edit(start(parent), start(value), Code.concat(
          accessor + "set(", selfComma, "(" + type + ") (" + accessor + "get(", self, ") "
              + operator + " (").parts()));
      edits.add(new Edit(end(value), end(value), List.of(new Part.Text(")))"))));
    } else if (parent instanceof UnaryTree && isIncrement(parent) && inside) {
      boolean post = parent.getKind() == Tree.Kind.POSTFIX_INCREMENT
          || parent.getKind() == Tree.Kind.POSTFIX_DECREMENT;
      boolean up = parent.getKind() == Tree.Kind.POSTFIX_INCREMENT
          || parent.getKind() == Tree.Kind.PREFIX_INCREMENT;
      edits.add(new Edit(start(parent), end(parent), Code.concat(
          accessor + "add(", selfComma, (up ? "1" : "-1") + ", " + post + ")").parts()));
    } else if (isIncrement(parent)
        || (parent instanceof CompoundAssignmentTree
            && ((CompoundAssignmentTree) parent).getVariable() == node)
        || (parent instanceof AssignmentTree && ((AssignmentTree) parent).getVariable() == node)) {
      TypeElement declaring = (TypeElement) field.getEnclosingElement();
      unsupported(node, "assigning the " + (field.getModifiers().contains(Modifier.PRIVATE)
              ? "private field " + field.getSimpleName()
              : HiddenTypes.isHidden(declaring)
                  ? "field " + field.getSimpleName() + " of the private class "
                      + declaring.getSimpleName()
                  : "inherited protected field " + field.getSimpleName())
          + " from an expression with a suspension point",
          "compute the value into a local first (var value = ...;), then assign "
              + field.getSimpleName() + " from the local");
    } else {
      edits.add(new Edit(start(node), end(node),
          Code.concat(accessor + "get(", self, ")").parts()));
    }
  }

  /**
   * For an assignment target that is a private field of the owner ({@code count}, {@code
   * this.count}), or by its simple name of an outer class: its getter call and the start of its
   * setter call ({@code OwnerAsync.count$get()}, {@code OwnerAsync.count$set(}); null for any
   * other target.
   */
  static String[] privateTarget(ReadContext cx, TreePath target, java.util.function.Function<String, Boolean> isLocal) {
    Tree tree = target.getLeaf();
    String name;
    if (tree instanceof IdentifierTree) {
      name = ((IdentifierTree) tree).getName().toString();
      if (isLocal.apply(name)) {
        return null;
      }
    } else if (tree instanceof MemberSelectTree && Intrinsics.isThis(((MemberSelectTree) tree).getExpression())) {
      name = ((MemberSelectTree) tree).getIdentifier().toString();
    } else if (tree instanceof MemberSelectTree
        && Intrinsics.isSuper(((MemberSelectTree) tree).getExpression())) {
      return superTarget(cx, ((MemberSelectTree) tree).getIdentifier().toString());
    } else if (tree instanceof MemberSelectTree) {
      return privateStaticTarget(cx, (MemberSelectTree) tree, isLocal);
    } else {
      return null;
    }
    boolean qualified = tree instanceof MemberSelectTree;
    Element first = cx.names().owner();
    if (qualified && ((MemberSelectTree) tree).getExpression() instanceof MemberSelectTree) {
      // Outer.this.count: the outer class's field
      first = cx.names().typeOfQualifier(
          ((MemberSelectTree) ((MemberSelectTree) tree).getExpression()).getExpression().toString());
    }
    for (Element site = first; site instanceof TypeElement;
        site = qualified ? null : site.getEnclosingElement()) {
      // its own fields, then those it inherits (a protected one of another package's class)
      for (Element member : membersWithInherited(cx, (TypeElement) site)) {
        if (!member.getSimpleName().contentEquals(name)
            || !(member instanceof javax.lang.model.element.VariableElement)) {
          continue;
        }
        if (!cx.names().hidden().needsAccessor(member) && !isInheritedProtected(cx, member)) {
          return null; // the nearest field of that name needs no accessor
        }
        boolean isStatic = member.getModifiers().contains(Modifier.STATIC);
        // the owner's instance, or an outer class's: the enclosing instance (an inner owner)
        String self = isStatic ? "" : instanceOf(cx, (TypeElement) site);
        if (self == null) {
          return null;
        }
        String accessor = cx.generatedClass() + "."
            + cx.privates().field((javax.lang.model.element.VariableElement) member);
        return new String[] {
          accessor + "get(" + self + ")", accessor + "set(" + (isStatic ? "" : self + ", ")
        };
      }
    }
    return null;
  }

  /**
   * {@code super.count}, a protected field of a superclass in another package: the accessor of
   * the field that Java's lookup from the superclass finds, on the owner's instance; null for a
   * field the generated class reaches as {@code ((Base) $this).count}.
   */
  private static String[] superTarget(ReadContext cx, String name) {
    javax.lang.model.type.TypeMirror superType = cx.names().owner().getSuperclass();
    TypeElement superclass = superType instanceof javax.lang.model.type.DeclaredType
        ? (TypeElement) ((javax.lang.model.type.DeclaredType) superType).asElement() : null;
    if (superclass == null || cx.receiverField() == null) {
      return null;
    }
    for (Element member : membersWithInherited(cx, superclass)) {
      if (member.getSimpleName().contentEquals(name)
          && member instanceof javax.lang.model.element.VariableElement) {
        if (!isInheritedProtected(cx, member)) {
          return null;
        }
        boolean isStatic = member.getModifiers().contains(Modifier.STATIC);
        String accessor = cx.generatedClass() + "."
            + cx.privates().field((javax.lang.model.element.VariableElement) member);
        String self = isStatic ? "" : cx.receiverField();
        return new String[] {
          accessor + "get(" + self + ")", accessor + "set(" + (isStatic ? "" : self + ", ")
        };
      }
    }
    return null;
  }

  /**
   * For {@code other.count op= e} taken apart around a suspension point: when {@code other}, of
   * a class of the owner's top-level class as the declarations tell ({@code other}, {@code
   * all[i]}, {@code make()}), whose value is now in the local {@code self}, selects a private
   * instance field of that class: its getter call and the start of its setter call on {@code
   * self}; null for any other target.
   */
  /** {@code Node.made}: a private static field of a class of the owner's top-level class. */
  private static String[] privateStaticTarget(ReadContext cx, MemberSelectTree target,
      java.util.function.Function<String, Boolean> isLocal) {
    ExpressionTree qualifier = target.getExpression();
    if (!(qualifier instanceof IdentifierTree || qualifier instanceof MemberSelectTree)
        || (qualifier instanceof IdentifierTree && isLocal.apply(qualifier.toString()))) {
      return null;
    }
    TypeElement type = cx.names().typeOfQualifier(qualifier.toString());
    if (type == null) {
      return null;
    }
    boolean nestmate = isNestmate(cx, type);
    for (Element member : membersWithInherited(cx, type)) {
      if (member.getSimpleName().contentEquals(target.getIdentifier())
          && member instanceof javax.lang.model.element.VariableElement
          && ((nestmate && cx.names().hidden().needsAccessor(member))
              || isInheritedProtected(cx, member)) // D.count, count protected in Base
          && member.getModifiers().contains(Modifier.STATIC)) {
        String accessor = cx.generatedClass() + "."
            + cx.privates().field((javax.lang.model.element.VariableElement) member);
        return new String[] {accessor + "get()", accessor + "set("};
      }
    }
    return null;
  }

  static String[] privateTargetOf(ReadContext cx, Tree target, String self) {
    if (!(target instanceof MemberSelectTree)) {
      return null;
    }
    MemberSelectTree select = (MemberSelectTree) target;
    TypeElement receiver = cx.valueType(select.getExpression());
    if (receiver == null) {
      return null;
    }
    boolean nestmate = isNestmate(cx, receiver);
    for (Element member : membersWithInherited(cx, receiver)) {
      if (member.getSimpleName().contentEquals(select.getIdentifier())
          && member instanceof javax.lang.model.element.VariableElement
          && ((nestmate && cx.names().hidden().needsAccessor(member))
              || isInheritedProtected(cx, member)) // other.count, count protected in Base
          && !member.getModifiers().contains(Modifier.STATIC)) {
        String accessor = cx.generatedClass() + "."
            + cx.privates().field((javax.lang.model.element.VariableElement) member);
        return new String[] {accessor + "get(" + self + ")", accessor + "set(" + self + ", "};
      }
    }
    return null;
  }

  /** Whether the expression at {@code path} is what an assignment, {@code op=} or {@code ++} writes. */
  private static boolean isAssigned(TreePath path) {
    Tree written = path.getLeaf();
    TreePath parent = path.getParentPath();
    while (parent.getLeaf() instanceof ParenthesizedTree) { // (x) = 5
      written = parent.getLeaf();
      parent = parent.getParentPath();
    }
    Tree leaf = parent.getLeaf();
    return leaf instanceof AssignmentTree && ((AssignmentTree) leaf).getVariable() == written
        || leaf instanceof CompoundAssignmentTree
            && ((CompoundAssignmentTree) leaf).getVariable() == written
        || isIncrement(leaf) && ((UnaryTree) leaf).getExpression() == written;
  }

  private static boolean isIncrement(Tree tree) {
    switch (tree.getKind()) {
      case POSTFIX_INCREMENT:
      case POSTFIX_DECREMENT:
      case PREFIX_INCREMENT:
      case PREFIX_DECREMENT:
        return true;
      default:
        return false;
    }
  }

  // --- scopes -----------------------------------------------------------------------------------

  @Override
  public Void visitVariable(VariableTree node, Void unused) {
    declare(node.getName().toString());
    return super.visitVariable(node, unused);
  }

  @Override
  public Void visitBlock(BlockTree node, Void unused) {
    return inScope(() -> super.visitBlock(node, null));
  }

  /**
   * {@code assert c : d;} anywhere in the body (in a lambda or local class too), as javac lowers
   * it, with the assertion status javac would ask, the owner's outermost class's: the generated
   * class has a status of its own ({@code -ea:Owner} does not enable it).
   *
   * <pre>
   *   assert c : d;  ===&gt;  { if (Assertions.enabled(Outer.class) &amp;&amp; !(c)) throw new AssertionError(d); }
   * </pre>
   */
  @Override
  public Void visitAssert(com.sun.source.tree.AssertTree node, Void unused) {
    javax.lang.model.element.TypeElement outermost = cx.names().owner();
    while (outermost.getEnclosingElement() instanceof javax.lang.model.element.TypeElement) {
      outermost = (javax.lang.model.element.TypeElement) outermost.getEnclosingElement();
    }
    ExpressionTree condition = node.getCondition();
    ExpressionTree detail = node.getDetail();
    edits.add(new Edit(start(node), start(condition), List.of(new Part.Text(
        "{ if (dev.stackless.internal.Assertions.enabled(" + outermost.getQualifiedName()
            + ".class) && !("))));
    if (detail == null) {
      edits.add(new Edit(end(condition), end(node),
          List.of(new Part.Text(")) throw new java.lang.AssertionError(); }"))));
    } else {
      edits.add(new Edit(end(condition), start(detail),
          List.of(new Part.Text(")) throw new java.lang.AssertionError("))));
      edits.add(new Edit(end(detail), end(node), List.of(new Part.Text("); }"))));
    }
    return super.visitAssert(node, unused);
  }

  @Override
  public Void visitLambdaExpression(LambdaExpressionTree node, Void unused) {
    if (reportedFunctionOfPrivateClass(node)) {
      return null;
    }
    lambdaDepth++;
    try {
      return inScope(() -> super.visitLambdaExpression(node, null));
    } finally {
      lambdaDepth--;
    }
  }

  /**
   * A catch clause: the exception first made to read at the user's lines ({@code Frame.caught});
   * a private class's, caught as its stand-in and rethrown unless its own test passes, which
   * only the try's last clause may do (a later clause would not see the rethrown exception).
   *
   * <pre>
   *   catch (Retry e) {   ===&gt;   catch (RuntimeException e) { if (!OwnerAsync.Owner_Retry$is(e))
   *                                  throw e; caught(e);
   * </pre>
   */
  @Override
  public Void visitCatch(CatchTree node, Void unused) {
    Tree type = node.getParameter().getType();
    TypeElement hidden = hiddenWithStandIn(type);
    List<? extends CatchTree> clauses = getCurrentPath().getParentPath().getLeaf() instanceof TryTree
        ? ((TryTree) getCurrentPath().getParentPath().getLeaf()).getCatches() : List.of();
    String name = node.getParameter().getName().toString();
    boolean tested = hidden != null && clauses.get(clauses.size() - 1) == node;
    List<Part> first = new ArrayList<>();
    if (tested) {
      replace(type, TypeSource.print(cx.names().hidden().standIn(hidden)));
      first.add(new Part.Text(" if (!" + cx.generatedClass() + "."
          + cx.privates().classTest(hidden) + "is(" + name + ")) throw " + name + ";"));
    }
    if (lambdaDepth == 0 && classMembers.isEmpty()) {
      first.add(new Part.CancelDeferredJump());
      first.add(new Part.Text(" caught(" + name + ");"));
    }
    if (!first.isEmpty()) {
      int at = start(node.getBlock()) + 1; // after the {
      edits.add(new Edit(at, at, first));
    }
    return inScope(() -> {
      if (!tested) {
        return super.visitCatch(node, null);
      }
      declare(name); // the parameter, its type written above
      return scan(node.getBlock(), null);
    });
  }

  /**
   * Counts the plain try statements around the point being read whose leaving runs code (a
   * finally block, or closing resources), which may throw on the way out of a jump. A jump in a
   * finally block counts the try statement too: the jump must replace the one the try block may
   * have left pending ({@code try { continue; } finally { break; }} breaks, as in Java).
   */
  @Override
  public Void visitTry(TryTree node, Void unused) {
    boolean finallyBlock = node.getFinallyBlock() != null;
    return inScope(() -> {
      int outside = plainExitsRunningCode;
      try {
        plainExitsRunningCode = outside + (finallyBlock || !node.getResources().isEmpty() ? 1 : 0);
        for (Tree resource : node.getResources()) {
          if (resource instanceof IdentifierTree && lambdaDepth == 0 && classMembers.isEmpty()
              && !isDeclaredInside(resource.toString())
              && cx.bodyLocal(resource.toString()) != null) {
            // try (r): the frame's field r is no effectively final local, a resource local is
            edits.add(new Edit(start(resource), start(resource),
                List.of(new Part.Text("final var $resource" + start(resource) + " = "))));
          }
        }
        scan(node.getResources(), null);
        scan(node.getBlock(), null);
        plainExitsRunningCode = outside + (finallyBlock ? 1 : 0); // resources closed by now
        scan(node.getCatches(), null);
        scan(node.getFinallyBlock(), null);
      } finally {
        plainExitsRunningCode = outside;
      }
      return null;
    });
  }

  @Override
  public Void visitMethod(MethodTree node, Void unused) {
    return inScope(() -> super.visitMethod(node, null));
  }

  /**
   * An array of a private class ({@code new S[n]}, {@code new S[] {a, b}}, {@code S[] all = {a,
   * b}}), which the generated class cannot name: made through the class's lookup, so that it is
   * the {@code S[]} Java makes, and held as an array of the stand-in.
   *
   * <pre>
   *   new S[n][]     ===&gt;  ((Object[][]) Privates.newArray(OwnerAsync.Owner_S$class(), 1, n))
   *   new S[] {a, b} ===&gt;  ((Object[]) Privates.arrayOf(OwnerAsync.Owner_S$class(), 0,
   *                                        new Object[] {a, b}))
   * </pre>
   */
  @Override
  public Void visitNewArray(com.sun.source.tree.NewArrayTree node, Void unused) {
    HiddenArray hidden = hiddenArrayOf(cx, getCurrentPath());
    if (hidden == null) {
      return super.visitNewArray(node, unused);
    }
    String standIn = TypeSource.print(cx.names().hidden().standIn(hidden.element))
        + "[]".repeat(hidden.dimensions);
    String elementClass = cx.generatedClass() + "." + cx.privates().classTest(hidden.element)
        + "class()";
    String privates = "dev.stackless.internal.Privates.";
    List<? extends ExpressionTree> dimensions = node.getDimensions();
    List<? extends ExpressionTree> elements = node.getInitializers();
    if (elements != null) {
      String start = "((" + standIn + ") " + privates + "arrayOf(" + elementClass + ", "
          + (hidden.dimensions - 1) + ", new java.lang.Object[] {";
      if (elements.isEmpty()) {
        replace(node, start + "}))");
        return null;
      }
      edits.add(new Edit(start(node), start(elements.get(0)), List.of(new Part.Text(start))));
      edits.add(new Edit(end(elements.get(elements.size() - 1)), end(node),
          List.of(new Part.Text("}))"))));
      scan(elements, null);
      return null;
    }
    edits.add(new Edit(start(node), start(dimensions.get(0)), List.of(new Part.Text(
        "((" + standIn + ") " + privates + "newArray(" + elementClass + ", "
            + (hidden.dimensions - dimensions.size()) + ", "))));
    for (int i = 0; i + 1 < dimensions.size(); i++) {
      edits.add(new Edit(end(dimensions.get(i)), start(dimensions.get(i + 1)),
          List.of(new Part.Text(", "))));
    }
    edits.add(new Edit(end(dimensions.get(dimensions.size() - 1)), end(node),
        List.of(new Part.Text("))"))));
    scan(dimensions, null);
    return null;
  }

  /** The private class of an array that {@code new} or an initializer makes, and its rank. */
  static final class HiddenArray {
    final TypeElement element;
    final int dimensions;

    HiddenArray(TypeElement element, int dimensions) {
      this.element = element;
      this.dimensions = dimensions;
    }
  }

  /**
   * The private class (with a stand-in) whose array the {@code new} or bare initializer at
   * {@code path} makes, or null for any other array.
   */
  static HiddenArray hiddenArrayOf(ReadContext cx, TreePath path) {
    com.sun.source.tree.NewArrayTree node = (com.sun.source.tree.NewArrayTree) path.getLeaf();
    Tree type = node.getType();
    int dimensions;
    if (type != null) {
      int unsized = 0; // new S[2][]: the tree's type is S[]
      while (type instanceof com.sun.source.tree.ArrayTypeTree) {
        type = ((com.sun.source.tree.ArrayTypeTree) type).getType();
        unsized++;
      }
      dimensions = unsized + (node.getDimensions().isEmpty() ? 1 : node.getDimensions().size());
    } else {
      Tree parent = path.getParentPath().getLeaf();
      if (parent instanceof com.sun.source.tree.NewArrayTree) {
        HiddenArray outer = hiddenArrayOf(cx, path.getParentPath()); // {{a}, {b}}
        return outer == null || outer.dimensions < 2
            ? null : new HiddenArray(outer.element, outer.dimensions - 1);
      }
      if (!(parent instanceof VariableTree) || ((VariableTree) parent).getType() == null) {
        return null;
      }
      type = ((VariableTree) parent).getType(); // S[] all = {a, b}
      dimensions = 0;
      while (type instanceof com.sun.source.tree.ArrayTypeTree) {
        type = ((com.sun.source.tree.ArrayTypeTree) type).getType();
        dimensions++;
      }
    }
    TypeElement element = type instanceof IdentifierTree
        ? cx.names().type(((IdentifierTree) type).getName().toString())
        : type instanceof MemberSelectTree ? cx.names().typeOfQualifier(type.toString()) : null;
    return element == null || dimensions == 0 || !HiddenTypes.isHidden(element)
        || cx.names().hidden().whyNot(element) != null
        ? null : new HiddenArray(element, dimensions);
  }

  @Override
  public Void visitNewClass(NewClassTree node, Void unused) {
    boolean qualifiedByInstance = node.getEnclosingExpression() != null;
    // also in a lambda or a class body of the method, which the generated class holds too
    if (node.getClassBody() == null && !isDeclaredInside(rawName(node.getIdentifier()))
        && (!qualifiedByInstance || isHiddenName(node.getIdentifier()))
        && newOfPrivateConstructor(node)) {
      return null;
    }
    if (node.getClassBody() == null && !qualifiedByInstance && lambdaDepth == 0
        && classMembers.isEmpty() && newOfInnerClass(node)) {
      return null;
    }
    if (node.getClassBody() == null && !qualifiedByInstance) {
      return super.visitNewClass(node, unused);
    }
    scan(node.getEnclosingExpression(), null);
    if (!qualifiedByInstance) { // in o.new Inner(), Inner stays as written: a member of o's class
      scan(node.getIdentifier(), null);
    }
    scan(node.getTypeArguments(), null);
    scan(node.getArguments(), null);
    if (node.getClassBody() == null) {
      return null;
    }
    Set<String> members = declaredMembers(node.getClassBody());
    TypeElement supertype = cx.names().typeOfQualifier(rawName(node.getIdentifier()));
    if (supertype != null) {
      members.addAll(cx.names().memberNames(supertype));
    }
    inClass(members, () -> scan(new TreePath(getCurrentPath(), node.getClassBody()), null));
    return null;
  }

  /**
   * A method reference to a private method or constructor, which the generated class cannot name:
   * a lambda of the same arity that calls its accessor. {@code this::tag} ===> {@code (a0) ->
   * OwnerAsync.tag$call1($this, a0)}; {@code Owner::twice} (static) ===> {@code (a0) ->
   * OwnerAsync.twice$call1(a0)}; {@code Owner::name} (unbound) ===> {@code (r) ->
   * OwnerAsync.name$call0(r)}; {@code Node::new} ===> {@code (a0) -> OwnerAsync.Node$new$call1(a0)}.
   * The lambda's arity is the method's, so the name must denote one method.
   */
  @Override
  public Void visitMemberReference(MemberReferenceTree node, Void unused) {
    if (!classMembers.isEmpty()) {
      return super.visitMemberReference(node, unused);
    }
    if (reportedFunctionOfPrivateClass(node)) {
      return null;
    }
    ExpressionTree qualifier = node.getQualifierExpression();
    if (Intrinsics.isSuper(qualifier) || Intrinsics.interfaceSuper(qualifier, cx.names()) != null) {
      referenceSuper(node);
      return null;
    }
    boolean isThis = qualifier instanceof IdentifierTree
        && ((IdentifierTree) qualifier).getName().contentEquals("this");
    TypeElement site = isThis ? cx.names().owner() : nestmateType(qualifier);
    TypeElement throughValue = site == null ? privateSiteOfVariable(qualifier) : null;
    TypeElement declaring = site != null ? site : throughValue;
    if (declaring == null) {
      return super.visitMemberReference(node, unused);
    }
    boolean isNew = node.getMode() == MemberReferenceTree.ReferenceMode.NEW;
    List<ExecutableElement> named = isNew
        ? javax.lang.model.util.ElementFilter.constructorsIn(declaring.getEnclosedElements())
        : cx.names().methodsOf(declaring, node.getName().toString());
    if (named.stream().noneMatch(this::needsAccessor)) {
      if (!isNew && !isThis && site != null && HiddenTypes.isHidden(declaring)
          && cx.names().hidden().standIn(declaring) != null) {
        // Point::toString: a method of the stand-in, which dispatches to the class's override
        replace(qualifier, TypeSource.print(cx.names().hidden().standIn(declaring)));
        scan(node.getTypeArguments(), null);
        return null;
      }
      return super.visitMemberReference(node, unused);
    }
    String what = isNew ? "the private constructor of " + declaring.getSimpleName()
        : "the private method " + node.getName();
    if (throughValue != null || named.size() != 1 || named.get(0).isVarArgs()
        || (node.getTypeArguments() != null && !node.getTypeArguments().isEmpty())
        || (isNew && (!declaring.getTypeParameters().isEmpty()
            || (declaring.getNestingKind().isNested()
                && !declaring.getModifiers().contains(Modifier.STATIC)
                && declaring.getKind() == ElementKind.CLASS)))) {
      unsupported(node, "a method reference to " + what + (throughValue != null
              ? " through a value" : " (overloaded, generic or of variable arity)"),
          "write the lambda: x -> " + (isNew ? "new " + declaring.getSimpleName() + "(x)"
              : qualifier + "." + node.getName() + "(x)"));
      return null;
    }
    ExecutableElement method = named.get(0);
    boolean isStatic = isNew || method.getModifiers().contains(Modifier.STATIC);
    String self = null;
    if (!isStatic && isThis) {
      self = instanceOf(declaring);
      if (self == null) {
        return super.visitMemberReference(node, unused); // this in a static method: javac's error
      }
    }
    boolean unbound = !isStatic && !isThis;
    List<String> parameters = new ArrayList<>();
    if (unbound) {
      parameters.add("$r");
    }
    for (int i = 0; i < method.getParameters().size(); i++) {
      parameters.add("$a" + i);
    }
    List<String> arguments = new ArrayList<>();
    if (self != null) {
      arguments.add(self);
    }
    arguments.addAll(parameters);
    replace(node, "(" + String.join(", ", parameters) + ") -> " + cx.generatedClass() + "."
        + cx.privates().method(method) + "(" + String.join(", ", arguments) + ")");
    return null;
  }

  /**
   * {@code super::tag} ===> {@code ($a0) -> OwnerAsync.super$tag$call1($this, $a0)}, and {@code
   * I.super::m} so: the lambda calls the accessor {@link #callSuper} uses. Its arity is the
   * method's, so the name must denote one instance method.
   */
  private void referenceSuper(MemberReferenceTree node) {
    ExpressionTree qualifier = node.getQualifierExpression();
    TypeElement superinterface = Intrinsics.interfaceSuper(qualifier, cx.names());
    javax.lang.model.type.TypeMirror superclass =
        superinterface != null ? superinterface.asType() : cx.names().owner().getSuperclass();
    List<ExecutableElement> named = superclass instanceof javax.lang.model.type.DeclaredType
        ? cx.names().methodsOf((TypeElement) ((javax.lang.model.type.DeclaredType) superclass)
            .asElement(), node.getName().toString())
        : List.of();
    ExecutableElement method = named.size() == 1 ? named.get(0) : null;
    boolean plain = method != null && !method.isVarArgs()
        && !method.getModifiers().contains(Modifier.STATIC)
        && method.getTypeParameters().isEmpty()
        && (node.getTypeArguments() == null || node.getTypeArguments().isEmpty())
        && !TypeSource.mentionsTypeVariableNotOf(method.getReturnType(), method)
        && method.getParameters().stream()
            .noneMatch(p -> TypeSource.mentionsTypeVariableNotOf(p.asType(), method));
    if (!plain || cx.receiverField() == null) {
      unsupported(node, qualifier + "::" + node.getName() + (method == null
              ? " of an overloaded method" : " here"),
          "write the lambda: x -> " + qualifier + "." + node.getName() + "(x)");
      return;
    }
    List<String> parameters = new ArrayList<>();
    for (int i = 0; i < method.getParameters().size(); i++) {
      parameters.add("$a" + i);
    }
    List<String> arguments = new ArrayList<>(List.of(cx.receiverField()));
    arguments.addAll(parameters);
    replace(node, "(" + String.join(", ", parameters) + ") -> " + cx.generatedClass() + "."
        + (superinterface != null
            ? cx.privates().interfaceSuperMethod(superinterface, method)
            : cx.privates().superMethod(method))
        + "(" + String.join(", ", arguments) + ")");
  }

  /**
   * {@code new Inner(v)} of an inner class of the owner or of an outer class, whose enclosing
   * instance Java takes from {@code this} (or {@code Outer.this}): {@code $this.new Inner(v)}. False
   * (nothing done) for any other class.
   */
  private boolean newOfInnerClass(NewClassTree node) {
    Tree created = node.getIdentifier();
    boolean diamond = created instanceof com.sun.source.tree.ParameterizedTypeTree
        && ((com.sun.source.tree.ParameterizedTypeTree) created).getTypeArguments().isEmpty();
    TypeElement type = cx.names().typeOfQualifier(rawName(created));
    if (type == null || type.getNestingKind() != javax.lang.model.element.NestingKind.MEMBER
        || HiddenTypes.isHidden(type) // a private inner class: reported at its name
        || type.getModifiers().contains(Modifier.STATIC) || type.getKind() != ElementKind.CLASS
        || !(type.getEnclosingElement() instanceof TypeElement)) {
      return false;
    }
    TypeElement declaring = (TypeElement) type.getEnclosingElement();
    TypeElement site = null;
    for (Element e = cx.names().owner(); e instanceof TypeElement && site == null;
        e = e.getEnclosingElement()) {
      if (cx.names().isSubclass((TypeElement) e, declaring)) {
        site = (TypeElement) e;
      }
    }
    String instance = instanceOf(site);
    if (instance == null) {
      return false; // no enclosing instance here: javac reports the user's code
    }
    if (created instanceof com.sun.source.tree.ParameterizedTypeTree && !diamond) {
      unsupported(node, "new of a generic inner class with type arguments",
          "create it with the diamond, new Inner<>(..), or through a local: outer.new Inner<T>()");
      return true;
    }
    edits.add(new Edit(start(node), end(created), List.of(new Part.Text(
        instance + ".new " + type.getSimpleName() + (diamond ? "<>" : "")))));
    scan(node.getTypeArguments(), null);
    scan(node.getArguments(), null);
    return true;
  }

  /**
   * {@code new Owner(v)} of a private constructor of a class of the owner's top-level class:
   * {@code OwnerAsync.new$call1(v)}, through the generated class's accessor. False (nothing done)
   * for any other constructor.
   */
  private boolean newOfPrivateConstructor(NewClassTree node) {
    TypeElement type = cx.names().typeOfQualifier(rawName(node.getIdentifier()));
    if (type == null || !isNestmate(type)
        || (HiddenTypes.isHidden(type) && cx.names().hidden().whyNot(type) != null)) {
      return false; // a private class without a stand-in: reported at its name
    }
    if (reportedHiddenOverload(node.getIdentifier(),
        javax.lang.model.util.ElementFilter.constructorsIn(type.getEnclosedElements()),
        node.getArguments())) {
      return true;
    }
    ExecutableElement constructor = resolvedOverload != null
        ? (needsAccessor(resolvedOverload) ? resolvedOverload : null)
        : privateMethod(
            javax.lang.model.util.ElementFilter.constructorsIn(type.getEnclosedElements()),
            node.getArguments().size(), type);
    if (constructor == null) {
      return false;
    }
    if (constructor != resolvedOverload && sameArityOverloads(constructor) > 1) {
      unsupported(node, "new " + type.getSimpleName() + "(..) of a private constructor,"
          + " overloaded with as many parameters,", "create it through a static factory method");
      return true;
    }
    boolean inner = type.getNestingKind().isNested()
        && !type.getModifiers().contains(Modifier.STATIC)
        && type.getKind() == javax.lang.model.element.ElementKind.CLASS;
    if (!type.getTypeParameters().isEmpty() || !node.getTypeArguments().isEmpty()
        || (inner && !((TypeElement) type.getEnclosingElement()).getTypeParameters().isEmpty())) {
      unsupported(node, "the private constructor of " + type.getSimpleName() + " (of a generic"
          + " class, or an inner class of one)", "make the constructor package-private");
      return true;
    }
    String accessor = cx.generatedClass() + "." + cx.privates().method(constructor);
    ExpressionTree qualifier = node.getEnclosingExpression();
    if (qualifier != null) {
      // outer.new Inner(a) ===> OwnerAsync.Owner_Inner$new$call1(outer, a)
      int argumentsAt =
          node.getArguments().isEmpty() ? end(node) - 1 : start(node.getArguments().get(0));
      edits.add(new Edit(start(node), start(node), List.of(new Part.Text(accessor + "("))));
      scan(qualifier, null);
      edits.add(new Edit(end(qualifier), argumentsAt,
          List.of(new Part.Text(node.getArguments().isEmpty() ? "" : ", "))));
      scan(node.getArguments(), null);
      return true;
    }
    // an inner class's: its enclosing instance first, this (or Outer.this) as in Java
    String outer = inner ? instanceOf(enclosingSite(type)) : null;
    if (inner && outer == null) {
      return false; // no enclosing instance here: javac reports the user's code
    }
    edits.add(new Edit(start(node), end(node.getIdentifier()), List.of(new Part.Text(accessor))));
    if (inner) {
      int at = node.getArguments().isEmpty() ? end(node) - 1 : start(node.getArguments().get(0));
      edits.add(new Edit(at, at,
          List.of(new Part.Text(outer + (node.getArguments().isEmpty() ? "" : ", ")))));
    }
    scan(node.getArguments(), null);
    return true;
  }

  /** Whether a created class's name ({@code Inner}, {@code Inner<T>}) names a private class. */
  private boolean isHiddenName(Tree created) {
    TypeElement type = cx.names().typeOfQualifier(rawName(created));
    return type != null && HiddenTypes.isHidden(type);
  }

  /**
   * The owner or enclosing class whose instance {@code new Inner()} takes as the enclosing
   * instance of the inner class {@code inner}: the innermost that is (or extends) its declaring
   * class; null if none is.
   */
  private TypeElement enclosingSite(TypeElement inner) {
    TypeElement declaring = (TypeElement) inner.getEnclosingElement();
    for (Element e = cx.names().owner(); e instanceof TypeElement; e = e.getEnclosingElement()) {
      if (cx.names().isSubclass((TypeElement) e, declaring)) {
        return (TypeElement) e;
      }
    }
    return null;
  }

  @Override
  public Void visitClass(ClassTree node, Void unused) {
    declare(node.getSimpleName().toString());
    Set<String> members = declaredMembers(node);
    if (node.getExtendsClause() != null) {
      TypeElement supertype = cx.names().typeOfQualifier(rawName(node.getExtendsClause()));
      if (supertype != null) {
        members.addAll(cx.names().memberNames(supertype));
      }
    }
    inClass(members, () -> super.visitClass(node, null));
    return null;
  }

  private static String rawName(Tree type) {
    String text = type.toString();
    int generic = text.indexOf('<');
    return generic < 0 ? text : text.substring(0, generic);
  }

  private static Set<String> declaredMembers(ClassTree body) {
    Set<String> names = new HashSet<>();
    for (Tree member : body.getMembers()) {
      if (member instanceof VariableTree) {
        names.add(((VariableTree) member).getName().toString());
      } else if (member instanceof MethodTree) {
        names.add(((MethodTree) member).getName().toString());
      } else if (member instanceof ClassTree) {
        names.add(((ClassTree) member).getSimpleName().toString());
      }
    }
    return names;
  }

  private void inClass(Set<String> members, Runnable body) {
    classMembers.push(members);
    int loops = innerLoops;
    int breakables = innerBreakables;
    try {
      body.run();
    } finally {
      classMembers.pop();
      innerLoops = loops;
      innerBreakables = breakables;
    }
  }

  private Void inScope(java.util.function.Supplier<Void> body) {
    scopes.push(new HashSet<>());
    try {
      return body.get();
    } finally {
      scopes.pop();
    }
  }

  private void declare(String name) {
    scopes.peek().add(name);
  }

  /** Whether a name the expression uses is declared inside the fragment (a lambda's parameter). */
  private boolean mentionsNameDeclaredInside(ExpressionTree tree) {
    boolean[] found = {false};
    new com.sun.source.util.TreeScanner<Void, Void>() {
      @Override
      public Void visitIdentifier(IdentifierTree node, Void unused) {
        found[0] |= isDeclaredInside(node.getName().toString());
        return null;
      }
    }.scan(tree, null);
    return found[0];
  }

  private boolean isDeclaredInside(String name) {
    for (Set<String> scope : scopes) {
      if (scope.contains(name)) {
        return true;
      }
    }
    return isClassMember(name);
  }

  private boolean isClassMember(String name) {
    for (Set<String> members : classMembers) {
      if (members.contains(name)) {
        return true;
      }
    }
    return false;
  }

  // --- jumps and returns ------------------------------------------------------------------------

  @Override
  public Void visitReturn(ReturnTree node, Void unused) {
    if (lambdaDepth > 0 || !classMembers.isEmpty()) {
      return super.visitReturn(node, unused);
    }
    if (blockLabel != null) {
      replace(node, "break " + blockLabel + ";");
      return null;
    }
    Code value = node.getExpression() == null
        ? null
        : returnValue(cx.returnType(), node.getExpression(), nested(node.getExpression()));
    edits.add(new Edit(start(node), end(node),
        List.of(new Part.Return(value, plainExitsRunningCode > 0))));
    return null;
  }

  /**
   * {@code yield value;} of the switch expression that the lowering turns into a switch statement
   * (not of one that stays plain Java inside this fragment): the value goes to the switch
   * expression's target, and control leaves the switch.
   */
  @Override
  public Void visitYield(YieldTree node, Void unused) {
    ReadContext.YieldTarget target = cx.yieldTarget();
    if (lambdaDepth > 0 || !classMembers.isEmpty() || innerSwitchExpressions > 0
        || target == null) {
      return super.visitYield(node, unused);
    }
    Code value = nested(node.getValue());
    boolean leaves = plainExitsRunningCode > 0;
    List<Part> parts = new ArrayList<>();
    parts.add(new Part.Text("{ ")); // one statement, also where a yield is an if's body
    switch (target.result().kind) {
      case RETURN:
        parts.add(new Part.Return(returnValue(cx.returnType(), node.getValue(), value), leaves));
        break;
      case ASSIGN_FIELD:
        parts.addAll(Code.concat(target.result().fieldAssignment(value), " ").parts());
        parts.add(new Part.Jump(target.exit(), false, leaves));
        break;
      default:
        parts.addAll(Code.concat(new Part.LocalRef(target.result().local), " = ", value, "; ")
            .parts());
        parts.add(new Part.Jump(target.exit(), false, leaves));
        break;
    }
    parts.add(new Part.Text(" }"));
    edits.add(new Edit(start(node), end(node), parts));
    return null;
  }

  @Override
  public Void visitSwitchExpression(SwitchExpressionTree node, Void unused) {
    switchOnOrdinal(node, node.getExpression(), true);
    hiddenPatternCases(node, node.getExpression(), node.getCases());
    innerSwitchExpressions++; // its yields stay its own
    try {
      return super.visitSwitchExpression(node, unused);
    } finally {
      innerSwitchExpressions--;
    }
  }

  /** An expression inside the fragment, read with this reader's view of the names in scope. */
  private Code nested(Tree expression) {
    Code substitute = substitutions.get(expression); // a value the spiller computed already
    if (substitute != null) {
      return substitute;
    }
    CodeReader inner = new CodeReader(cx, blockLabel, substitutions);
    inner.markLines = markLines && !isTypeTree(expression); // return a\n .b(): b's own line
    inner.fragmentStart = start(expression);
    inner.fragmentEnd = end(expression);
    inner.scopes.clear();
    inner.scopes.addAll(scopes);
    inner.scan(new TreePath(getCurrentPath(), expression), null);
    return inner.apply(start(expression), end(expression));
  }

  /**
   * {@code o instanceof String s} whose binding the reader made a body local (its scope may reach
   * past a suspension point): the match still binds Java's pattern variable, which the rest of
   * this fragment uses (a lambda here captures it, as in Java), and copies it into the frame's
   * field, which code in other states reads.
   *
   * <pre>
   *   o instanceof String s   ===&gt;   (o instanceof String s &amp;&amp; (this.s = s) == s)
   *   o instanceof P(int x)   ===&gt;   (o instanceof P(int x) &amp;&amp; ((this.x = x) == x | true))
   * </pre>
   */
  @Override
  public Void visitInstanceOf(InstanceOfTree node, Void unused) {
    Tree pattern = node.getPattern();
    TypeElement hidden = pattern == null ? hiddenWithStandIn(node.getType()) : null;
    if (hidden != null) {
      // o instanceof Node ===> OwnerAsync.Owner_Node$is(o): the class's own test
      edits.add(new Edit(start(node), start(node), List.of(new Part.Text(
          cx.generatedClass() + "." + cx.privates().classTest(hidden) + "is("))));
      scan(node.getExpression(), null);
      edits.add(new Edit(end(node.getExpression()), end(node), List.of(new Part.Text(")"))));
      return null;
    }
    if (pattern instanceof BindingPatternTree && hiddenBinding((BindingPatternTree) pattern)) {
      hiddenPattern(node, ((BindingPatternTree) pattern).getVariable());
      return null;
    }
    List<VariableTree> variables = pattern == null || lambdaDepth > 0 || !classMembers.isEmpty()
        ? List.of()
        : CaseLabels.bindings(pattern);
    List<Local> locals = new ArrayList<>();
    for (VariableTree variable : variables) {
      Local local = cx.bindingLocal(variable);
      if (local == null) {
        return super.visitInstanceOf(node, unused);
      }
      locals.add(local);
    }
    if (locals.isEmpty()) {
      return super.visitInstanceOf(node, unused);
    }
    List<Object> pieces = new ArrayList<>(List.of("(", nested(node.getExpression()), " instanceof "));
    if (pattern instanceof BindingPatternTree) {
      VariableTree variable = ((BindingPatternTree) pattern).getVariable();
      String name = variable.getName().toString();
      pieces.addAll(List.of(nested(variable.getType()), " ", name, " && (this.", new Part.LocalRef(
          locals.get(0)), " = ", name, ") == ", name, ")"));
    } else {
      // a record pattern: each variable copied, true also for a NaN that is not == itself
      pieces.add(nested(pattern));
      for (int i = 0; i < variables.size(); i++) {
        String name = variables.get(i).getName().toString();
        pieces.addAll(List.of(" && ((this.", new Part.LocalRef(locals.get(i)), " = ", name, ") == ",
            name, " | true)"));
      }
      pieces.add(")");
    }
    edits.add(new Edit(start(node), end(node), Code.concat(pieces.toArray()).parts()));
    for (VariableTree variable : variables) {
      declare(variable.getName().toString()); // javac scopes them here as in the user's code
    }
    return null;
  }

  /** The types of pattern variables {@link #hiddenPatternCases} wrote as stand-ins. */
  private final java.util.Set<Tree> standInPatternTypes =
      java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

  /**
   * A pattern switch's cases of private classes (Java 21): each binds the stand-in and is guarded
   * by the class's own test; a switch without {@code default} gets one that throws as Java does
   * when no case matches, for the guarded cases no longer make it exhaustive to javac. One with an
   * unguarded pattern that may match every value (which a default may not follow), unless the
   * selector's class tells it does not, is reported.
   *
   * <pre>
   *   case Circle c -&gt; ..   ===&gt;   case Shape c when OwnerAsync.Owner_Circle$is(c) -&gt; ..
   *                                 ... default -&gt; throw new MatchException(null, null);
   * </pre>
   */
  private void hiddenPatternCases(Tree node, ExpressionTree selector,
      List<? extends CaseTree> cases) {
    boolean rewritten = false;
    boolean hasDefault = false;
    List<VariableTree> otherTypePatterns = new ArrayList<>();
    for (CaseTree c : cases) {
      hasDefault |= CaseLabels.isDefault(c);
      for (Tree label : CaseLabels.of(c)) {
        Tree pattern = CaseLabels.pattern(label);
        if (!(pattern instanceof BindingPatternTree)) {
          continue;
        }
        VariableTree variable = ((BindingPatternTree) pattern).getVariable();
        TypeElement hidden = hiddenWithStandIn(variable.getType());
        if (hidden == null) {
          if (CaseLabels.guard(c) == null) {
            otherTypePatterns.add(variable);
          }
          continue;
        }
        String test = cx.generatedClass() + "." + cx.privates().classTest(hidden) + "is("
            + variable.getName() + ")";
        replace(variable.getType(), TypeSource.print(cx.names().hidden().standIn(hidden)));
        standInPatternTypes.add(variable.getType());
        ExpressionTree guard = CaseLabels.guard(c);
        if (guard == null) {
          edits.add(new Edit(end(label), end(label), List.of(new Part.Text(" when " + test))));
        } else {
          edits.add(new Edit(start(guard), start(guard), List.of(new Part.Text(test + " && ("))));
          edits.add(new Edit(end(guard), end(guard), List.of(new Part.Text(")"))));
        }
        rewritten = true;
      }
    }
    if (!rewritten || hasDefault) {
      return;
    }
    TypeElement selected = cx.valueType(selector);
    for (VariableTree variable : otherTypePatterns) {
      TypeElement type = cx.names().typeOfQualifier(variable.getType().toString());
      boolean mayMatchAll = selected == null || type == null
          || cx.names().isSubclass(selected, type);
      if (mayMatchAll) {
        unsupported(variable.getType(), "a pattern switch on private classes with a case that"
            + " may match every value", "write a default case");
        return;
      }
    }
    boolean arrows = cases.stream().anyMatch(c -> c.getCaseKind() == CaseTree.CaseKind.RULE);
    int close = end(node) - 1; // before the switch's }
    edits.add(new Edit(close, close, List.of(new Part.Text((arrows ? " default ->" : " default:")
        + " throw new MatchException(null, null); "))));
  }

  /** Whether the pattern binds a variable of a private class the frame has a stand-in for. */
  private boolean hiddenBinding(BindingPatternTree pattern) {
    TypeElement hidden = hiddenWithStandIn(pattern.getVariable().getType());
    return hidden != null && (cx.unconditionalPatterns()
        || !patternType(hidden).equals("java.lang.Object"));
  }

  /**
   * The type {@link #hiddenPattern} binds a private class's objects as: its stand-in, or for a
   * record whose stand-in is {@code Object}, {@code Record}, a pattern Java 17 allows on any value.
   */
  private String patternType(TypeElement hidden) {
    String standIn = TypeSource.print(cx.names().hidden().standIn(hidden));
    return standIn.equals("java.lang.Object") && hidden.getKind().name().equals("RECORD")
        ? "java.lang.Record" : standIn;
  }

  /**
   * {@code o instanceof Node n} of a private class: the pattern binds the stand-in, and the
   * class's own test decides, on the value bound. The value is seen as an {@code Object}, so that
   * the pattern stays conditional, as Java 17 requires; a binding the reader made a body local is
   * copied into it as for any pattern.
   *
   * <pre>
   *   o instanceof Node n   ===&gt;   (((Object) o) instanceof Base n &amp;&amp; OwnerAsync.Owner_Node$is(n))
   * </pre>
   */
  private void hiddenPattern(InstanceOfTree node, VariableTree variable) {
    TypeElement hidden = hiddenWithStandIn(variable.getType());
    String name = variable.getName().toString();
    Local local = lambdaDepth == 0 && classMembers.isEmpty() ? cx.bindingLocal(variable) : null;
    List<Object> pieces = new ArrayList<>(List.of("(((java.lang.Object) (",
        nested(node.getExpression()), ")) instanceof ",
        patternType(hidden), " ", name, " && ",
        cx.generatedClass() + "." + cx.privates().classTest(hidden) + "is(" + name + ")"));
    if (local != null) {
      pieces.addAll(List.of(" && (this.", new Part.LocalRef(local), " = ", name, ") == ", name));
    }
    pieces.add(")");
    edits.add(new Edit(start(node), end(node), Code.concat(pieces.toArray()).parts()));
    declare(name); // javac scopes it here as in the user's code
  }

  /**
   * {@code (Node) o} of a private class: {@code OwnerAsync.Owner_Node$cast(o)}, which checks the
   * class as the cast does and gives the stand-in.
   */
  @Override
  public Void visitTypeCast(com.sun.source.tree.TypeCastTree node, Void unused) {
    TypeElement hidden = hiddenWithStandIn(node.getType());
    if (hidden == null) {
      return super.visitTypeCast(node, unused);
    }
    edits.add(new Edit(start(node), start(node.getExpression()), List.of(new Part.Text(
        cx.generatedClass() + "." + cx.privates().classTest(hidden) + "cast("))));
    scan(node.getExpression(), null);
    edits.add(new Edit(end(node.getExpression()), end(node.getExpression()),
        List.of(new Part.Text(")"))));
    return null;
  }

  /** The private class with a stand-in that a type tree names ({@code Node}), or null. */
  private TypeElement hiddenWithStandIn(Tree type) {
    if (!(type instanceof IdentifierTree || type instanceof MemberSelectTree)
        || isDeclaredInside(type.toString())) {
      return null;
    }
    TypeElement named = cx.names().typeOfQualifier(type.toString());
    return named != null && HiddenTypes.isHidden(named) && isNestmate(named)
        && cx.names().hidden().standIn(named) != null ? named : null;
  }

  private static final java.util.Set<String> NARROWED_BOXES = java.util.Set.of("Byte", "Short",
      "Character", "java.lang.Byte", "java.lang.Short", "java.lang.Character");

  /**
   * A returned value, converted to the method's return type as in the user's return statement.
   * For a poly expression (new ArrayList<>(), List.of(), a lambda) that type must also be its
   * target type, which a cast alone does not give; the cast keeps javac's checkcast. A Byte,
   * Short or Character result may be an int constant ({@code return 7;}, or a switch's arms),
   * which only an assignment context narrows and boxes: an array initializer's element is one.
   */
  static Code returnValue(String type, ExpressionTree expression, Code read) {
    if (NARROWED_BOXES.contains(type)) {
      return Code.concat("new " + type + "[] {", read, "}[0]");
    }
    return TypeSource.isPrimitive(type) || !isPolyExpression(expression)
        ? Code.concat("(" + type + ") (", read, ")")
        : Code.concat("(" + type + ") dev.stackless.internal.Results.<" + type + ">returning(",
            read, ")");
  }

  /**
   * Whether the expression may take its type from its target (JLS 15.2): a method call (it may be
   * generic), a diamond, a lambda or method reference, a conditional or switch expression.
   */
  private static boolean isPolyExpression(ExpressionTree expression) {
    switch (expression.getKind()) {
      case PARENTHESIZED:
        return isPolyExpression(((ParenthesizedTree) expression).getExpression());
      case NEW_CLASS: {
        Tree created = ((NewClassTree) expression).getIdentifier();
        return created instanceof ParameterizedTypeTree
            && ((ParameterizedTypeTree) created).getTypeArguments().isEmpty();
      }
      case CONDITIONAL_EXPRESSION:
      case METHOD_INVOCATION:
      case LAMBDA_EXPRESSION:
      case MEMBER_REFERENCE:
        return true;
      default:
        return expression.getKind().name().equals("SWITCH_EXPRESSION");
    }
  }

  @Override
  public Void visitBreak(BreakTree node, Void unused) {
    String label = node.getLabel() == null ? null : node.getLabel().toString();
    if (lambdaDepth == 0 && classMembers.isEmpty()) {
      boolean inner = label == null ? innerBreakables > 0 : innerLabels.contains(label);
      if (!inner) {
        jump(node, cx.jumpTarget(label, false), false);
      }
    }
    return null;
  }

  @Override
  public Void visitContinue(ContinueTree node, Void unused) {
    String label = node.getLabel() == null ? null : node.getLabel().toString();
    if (lambdaDepth == 0 && classMembers.isEmpty()) {
      boolean inner = label == null ? innerLoops > 0 : innerLabels.contains(label);
      if (!inner) {
        jump(node, cx.jumpTarget(label, true), true);
      }
    }
    return null;
  }

  private void jump(Tree node, JumpTarget target, boolean isContinue) {
    if (target != null) {
      edits.add(new Edit(start(node), end(node),
          List.of(new Part.Jump(target, isContinue, plainExitsRunningCode > 0))));
    } else {
      // a jump javac rejects in the user's code (continue to a block's label): its error is
      // the one to see, not a second in generated code
      replace(node, "throw new java.lang.AssertionError(\"javac rejects this jump\");");
    }
  }

  @Override
  public Void visitLabeledStatement(LabeledStatementTree node, Void unused) {
    String label = node.getLabel().toString();
    innerLabels.add(label);
    try {
      return super.visitLabeledStatement(node, unused);
    } finally {
      innerLabels.remove(label);
    }
  }

  @Override
  public Void visitWhileLoop(WhileLoopTree node, Void unused) {
    return loop(() -> super.visitWhileLoop(node, null));
  }

  @Override
  public Void visitDoWhileLoop(DoWhileLoopTree node, Void unused) {
    return loop(() -> super.visitDoWhileLoop(node, null));
  }

  @Override
  public Void visitForLoop(ForLoopTree node, Void unused) {
    return inScope(() -> loop(() -> super.visitForLoop(node, null)));
  }

  @Override
  public Void visitEnhancedForLoop(EnhancedForLoopTree node, Void unused) {
    return inScope(() -> loop(() -> super.visitEnhancedForLoop(node, null)));
  }

  @Override
  public Void visitSwitch(SwitchTree node, Void unused) {
    switchOnOrdinal(node, node.getExpression(), false);
    hiddenPatternCases(node, node.getExpression(), node.getCases());
    innerBreakables++;
    try {
      return super.visitSwitch(node, unused);
    } finally {
      innerBreakables--;
    }
  }

  private Void loop(java.util.function.Supplier<Void> body) {
    innerLoops++;
    innerBreakables++;
    try {
      return body.get();
    } finally {
      innerLoops--;
      innerBreakables--;
    }
  }

  // --- helpers ----------------------------------------------------------------------------------

  private void replace(Tree node, String text) {
    int end = node instanceof IdentifierTree ? identifierEnd((IdentifierTree) node) : end(node);
    edits.add(new Edit(start(node), end, List.of(new Part.Text(text))));
  }

  /**
   * Reports a lambda or method reference whose functional interface's method takes or gives a
   * private class ({@code Audit au = op -> ..} with {@code String audit(Op op)}): the generated
   * class's lambda would have a parameter of a class it may not name.
   */
  private boolean reportedFunctionOfPrivateClass(ExpressionTree node) {
    ExecutableElement function = cx.functionOfPrivateClass(getCurrentPath());
    if (function == null) {
      return false;
    }
    String kind = node instanceof LambdaExpressionTree ? "a lambda" : "a method reference";
    unsupported(node, kind + " of " + function.getEnclosingElement().getSimpleName() + ", whose "
            + function.getSimpleName() + " takes or returns a private class,",
        "make the private class package-private, or implement "
            + function.getEnclosingElement().getSimpleName() + " in a member class of "
            + cx.names().owner().getSimpleName());
    return true;
  }

  private void unsupported(Tree node, String construct, String wayOut) {
    cx.reporter().error(node, cx.unit(), Diagnostic.UNSUPPORTED, construct, wayOut);
  }

  private int start(Tree tree) {
    return (int) cx.positions().getStartPosition(cx.unit(), tree);
  }

  private int end(Tree tree) {
    return (int) cx.positions().getEndPosition(cx.unit(), tree);
  }

  private static final class Edit {
    final int start;
    final int end;
    final List<Part> parts;

    Edit(int start, int end, List<Part> parts) {
      this.start = start;
      this.end = end;
      this.parts = parts;
    }
  }
}
