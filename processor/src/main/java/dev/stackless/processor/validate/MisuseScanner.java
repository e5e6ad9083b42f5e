package dev.stackless.processor.validate;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParameterizedTypeTree;
import com.sun.source.tree.SynchronizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import dev.stackless.processor.diag.Diagnostic;
import dev.stackless.processor.diag.Reporter;
import dev.stackless.processor.read.Intrinsics;
import dev.stackless.processor.read.LocalDeclarations;
import dev.stackless.processor.read.NameResolver;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * Finds suspension points where Java code cannot suspend, across a whole compilation unit: in a
 * method that is not {@code @Async} (or an initializer), inside a lambda, an anonymous or local
 * class, a {@code synchronized} block, or inside a suspend block; and method references to
 * {@code @Async} methods, which would run their bodies without a frame. Each is reported at the
 * suspension point, with a note at the construct that forbids it, as Zig notes "suspends here".
 */
public final class MisuseScanner extends TreePathScanner<Void, Void> {
  private final ProcessingEnvironment env;
  private final Trees trees;
  private final Reporter reporter;
  private final CompilationUnitTree unit;
  private final Map<TypeElement, NameResolver> resolvers = new HashMap<>();
  private final Map<Tree, LocalDeclarations> declarations = new HashMap<>();
  /** Methods (by tree) in which a misuse was reported: they are not transformed. */
  private final Set<Tree> spoiled;
  private TypeElement currentClass;

  private MisuseScanner(
      ProcessingEnvironment env,
      Reporter reporter,
      CompilationUnitTree unit,
      Set<Tree> spoiled) {
    this.env = env;
    this.trees = Trees.instance(env);
    this.reporter = reporter;
    this.unit = unit;
    this.spoiled = spoiled;
  }

  /** Scans {@code unit}; adds the method trees with misuses to {@code spoiled}. */
  public static void scan(
      ProcessingEnvironment env,
      Reporter reporter,
      CompilationUnitTree unit,
      Set<Tree> spoiled) {
    new MisuseScanner(env, reporter, unit, spoiled).scan(unit, null);
  }

  @Override
  public Void visitClass(ClassTree node, Void unused) {
    TreePath parent = getCurrentPath().getParentPath();
    boolean member =
        parent.getLeaf() instanceof CompilationUnitTree || parent.getLeaf() instanceof ClassTree;
    if (!member) {
      return super.visitClass(node, unused);
    }
    TypeElement previous = currentClass;
    Element element = trees.getElement(getCurrentPath());
    currentClass = element instanceof TypeElement ? (TypeElement) element : previous;
    try {
      return super.visitClass(node, unused);
    } finally {
      currentClass = previous;
    }
  }

  @Override
  public Void visitMethodInvocation(MethodInvocationTree node, Void unused) {
    if (currentClass != null) {
      check(node);
    }
    return super.visitMethodInvocation(node, unused);
  }

  @Override
  public Void visitMethod(MethodTree node, Void unused) {
    TreePath classPath = getCurrentPath().getParentPath();
    if (currentClass != null && classPath.getLeaf() instanceof ClassTree
        && !isMemberClass(classPath) && isAsync(node, resolver(currentClass))) {
      // @Async on a method of an anonymous or local class: no generated class can hold it, and
      // a call of it would run its body without a frame
      if (isEnumConstantBody(classPath)) {
        reporter.error(node, unit, Diagnostic.ASYNC_OWNER, "an enum constant's body",
            "no generated class can name it; declare the @Async method in the enum, and let"
                + " the constants differ in an ordinary method it calls");
      } else {
        reporter.error(node, unit, Diagnostic.ASYNC_OWNER, "an anonymous or local class",
            "no generated class can name it; declare the class as a member class");
      }
      spoilEnclosingMember(getCurrentPath());
    }
    return super.visitMethod(node, unused);
  }

  /** Whether the class is the body of an enum constant ({@code PLUS { .. }}). */
  private static boolean isEnumConstantBody(TreePath classPath) {
    TreePath creation = classPath.getParentPath();
    TreePath constant = creation == null ? null : creation.getParentPath();
    TreePath enumPath = constant == null ? null : constant.getParentPath();
    return creation != null && creation.getLeaf() instanceof com.sun.source.tree.NewClassTree
        && constant.getLeaf() instanceof com.sun.source.tree.VariableTree
        && enumPath != null && enumPath.getLeaf().getKind() == com.sun.source.tree.Tree.Kind.ENUM;
  }

  @Override
  public Void visitMemberReference(MemberReferenceTree node, Void unused) {
    Intrinsics.AsyncCall named = currentClass == null ? null
        : Intrinsics.asyncReference(node, resolver(currentClass), this::localType);
    if (named != null) {
      // Owner::m runs the original method, whose intrinsics throw: the factory starts a frame
      String factory = NameResolver.generatedSimpleName(env.getElementUtils(), named.site);
      String method = named.method.getSimpleName().toString();
      boolean viaSuper = Intrinsics.isSuper(named.receiver)
          || named.receiver instanceof MemberSelectTree
              && ((MemberSelectTree) named.receiver).getIdentifier().contentEquals("super");
      // super::m runs the superclass's body: its factory m$super, on this
      String entry = viaSuper && dev.stackless.processor.read.Overriding.isOverridable(named.method)
          ? method + "$super" : method;
      String receiver = viaSuper ? "this" : String.valueOf(named.receiver);
      String calls = NameResolver.callsClassFor(env.getElementUtils(), named.method);
      reporter.error(node, unit, Diagnostic.ASYNC_METHOD_REFERENCE, method, named.receiver == null
          ? factory + "::" + method
          : "a lambda calling " + (calls != null
              ? "new " + factory + "." + calls + "<>(" + receiver + ")." + entry + "(..)"
              : factory + "." + entry + "(" + receiver + ", ..)"));
    }
    return super.visitMemberReference(node, unused);
  }

  /**
   * The class a local or parameter of the member method being scanned is declared with ({@code
   * Refs refs}, for {@code refs::mine}); null if none is, or if it is declared {@code var}.
   */
  private TypeElement localType(String name) {
    TreePath method = memberMethod(getCurrentPath());
    Tree leaf = getCurrentPath().getLeaf();
    ExpressionTree receiver = leaf instanceof MemberReferenceTree
        ? ((MemberReferenceTree) leaf).getQualifierExpression()
        : leaf instanceof MethodInvocationTree
            && ((MethodInvocationTree) leaf).getMethodSelect() instanceof MemberSelectTree
            ? ((MemberSelectTree) ((MethodInvocationTree) leaf).getMethodSelect()).getExpression()
            : null;
    IdentifierTree first = leftmostName(receiver); // in.peek(), in.next().peek(), all[i].peek()
    if (method == null || first == null || !first.getName().contentEquals(name)) {
      return null;
    }
    TreePath declaration = declarations.computeIfAbsent(method.getLeaf(),
        m -> LocalDeclarations.of(method)).declarationOf(first);
    Tree type = declaration != null && declaration.getLeaf() instanceof VariableTree
        ? ((VariableTree) declaration.getLeaf()).getType() : null;
    if (declaration != null && type == null
        && declaration.getParentPath().getLeaf() instanceof LambdaExpressionTree) {
      return new LambdaParameterTypes(env, resolver(currentClass), this::writtenLocalType)
          .classOf(declaration);
    }
    if (type instanceof ParameterizedTypeTree) {
      type = ((ParameterizedTypeTree) type).getType();
    }
    return type instanceof IdentifierTree || type instanceof MemberSelectTree
        ? resolver(currentClass).typeOfQualifier(type.toString()) : null;
  }

  /** The type tree a local of the member method being scanned is declared with, or null. */
  private Tree writtenLocalType(IdentifierTree use) {
    TreePath method = memberMethod(getCurrentPath());
    TreePath declaration = method == null ? null : declarations.computeIfAbsent(method.getLeaf(),
        m -> LocalDeclarations.of(method)).declarationOf(use);
    return declaration != null && declaration.getLeaf() instanceof VariableTree
        ? ((VariableTree) declaration.getLeaf()).getType() : null;
  }

  /** The simple name an expression's chain of selects, calls and indexes starts from, or null. */
  private static IdentifierTree leftmostName(ExpressionTree tree) {
    while (true) {
      if (tree instanceof IdentifierTree) {
        return (IdentifierTree) tree;
      } else if (tree instanceof MemberSelectTree) {
        tree = ((MemberSelectTree) tree).getExpression();
      } else if (tree instanceof MethodInvocationTree) {
        tree = ((MethodInvocationTree) tree).getMethodSelect();
      } else if (tree instanceof com.sun.source.tree.ArrayAccessTree) {
        tree = ((com.sun.source.tree.ArrayAccessTree) tree).getExpression();
      } else if (tree instanceof com.sun.source.tree.ParenthesizedTree) {
        tree = ((com.sun.source.tree.ParenthesizedTree) tree).getExpression();
      } else {
        return null;
      }
    }
  }

  private void check(MethodInvocationTree node) {
    NameResolver names = resolver(currentClass);
    Intrinsics.Keyword keyword = Intrinsics.keyword(node, names);
    Intrinsics.AsyncCall call = null;
    if (keyword == null) {
      try {
        call = Intrinsics.asyncCall(node, names, this::localType, unknown -> false);
      } catch (Intrinsics.Undecidable e) {
        return;
      }
      if (call == null) {
        return;
      }
    } else if (keyword == Intrinsics.Keyword.RESUME || keyword == Intrinsics.Keyword.NOSUSPEND) {
      return;
    }
    boolean suspends = keyword != Intrinsics.Keyword.FRAME;
    String what = keyword != null ? keyword.name + "()" : call.method.getSimpleName() + "()";
    Tree at = node.getMethodSelect();
    // Walk out to the member method, remembering the first construct that forbids suspending.
    Tree barrier = null;
    Diagnostic barrierDiagnostic = null;
    String barrierKind = null;
    MethodTree memberMethod = null;
    Tree child = node;
    for (TreePath path = getCurrentPath().getParentPath(); path != null;
        child = path.getLeaf(), path = path.getParentPath()) {
      Tree leaf = path.getLeaf();
      Tree parent = path.getParentPath() == null ? null : path.getParentPath().getLeaf();
      boolean member = parent instanceof ClassTree || parent instanceof CompilationUnitTree;
      if (leaf instanceof MethodTree && parent instanceof ClassTree
          && isMemberClass(path.getParentPath())) {
        memberMethod = (MethodTree) leaf;
        break;
      }
      if (barrier == null && leaf instanceof MethodTree && parent instanceof ClassTree
          && isAsync((MethodTree) leaf, resolver(currentClass))) {
        return; // @Async on a method of an anonymous or local class: visitMethod reported it
      }
      if (leaf instanceof ClassTree && member) {
        break; // a field initializer or an initializer block of a member class
      }
      if (barrier != null) {
        continue;
      }
      if (leaf instanceof LambdaExpressionTree) {
        if (isSuspendBlock(path)) {
          if (suspends) {
            barrier = leaf;
            barrierDiagnostic = Diagnostic.SUSPEND_IN_SUSPEND_BLOCK;
            barrierKind = "suspend block";
          }
          // frame() in a suspend block: the block's context decides
        } else {
          barrier = leaf;
          barrierDiagnostic = Diagnostic.SUSPEND_IN_LAMBDA;
          barrierKind = "lambda";
        }
      } else if (leaf instanceof ClassTree) {
        barrier = leaf;
        barrierDiagnostic = Diagnostic.SUSPEND_IN_CLASS;
        barrierKind = "class body";
      } else if (leaf instanceof SynchronizedTree && suspends
          && child == ((SynchronizedTree) leaf).getBlock()) { // the lock expression runs before
        barrier = leaf;
        barrierDiagnostic = Diagnostic.SUSPEND_IN_SYNCHRONIZED;
        barrierKind = "synchronized statement";
      }
    }
    boolean inAsync = memberMethod != null && isAsync(memberMethod, resolver(currentClass));
    if (inAsync && barrier == null) {
      return;
    }
    if (memberMethod != null) {
      spoiled.add(memberMethod);
    }
    if (inAsync) {
      reporter.error(at, unit, barrierDiagnostic, what);
      reporter.note(barrier, unit, Diagnostic.NOTE_CONSTRUCT, barrierKind);
      return;
    }
    if (call != null) {
      String generated = NameResolver.generatedSimpleName(env.getElementUtils(), call.site);
      String calls = NameResolver.callsClassFor(env.getElementUtils(), call.method);
      String factory = (calls != null && call.receiver != null
          ? "new " + generated + "." + calls + "<>(" + call.receiver + ")"
          : generated) + "." + call.method.getSimpleName() + "(..)";
      reporter.error(at, unit, Diagnostic.ASYNC_CALL_OUTSIDE_ASYNC,
          call.method.getSimpleName(), factory, factory);
    } else if (barrier != null) {
      // in a lambda or a class body of plain code: @Async on the method would not help
      reporter.error(at, unit, barrierDiagnostic, what);
      reporter.note(barrier, unit, Diagnostic.NOTE_CONSTRUCT, barrierKind);
      return;
    } else {
      reporter.error(at, unit, Diagnostic.SUSPEND_OUTSIDE_ASYNC, what, memberMethod == null
          ? "an initializer cannot suspend: move it into an @Async method"
          : memberMethod.getName().contentEquals("<init>")
              ? "a constructor cannot suspend: move it into an @Async method"
              : "annotate the method with @Async");
    }
    if (memberMethod != null && !memberMethod.getName().contentEquals("<init>")) {
      reporter.note(memberMethod, unit, Diagnostic.NOTE_ASYNC_METHOD, memberMethod.getName());
    }
  }

  /** Marks the member method around {@code path} as not to be transformed. */
  private void spoilEnclosingMember(TreePath path) {
    TreePath member = memberMethod(path.getParentPath());
    if (member != null) {
      spoiled.add(member.getLeaf());
    }
  }

  /** The method of a member class that {@code path} is in, or null (an initializer). */
  private static TreePath memberMethod(TreePath path) {
    for (; path != null; path = path.getParentPath()) {
      if (path.getLeaf() instanceof MethodTree && path.getParentPath().getLeaf() instanceof ClassTree
          && isMemberClass(path.getParentPath())) {
        return path;
      }
    }
    return null;
  }

  private static boolean isMemberClass(TreePath classPath) {
    Tree parent = classPath.getParentPath().getLeaf();
    return parent instanceof CompilationUnitTree || parent instanceof ClassTree;
  }

  /** Whether the lambda at {@code path} is the argument of {@code suspend(...)}. */
  private boolean isSuspendBlock(TreePath path) {
    Tree parent = path.getParentPath().getLeaf();
    if (!(parent instanceof MethodInvocationTree)) {
      return false;
    }
    MethodInvocationTree invocation = (MethodInvocationTree) parent;
    return invocation.getArguments().contains((ExpressionTree) path.getLeaf())
        && Intrinsics.keyword(invocation, resolver(currentClass)) == Intrinsics.Keyword.SUSPEND;
  }

  /** Whether a method declaration carries {@code @Async}, as its source says. */
  public static boolean isAsync(MethodTree method, NameResolver names) {
    for (AnnotationTree annotation : method.getModifiers().getAnnotations()) {
      TypeElement type = names.typeOfQualifier(annotation.getAnnotationType().toString());
      if (type != null && type.getQualifiedName().contentEquals("dev.stackless.Async")) {
        return true;
      }
    }
    return false;
  }

  private NameResolver resolver(TypeElement type) {
    return resolvers.computeIfAbsent(type, t -> new NameResolver(env, t, unit));
  }

}
