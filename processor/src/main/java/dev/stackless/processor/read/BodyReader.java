package dev.stackless.processor.read;

import com.sun.source.tree.AssertTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.CaseTree;
import com.sun.source.tree.SwitchExpressionTree;
import com.sun.source.tree.SwitchTree;
import com.sun.source.tree.CatchTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.DoWhileLoopTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.InstanceOfTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.LabeledStatementTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewArrayTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.PrimitiveTypeTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.UnionTypeTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.tree.WhileLoopTree;
import com.sun.source.tree.YieldTree;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import dev.stackless.processor.diag.Diagnostic;
import dev.stackless.processor.diag.Reporter;
import dev.stackless.processor.model.AsyncMethod;
import dev.stackless.processor.model.Code;
import dev.stackless.processor.model.JumpTarget;
import dev.stackless.processor.model.Local;
import dev.stackless.processor.model.Part;
import dev.stackless.processor.model.ResultTarget;
import dev.stackless.processor.model.Stmt;
import dev.stackless.processor.model.Suspension;
import dev.stackless.processor.model.HiddenTypes;
import dev.stackless.processor.model.TypeSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.TypeParameterElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;

/**
 * Reads one {@code @Async} method's tree into an {@link AsyncMethod}: statements that contain
 * suspension points become {@link Stmt} nodes, the rest {@link Stmt.Plain} code. Reports what this
 * version cannot transform (a suspension point inside an expression, inside try or switch) at the
 * suspension point.
 */
public final class BodyReader implements ReadContext, ExpressionSpiller.Context {
  /** The name of the receiver field of an instance method's frame. */
  public static final String RECEIVER = "$this";
  /** Paths through one taken-apart expression, past which the generated code grows too much. */
  private static final int MAX_SPILL_PATHS = 64;

  final ProcessingEnvironment env;
  private final Trees trees;
  /** The compiled classes without a generated class that a call was reported for. */
  private final Set<TypeElement> reportedMissing = new java.util.HashSet<>();
  private final ExecutableElement method;
  private final TreePath methodPath;
  final CompilationUnitTree unit;
  final CharSequence source;
  final SourcePositions positions;
  final NameResolver names;
  private final Reporter reporter;
  private final Set<String> generatedNames;
  /** The @Async methods of the sources seen, by simple name. */
  private final Map<String, List<ExecutableElement>> asyncMethods;
  private final dev.stackless.processor.model.PrivateAccess privates;
  private final SuspensionFinder finder;
  final LocalDeclarations declarations;
  /** How many variables of each name the method declares, anywhere in it (lambdas too). */
  private final Map<String, Integer> declaredNames;
  /** See {@link #localClassNames()}. */
  private Set<String> localClassNames;
  /** Each declared name's (last) declaration, made when first asked (KnownFacts). */
  private Map<String, VariableTree> declarationsByName;
  private final Map<Tree, java.util.Optional<TypeMirror>> varMirrors =
      new java.util.IdentityHashMap<>();
  private final Set<String> typeVariables = new LinkedHashSet<>();
  /** The type variables the frame class declares: its class nest's (an instance method), then the method's. */
  private final List<TypeParameterElement> frameTypeVariables = new ArrayList<>();
  private final Deque<Map<String, Local>> scopes = new ArrayDeque<>();
  private final Deque<TargetEntry> targets = new ArrayDeque<>();
  private final Deque<YieldTarget> yieldTargets = new ArrayDeque<>();
  private final Map<Tree, Local> patternBindings = new java.util.IdentityHashMap<>();
  private final Set<Local> unwritableVars = new java.util.HashSet<>();
  private final List<Local> synthetic = new ArrayList<>();
  /** See {@link AsyncMethod#localTypes}; their names in {@link #localTypeNames}. */
  private final List<Code> localTypes = new ArrayList<>();
  private final Set<String> localTypeNames = new java.util.HashSet<>();
  /** The {@code var}s of anonymous classes the frame declares as member classes: their names. */
  private final Map<Tree, String> anonymousClasses = new java.util.IdentityHashMap<>();
  private final CallTyping callTyping;
  private ExpressionSpiller spiller = new ExpressionSpiller(this);
  /** The spills' fields, by depth: the states of a switch a spill enters have spills of theirs. */
  private final List<Local> spills = new ArrayList<>();
  private int spillDepth;
  /** The switch expressions the spill being taken apart enters (see {@link #enterSwitch}). */
  private List<Suspension.Entry> entries = new ArrayList<>();
  private Map<Tree, Integer> entered = new java.util.IdentityHashMap<>();
  private int nameCount;
  private String returnType;
  private int blocks;
  private boolean failed;

  private BodyReader(
      ProcessingEnvironment env,
      ExecutableElement method,
      NameResolver names,
      Reporter reporter,
      Set<String> generatedNames,
      Map<String, List<ExecutableElement>> asyncMethods,
      dev.stackless.processor.model.PrivateAccess privates) {
    this.env = env;
    this.privates = privates;
    this.trees = Trees.instance(env);
    this.method = method;
    this.methodPath = trees.getPath(method);
    this.unit = methodPath.getCompilationUnit();
    try {
      this.source = unit.getSourceFile().getCharContent(true);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.positions = trees.getSourcePositions();
    this.names = names;
    this.reporter = reporter;
    this.generatedNames = generatedNames;
    this.asyncMethods = asyncMethods;
    this.finder = new SuspensionFinder(this::isSuspension);
    this.declarations = LocalDeclarations.of(methodPath);
    this.declaredNames = declaredNames(methodPath.getLeaf());
    this.callTyping = new CallTyping(env.getTypeUtils(), this::classOfTypeName, this::newName,
        call -> {
          KnownFacts facts = new KnownFacts(this, visibleLocals());
          return facts.candidates(call, e -> ObviousTypes.of(e, facts));
        });
  }

  /** Reads the method, or returns null after reporting why it cannot be transformed. */
  public static AsyncMethod read(
      ProcessingEnvironment env,
      ExecutableElement method,
      String frameClass,
      NameResolver names,
      Reporter reporter,
      Set<String> generatedNames,
      Map<String, List<ExecutableElement>> asyncMethods,
      dev.stackless.processor.model.PrivateAccess privates) {
    BodyReader reader =
        new BodyReader(env, method, names, reporter, generatedNames, asyncMethods, privates);
    return reader.read(frameClass);
  }

  private AsyncMethod read(String frameClass) {
    MethodTree tree = (MethodTree) methodPath.getLeaf();
    TypeElement owner = names.owner();
    boolean isStatic = method.getModifiers().contains(Modifier.STATIC);
    List<TypeParameterElement> typeVariableDecls = frameTypeVariables;
    List<String> typeVariableNames = new ArrayList<>();
    String receiverType = null;
    if (!isStatic) {
      // Box<T>.Node<U>: an inner class's type is its enclosing classes', with their variables
      List<TypeElement> nest = new ArrayList<>();
      for (TypeElement type = owner; type != null; type = NameResolver.isInner(type)
          ? (TypeElement) type.getEnclosingElement() : null) {
        nest.add(0, type);
      }
      StringBuilder written = new StringBuilder();
      for (TypeElement type : nest) {
        List<String> vars = new ArrayList<>();
        for (TypeParameterElement parameter : type.getTypeParameters()) {
          String name = parameter.getSimpleName().toString();
          vars.add(name);
          typeVariableNames.add(name);
          typeVariableDecls.add(parameter);
        }
        written.append(written.length() == 0 ? type.getQualifiedName() : "." + type.getSimpleName())
            .append(vars.isEmpty() ? "" : "<" + String.join(", ", vars) + ">");
      }
      receiverType = written.toString();
    }
    for (TypeParameterElement parameter : method.getTypeParameters()) {
      typeVariableNames.add(parameter.getSimpleName().toString());
      typeVariableDecls.add(parameter);
    }
    typeVariables.addAll(typeVariableNames);
    returnType =
        tree.getReturnType() == null
            ? "void"
            : dev.stackless.processor.model.HiddenTypes.mentionsHidden(method.getReturnType())
                ? TypeSource.print(method.getReturnType()) // a private class: held as its stand-in
            : tree.getReturnType() instanceof com.sun.source.tree.ArrayTypeTree
                ? CodeReader.readType(this, new TreePath(methodPath, tree.getReturnType()))
                : CodeReader.read(this, new TreePath(methodPath, tree.getReturnType())).toString();

    scopes.push(new HashMap<>());
    List<Local> parameters = new ArrayList<>();
    for (int i = 0; i < method.getParameters().size(); i++) {
      VariableElement parameter = method.getParameters().get(i);
      String type = TypeSource.print(parameter.asType());
      if (type == null && TypeSource.isError(parameter.asType())) {
        // this owner's own frame class (AsyncProcessor.mentionsMissingTypes lets only that pass)
        type = CodeReader.read(this,
            new TreePath(methodPath, tree.getParameters().get(i).getType())).toString();
      }
      Local local = new Local(parameter.getSimpleName().toString(), true, type);
      local.setMirror(parameter.asType());
      parameters.add(local);
      scopes.peek().put(local.sourceName(), local);
    }
    // an abstract method has no body: its frame only dispatches to the override
    Stmt.Block body = tree.getBody() == null
        ? new Stmt.Block(List.of())
        : readBlock(new TreePath(methodPath, tree.getBody()));
    if (failed) {
      return null;
    }
    Set<Modifier> modifiers = method.getModifiers();
    String visibility =
        modifiers.contains(Modifier.PUBLIC) || modifiers.contains(Modifier.PROTECTED)
            ? "public"
            : "";
    return new AsyncMethod(
        method,
        owner.getQualifiedName() + "." + method.getSimpleName(),
        method.getSimpleName().toString(),
        frameClass,
        receiverType,
        typeVariableDecls,
        typeVariableNames,
        returnType,
        parameters,
        visibility,
        body,
        synthetic,
        line(tree),
        localTypes,
        callTyping.helpers(),
        Overriding.isOverridable(method),
        Overriding.overriddenAsync(method, owner, env.getTypeUtils(), env.getElementUtils()));
  }

  // --- statements -------------------------------------------------------------------------------

  private Stmt.Block readBlock(TreePath path) {
    scopes.push(new HashMap<>());
    try {
      List<? extends StatementTree> block = ((BlockTree) path.getLeaf()).getStatements();
      List<Stmt> statements = new ArrayList<>();
      for (int i = 0; i < block.size(); i++) {
        if (block.get(i) instanceof com.sun.source.tree.ClassTree) {
          com.sun.source.tree.ClassTree local = (com.sun.source.tree.ClassTree) block.get(i);
          if (capturesNothing(local)) {
            hoistLocalType(new TreePath(path, local));
            continue;
          }
          if (namedPastASuspension(local, block, i)) {
            // its objects may live across the suspension point, in the frame's fields
            TreePath at = new TreePath(path, local);
            String whyNot = whyNotHoisted(at);
            if (whyNot == null) {
              hoistCapturingClass(at);
              continue;
            }
            if (usedAcrossSuspension(local.getSimpleName().toString(), block, i)) {
              reporter.error(local, unit, Diagnostic.UNSUPPORTED, "the local class "
                  + local.getSimpleName() + ", used after a suspension point, " + whyNot,
                  "declare it as a member class of " + names.owner().getSimpleName()
                      + " and pass the values to its constructor");
              failed = true;
              continue;
            }
          }
        }
        if (block.get(i) instanceof VariableTree) {
          hoistAnonymousClass(new TreePath(path, block.get(i)), block.subList(i + 1, block.size()));
        }
        statements.add(readStatement(new TreePath(path, block.get(i))));
      }
      return new Stmt.Block(statements);
    } finally {
      scopes.pop();
    }
  }

  /**
   * {@code var q = new Base() { .. };} with {@code q} used after a suspension point (or a
   * resource closed after one): the frame's field needs a type it can name, which an anonymous
   * class has not. The class becomes a member class of the frame, as a local class does ({@link
   * #hoistCapturingClass}), and the declaration makes an object of it: {@code class Anonymous$1
   * extends Base { .. }} and {@code q = new Anonymous$1();}. Only for a class made without
   * arguments or a diamond, of a supertype the frame can extend; any other such var is reported
   * where its field is checked.
   */
  private void hoistAnonymousClass(TreePath declaration, List<? extends StatementTree> rest) {
    VariableTree tree = (VariableTree) declaration.getLeaf();
    String name = tree.getName().toString();
    // (named past a suspension point, as for a local class: a class that captures it is hoisted)
    if (makesAnonymousClass(tree) && rest.stream().anyMatch(s -> namesType(s, name))
        && rest.stream().anyMatch(finder::contains)) {
      hoistAnonymousClass(declaration);
    }
  }

  private void hoistAnonymousClass(TreePath declaration) {
    VariableTree tree = (VariableTree) declaration.getLeaf();
    if (!isVar(tree) || tree.getInitializer() == null) {
      return;
    }
    TreePath creationPath = new TreePath(declaration, tree.getInitializer());
    while (creationPath.getLeaf() instanceof ParenthesizedTree) {
      creationPath = new TreePath(creationPath,
          ((ParenthesizedTree) creationPath.getLeaf()).getExpression());
    }
    if (!(creationPath.getLeaf() instanceof NewClassTree)) {
      return;
    }
    NewClassTree creation = (NewClassTree) creationPath.getLeaf();
    Tree created = creation.getIdentifier();
    Tree raw = created instanceof com.sun.source.tree.ParameterizedTypeTree
        ? ((com.sun.source.tree.ParameterizedTypeTree) created).getType() : created;
    boolean diamond = raw != created
        && ((com.sun.source.tree.ParameterizedTypeTree) created).getTypeArguments().isEmpty();
    if (creation.getClassBody() == null || creation.getEnclosingExpression() != null
        || !creation.getArguments().isEmpty() || diamond) {
      return;
    }
    TypeElement supertype = names.typeOfQualifier(raw.toString());
    TreePath bodyPath = new TreePath(creationPath, creation.getClassBody());
    if (supertype == null || !extendableByTheFrame(supertype) || whyNotHoisted(bodyPath) != null) {
      return;
    }
    List<Local> captured = captures(creation.getClassBody());
    captured.forEach(Local::hoist);
    boolean implementing = supertype.getKind() == javax.lang.model.element.ElementKind.INTERFACE;
    // a superclass's constructor may call the class's methods before its copies are made
    boolean subclass = !implementing
        && !supertype.getQualifiedName().contentEquals("java.lang.Object");
    String name = newName("Anonymous$"); // no source declares it; JavaPoet takes it for a class
    Code declared = Code.concat("class " + name + " ",
        implementing || subclass
            ? Code.concat(implementing ? "implements " : "extends ",
                CodeReader.read(this, new TreePath(creationPath, created)), " ")
            : "",
        CodeReader.read(this, bodyPath));
    localTypeNames.add(name);
    localTypes.add(!captured.isEmpty() && copiesCaptures(captured)
        ? withCopies(declared, captured, subclass) : declared);
    anonymousClasses.put(tree, name);
  }

  /**
   * Whether a member class of the frame class can extend or implement the type: it is not private
   * (nor nested in a private class), not a protected class of another package, and needs no outer
   * instance.
   */
  private boolean extendableByTheFrame(TypeElement type) {
    for (Element e = type; e instanceof TypeElement; e = e.getEnclosingElement()) {
      TypeElement enclosing = (TypeElement) e;
      javax.lang.model.element.NestingKind nesting = enclosing.getNestingKind();
      if (enclosing.getModifiers().contains(Modifier.PRIVATE)
          || nesting == javax.lang.model.element.NestingKind.LOCAL
          || nesting == javax.lang.model.element.NestingKind.ANONYMOUS) {
        return false;
      }
      if (e == type && nesting == javax.lang.model.element.NestingKind.MEMBER
          && enclosing.getKind() == javax.lang.model.element.ElementKind.CLASS
          && !enclosing.getModifiers().contains(Modifier.STATIC)
          && enclosing.getEnclosingElement().getKind()
              != javax.lang.model.element.ElementKind.INTERFACE) {
        return false; // an inner class: its objects need an outer instance
      }
    }
    return protectedTypeOfAnotherPackage(type.asType()) == null;
  }

  /**
   * Whether a statement after a local's or a local class's declaration names it at or after a
   * suspension point: code in another state than the declaring one.
   */
  private boolean usedAcrossSuspension(String local, List<? extends StatementTree> block, int at) {
    boolean suspended = false;
    for (int j = at + 1; j < block.size(); j++) {
      boolean suspends = finder.contains(block.get(j));
      if ((suspended || suspends) && namesType(block.get(j), local)) {
        return true;
      }
      suspended |= suspends;
    }
    return false;
  }

  /**
   * Whether the type mentions a local or anonymous class that stays in the state declaring it
   * (not one of the {@linkplain #hoistLocalType member types} the frame class declares).
   */
  private boolean mentionsLocalClassOfAState(TypeMirror type) {
    return TypeSource.mentions(type, t -> {
      if (t.getKind() != javax.lang.model.type.TypeKind.DECLARED) {
        return false;
      }
      javax.lang.model.element.TypeElement element =
          (javax.lang.model.element.TypeElement) ((DeclaredType) t).asElement();
      javax.lang.model.element.NestingKind nesting = element.getNestingKind();
      return nesting == javax.lang.model.element.NestingKind.ANONYMOUS
          || (nesting == javax.lang.model.element.NestingKind.LOCAL
              && !localTypeNames.contains(element.getSimpleName().toString()));
    });
  }

  /** A local record, enum or interface: implicitly static, it captures nothing. */
  private static boolean capturesNothing(com.sun.source.tree.ClassTree local) {
    String kind = local.getKind().name();
    return kind.equals("RECORD") || kind.equals("ENUM") || kind.equals("INTERFACE");
  }

  /**
   * Moves a local record, enum or interface of a block with suspension points into the frame
   * class, as a member type of the same name, so that code after a suspension point and the
   * frame's fields can name it (see {@link AsyncMethod#localTypes}). Its name must mean it
   * everywhere in the frame: it may not be a class the body could mean otherwise.
   */
  private void hoistLocalType(TreePath path) {
    hoistLocalType(path, List.of());
  }

  /** As above, with the class's own copies of the locals it captures (see hoistCapturingClass). */
  private void hoistLocalType(TreePath path, List<Local> copied) {
    com.sun.source.tree.ClassTree local = (com.sun.source.tree.ClassTree) path.getLeaf();
    String name = local.getSimpleName().toString();
    if (!localTypeNames.add(name) || names.type(name) != null
        || generatedNames.contains(name) || typeVariables().contains(name)) {
      String clash = generatedNames.contains(name)
          ? "a generated class (the frame class of an @Async method, or the owner's generated"
              + " class)"
          : typeVariables().contains(name) ? "a type variable"
          : names.type(name) != null ? "a class in scope"
          : "another local type of this method";
      reporter.error(local, unit, Diagnostic.UNSUPPORTED, "the local " + local.getKind().name()
              .toLowerCase(java.util.Locale.ROOT) + " " + name + ", named like " + clash + ",",
          "give it a name of its own");
      failed = true;
      return;
    }
    Code declaration = CodeReader.read(this, path);
    localTypes.add(copied.isEmpty() ? declaration
        : withCopies(declaration, copied, local.getExtendsClause() != null));
  }

  /**
   * {@code class Hold { .. s .. }} ===> {@code class Hold { final String s$captured = s; ..
   * s$captured .. }}: the class's first field copies the frame's field when an object is made, as
   * javac's synthetic field copies the captured local, and the body reads the copy. javac assigns
   * its copies before the superclass's constructor runs, which may call the class's methods; a
   * {@code subclass} reads the frame's field until its copies are made ({@code ($copied ?
   * s$captured : s)}), which holds the value then.
   */
  private static Code withCopies(Code declaration, List<Local> copied, boolean subclass) {
    List<Part> parts = new ArrayList<>();
    if (copied.stream().anyMatch(Local::isReadConverted)) {
      // the reads cast to the var's type, from its first bound: unchecked for a generic bound
      parts.add(new Part.Text("@SuppressWarnings(\"unchecked\") "));
    }
    boolean opened = false;
    for (Part part : declaration.parts()) {
      if (!opened && part instanceof Part.Text && ((Part.Text) part).text().contains("{")) {
        String text = ((Part.Text) part).text();
        int brace = text.indexOf('{') + 1;
        parts.add(new Part.Text(text.substring(0, brace)));
        if (subclass) {
          parts.add(new Part.Text(" private boolean $copied;"));
        }
        for (Local local : copied) {
          parts.add(new Part.Text(" final " + local.resolvedType() + " " + copyName(local)
              + " = "));
          parts.add(new Part.LocalRef(local));
          parts.add(new Part.Text(";"));
        }
        if (subclass) {
          parts.add(new Part.Text(" { $copied = true; }"));
        }
        parts.add(new Part.Text(text.substring(brace)));
        opened = true;
      } else if (opened && part instanceof Part.LocalRef
          && copied.contains(((Part.LocalRef) part).local())) {
        Local local = ((Part.LocalRef) part).local();
        // a var of an intersection type: the copy has the field's type, and reads convert it
        if (subclass) {
          String prefix = local.isReadConverted() ? local.readPrefix() : "";
          String suffix = local.isReadConverted() ? local.readSuffix() : "";
          parts.add(new Part.Text(prefix + "($copied ? " + copyName(local) + " : "));
          parts.add(new Part.LocalRef(local));
          parts.add(new Part.Text(")" + suffix));
        } else {
          parts.add(new Part.Text(local.read(copyName(local))));
        }
      } else {
        parts.add(part);
      }
    }
    return new Code(parts, declaration.line());
  }

  private static String copyName(Local local) {
    return local.sourceName() + "$captured";
  }

  /**
   * Whether a statement after a local class's declaration names it, and one (perhaps the same)
   * suspends: a local of the class may then live across the suspension point.
   */
  private boolean namedPastASuspension(
      com.sun.source.tree.ClassTree local, List<? extends StatementTree> block, int at) {
    String name = local.getSimpleName().toString();
    boolean named = false;
    boolean suspends = false;
    for (int j = at + 1; j < block.size(); j++) {
      named |= namesType(block.get(j), name);
      suspends |= finder.contains(block.get(j));
    }
    return named && suspends;
  }

  /**
   * A local class whose objects live across a suspension point becomes an inner class of the
   * frame class, as a local record becomes a member type. What it captures of the body
   * (effectively final locals and parameters) is hoisted into the frame's fields, which the
   * class copies into fields of its own when an object is made ({@link #withCopies}). A class
   * that cannot copy ({@link #copiesCaptures}) reads the frame's fields, which hold the same
   * values only while each captured declaration runs once ({@link #whyNotHoisted}).
   */
  private void hoistCapturingClass(TreePath path) {
    com.sun.source.tree.ClassTree local = (com.sun.source.tree.ClassTree) path.getLeaf();
    List<Local> captured = captures(local);
    captured.forEach(Local::hoist);
    hoistLocalType(path, copiesCaptures(captured) ? captured : List.of());
  }

  /**
   * Whether the class can keep its own copies of what it captures, in fields it declares first:
   * not when a captured local's type is not known.
   */
  private static boolean copiesCaptures(List<Local> captured) {
    return captured.stream().allMatch(c -> c.resolvedType() != null);
  }

  /** Why a local class cannot be hoisted (see above), as the end of a message; or null. */
  private String whyNotHoisted(TreePath path) {
    com.sun.source.tree.ClassTree local = (com.sun.source.tree.ClassTree) path.getLeaf();
    List<Local> captured = captures(local);
    if (captured == null) {
      return "which declares a variable of the same name as a local it may capture,";
    }
    Set<String> declaredInLoops = declaredInEnclosingLoops(path);
    List<String> perIteration = captured.stream()
        .filter(c -> !c.isParameter() && declaredInLoops.contains(c.sourceName()))
        .map(Local::sourceName).sorted().collect(java.util.stream.Collectors.toList());
    if (!perIteration.isEmpty() && !copiesCaptures(captured)) {
      return "declared in a loop and capturing locals of each iteration, of types not known here, ("
          + String.join(", ", perIteration) + "),";
    }
    return null;
  }

  /** The names of the variables declared in the loops around the tree at {@code path}. */
  private static Set<String> declaredInEnclosingLoops(TreePath path) {
    Set<String> names = new HashSet<>();
    for (TreePath p = path.getParentPath(); p != null; p = p.getParentPath()) {
      Tree leaf = p.getLeaf();
      if (leaf instanceof com.sun.source.tree.MethodTree) {
        break;
      }
      if (leaf instanceof com.sun.source.tree.ForLoopTree
          || leaf instanceof com.sun.source.tree.EnhancedForLoopTree
          || leaf instanceof com.sun.source.tree.WhileLoopTree
          || leaf instanceof com.sun.source.tree.DoWhileLoopTree) {
        new com.sun.source.util.TreeScanner<Void, Void>() {
          @Override
          public Void visitVariable(VariableTree node, Void unused) {
            names.add(node.getName().toString());
            return super.visitVariable(node, unused);
          }
        }.scan(leaf, null);
      }
    }
    return names;
  }

  /**
   * The body's locals and parameters a local class uses; null if it also declares a variable of
   * one's name (which use is which would need javac's scopes).
   */
  private List<Local> captures(com.sun.source.tree.ClassTree local) {
    Set<String> declaredInside = new HashSet<>();
    new com.sun.source.util.TreeScanner<Void, Void>() {
      @Override
      public Void visitVariable(VariableTree node, Void unused) {
        declaredInside.add(node.getName().toString());
        return super.visitVariable(node, unused);
      }
    }.scan(local.getMembers(), null);
    Set<String> used = new HashSet<>();
    new com.sun.source.util.TreeScanner<Void, Void>() {
      @Override
      public Void visitIdentifier(IdentifierTree node, Void unused) {
        used.add(node.getName().toString());
        return null;
      }
    }.scan(local.getMembers(), null);
    List<Local> captured = new ArrayList<>();
    for (String use : used) {
      Local body = bodyLocal(use);
      if (body == null) {
        continue;
      }
      if (declaredInside.contains(use)) {
        return null;
      }
      captured.add(body);
    }
    return captured;
  }

  private static boolean namesType(Tree tree, String name) {
    Boolean found = new com.sun.source.util.TreeScanner<Boolean, Void>() {
      @Override
      public Boolean visitIdentifier(IdentifierTree node, Void unused) {
        return node.getName().contentEquals(name);
      }

      @Override
      public Boolean reduce(Boolean a, Boolean b) {
        return Boolean.TRUE.equals(a) || Boolean.TRUE.equals(b);
      }
    }.scan(tree, null);
    return Boolean.TRUE.equals(found);
  }

  private Stmt readStatement(TreePath path) {
    Tree tree = path.getLeaf();
    declarePatternBindings(path);
    if (tree instanceof VariableTree) {
      return readDeclaration(path);
    }
    if (!finder.contains(tree)) {
      return new Stmt.Plain(CodeReader.read(this, path), Reachability.completesNormally(tree));
    }
    switch (tree.getKind()) {
      case BLOCK:
        return readBlock(path);
      case EXPRESSION_STATEMENT:
        return readExpressionStatement(path);
      case RETURN:
        return readReturn(path);
      case IF:
        return readIf(path);
      case WHILE_LOOP:
      case DO_WHILE_LOOP:
      case FOR_LOOP:
      case ENHANCED_FOR_LOOP:
        return readLoop(path, null);
      case LABELED_STATEMENT:
        return readLabeled(path);
      case THROW: {
        ExpressionTree thrown = ((com.sun.source.tree.ThrowTree) tree).getExpression();
        Suspension suspension = suspensionOrSpill(new TreePath(path, thrown), false);
        return suspension == null
            ? new Stmt.Block(List.of())
            : new Stmt.AtSuspension(suspension, ResultTarget.THROW, suspensionLine(thrown));
      }
      case TRY:
        return readTry(path);
      case ASSERT:
        return readAssert(path);
      case YIELD: {
        // javac accepted it, and a switch expression with suspension points inside is lowered
        YieldTarget yield = yieldTargets.peek();
        TreePath value = new TreePath(path, ((YieldTree) tree).getValue());
        Stmt assigned = valueInto(value, yield.result());
        if (yield.result().kind == ResultTarget.Kind.RETURN) {
          return assigned;
        }
        return new Stmt.Block(List.of(assigned, new Stmt.Plain(
            new Code(List.of(new Part.Jump(yield.exit(), false, false))), false)));
      }
      case SWITCH:
        return readSwitch(path, null, null);
      case SYNCHRONIZED: {
        com.sun.source.tree.SynchronizedTree sync = (com.sun.source.tree.SynchronizedTree) tree;
        if (finder.contains(sync.getBlock())) {
          failed = true; // reported by the validation pass: a monitor held across a suspension
          return new Stmt.Block(List.of());
        }
        // synchronized (lockFor(await(f))) {..}: the lock is evaluated before the monitor is
        // taken, so it may suspend; its value is kept, then the statement runs with it
        Local lock = new Local(newName("$lock"), false, "java.lang.Object");
        lock.hoist();
        synthetic.add(lock);
        Stmt save = valueInto(new TreePath(path, sync.getExpression()), ResultTarget.assignLocal(lock));
        return new Stmt.Block(List.of(save, new Stmt.Plain(Code.concat("synchronized (",
            new Part.LocalRef(lock), ") ", CodeReader.read(this, new TreePath(path, sync.getBlock()))),
            Reachability.completesNormally(tree))));
      }
      default:
        return unsupported(tree, "a suspension point inside " + describe(tree),
            "move it into a statement of its own");
    }
  }

  private static Map<String, Integer> declaredNames(Tree method) {
    Map<String, Integer> counts = new HashMap<>();
    new com.sun.source.util.TreeScanner<Void, Void>() {
      @Override
      public Void visitVariable(VariableTree node, Void unused) {
        counts.merge(node.getName().toString(), 1, Integer::sum);
        return super.visitVariable(node, unused);
      }
    }.scan(method, null);
    return counts;
  }

  private Stmt readDeclaration(TreePath path) {
    VariableTree tree = (VariableTree) path.getLeaf();
    String name = localName(tree);
    boolean unnamed = CaseLabels.isUnnamed(tree);
    boolean isVar = isVar(tree) && !unnamed;
    boolean resource = path.getParentPath().getLeaf() instanceof TryTree;
    String type = unnamed && isVar(tree) // var _ = f(): never read, but closed if a resource
        ? (resource ? "java.lang.AutoCloseable" : "java.lang.Object")
        : isVar ? null : CodeReader.readType(this, new TreePath(path, tree.getType()));
    Local local = new Local(name, false, type);
    local.setMirrorOracle(() -> scopeMirror(path, name));
    if (isVar) {
      Function<String, Local> visible = visibleLocals();
      local.setTypeOracle(() -> varType(path, local, visible));
    }
    local.setFieldCheck(() -> {
      if (makesAnonymousClass(tree) && !anonymousClasses.containsKey(tree)) {
        unwritableVar(path, local);
        return;
      }
      TypeMirror mirror = local.mirror();
      String hidden = mirror == null ? null : protectedTypeOfAnotherPackage(mirror);
      if (hidden != null) {
        reporter.error(tree, unit, Diagnostic.UNSUPPORTED, "a local of the protected class "
                + hidden + " of another package, living across a suspension point,",
            "declare it with a public supertype, or keep it within one statement");
        return;
      }
      TypeElement unmet = mirror == null ? null : names.hidden().argumentWithoutStandIn(mirror);
      if (unmet != null) {
        reporter.error(tree, unit, Diagnostic.UNSUPPORTED, "a local of type " + mirror
                + ", living across a suspension point, whose type argument " + unmet.getSimpleName()
                + " (a private class) its stand-in cannot replace,",
            "make " + unmet.getSimpleName() + " package-private");
        return;
      }
      if (mirror == null || anonymousClasses.containsKey(tree)
          || !mentionsLocalClassOfAState(mirror)) {
        return;
      }
      if (isVar) {
        unwritableVar(path, local);
      } else {
        reporter.error(tree, unit, Diagnostic.UNSUPPORTED,
            "a local whose type is a local class (" + type + "), living across a suspension"
                + " point,", "declare the class as a member of " + names.owner().getSimpleName());
      }
    });
    ExpressionTree init = tree.getInitializer();
    // the var's type only when needed: asking for it may defer the owner or report the local
    if (init != null && isSuspendingConditional(init)
        && splitsIntoTarget(init, isVar ? local.resolvedType() : type)) {
      declare(local);
      local.hoist(); // assigned in two branches: a field, declared once
      return valueInto(new TreePath(path, init), ResultTarget.assignLocal(local));
    }
    if (init != null && finder.contains(init)) {
      Suspension suspension = suspensionOrSpill(new TreePath(path, init), false, type);
      declare(local);
      if (suspension == null) {
        return new Stmt.Block(List.of());
      }
      return new Stmt.AtSuspension(suspension, ResultTarget.declare(local), suspensionLine(init));
    }
    String anonymous = anonymousClasses.get(tree);
    Code initCode = init == null ? null
        : anonymous != null ? new Code(List.of(new Part.Text("new " + anonymous + "()")),
            line(init))
        : CodeReader.read(this, new TreePath(path, init));
    if (init instanceof NewArrayTree && ((NewArrayTree) init).getType() == null && type != null
        && initCode.toString().startsWith("{")) { // (not an array of a private class, made whole)
      // int[] a = {1, 2}  ===>  a = new int[] {1, 2};  (a bare initializer is only legal in a declaration)
      initCode = Code.concat("new ", type, " ", initCode);
    }
    if (init != null && isConstantVariable(tree, type)) {
      local.setConstant(initCode, declaredNames.get(name) > 1);
    }
    declare(local);
    return new Stmt.Plain(new Code(List.of(new Part.LocalDecl(local, initCode)), line(tree)), true);
  }

  /**
   * Whether the local is a constant variable (JLS 4.12.4): {@code final}, of a primitive type or
   * String as written, with a constant expression as its initializer.
   */
  private boolean isConstantVariable(VariableTree tree, String type) {
    if (!tree.getModifiers().getFlags().contains(Modifier.FINAL) || type == null
        || !(TypeSource.isPrimitive(type) || type.equals("String")
            || type.equals("java.lang.String"))) {
      return false;
    }
    return ConstantExpressions.isConstant(tree.getInitializer(), name -> {
      Local local = bodyLocal(name);
      if (local != null) {
        return local.isConstant();
      }
      NameResolver.Member field = names.field(name);
      return field != null && isConstantField(field.element);
    }, select -> {
      TypeElement site = names.typeOfQualifier(select.getExpression().toString());
      if (site == null) {
        return false;
      }
      for (Element member : env.getElementUtils().getAllMembers(site)) {
        if (member.getKind() == ElementKind.FIELD
            && member.getSimpleName().contentEquals(select.getIdentifier())) {
          return isConstantField(member);
        }
      }
      return false;
    });
  }

  /**
   * A constant variable among fields, which the generated code writes as its value where Java's
   * constant expressions may name it (by simple name, or static through its class), as javac
   * does: also a private one, whose accessor would be no constant.
   */
  private static boolean isConstantField(Element field) {
    return field instanceof VariableElement && ((VariableElement) field).getConstantValue() != null;
  }

  private Stmt readExpressionStatement(TreePath path) {
    ExpressionStatementTree tree = (ExpressionStatementTree) path.getLeaf();
    TreePath exprPath = new TreePath(path, tree.getExpression());
    ExpressionTree expr = tree.getExpression();
    Suspension suspension = suspensionOf(exprPath);
    if (suspension != null) {
      return new Stmt.AtSuspension(suspension, ResultTarget.DISCARD, suspensionLine(expr));
    }
    Stmt compound = compoundOfSwitch(exprPath);
    if (compound == null) {
      compound = compoundOfSuspension(exprPath);
    }
    if (compound != null) {
      return compound;
    }
    if (expr instanceof AssignmentTree
        && isSuspendingConditional(((AssignmentTree) expr).getExpression())) {
      AssignmentTree assignment = (AssignmentTree) expr;
      ResultTarget target = assignmentTarget(new TreePath(exprPath, assignment.getVariable()));
      String type = target == null ? null
          : target.local != null ? target.local.resolvedType() : target.type;
      if (target != null && splitsIntoTarget(assignment.getExpression(), type)) {
        return valueInto(new TreePath(exprPath, assignment.getExpression()), target);
      }
    }
    if (expr instanceof AssignmentTree) {
      AssignmentTree assignment = (AssignmentTree) expr;
      ExpressionTree rhs = assignment.getExpression();
      Suspension value = suspensionOf(new TreePath(exprPath, rhs));
      if (value != null && !finder.contains(assignment.getVariable())) {
        ResultTarget target = assignmentTarget(new TreePath(exprPath, assignment.getVariable()));
        if (target != null) {
          return new Stmt.AtSuspension(value, target, suspensionLine(rhs));
        }
      }
    }
    Suspension spilled = suspensionOrSpill(exprPath, true);
    return spilled == null
        ? new Stmt.Block(List.of())
        : new Stmt.AtSuspension(spilled, ResultTarget.DISCARD, suspensionLine(expr));
  }

  /**
   * {@code x op= switch (..) {..}} on a local {@code x}, where a rule's block suspends: the switch
   * goes into a field of its type, which {@link ObviousTypes} gives (Java's, JLS 15.28.1), then
   * {@code x op= $sw} runs. Java reads {@code x} before the switch; here after it, which is the
   * same as the switch does not assign {@code x}. Null for any other statement (a switch whose
   * blocks do not suspend is taken apart in place).
   */
  private Stmt compoundOfSwitch(TreePath path) {
    if (!(path.getLeaf() instanceof com.sun.source.tree.CompoundAssignmentTree)) {
      return null;
    }
    com.sun.source.tree.CompoundAssignmentTree compound =
        (com.sun.source.tree.CompoundAssignmentTree) path.getLeaf();
    TreePath valuePath = new TreePath(path, compound.getExpression());
    while (valuePath.getLeaf() instanceof ParenthesizedTree) {
      valuePath = new TreePath(valuePath,
          ((ParenthesizedTree) valuePath.getLeaf()).getExpression());
    }
    if (!(compound.getVariable() instanceof IdentifierTree)
        || !(valuePath.getLeaf() instanceof SwitchExpressionTree)) {
      return null;
    }
    String name = ((IdentifierTree) compound.getVariable()).getName().toString();
    Local variable = bodyLocal(name);
    SwitchExpressionTree value = (SwitchExpressionTree) valuePath.getLeaf();
    boolean blockSuspends = value.getCases().stream().anyMatch(c -> c.getBody() != null
        && c.getBody().getKind() == Tree.Kind.BLOCK && finder.contains(c.getBody()));
    if (variable == null || !blockSuspends || assigns(value, name)) {
      return null;
    }
    String type = ObviousTypes.of(value, new KnownFacts(this, visibleLocals()));
    if (type == null || type.equals("null")) {
      return null;
    }
    Local result = new Local(newName("$sw"), false, type);
    result.hoist();
    synthetic.add(result);
    Stmt switched = valueInto(valuePath, ResultTarget.assignLocal(result));
    int variableEnd = (int) positions.getEndPosition(unit, compound.getVariable());
    int valueStart = (int) positions.getStartPosition(unit, compound.getExpression());
    String operator = source.subSequence(variableEnd, valueStart).toString().trim();
    Code apply = new Code(List.of(new Part.LocalRef(variable), new Part.Text(" " + operator + " "),
        new Part.LocalRef(result), new Part.Text(";")), line(compound));
    return new Stmt.Block(List.of(switched, new Stmt.Plain(apply, true)));
  }

  /**
   * {@code x op= sp} on a local {@code x} of primitive or String type, where {@code sp} is a
   * suspension point: {@code T $cN = sp; x op= $cN;}, one suspension, no spill. Java reads {@code
   * x} before {@code sp}; here after it, which is the same when {@code sp} does not assign {@code
   * x} (no one else can: a lambda cannot assign a local). A boxed {@code x} is left to the spill,
   * which unboxes it first, as Java does. Null for any other statement.
   */
  private Stmt compoundOfSuspension(TreePath path) {
    if (!(path.getLeaf() instanceof com.sun.source.tree.CompoundAssignmentTree)) {
      return null;
    }
    com.sun.source.tree.CompoundAssignmentTree compound =
        (com.sun.source.tree.CompoundAssignmentTree) path.getLeaf();
    if (!(compound.getVariable() instanceof IdentifierTree)) {
      return null;
    }
    String name = ((IdentifierTree) compound.getVariable()).getName().toString();
    Local variable = bodyLocal(name);
    TreePath valuePath = new TreePath(path, compound.getExpression());
    Suspension value = suspensionOf(valuePath);
    if (variable == null || value == null || assigns(compound.getExpression(), name)) {
      return null;
    }
    String variableType = variable.isVar() ? variable.resolvedType() : variable.type();
    String type = ObviousTypes.of(compound.getExpression(), new KnownFacts(this, visibleLocals()));
    if (variableType == null || type == null || type.equals("null")
        || !(TypeSource.isPrimitive(variableType) || variableType.equals("java.lang.String")
            || variableType.equals("String"))) {
      return null;
    }
    if (TypeSource.isPrimitive(variableType) && TypeSource.isPrimitive(ObviousTypes.unboxed(type))) {
      type = ObviousTypes.unboxed(type); // unboxed as the value arrives, with Java's message if null
    }
    Local result = new Local(newName("$c"), false, type);
    int variableEnd = (int) positions.getEndPosition(unit, compound.getVariable());
    int valueStart = (int) positions.getStartPosition(unit, compound.getExpression());
    String operator = source.subSequence(variableEnd, valueStart).toString().trim();
    Code apply = new Code(List.of(new Part.LocalRef(variable), new Part.Text(" " + operator + " "),
        new Part.LocalRef(result), new Part.Text(";")), line(compound));
    return new Stmt.Block(List.of(
        new Stmt.AtSuspension(value, ResultTarget.declare(result),
            suspensionLine(compound.getExpression())),
        new Stmt.Plain(apply, true)));
  }

  /** Whether {@code tree} assigns the variable {@code name} ({@code =}, {@code op=}, ++, --). */
  private static boolean assigns(Tree tree, String name) {
    boolean[] found = {false};
    new com.sun.source.util.TreeScanner<Void, Void>() {
      @Override
      public Void visitAssignment(AssignmentTree node, Void unused) {
        found[0] |= named(node.getVariable());
        return super.visitAssignment(node, unused);
      }

      @Override
      public Void visitCompoundAssignment(
          com.sun.source.tree.CompoundAssignmentTree node, Void unused) {
        found[0] |= named(node.getVariable());
        return super.visitCompoundAssignment(node, unused);
      }

      @Override
      public Void visitUnary(com.sun.source.tree.UnaryTree node, Void unused) {
        String kind = node.getKind().name();
        found[0] |= (kind.endsWith("INCREMENT") || kind.endsWith("DECREMENT"))
            && named(node.getExpression());
        return super.visitUnary(node, unused);
      }

      private boolean named(Tree variable) {
        return variable instanceof IdentifierTree
            && ((IdentifierTree) variable).getName().contentEquals(name);
      }
    }.scan(tree, null);
    return found[0];
  }

  private ResultTarget assignmentTarget(TreePath path) {
    ExpressionTree variable = (ExpressionTree) path.getLeaf();
    String name = null;
    if (variable instanceof IdentifierTree) {
      name = ((IdentifierTree) variable).getName().toString();
      Local local = bodyLocal(name);
      if (local != null) {
        return ResultTarget.assignLocal(local);
      }
    } else if (variable instanceof MemberSelectTree
        && Intrinsics.isThis(((MemberSelectTree) variable).getExpression())) {
      name = ((MemberSelectTree) variable).getIdentifier().toString();
    }
    if (name == null) {
      return null;
    }
    NameResolver.Member field = names.field(name);
    if (field == null) {
      return null;
    }
    String type = TypeSource.print(field.element.asType());
    if (type == null) {
      return null;
    }
    String[] privateField = CodeReader.privateTarget(this, path, local -> bodyLocal(local) != null);
    if (privateField != null) {
      return ResultTarget.assignPrivateField(Code.text(privateField[1]), type);
    }
    return ResultTarget.assignField(CodeReader.read(this, path), type);
  }

  private Stmt readReturn(TreePath path) {
    ReturnTree tree = (ReturnTree) path.getLeaf();
    if (splitsIntoTarget(tree.getExpression(), returnType)) {
      return valueInto(new TreePath(path, tree.getExpression()), ResultTarget.RETURN);
    }
    Suspension suspension =
        suspensionOrSpill(new TreePath(path, tree.getExpression()), false, returnType);
    if (suspension == null) {
      return new Stmt.Block(List.of());
    }
    return new Stmt.AtSuspension(suspension, ResultTarget.RETURN,
        suspensionLine(tree.getExpression()));
  }

  /**
   * The {@code instanceof} pattern variables of a statement's own expressions (not of the
   * statements, lambdas and classes inside it, read on their own) as body locals, which become
   * fields: Java's flow scoping lets them live past the statement ({@code if (!(o instanceof
   * String s)) return; await(f); use(s);}), and so past a suspension point. Declared in the
   * enclosing scope, wider than Java's, which javac has checked already.
   */
  private void declarePatternBindings(TreePath statement) {
    Tree root = statement.getLeaf();
    new OwnCodeScanner() {
      @Override
      public Void scan(Tree tree, Void unused) {
        return tree != root && tree instanceof StatementTree ? null : super.scan(tree, unused);
      }

      @Override
      public Void visitInstanceOf(InstanceOfTree node, Void v) {
        Tree pattern = node.getPattern();
        for (VariableTree variable
            : pattern == null ? List.<VariableTree>of() : CaseLabels.bindings(pattern)) {
          // o instanceof String s, and (Java 21) o instanceof Point(int x, var y)
          Local local = patternLocal(statement, variable);
          if (local == null) {
            failed = true;
            continue;
          }
          declare(local);
          patternBindings.put(variable, local);
        }
        return super.visitInstanceOf(node, v);
      }
    }.scan(root, null);
  }

  @Override
  public boolean unconditionalPatterns() {
    return env.getSourceVersion().ordinal() >= 21; // RELEASE_21, which JDK 17 does not name
  }

  @Override
  public Local bindingLocal(Tree patternVariable) {
    return patternBindings.get(patternVariable);
  }

  /**
   * {@code assert c : detail;} with suspension points, as Java runs it (JLS 14.10), when the
   * assertion status of the owner's outermost class (as javac asks it) is on:
   *
   * <pre>
   *   if (Assertions.enabled(Outer.class)) { if (c) { } else { Object $detail = detail;
   *       throw new AssertionError($detail); } }
   * </pre>
   *
   * {@code AssertionError(Object)} gives the message every typed constructor gives, and takes a
   * {@code Throwable} detail as its cause, as they do.
   */
  private Stmt readAssert(TreePath path) {
    AssertTree tree = (AssertTree) path.getLeaf();
    TypeElement outermost = names.owner();
    while (outermost.getEnclosingElement() instanceof TypeElement) {
      outermost = (TypeElement) outermost.getEnclosingElement();
    }
    Stmt.Condition enabled = Stmt.Condition.of(Code.text(
        "dev.stackless.internal.Assertions.enabled(" + outermost.getQualifiedName() + ".class)"));
    Stmt.Condition holds = condition(new TreePath(path, tree.getCondition()));
    Stmt fails;
    ExpressionTree detail = tree.getDetail();
    if (detail == null) {
      fails = new Stmt.Plain(Code.text("throw new java.lang.AssertionError();"), false);
    } else if (!finder.contains(detail)) {
      fails = new Stmt.Plain(Code.concat("throw new java.lang.AssertionError(",
          CodeReader.read(this, new TreePath(path, detail)), ");"), false);
    } else {
      Local message = new Local(newName("$detail"), false, "java.lang.Object");
      message.hoist();
      synthetic.add(message);
      Suspension suspension = suspensionOrSpill(new TreePath(path, detail), false);
      if (suspension == null) {
        return new Stmt.Block(List.of());
      }
      fails = new Stmt.Block(List.of(
          new Stmt.AtSuspension(suspension, ResultTarget.assignLocal(message),
              suspensionLine(detail)),
          new Stmt.Plain(Code.concat("throw new java.lang.AssertionError(",
              new Part.LocalRef(message), ");"), false)));
    }
    return new Stmt.If(enabled, new Stmt.If(holds, new Stmt.Block(List.of()), fails), null);
  }

  /** {@code c ? a : b} (in parentheses or not) with a suspension point in a branch. */
  private boolean isSuspendingConditional(ExpressionTree tree) {
    while (tree instanceof ParenthesizedTree) {
      tree = ((ParenthesizedTree) tree).getExpression();
    }
    if (tree instanceof SwitchExpressionTree) {
      return finder.contains(tree);
    }
    return tree instanceof ConditionalExpressionTree
        && (finder.contains(((ConditionalExpressionTree) tree).getTrueExpression())
            || finder.contains(((ConditionalExpressionTree) tree).getFalseExpression()));
  }

  /**
   * Whether {@code target = tree}, a conditional or switch expression whose branches suspend, may
   * become an assignment (or a return) per branch. A switch expression with a known target type
   * may: in an assignment context Java converts each case's value to the target's type, and as a
   * {@code var}'s initializer to the switch's own type, which is the variable's.
   */
  private boolean splitsIntoTarget(ExpressionTree tree, String type) {
    if (!isSuspendingConditional(tree)) {
      return false;
    }
    while (tree instanceof ParenthesizedTree) {
      tree = ((ParenthesizedTree) tree).getExpression();
    }
    return tree instanceof SwitchExpressionTree ? type != null : ternaryTargetIsSafe(type);
  }

  /**
   * Whether {@code x = c ? a : b} may become {@code if (c) x = a; else x = b;}: yes unless the
   * target could hold a box, where Java's conditional would unbox a null branch and throw.
   */
  private static boolean ternaryTargetIsSafe(String type) {
    if (type == null) {
      return false;
    }
    if (TypeSource.isPrimitive(type) || type.equals("String") || type.equals("java.lang.String")) {
      return true;
    }
    String simple = type.replaceAll("<.*", "").replaceAll(".*\\.", "");
    return !List.of("Object", "Number", "Comparable", "Serializable", "Constable", "ConstantDesc",
            "Integer", "Long", "Short", "Byte", "Character", "Boolean", "Float", "Double")
        .contains(simple);
  }

  /**
   * {@code target = c ? a : b} with suspension points in a branch, as {@code if (c) target = a;
   * else target = b;} (and {@code return c ? a : b} as two returns), branches taken apart as
   * needed.
   */
  private Stmt valueInto(TreePath path, ResultTarget target) {
    while (path.getLeaf() instanceof ParenthesizedTree) {
      path = new TreePath(path, ((ParenthesizedTree) path.getLeaf()).getExpression());
    }
    ExpressionTree tree = (ExpressionTree) path.getLeaf();
    if (tree instanceof SwitchExpressionTree && finder.contains(tree)) {
      return readSwitch(path, null, target);
    }
    if (isSuspendingConditional(tree)) {
      ConditionalExpressionTree conditional = (ConditionalExpressionTree) tree;
      Stmt.Condition condition = condition(new TreePath(path, conditional.getCondition()));
      return new Stmt.If(condition,
          valueInto(new TreePath(path, conditional.getTrueExpression()), target),
          valueInto(new TreePath(path, conditional.getFalseExpression()), target));
    }
    if (finder.contains(tree)) {
      Suspension suspension = suspensionOrSpill(path, false, targetType(target));
      return suspension == null
          ? new Stmt.Block(List.of())
          : new Stmt.AtSuspension(suspension, target, suspensionLine(tree));
    }
    Code value = CodeReader.read(this, path);
    String targetType = tree.getKind() == Tree.Kind.NULL_LITERAL ? targetType(target) : null;
    if (targetType != null && TypeSource.isPrimitive(targetType)) {
      // int x = c ? null : f(): the conditional's box, unboxed, throws as Java's does
      value = Code.text("(" + TypeSource.boxed(targetType) + ") null");
    }
    if (target.kind == ResultTarget.Kind.RETURN) {
      return new Stmt.Plain(new Code(List.of(new Part.Return(
          CodeReader.returnValue(returnType, tree, value))), line(tree)), false);
    }
    if (target.kind == ResultTarget.Kind.ASSIGN_FIELD) {
      return new Stmt.Plain(target.fieldAssignment(value), true);
    }
    return new Stmt.Plain(Code.concat(new Part.LocalRef(target.local), " = ", value, ";"), true);
  }

  private Stmt readIf(TreePath path) {
    IfTree tree = (IfTree) path.getLeaf();
    Stmt.Condition condition = condition(new TreePath(path, tree.getCondition()));
    Stmt then = readStatement(new TreePath(path, tree.getThenStatement()));
    Stmt otherwise =
        tree.getElseStatement() == null
            ? null
            : readStatement(new TreePath(path, tree.getElseStatement()));
    return new Stmt.If(condition, then, otherwise);
  }

  private Stmt readTry(TreePath path) {
    TryTree tree = (TryTree) path.getLeaf();
    Stmt body = tree.getResources().isEmpty()
        ? readStatement(new TreePath(path, tree.getBlock()))
        : readResources(path, tree);
    if (!tree.getResources().isEmpty() && tree.getCatches().isEmpty()
        && tree.getFinallyBlock() == null) {
      return body;
    }
    List<Stmt.Catch> catches = new ArrayList<>();
    for (CatchTree handler : tree.getCatches()) {
      TreePath handlerPath = new TreePath(path, handler);
      VariableTree parameter = handler.getParameter();
      TreePath parameterPath = new TreePath(handlerPath, parameter);
      List<String> types = new ArrayList<>();
      List<String> tests = new ArrayList<>();
      Tree type = parameter.getType();
      for (Tree alternative : type instanceof UnionTypeTree
          ? ((UnionTypeTree) type).getTypeAlternatives() : List.of(type)) {
        TypeElement hidden = hiddenThrowable(alternative);
        // catch (Retry e) of a private class: caught as its stand-in, tested by its own test
        types.add(hidden != null ? TypeSource.print(names.hidden().standIn(hidden))
            : CodeReader.read(this, new TreePath(parameterPath, alternative)).toString());
        tests.add(hidden == null ? null
            : generatedClass() + "." + privates.classTest(hidden) + "is");
      }
      String declared = types.size() == 1 ? types.get(0) : commonSuperclass(parameterPath);
      TypeElement hiddenType = types.size() == 1 ? hiddenThrowable(type) : null;
      // a private class's: named as itself for its members, a field of its stand-in's type
      Local local = new Local(localName(parameter), false,
          hiddenType != null ? hiddenType.getQualifiedName().toString() : declared);
      if (hiddenType != null) {
        local.hoist();
      }
      local.setMirrorOracle(() -> {
        TypeMirror mirror = scopeMirror(new TreePath(handlerPath, handler.getBlock()),
            local.sourceName());
        return mirror != null && mirror.getKind() == TypeKind.UNION ? null : mirror;
      });
      scopes.push(new HashMap<>());
      try {
        declare(local);
        catches.add(new Stmt.Catch(local, types, tests,
            readStatement(new TreePath(handlerPath, handler.getBlock()))));
      } finally {
        scopes.pop();
      }
    }
    Stmt cleanup = tree.getFinallyBlock() == null
        ? null
        : readStatement(new TreePath(path, tree.getFinallyBlock()));
    return new Stmt.Try(body, catches, cleanup);
  }

  /**
   * try-with-resources, as JLS 14.20.3.1 translates it, one resource at a time:
   *
   * <pre>
   *   try (R r = init) { body }
   *     ===&gt;
   *   { R r = init; Throwable $primary = null;
   *     try { body } catch (Throwable $t) { $primary = $t; throw $t; }
   *     finally { if (r != null) { if ($primary != null) { try { r.close(); }
   *       catch (Throwable $s) { $primary.addSuppressed($s); } } else { r.close(); } } } }
   * </pre>
   *
   * Resources close in reverse order, after a suspension too, with suppressed exceptions recorded
   * as Java records them.
   */
  private Stmt readResources(TreePath path, TryTree tree) {
    scopes.push(new HashMap<>());
    try {
      return readResource(path, tree, 0);
    } finally {
      scopes.pop();
    }
  }

  private Stmt readResource(TreePath path, TryTree tree, int index) {
    if (index == tree.getResources().size()) {
      return readStatement(new TreePath(path, tree.getBlock()));
    }
    Tree resource = tree.getResources().get(index);
    TreePath resourcePath = new TreePath(path, resource);
    List<Stmt> block = new ArrayList<>();
    Object reference;
    if (resource instanceof VariableTree) {
      declarePatternBindings(resourcePath); // try (var r = o instanceof Res p ? p : ..)
      // closed after the block: a suspending block or later resource keeps it across
      List<? extends Tree> later =
          tree.getResources().subList(index + 1, tree.getResources().size());
      if (finder.contains(tree.getBlock()) || later.stream().anyMatch(finder::contains)) {
        hoistAnonymousClass(resourcePath);
      }
      block.add(readDeclaration(resourcePath));
      // try (var _ = r): the unnamed local is declared under a name of the processor's
      reference = new Part.LocalRef(CaseLabels.isUnnamed((VariableTree) resource) ? lastDeclared
          : bodyLocal(((VariableTree) resource).getName().toString()));
    } else {
      reference = CodeReader.read(this, resourcePath);
    }
    Local primary = new Local(newName("$primary"), false, "java.lang.Throwable");
    declare(primary);
    block.add(new Stmt.Plain(
        new Code(List.of(new Part.LocalDecl(primary, Code.text("null")))), true));
    Stmt body = readResource(path, tree, index + 1);
    Local thrown = new Local(newName("$t"), false, "java.lang.Throwable");
    Part p = new Part.LocalRef(primary);
    Part t = new Part.LocalRef(thrown);
    Stmt rethrow = new Stmt.Plain(Code.concat(p, " = ", t, "; throw ", t, ";"), false);
    String suppressed = newName("$s");
    Stmt close = new Stmt.Plain(Code.concat(
        "if (", reference, " != null) { if (", p, " != null) { try { ", reference,
        ".close(); } catch (java.lang.Throwable ", suppressed, ") { ", p, ".addSuppressed(", suppressed,
        "); } } else { ", reference, ".close(); } }"), true);
    block.add(new Stmt.Try(body,
        List.of(new Stmt.Catch(thrown, List.of("java.lang.Throwable"), rethrow)), close));
    return new Stmt.Block(block);
  }

  /**
   * The private class (with a stand-in) a catch clause's type names ({@code catch (Retry e)}), or
   * null: caught as its stand-in and tested for by its own test.
   */
  private TypeElement hiddenThrowable(Tree type) {
    if (!(type instanceof IdentifierTree || type instanceof MemberSelectTree)
        || localClassNames().contains(type.toString())) {
      return null;
    }
    TypeElement named = names.typeOfQualifier(type.toString());
    return named != null && dev.stackless.processor.model.HiddenTypes.isHidden(named)
        && names.hidden().standIn(named) != null ? named : null;
  }

  /** For {@code catch (A | B e)}: the closest class both extend, as javac types {@code e}. */
  private String commonSuperclass(TreePath parameterPath) {
    VariableTree parameter = (VariableTree) parameterPath.getLeaf();
    List<TypeMirror> alternatives = new ArrayList<>();
    // the classes as written, when each is plain (a scope attributes the body up to here)
    for (Tree alternative : ((UnionTypeTree) parameter.getType()).getTypeAlternatives()) {
      TypeMirror plain = plainWrittenType(alternative);
      if (plain == null) {
        alternatives.clear();
        break;
      }
      alternatives.add(plain);
    }
    Iterable<? extends Element> locals = List.of();
    if (alternatives.isEmpty()) {
      try {
        locals = trees.getScope(parameterPath).getLocalElements();
      } catch (RuntimeException javacFailed) { // see scopeMirror
        locals = List.of();
      }
    }
    for (Element element : locals) {
      if (element.getSimpleName().contentEquals(parameter.getName())
          && element.asType().getKind() == TypeKind.UNION) {
        alternatives.addAll(((javax.lang.model.type.UnionType) element.asType()).getAlternatives());
      }
    }
    javax.lang.model.util.Types types = env.getTypeUtils();
    if (alternatives.isEmpty()) {
      return "java.lang.Throwable";
    }
    TypeMirror candidate = alternatives.get(0);
    while (candidate.getKind() == TypeKind.DECLARED) {
      boolean all = true;
      for (TypeMirror alternative : alternatives) {
        all &= types.isSubtype(types.erasure(alternative), types.erasure(candidate));
      }
      if (all) {
        return TypeSource.print(types.erasure(candidate));
      }
      List<? extends TypeMirror> supers = types.directSupertypes(candidate);
      if (supers.isEmpty()) {
        break;
      }
      candidate = supers.get(0);
    }
    return "java.lang.Throwable";
  }

  /**
   * {@code switch (s) { case A: ...; case B, C: ...; default: ... }}: the selector becomes the index
   * of the group to enter, {@code switch (s) { case A -> 0; case B, C -> 1; default -> 2; }}, so
   * that Java itself matches the labels (constants, strings, enum names) and throws for null.
   */
  private Stmt readSwitch(TreePath path, String label, ResultTarget valueTarget) {
    ExpressionTree selectorTree = selectorOf(path.getLeaf());
    String savedType = guardsSuspend(casesOf(path.getLeaf())) && !namesBodyLocal(selectorTree)
        ? selectorType(selectorTree) : null;
    if (savedType == null) {
      return readSwitch(path, label, valueTarget, null);
    }
    // a guard that suspends matches again from the next case, which needs the selector's value
    // again: it is kept in a field, evaluated once as Java does
    Local saved = new Local(newName("$selector"), false, savedType);
    saved.hoist();
    synthetic.add(saved);
    Stmt save = valueInto(new TreePath(path, selectorTree), ResultTarget.assignLocal(saved));
    return new Stmt.Block(List.of(save, readSwitch(path, label, valueTarget, saved)));
  }

  private static ExpressionTree selectorOf(Tree tree) {
    return tree instanceof SwitchTree ? ((SwitchTree) tree).getExpression()
        : ((SwitchExpressionTree) tree).getExpression();
  }

  private static List<? extends CaseTree> casesOf(Tree tree) {
    return tree instanceof SwitchTree ? ((SwitchTree) tree).getCases()
        : ((SwitchExpressionTree) tree).getCases();
  }

  private boolean namesBodyLocal(ExpressionTree tree) {
    while (tree instanceof ParenthesizedTree) {
      tree = ((ParenthesizedTree) tree).getExpression();
    }
    return tree instanceof IdentifierTree
        && bodyLocal(((IdentifierTree) tree).getName().toString()) != null;
  }

  /** The selector's type, written for a field, as the declarations tell it; null if not known. */
  private String selectorType(ExpressionTree selector) {
    TypeMirror type = receiverMirror(selector);
    if (type != null && !TypeSource.mentionsError(type) && !HiddenTypes.mentionsHidden(type)
        && !TypeSource.mentionsTypeVariable(type)) {
      return TypeSource.print(type);
    }
    String obvious = ObviousTypes.of(selector, new KnownFacts(this, visibleLocals()));
    return obvious == null || obvious.equals("null") ? null : obvious;
  }

  /** As above; {@code saved}, if not null, holds the selector's value already. */
  private Stmt readSwitch(TreePath path, String label, ResultTarget valueTarget, Local saved) {
    Tree tree = path.getLeaf();
    ExpressionTree selectorTree = selectorOf(tree);
    List<? extends CaseTree> cases = casesOf(tree);
    JumpTarget target = new JumpTarget(label == null ? "switch" : label);
    List<Object> index = new ArrayList<>();
    index.add("switch (");
    int placeholder = index.size();
    index.add(null); // the selector's value
    index.add(") { ");
    boolean hasDefault = false;
    boolean rules = false;
    boolean patterns = CaseLabels.isPatternSwitch(cases);
    boolean restarts = guardsSuspend(cases);
    Local from = !restarts ? null : saved != null ? restartIndex() : restartIndex(selectorTree);
    if (restarts && from == null) {
      failed = true;
      return new Stmt.Block(List.of());
    }
    JumpTarget redispatch = new JumpTarget("redispatch");
    boolean onOrdinal =
        PrivateEnumSwitch.of(tree, names.owner(), this::valueType, this::namesVariable) != null;
    List<Map<String, Local>> bindings = new ArrayList<>();
    List<Set<String>> boundNames = new ArrayList<>();
    for (int i = 0; i < cases.size(); i++) {
      CaseTree c = cases.get(i);
      rules = c.getCaseKind() == CaseTree.CaseKind.RULE;
      Map<String, Local> bound = new HashMap<>();
      bindings.add(bound);
      Code arm = caseIndexArm(new TreePath(path, c), i, bound, from, onOrdinal);
      boundNames.add(Set.copyOf(bound.keySet()));
      if (arm == null) {
        failed = true;
        return new Stmt.Block(List.of());
      }
      hasDefault |= CaseLabels.isDefault(c);
      index.add(arm);
    }
    if (!hasDefault && (!patterns || onOrdinal)) {
      // a pattern switch is exhaustive, as javac checked; an old one, or one on ordinals, may
      // match no case
      index.add("default -> " + cases.size() + "; ");
    }
    index.add("}");
    TreePath selectorPath = new TreePath(path, selectorTree);
    while (selectorPath.getLeaf() instanceof ParenthesizedTree) {
      selectorPath = new TreePath(selectorPath,
          ((ParenthesizedTree) selectorPath.getLeaf()).getExpression());
    }
    Stmt.Condition selector;
    if (saved != null) {
      Code value = Code.concat(new Part.LocalRef(saved));
      index.set(placeholder, onOrdinal ? PrivateEnumSwitch.selector(value, cases) : value);
      selector = Stmt.Condition.of(Code.concat(index.toArray()));
    } else if (finder.contains(selectorPath.getLeaf())) {
      try {
        ExpressionSpiller.Lowered lowered = ExpressionSpiller.mapValue(spiller.lower(selectorPath),
            value -> {
              List<Object> pieces = new ArrayList<>(index);
              pieces.set(placeholder,
                  onOrdinal ? PrivateEnumSwitch.selector(value, cases) : value);
              return Code.concat(pieces.toArray());
            });
        selector = Stmt.Condition.suspending(spilled(lowered),
            suspensionLine(selectorPath.getLeaf()));
      } catch (ExpressionSpiller.Unspillable e) {
        return unsupported(e.at, e.getMessage(), "move the suspension point out of the selector");
      }
    } else {
      Code value = CodeReader.read(this, selectorPath);
      index.set(placeholder, onOrdinal ? PrivateEnumSwitch.selector(value, cases) : value);
      selector = Stmt.Condition.of(Code.concat(index.toArray()));
    }
    List<List<Stmt>> groups = new ArrayList<>();
    targets.push(new TargetEntry(label, target, false, true));
    scopes.push(new HashMap<>());
    if (valueTarget != null) {
      // a switch expression: blocks and old-style cases yield to its target, then leave
      yieldTargets.push(new YieldTarget(valueTarget, target));
    }
    try {
      for (int i = 0; i < cases.size(); i++) {
        CaseTree c = cases.get(i);
        TreePath casePath = new TreePath(path, c);
        scopes.push(bindings.get(i)); // a pattern's variables: in this case only
        List<Stmt> body = new ArrayList<>();
        ExpressionTree guard = CaseLabels.guard(c);
        if (guard != null && finder.contains(guard)) {
          // the guard, run here: when false, match again from the next case
          body.add(new Stmt.If(condition(new TreePath(casePath, guard)), new Stmt.Block(List.of()),
              new Stmt.Block(List.of(
                  new Stmt.Plain(Code.concat("this.", new Part.LocalRef(from), " = " + (i + 1)
                      + ";"), true),
                  jump(redispatch, true)))));
        }
        if (valueTarget != null && c.getCaseKind() == CaseTree.CaseKind.RULE
            && c.getBody() instanceof ExpressionTree) {
          // a switch expression: case X -> value;  assigns or returns the value
          body.add(valueInto(new TreePath(casePath, c.getBody()), valueTarget));
        } else if (c.getCaseKind() == CaseTree.CaseKind.RULE && c.getBody() instanceof ExpressionTree) {
          // case X -> expression;  is an expression statement
          TreePath expression = new TreePath(casePath, c.getBody());
          if (finder.contains(c.getBody())) {
            Suspension suspension = suspensionOrSpill(expression, true);
            body.add(suspension == null
                ? new Stmt.Block(List.of())
                : new Stmt.AtSuspension(suspension, ResultTarget.DISCARD,
                    suspensionLine(c.getBody())));
          } else {
            body.add(new Stmt.Plain(Code.concat(CodeReader.read(this, expression), ";"), true));
          }
        } else if (c.getCaseKind() == CaseTree.CaseKind.RULE) {
          body.add(readStatement(new TreePath(casePath, c.getBody())));
        } else {
          List<? extends StatementTree> statements = c.getStatements();
          for (int k = 0; k < statements.size(); k++) {
            TreePath statement = new TreePath(casePath, statements.get(k));
            if (statements.get(k) instanceof VariableTree) {
              // in scope in the rest of the case and in the cases after it
              List<StatementTree> rest =
                  new ArrayList<>(statements.subList(k + 1, statements.size()));
              cases.subList(i + 1, cases.size())
                  .forEach(later -> rest.addAll(later.getStatements() == null
                      ? List.of() : later.getStatements()));
              hoistAnonymousClass(statement, rest);
            }
            body.add(readStatement(statement));
          }
        }
        Map<String, Local> caseScope = scopes.pop();
        // a local an old-style case declares is in scope in the cases after it, as in Java
        Map<String, Local> declared = new HashMap<>(caseScope);
        declared.keySet().removeAll(boundNames.get(i));
        scopes.peek().putAll(declared);
        caseScope.keySet().retainAll(boundNames.get(i));
        groups.add(body);
      }
    } finally {
      if (valueTarget != null) {
        yieldTargets.pop();
      }
      scopes.pop();
      targets.pop();
    }
    if (valueTarget != null && !hasDefault) {
      // an exhaustive enum switch expression without default throws on a new constant
      List<Stmt> fallback = new ArrayList<>();
      fallback.add(new Stmt.Plain(Code.text(
          "throw new IncompatibleClassChangeError(\"no case of the switch expression matched\");"),
          false));
      groups.add(fallback);
    }
    Stmt.Switch lowered = new Stmt.Switch(target, selector, groups, rules);
    if (from == null) {
      return lowered;
    }
    // $from = 0; redispatch: while (true) { switch ...; break redispatch; }
    return new Stmt.Block(List.of(
        new Stmt.Plain(Code.concat("this.", new Part.LocalRef(from), " = 0;"), true),
        new Stmt.Loop(Stmt.Loop.Kind.WHILE, redispatch, List.of(),
            Stmt.Condition.of(Code.text("true")), List.of(),
            new Stmt.Block(List.of(lowered, jump(redispatch, false))))));
  }

  private static Stmt jump(JumpTarget target, boolean isContinue) {
    return new Stmt.Plain(new Code(List.of(new Part.Jump(target, isContinue, false))), false);
  }

  private boolean guardsSuspend(List<? extends CaseTree> cases) {
    for (CaseTree c : cases) {
      ExpressionTree guard = CaseLabels.guard(c);
      if (guard != null && finder.contains(guard)) {
        return true;
      }
    }
    return false;
  }

  /**
   * For a switch whose guard suspends: the frame's field that holds the first case the index
   * switch may take, {@code $from}. A guard that suspends runs in its case's body; when false,
   * matching starts again at the next case, the guards of the cases before it skipped, so none
   * runs twice. Matching again needs the selector's value again: a local or parameter, which
   * nothing else changes while the guard suspends (a guard may not assign it). Null after
   * reporting another selector.
   */
  private Local restartIndex(ExpressionTree selector) {
    while (selector instanceof ParenthesizedTree) {
      selector = ((ParenthesizedTree) selector).getExpression();
    }
    if (!(selector instanceof IdentifierTree)
        || bodyLocal(((IdentifierTree) selector).getName().toString()) == null) {
      reporter.error(selector, unit, Diagnostic.UNSUPPORTED,
          "a suspension point in a case's guard, in a switch whose selector is not a local"
              + " variable and whose type is not known here,",
          "put the selector's value in a local first: var v = ...; switch (v)");
      return null;
    }
    return restartIndex();
  }

  /** The frame's field {@code $from}, for a selector whose value stays put (see above). */
  private Local restartIndex() {
    Local from = new Local("$from", false, "int");
    from.hoist();
    synthetic.add(from);
    return from;
  }

  /**
   * The arm of the index switch for the case at {@code casePath}, the {@code i}th: {@code case A, B
   * -> i;}, {@code default -> i;}, or for a pattern, {@code case String s when s.isEmpty() -> {
   * this.s = s; yield i; }}: Java matches the pattern and tests the guard, and the pattern's
   * variables, fields of the frame put in {@code bound}, get their values for the case's body.
   * With {@code from} (a guard that suspends, see restartIndex), a guard that suspends is left to
   * the case's body, and each guarded case is skipped once matching starts past it. Null after
   * reporting a pattern variable no field can hold.
   */
  private Code caseIndexArm(
      TreePath casePath, int i, Map<String, Local> bound, Local from, boolean onOrdinal) {
    CaseTree c = (CaseTree) casePath.getLeaf();
    List<Object> labels = new ArrayList<>();
    List<Object> binds = new ArrayList<>();
    for (Tree label : CaseLabels.of(c)) {
      if (onOrdinal && CaseLabels.isDefault(c) && PrivateEnumSwitch.isNull(label)) {
        continue; // case null, default ===> default, which the ordinal -1 reaches
      }
      labels.add(labels.isEmpty() ? "" : ", ");
      labels.add(CodeReader.read(this, new TreePath(casePath, label)));
      Tree pattern = CaseLabels.pattern(label);
      for (VariableTree variable : pattern == null ? List.<VariableTree>of()
          : CaseLabels.bindings(pattern)) {
        Local local = patternLocal(casePath, variable);
        if (local == null) {
          return null;
        }
        bound.put(local.sourceName(), local);
        binds.addAll(List.of("this.", new Part.LocalRef(local), " = ", local.sourceName(), "; "));
      }
    }
    if (!labels.isEmpty()) {
      labels.add(0, "case ");
    }
    if (CaseLabels.isDefault(c)) {
      labels.add(labels.isEmpty() ? "default" : ", default"); // case null, default
    }
    ExpressionTree guard = CaseLabels.guard(c);
    if (guard != null) {
      // with a guard that suspends anywhere, a guarded case is skipped when matching again past it
      Code skip = from == null ? null
          : Code.concat("this.", new Part.LocalRef(from), " <= " + i);
      Code test = finder.contains(guard) ? null : CodeReader.readDeclaring(this,
          new TreePath(casePath, guard), bound.keySet());
      labels.add(Code.concat(" when ", skip == null ? test
          : test == null ? skip : Code.concat(skip, " && (", test, ")")));
    }
    if (binds.isEmpty()) {
      return Code.concat(Code.concat(labels.toArray()), " -> " + i + "; ");
    }
    return Code.concat(Code.concat(labels.toArray()), " -> { ", Code.concat(binds.toArray()),
        "yield " + i + "; } ");
  }

  /**
   * A pattern variable as a field of the frame: its declared type, or for {@code var} in a record
   * pattern, the record component's. Null after reporting a type no field can have.
   */
  private static String printed(TypeMirror type) {
    return type == null ? null : TypeSource.print(type);
  }

  private Local patternLocal(TreePath enclosing, VariableTree variable) {
    TreePath variablePath = TreePath.getPath(enclosing, variable);
    String type = isVar(variable)
        ? printed(CaseLabels.componentType(variablePath, names, this::receiverMirror,
            this::frameTypeVariable))
        : CodeReader.readType(this, new TreePath(variablePath, variable.getType()));
    if (type == null) {
      reporter.error(variable, unit, Diagnostic.UNSUPPORTED,
          "the pattern variable " + variable.getName() + " declared with var, whose record"
              + " component's type is not known here", "write its type");
      return null;
    }
    Local local = new Local(variable.getName().toString(), false, type);
    local.hoist(); // assigned by the index switch, read by the case's body
    return local;
  }

  String source(TreePath path) {
    return CodeReader.read(this, path).toString();
  }

  private Stmt readLabeled(TreePath path) {
    LabeledStatementTree tree = (LabeledStatementTree) path.getLeaf();
    TreePath bodyPath = new TreePath(path, tree.getStatement());
    String label = tree.getLabel().toString();
    switch (tree.getStatement().getKind()) {
      case WHILE_LOOP:
      case DO_WHILE_LOOP:
      case FOR_LOOP:
      case ENHANCED_FOR_LOOP:
        declarePatternBindings(bodyPath); // read here, not by readStatement
        return readLoop(bodyPath, label);
      case SWITCH:
        if (finder.contains(tree.getStatement())) {
          declarePatternBindings(bodyPath);
          return readSwitch(bodyPath, label, null);
        }
        // fall through: a plain switch inside a labelled statement
      default:
        JumpTarget target = new JumpTarget(label);
        targets.push(new TargetEntry(label, target, false));
        try {
          return new Stmt.Labeled(target, readStatement(bodyPath));
        } finally {
          targets.pop();
        }
    }
  }

  private Stmt readLoop(TreePath path, String label) {
    Tree tree = path.getLeaf();
    JumpTarget target = new JumpTarget(label == null ? describe(tree) : label);
    scopes.push(new HashMap<>());
    try {
      switch (tree.getKind()) {
        case WHILE_LOOP: {
          WhileLoopTree loop = (WhileLoopTree) tree;
          Stmt.Condition condition = condition(new TreePath(path, loop.getCondition()));
          Stmt body = inLoop(label, target, new TreePath(path, loop.getStatement()));
          return new Stmt.Loop(
              Stmt.Loop.Kind.WHILE, target, List.of(), condition, List.of(), body);
        }
        case DO_WHILE_LOOP: {
          DoWhileLoopTree loop = (DoWhileLoopTree) tree;
          Stmt body = inLoop(label, target, new TreePath(path, loop.getStatement()));
          Stmt.Condition condition = condition(new TreePath(path, loop.getCondition()));
          return new Stmt.Loop(
              Stmt.Loop.Kind.DO_WHILE, target, List.of(), condition, List.of(), body);
        }
        case FOR_LOOP: {
          ForLoopTree loop = (ForLoopTree) tree;
          List<Stmt> init = new ArrayList<>();
          for (StatementTree statement : loop.getInitializer()) {
            TreePath initPath = new TreePath(path, statement);
            if (statement instanceof ExpressionStatementTree && !finder.contains(statement)) {
              // for (i = 0; ..): an expression in a for's init has no semicolon of its own
              init.add(new Stmt.Plain(Code.concat(CodeReader.read(this, initPath), ";"), true));
            } else {
              init.add(readStatement(initPath));
            }
          }
          Stmt.Condition condition =
              loop.getCondition() == null
                  ? null
                  : condition(new TreePath(path, loop.getCondition()));
          List<Stmt> updates = new ArrayList<>();
          for (ExpressionStatementTree update : loop.getUpdate()) {
            TreePath updatePath = new TreePath(path, update);
            if (finder.contains(update)) {
              updates.add(readExpressionStatement(updatePath));
            } else {
              // a for update has no semicolon of its own
              updates.add(new Stmt.Plain(Code.concat(CodeReader.read(this, updatePath), ";"), true));
            }
          }
          Stmt body = inLoop(label, target, new TreePath(path, loop.getStatement()));
          return new Stmt.Loop(Stmt.Loop.Kind.FOR, target, init, condition, updates, body);
        }
        default:
          return readForEach(path, label, target);
      }
    } finally {
      scopes.pop();
    }
  }

  private Stmt readForEach(TreePath path, String label, JumpTarget target) {
    EnhancedForLoopTree loop = (EnhancedForLoopTree) path.getLeaf();
    Code iterable = null;
    Stmt.AtSuspension iterableSuspension = null;
    TreePath iterablePath = new TreePath(path, loop.getExpression());
    if (finder.contains(loop.getExpression())) {
      // for (T x : await(f))  ===>  the spill's value is the cursor: ForEachCursor.of(value)
      try {
        ExpressionSpiller.Lowered lowered = ExpressionSpiller.mapValue(
            spiller.lower(iterablePath),
            value -> Code.concat("dev.stackless.internal.ForEachCursor.of(", value, ")"));
        iterableSuspension = new Stmt.AtSuspension(
            spilled(lowered), ResultTarget.CONDITION, suspensionLine(loop.getExpression()));
      } catch (ExpressionSpiller.Unspillable e) {
        return unsupported(e.at, e.getMessage(), "iterate over a local: var xs = ...;");
      }
    } else {
      iterable = CodeReader.read(this, iterablePath);
    }
    VariableTree variable = loop.getVariable();
    TreePath variablePath = new TreePath(path, variable);
    boolean unnamed = CaseLabels.isUnnamed(variable);
    boolean isVar = isVar(variable) && !unnamed;
    Local local =
        new Local(
            localName(variable),
            false,
            unnamed && isVar(variable) ? "java.lang.Object" // for (var _ : xs): never read
                : isVar ? null
                : CodeReader.readType(this, new TreePath(variablePath, variable.getType())));
    local.setMirrorOracle(() -> scopeMirror(variablePath, local.sourceName()));
    if (isVar) {
      Function<String, Local> visible = visibleLocals();
      local.setTypeOracle(() -> varType(variablePath, local, visible));
    }
    Local cursor = new Local("$each" + (synthetic.size() + 1), false,
        "dev.stackless.internal.ForEachCursor");
    cursor.hoist();
    synthetic.add(cursor);
    declare(local);
    Stmt body = inLoop(label, target, new TreePath(path, loop.getStatement()));
    Stmt.ForEach forEach = new Stmt.ForEach(target, local, iterable, null, cursor, null, body);
    forEach.iterableSuspension = iterableSuspension;
    return forEach;
  }

  private Stmt inLoop(String label, JumpTarget target, TreePath body) {
    targets.push(new TargetEntry(label, target, true));
    try {
      return readStatement(body);
    } finally {
      targets.pop();
    }
  }

  private Stmt.Condition condition(TreePath path) {
    while (path.getLeaf() instanceof ParenthesizedTree) {
      path = new TreePath(path, ((ParenthesizedTree) path.getLeaf()).getExpression());
    }
    ExpressionTree tree = (ExpressionTree) path.getLeaf();
    if (!finder.contains(tree)) {
      return Stmt.Condition.of(CodeReader.read(this, path));
    }
    Suspension suspension = suspensionOrSpill(path, false);
    if (suspension == null) {
      return Stmt.Condition.of(Code.text("false"));
    }
    return Stmt.Condition.suspending(suspension, suspensionLine(tree));
  }

  // --- suspension points ------------------------------------------------------------------------

  /**
   * The suspension point the expression at {@code path} is, taking it apart if the suspension
   * points sit inside it; null after reporting what cannot be taken apart.
   *
   * @param discard whether the value is dropped (an expression statement)
   */
  private Suspension suspensionOrSpill(TreePath path, boolean discard) {
    return suspensionOrSpill(path, discard, null);
  }

  /**
   * As above, for a value that goes to a variable of type {@code target} (null: none, or not
   * known), which Java gives the expression as its target type.
   */
  private Suspension suspensionOrSpill(TreePath path, boolean discard, String target) {
    Suspension simple = suspensionOf(path);
    if (simple != null) {
      return simple;
    }
    try {
      ExpressionSpiller.Lowered lowered = spiller.lower(path);
      if (target != null && !TypeSource.isPrimitive(target) && !target.equals("void")
          && needsTarget(path.getLeaf())) {
        lowered = ExpressionSpiller.withTarget(lowered, target);
      }
      if (ExpressionSpiller.pathCount(lowered) > MAX_SPILL_PATHS) {
        throw new ExpressionSpiller.Unspillable(path.getLeaf(),
            "an expression whose suspending conditionals (?:) make more than " + MAX_SPILL_PATHS
                + " paths (the rest of the expression is written once per path)");
      }
      if (discard) {
        lowered = statementForm(lowered);
      }
      return spilled(lowered);
    } catch (ExpressionSpiller.Unspillable e) {
      Tree at = e.at;
      reporter.error(firstSuspension(at), unit, Diagnostic.UNSUPPORTED, e.getMessage(),
          "move the suspension point into a statement of its own (var v = await(f); ...)");
      failed = true;
      return null;
    }
  }

  /**
   * A protected member class of a superclass in another package that {@code type} mentions
   * ({@code Base.Visitor}): the owner's code may name it, the generated class (no subclass) not.
   */
  private String protectedTypeOfAnotherPackage(TypeMirror type) {
    String[] found = {null};
    TypeSource.mentions(type, t -> {
      if (found[0] == null && t.getKind() == TypeKind.DECLARED) {
        TypeElement element = (TypeElement) ((DeclaredType) t).asElement();
        if (element.getModifiers().contains(Modifier.PROTECTED)
            && !env.getElementUtils().getPackageOf(element)
                .equals(env.getElementUtils().getPackageOf(names.owner()))) {
          found[0] = element.getQualifiedName().toString();
        }
      }
      return false;
    });
    return found[0];
  }

  /**
   * Whether an expression's type may come from its target (a poly expression, JLS 15.2): a
   * lambda, a method reference, a conditional, a method call (generic, perhaps), a class instance
   * creation (a diamond, perhaps), a switch expression.
   */
  private static boolean needsTarget(Tree tree) {
    while (tree instanceof ParenthesizedTree) {
      tree = ((ParenthesizedTree) tree).getExpression();
    }
    switch (tree.getKind()) {
      case LAMBDA_EXPRESSION:
      case MEMBER_REFERENCE:
      case CONDITIONAL_EXPRESSION:
      case METHOD_INVOCATION:
      case NEW_CLASS:
      case SWITCH_EXPRESSION:
        return true;
      default:
        return false;
    }
  }

  /** The type Java gives a value stored into {@code target} as its target type, or null. */
  private String targetType(ResultTarget target) {
    switch (target.kind) {
      case RETURN:
        return returnType;
      case DECLARE:
      case ASSIGN_LOCAL:
        return target.local.isVar() ? null : target.local.type();
      case ASSIGN_FIELD:
        return target.type;
      default:
        return null;
    }
  }

  /**
   * A taken-apart expression as a suspension point. Every local the continuations use becomes a
   * field: they are lambdas, which may neither assign a local of step() nor see it change. The
   * statements before the first suspension run in step() itself, so the locals only they use stay
   * what the hoisting analysis makes them.
   */
  private Suspension.Spilled spilled(ExpressionSpiller.Lowered lowered) {
    List<Code> prefix = new ArrayList<>(lowered.prefix);
    Code chain = ExpressionSpiller.render(lowered);
    chain.locals().forEach(Local::hoist);
    List<Suspension.Entry> taken = entries;
    entries = new ArrayList<>();
    entered = new java.util.IdentityHashMap<>();
    return new Suspension.Spilled(prefix, chain, spillLocal(), taken);
  }

  /** For a statement, the innermost value runs as a statement: {@code { foo(r); now(null) }}. */
  private static ExpressionSpiller.Lowered statementForm(ExpressionSpiller.Lowered lowered) {
    return ExpressionSpiller.mapLeaves(lowered, leaf -> {
      List<Code> prefix = new ArrayList<>(leaf.prefix);
      if (!leaf.value.toString().matches("[\\w$]+")) {
        prefix.add(Code.concat(leaf.value, ";")); // a bare name is not a statement
      }
      return ExpressionSpiller.Lowered.value(prefix, Code.text("null"));
    });
  }

  private Local spillLocal() {
    while (spills.size() <= spillDepth) {
      String name = spills.isEmpty() ? "$spill" : "$spill" + (spills.size() + 1);
      Local local = new Local(name, false, "dev.stackless.internal.Spill<?>");
      local.hoist();
      synthetic.add(local);
      spills.add(local);
    }
    return spills.get(spillDepth);
  }

  // ExpressionSpiller.Context

  @Override
  public ReadContext readContext() {
    return this;
  }

  @Override
  public boolean containsSuspension(Tree tree) {
    return finder.contains(tree);
  }

  @Override
  public boolean isAwait(MethodInvocationTree invocation) {
    return Intrinsics.keyword(invocation, names) == Intrinsics.Keyword.AWAIT;
  }

  @Override
  public boolean isAsyncCall(MethodInvocationTree invocation) {
    return Intrinsics.keyword(invocation, names) == null && asyncCall(invocation) != null;
  }

  @Override
  public List<Integer> primitiveParameters(MethodInvocationTree call) {
    KnownFacts facts = new KnownFacts(this, visibleLocals());
    List<ExecutableElement> candidates =
        Intrinsics.keyword(call, names) != null ? null
            : facts.candidates(call, e -> ObviousTypes.of(e, facts));
    int arity = call.getArguments().size();
    List<Integer> positions = new ArrayList<>();
    if (candidates == null) {
      return positions;
    }
    boolean any = false;
    for (ExecutableElement candidate : candidates) {
      if (candidate.isVarArgs() && arity >= candidate.getParameters().size() - 1) {
        return List.of(); // which parameter an argument meets depends on the overload
      }
      any |= candidate.getParameters().size() == arity;
    }
    for (int i = 0; any && i < arity; i++) {
      boolean primitive = true;
      for (ExecutableElement candidate : candidates) {
        if (candidate.getParameters().size() == arity
            && !candidate.getParameters().get(i).asType().getKind().isPrimitive()) {
          primitive = false;
        }
      }
      if (primitive) {
        positions.add(i);
      }
    }
    return positions;
  }

  @Override
  public boolean isNumeric(ExpressionTree expression) {
    String type = ObviousTypes.unboxed(ObviousTypes.of(expression, new KnownFacts(this, visibleLocals())));
    return type != null && PRIMITIVES.containsKey(type) && !type.equals("boolean");
  }

  @Override
  public boolean hasEvaluatedReceiver(MethodInvocationTree invocation) {
    if (!(invocation.getMethodSelect() instanceof MemberSelectTree)) {
      return false;
    }
    ExpressionTree qualifier = ((MemberSelectTree) invocation.getMethodSelect()).getExpression();
    if (Intrinsics.isThis(qualifier) || isSuperReceiver(qualifier)) {
      return false;
    }
    Intrinsics.Receiver receiver = Intrinsics.receiverOf(qualifier, names, this::localTypeElement);
    if (receiver == null && bodyLocal(qualifier.toString()) == null
        && ownerOfGenerated(qualifier.toString()) != null) {
      return false; // OwnerAsync.f(..): a class javac has not seen yet, not a value
    }
    if (receiver == null && namesLocalType(qualifier)) {
      return false; // Dir.valueOf(name()) of a local enum: a type, not a value
    }
    return receiver == null || !receiver.isType;
  }

  @Override
  public boolean genericResult(MethodInvocationTree invocation) {
    Intrinsics.AsyncCall call = asyncCall(invocation);
    return call != null && call.method.getReturnType().getKind() == TypeKind.TYPEVAR;
  }

  @Override
  public boolean resultTypedByTarget(MethodInvocationTree invocation) {
    Intrinsics.AsyncCall call = asyncCall(invocation);
    if (call == null || !invocation.getTypeArguments().isEmpty()) {
      return false; // Main.<String>cast(o): the witness types it, and the factory call has it
    }
    for (javax.lang.model.element.TypeParameterElement variable
        : call.method.getTypeParameters()) {
      java.util.function.Predicate<TypeMirror> isIt = t -> t.getKind() == TypeKind.TYPEVAR
          && env.getTypeUtils().isSameType(t, variable.asType());
      boolean inParameters = call.method.getParameters().stream()
          .anyMatch(p -> TypeSource.mentions(p.asType(), isIt));
      if (!inParameters && TypeSource.mentions(call.method.getReturnType(), isIt)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public java.util.function.UnaryOperator<Code> typedResult(MethodInvocationTree invocation) {
    Intrinsics.AsyncCall call = asyncCall(invocation);
    return call == null ? null : callTyping.typing(invocation, call.method);
  }

  @Override
  public String primitiveResult(MethodInvocationTree invocation) {
    Intrinsics.AsyncCall call = asyncCall(invocation);
    if (call == null || !call.method.getReturnType().getKind().isPrimitive()) {
      return null;
    }
    TypeMirror result = sharedResult(invocation, call);
    return result == null || !result.getKind().isPrimitive() ? null : TypeSource.print(result);
  }

  /**
   * The result type of the overloads a call may select by its arguments' types ({@code f(5)} next
   * to {@code f("s")}), when they share one; else null (javac picks the overload, and the frame's
   * result is then the box or the object).
   */
  private TypeMirror sharedResult(MethodInvocationTree invocation, Intrinsics.AsyncCall call) {
    int arity = invocation.getArguments().size();
    KnownFacts facts = new KnownFacts(this, visibleLocals());
    TypeMirror result = null;
    for (ExecutableElement overload : names.methodsOf(
        (TypeElement) call.method.getEnclosingElement(), call.method.getSimpleName().toString())) {
      if (overload.getParameters().size() != arity || !facts.mayApply(overload, invocation)) {
        continue;
      }
      if (result != null && !env.getTypeUtils().isSameType(result, overload.getReturnType())) {
        return null;
      }
      result = overload.getReturnType();
    }
    return result;
  }

  @Override
  public String referenceResult(MethodInvocationTree invocation) {
    Intrinsics.AsyncCall call = asyncCall(invocation);
    if (call == null || !call.method.getTypeParameters().isEmpty()
        || !call.method.getModifiers().contains(Modifier.STATIC) && isGenericNest(call.site)) {
      // a generic frame class: a raw receiver or argument makes the call's frame raw
      return null;
    }
    TypeMirror result = sharedResult(invocation, call);
    return result != null && result.getKind() == TypeKind.DECLARED && isPlainlyNamed(result)
        ? TypeSource.print(result) : null;
  }

  @Override
  public String awaitedType(ExpressionTree frame) {
    DeclaredType type = receiverType(frame);
    TypeElement frameClass = env.getElementUtils().getTypeElement("dev.stackless.Frame");
    DeclaredType asFrame = type == null || frameClass == null ? null : asSuperOf(type, frameClass);
    TypeMirror value = asFrame == null || asFrame.getTypeArguments().size() != 1
        ? null : asFrame.getTypeArguments().get(0);
    return value != null && value.getKind() == TypeKind.DECLARED && isPlainlyNamed(value)
        ? TypeSource.print(value) : null;
  }

  /**
   * Whether a type is written the same in the generated code: no type variable, wildcard
   * capture or error in it, and no class the generated class cannot name (a private one).
   */
  private static boolean isPlainlyNamed(TypeMirror type) {
    if (type.getKind() == TypeKind.WILDCARD) {
      javax.lang.model.type.WildcardType wildcard = (javax.lang.model.type.WildcardType) type;
      TypeMirror bound = wildcard.getExtendsBound() != null ? wildcard.getExtendsBound()
          : wildcard.getSuperBound();
      return bound == null || isPlainlyNamed(bound);
    }
    if (type.getKind() == TypeKind.ARRAY) {
      return isPlainlyNamed(((javax.lang.model.type.ArrayType) type).getComponentType());
    }
    if (type.getKind().isPrimitive()) {
      return true;
    }
    if (type.getKind() != TypeKind.DECLARED) {
      return false;
    }
    for (Element e = ((DeclaredType) type).asElement(); e instanceof TypeElement;
        e = e.getEnclosingElement()) {
      javax.lang.model.element.NestingKind nesting = ((TypeElement) e).getNestingKind();
      if (e.getModifiers().contains(Modifier.PRIVATE)
          || nesting == javax.lang.model.element.NestingKind.LOCAL
          || nesting == javax.lang.model.element.NestingKind.ANONYMOUS) {
        return false;
      }
    }
    for (TypeMirror argument : ((DeclaredType) type).getTypeArguments()) {
      if (!isPlainlyNamed(argument)) {
        return false;
      }
    }
    return TypeSource.print(type) != null;
  }

  @Override
  public Code factoryCall(TreePath path, Code receiver, List<Code> arguments) {
    MethodInvocationTree invocation = (MethodInvocationTree) path.getLeaf();
    Intrinsics.AsyncCall call = asyncCall(invocation);
    if (!call.method.getModifiers().contains(Modifier.STATIC) && receiver == null) {
      receiver = unevaluatedReceiver(path, invocation);
    }
    return factoryCall(path, invocation, call, receiver, arguments);
  }

  /**
   * Reads the switch expression at {@code path}, whose cases need statements, as a switch that
   * yields into a field of its type, for the spill being taken apart to enter. Its statements
   * have spills of their own, one depth down. A switch the chain reaches on several paths (after
   * a suspending {@code ?:}) is read once.
   */
  @Override
  public ExpressionSpiller.Entered enterSwitch(TreePath path) throws ExpressionSpiller.Unspillable {
    SwitchExpressionTree tree = (SwitchExpressionTree) path.getLeaf();
    String type = ObviousTypes.switchType(tree, new KnownFacts(this, visibleLocals()), isStandalone(path));
    if (type == null) {
      ExpressionTree untyped =
          ObviousTypes.firstUntypedResult(tree, new KnownFacts(this, visibleLocals()));
      throw new ExpressionSpiller.Unspillable(untyped, "a switch expression nested in a larger"
          + " expression, whose case suspends in a block, a throw or a guard, and whose type is"
          + " not known here (" + (untyped == tree ? "its values" : "the value " + sourceOf(untyped))
          + "),");
    }
    Integer entry = entered.get(tree);
    if (entry == null) {
      Local value = new Local(newName("$y"), false, type);
      value.hoist();
      synthetic.add(value);
      List<Suspension.Entry> outerEntries = entries;
      Map<Tree, Integer> outerEntered = entered;
      ExpressionSpiller outerSpiller = spiller;
      entries = new ArrayList<>();
      entered = new java.util.IdentityHashMap<>();
      spiller = new ExpressionSpiller(this);
      spillDepth++;
      Stmt body;
      try {
        body = readSwitch(path, null, ResultTarget.assignLocal(value));
      } finally {
        spillDepth--;
        spiller = outerSpiller;
        entries = outerEntries;
        entered = outerEntered;
      }
      entry = entries.size();
      entries.add(new Suspension.Entry(body, value));
      entered.put(tree, entry);
    }
    return new ExpressionSpiller.Entered(
        Code.text("dev.stackless.internal.Spill.<" + TypeSource.boxed(type) + ">enter(" + entry
            + ")"),
        type);
  }

  /**
   * Whether the expression at {@code path} is a standalone expression, not one whose type may be
   * its target's (JLS 15.2): an operand, an index, a receiver, a condition; not an argument, an
   * assigned or returned value, a lambda's body, or a branch of a conditional or switch.
   */
  private static boolean isStandalone(TreePath path) {
    Tree child = path.getLeaf();
    TreePath parentPath = path.getParentPath();
    while (parentPath.getLeaf() instanceof ParenthesizedTree) {
      child = parentPath.getLeaf();
      parentPath = parentPath.getParentPath();
    }
    Tree parent = parentPath.getLeaf();
    if (parent instanceof MethodInvocationTree) {
      return ((MethodInvocationTree) parent).getMethodSelect() == child;
    }
    if (parent instanceof com.sun.source.tree.AssignmentTree) {
      return ((com.sun.source.tree.AssignmentTree) parent).getExpression() != child;
    }
    return !(parent instanceof NewClassTree || parent instanceof VariableTree
        || parent instanceof com.sun.source.tree.ReturnTree
        || parent instanceof LambdaExpressionTree || parent instanceof ConditionalExpressionTree
        || parent instanceof com.sun.source.tree.YieldTree || parent instanceof CaseTree
        || parent instanceof NewArrayTree);
  }

  @Override
  public String obviousType(ExpressionTree tree) {
    String type = ObviousTypes.of(tree, new KnownFacts(this, visibleLocals()));
    return type == null || type.equals("null") ? null : type;
  }

  @Override
  public String newName(String prefix) {
    return prefix + (++nameCount);
  }

  /** The suspension point the expression at {@code path} is, or null if it is something else. */
  private Suspension suspensionOf(TreePath path) {
    Tree tree = path.getLeaf();
    while (tree instanceof ParenthesizedTree) {
      path = new TreePath(path, ((ParenthesizedTree) tree).getExpression());
      tree = path.getLeaf();
    }
    if (!(tree instanceof MethodInvocationTree)) {
      return null;
    }
    MethodInvocationTree invocation = (MethodInvocationTree) tree;
    for (ExpressionTree argument : invocation.getArguments()) {
      if (finder.contains(argument)) {
        return null;
      }
    }
    if (invocation.getMethodSelect() instanceof MemberSelectTree
        && finder.contains(((MemberSelectTree) invocation.getMethodSelect()).getExpression())) {
      return null; // a[idx()].m(): the receiver suspends first, the spiller keeps that order
    }
    Intrinsics.Keyword keyword = Intrinsics.keyword(invocation, names);
    if (keyword == Intrinsics.Keyword.SUSPEND) {
      if (invocation.getArguments().isEmpty()) {
        return new Suspension.Suspend();
      }
      return suspendBlock(new TreePath(path, invocation.getArguments().get(0)));
    }
    if (keyword == Intrinsics.Keyword.AWAIT) {
      TreePath frame = new TreePath(path, invocation.getArguments().get(0));
      Code witnessed = witnessedFactoryCall(path, frame);
      return new Suspension.Await(witnessed != null ? witnessed : CodeReader.read(this, frame));
    }
    if (keyword != null) {
      return null;
    }
    Intrinsics.AsyncCall call = asyncCall(invocation);
    if (call == null) {
      return null;
    }
    return new Suspension.Await(factoryCall(path, invocation, call));
  }

  private Suspension suspendBlock(TreePath argument) {
    Tree tree = argument.getLeaf();
    if (!(tree instanceof LambdaExpressionTree)) {
      return new Suspension.SuspendCallback(CodeReader.read(this, argument), false);
    }
    LambdaExpressionTree lambda = (LambdaExpressionTree) tree;
    String self =
        lambda.getParameters().isEmpty()
            ? null
            : lambda.getParameters().get(0).getName().toString();
    String blockLabel = "suspendBlock" + (++blocks);
    Code body =
        CodeReader.read(this, new TreePath(argument, lambda.getBody()), blockLabel, self);
    if (lambda.getBodyKind() == LambdaExpressionTree.BodyKind.EXPRESSION) {
      body = Code.concat("{ ", body, "; }");
    }
    return new Suspension.SuspendBlock(body, self, blockLabel);
  }

  /**
   * {@code <T>name}, {@code name$super}: the factory's name and type arguments ({@code g(a)} ===>
   * {@code pkg.OwnerAsync.g($this, a)}: the factory starts g, await does the rest). Through {@code
   * Calls}, the type arguments are the method's own; a factory's are the owner's, then the method's.
   */
  private String calleeName(TreePath path, MethodInvocationTree invocation,
      Intrinsics.AsyncCall call, boolean throughCalls) {
    StringBuilder name = new StringBuilder();
    if (!invocation.getTypeArguments().isEmpty()) {
      List<String> args = new ArrayList<>();
      if (!call.method.getModifiers().contains(Modifier.STATIC) && isGenericNest(call.site)
          && !throughCalls) {
        // box.<R>map(f): the factory's type parameters are the owner's, then the method's
        List<String> ownerArguments = ownerTypeArguments(call);
        if (ownerArguments == null) {
          reporter.error(invocation.getMethodSelect(), unit, Diagnostic.UNSUPPORTED,
              "explicit type arguments for a generic @Async method of a generic class, on a"
                  + " receiver whose type arguments are not known here,",
              "leave the type arguments to inference, or call it on a local declared with its type");
          failed = true;
          ownerArguments = List.of();
        }
        args.addAll(ownerArguments);
      }
      for (Tree typeArgument : invocation.getTypeArguments()) {
        args.add(CodeReader.read(this, new TreePath(path, typeArgument)).toString());
      }
      name.append("<").append(String.join(", ", args)).append(">");
    } else {
      String witness = targetWitness(path, invocation, call);
      if (witness != null) {
        name.append("<").append(witness).append(">");
      } else {
        reportUntypedFunctionArgument(invocation, call.method);
      }
    }
    name.append(call.method.getSimpleName());
    if (call.receiver != null && isSuperReceiver(call.receiver)
        && Overriding.isOverridable(call.method)) {
      name.append("$super"); // runs the superclass's body, as invokespecial does, never an override
    }
    return name.toString();
  }

  /**
   * For {@code Runnable r = id(() -> ..)} with {@code <T> T id(T t)}: the target's type, which
   * Java infers {@code T} from. The factory call stands alone in the generated code, where a
   * lambda or method reference argument could not be typed; null when the call needs none, or
   * its target is not a declared local, assignment to one, the method's return, or a parameter
   * the one method of that arity declares.
   */
  private String targetWitness(TreePath path, MethodInvocationTree invocation,
      Intrinsics.AsyncCall call) {
    return targetWitness(path, invocation, call.method, call.site);
  }

  /**
   * {@code Supplier<String> s = await(OwnerAsync.id(() -> "x"))}: the factory call the user
   * wrote, with the target's type as its type witness ({@code OwnerAsync.<Supplier<String>>id(..)})
   * when {@link #targetWitness} finds one for the await; else null.
   */
  private Code witnessedFactoryCall(TreePath await, TreePath frame) {
    if (!(frame.getLeaf() instanceof MethodInvocationTree)) {
      return null;
    }
    MethodInvocationTree call = (MethodInvocationTree) frame.getLeaf();
    FactoryCall factory = call.getTypeArguments().isEmpty() ? factoryCall(call) : null;
    ExecutableElement method = factory == null ? null : factory.method();
    String witness = method == null ? null
        : targetWitness(await, call, method, (TypeElement) method.getEnclosingElement());
    if (witness == null) {
      return null;
    }
    MemberSelectTree select = (MemberSelectTree) call.getMethodSelect();
    List<Object> pieces = new ArrayList<>(List.of(
        CodeReader.read(this, new TreePath(new TreePath(frame, select), select.getExpression())),
        ".<" + witness + ">" + select.getIdentifier() + "("));
    for (int i = 0; i < call.getArguments().size(); i++) {
      pieces.add(i == 0 ? "" : ", ");
      pieces.add(CodeReader.read(this, new TreePath(frame, call.getArguments().get(i))));
    }
    pieces.add(")");
    return Code.concat(pieces.toArray());
  }

  private String targetWitness(TreePath path, MethodInvocationTree invocation,
      ExecutableElement method, TypeElement site) {
    boolean ownerGeneric = !method.getModifiers().contains(Modifier.STATIC) && isGenericNest(site);
    if (!ownerGeneric && !method.getTypeParameters().isEmpty()
        && method.getReturnType().getKind() != TypeKind.TYPEVAR
        && invocation.getArguments().stream().map(BodyReader::withoutParentheses)
            .anyMatch(BodyReader::isTypedByItsTarget)) {
      // Function<Integer, String> g = lift(n -> ..) with <A, B> Function<A, B> lift(..)
      return witnessFromTarget(method, targetMirror(path));
    }
    if (method.getTypeParameters().size() != 1 || ownerGeneric
        || method.getReturnType().getKind() != TypeKind.TYPEVAR
        || !env.getTypeUtils().isSameType(method.getReturnType(),
            method.getTypeParameters().get(0).asType())
        || invocation.getArguments().stream().map(BodyReader::withoutParentheses)
            .noneMatch(BodyReader::isTypedByItsTarget)) {
      return null;
    }
    return targetWitnessOfTarget(path);
  }

  /** The type, as source, of the target of the expression at {@code path}, as described above. */
  private String targetWitnessOfTarget(TreePath path) {
    TreePath at = outsideParentheses(path);
    Tree parent = at.getParentPath().getLeaf();
    VariableTree declared = declaredWithAType(at);
    if (declared != null) {
      String type = CodeReader.read(this,
          new TreePath(at.getParentPath(), declared.getType())).toString();
      return TypeSource.isPrimitive(type) ? null : type;
    }
    Local assigned = assignedLocal(at);
    if (assigned != null) {
      String type = assigned.resolvedType();
      return type == null || TypeSource.isPrimitive(type) ? null : type;
    }
    if (parent instanceof ReturnTree && !insideLambda(at)) {
      return returnType == null || TypeSource.isPrimitive(returnType) || returnType.equals("void")
          ? null : returnType;
    }
    if (spiller.passesThrough(at.getParentPath(), at.getLeaf())) {
      // Supplier<String> s = id(later(() -> "x")): id's target is later's
      return targetWitnessOfTarget(at.getParentPath());
    }
    if (parent instanceof MethodInvocationTree || parent instanceof NewClassTree) {
      // use(id(() -> ..)): the parameter's type, when the one method of that arity tells it
      return spiller.targetTypeOf(at.getParentPath(), at.getLeaf());
    }
    return null;
  }

  @Override
  public ExecutableElement functionOfPrivateClass(TreePath at) {
    TypeMirror target = targetMirror(at);
    if (target == null || target.getKind() != TypeKind.DECLARED
        || ((DeclaredType) target).asElement().getKind() != ElementKind.INTERFACE) {
      return null;
    }
    for (Element member : env.getElementUtils().getAllMembers(
        (TypeElement) ((DeclaredType) target).asElement())) {
      if (member.getKind() == ElementKind.METHOD && member.getModifiers().contains(Modifier.ABSTRACT)
          && dev.stackless.processor.model.HiddenTypes.signatureMentionsHidden(member)) {
        return (ExecutableElement) member;
      }
    }
    return null;
  }

  /**
   * The type of the target a call at {@code path} is in: a local declared with a type, a local
   * assigned, the method's return, the parameter of the one method of that arity; else null.
   */
  private TypeMirror targetMirror(TreePath path) {
    TreePath at = outsideParentheses(path);
    Tree parent = at.getParentPath().getLeaf();
    VariableTree declared = declaredWithAType(at);
    if (declared != null) {
      return plainWrittenType(declared.getType());
    }
    Local assigned = assignedLocal(at);
    if (assigned != null) {
      return assigned.mirror();
    }
    if (parent instanceof ReturnTree && !insideLambda(at)) {
      return method.getReturnType();
    }
    if (spiller.passesThrough(at.getParentPath(), at.getLeaf())) {
      return targetMirror(at.getParentPath()); // g = id(lift(n -> ..)): id's target is lift's
    }
    if (parent instanceof MethodInvocationTree || parent instanceof NewClassTree) {
      return spiller.targetParameterType(at.getParentPath(), at.getLeaf()); // use(lift(n -> ..))
    }
    return null;
  }

  /**
   * The type arguments that make a generic method's result its target's type, as Java infers
   * them from the target: each of the method's type variables met in the result, matched against
   * the target's type argument in its place ({@code Function<A, B>} against {@code
   * Function<Integer, String>}: {@code Integer, String}); null unless every one is met so, exactly.
   */
  private static String witnessFromTarget(ExecutableElement generic, TypeMirror target) {
    if (target == null || TypeSource.mentionsError(target)) {
      return null;
    }
    Map<String, TypeMirror> bound = new java.util.LinkedHashMap<>();
    List<String> variables = new ArrayList<>();
    generic.getTypeParameters().forEach(v -> variables.add(v.getSimpleName().toString()));
    if (!match(generic.getReturnType(), target, variables, bound)
        || bound.size() != variables.size()) {
      return null;
    }
    List<String> witness = new ArrayList<>();
    for (String variable : variables) {
      String printed = TypeSource.print(bound.get(variable));
      if (printed == null) {
        return null;
      }
      witness.add(printed);
    }
    return String.join(", ", witness);
  }

  /** The path of the expression at {@code path} with the parentheses around it. */
  private static TreePath outsideParentheses(TreePath path) {
    TreePath at = path;
    while (at.getParentPath().getLeaf() instanceof ParenthesizedTree) {
      at = at.getParentPath();
    }
    return at;
  }

  /** The declaration, with a written type, whose initializer is the expression at {@code at}. */
  private static VariableTree declaredWithAType(TreePath at) {
    Tree parent = at.getParentPath().getLeaf();
    return parent instanceof VariableTree && ((VariableTree) parent).getInitializer() == at.getLeaf()
        && !isVar((VariableTree) parent) ? (VariableTree) parent : null;
  }

  /** The body local the expression at {@code at} is assigned to ({@code k = ..}), or null. */
  private Local assignedLocal(TreePath at) {
    Tree parent = at.getParentPath().getLeaf();
    return parent instanceof AssignmentTree
        && ((AssignmentTree) parent).getExpression() == at.getLeaf()
        && ((AssignmentTree) parent).getVariable() instanceof IdentifierTree
        ? bodyLocal(((AssignmentTree) parent).getVariable().toString()) : null;
  }

  /** Matches a result type against its target, binding the method's type variables; see above. */
  private static boolean match(TypeMirror result, TypeMirror target, List<String> variables,
      Map<String, TypeMirror> bound) {
    if (result.getKind() == TypeKind.TYPEVAR) {
      String name = ((javax.lang.model.type.TypeVariable) result).asElement().getSimpleName()
          .toString();
      if (!variables.contains(name)) {
        return true; // the owner's: nothing to infer
      }
      if (target.getKind() != TypeKind.DECLARED && target.getKind() != TypeKind.ARRAY
          && target.getKind() != TypeKind.TYPEVAR) {
        return false; // a wildcard, a primitive
      }
      TypeMirror before = bound.putIfAbsent(name, target);
      return before == null || before.toString().equals(target.toString());
    }
    if (result.getKind() == TypeKind.ARRAY) {
      return target.getKind() == TypeKind.ARRAY
          && match(((javax.lang.model.type.ArrayType) result).getComponentType(),
              ((javax.lang.model.type.ArrayType) target).getComponentType(), variables, bound);
    }
    if (result.getKind() != TypeKind.DECLARED) {
      return true;
    }
    if (target.getKind() != TypeKind.DECLARED
        || !((DeclaredType) result).asElement().equals(((DeclaredType) target).asElement())) {
      return false; // a subtype's result: which arguments is javac's to tell
    }
    List<? extends TypeMirror> results = ((DeclaredType) result).getTypeArguments();
    List<? extends TypeMirror> targets = ((DeclaredType) target).getTypeArguments();
    if (results.size() != targets.size()) {
      return false; // a raw target
    }
    for (int i = 0; i < results.size(); i++) {
      if (!match(results.get(i), targets.get(i), variables, bound)) {
        return false;
      }
    }
    return true;
  }

  /** A lambda, a method reference, or an anonymous class with a diamond: no type of its own. */
  /**
   * {@code String.valueOf(id(later(() -> "x")).get())} with {@code <T> T later(T v)}: a lambda or
   * method reference passed as a bare type variable of the method, which only the call's target
   * types, where the processor finds no target to take the type from. The factory call, alone in
   * the generated code, could not be typed: an error at the argument.
   */
  private void reportUntypedFunctionArgument(MethodInvocationTree invocation, ExecutableElement callee) {
    if (callee.isVarArgs() || callee.getParameters().size() != invocation.getArguments().size()) {
      return;
    }
    for (int i = 0; i < invocation.getArguments().size(); i++) {
      ExpressionTree argument = withoutParentheses(invocation.getArguments().get(i));
      TypeMirror parameter = callee.getParameters().get(i).asType();
      if ((argument instanceof LambdaExpressionTree || argument instanceof MemberReferenceTree)
          && parameter.getKind() == TypeKind.TYPEVAR
          && ((javax.lang.model.type.TypeVariable) parameter).asElement().getEnclosingElement()
              .equals(callee)) {
        reporter.error(argument, unit, Diagnostic.UNSUPPORTED, "a lambda or method reference"
                + " passed as the type variable " + parameter + " of " + callee.getSimpleName()
                + ", where the call's target, which types it, is not a declared local, an"
                + " assignment, a return or a parameter the processor can read,",
            "write the type argument (Owner.<Supplier<String>>" + callee.getSimpleName()
                + "(..)) or assign the call to a local of its type first");
        failed = true;
        return;
      }
    }
  }

  private static boolean isTypedByItsTarget(ExpressionTree argument) {
    if (argument instanceof NewClassTree) {
      NewClassTree created = (NewClassTree) argument;
      return created.getClassBody() != null
          && created.getIdentifier() instanceof com.sun.source.tree.ParameterizedTypeTree
          && ((com.sun.source.tree.ParameterizedTypeTree) created.getIdentifier())
              .getTypeArguments().isEmpty();
    }
    return argument instanceof LambdaExpressionTree || argument instanceof MemberReferenceTree;
  }

  private static ExpressionTree withoutParentheses(ExpressionTree tree) {
    while (tree instanceof ParenthesizedTree) {
      tree = ((ParenthesizedTree) tree).getExpression();
    }
    return tree;
  }

  /** Whether {@code path} lies in a lambda body (of the {@code @Async} method's own code). */
  private static boolean insideLambda(TreePath path) {
    for (TreePath p = path; p != null; p = p.getParentPath()) {
      if (p.getLeaf() instanceof LambdaExpressionTree) {
        return true;
      }
      if (p.getLeaf() instanceof MethodTree) {
        return false;
      }
    }
    return false;
  }

  /**
   * The type arguments of the receiver of a call of an instance method of a generic class, as
   * that class ({@code Box<String> b; b.<Integer>map(f)}: {@code String}); the owner's own type
   * variables for a call on this; null when not known or not writable.
   */
  private List<String> ownerTypeArguments(Intrinsics.AsyncCall call) {
    DeclaredType site;
    if (call.receiver == null || Intrinsics.isThis(call.receiver) || isSuperReceiver(call.receiver)) {
      site = (DeclaredType) names.owner().asType();
    } else {
      site = receiverType(call.receiver);
    }
    DeclaredType asSite = site == null ? null : asSuperOf(site, call.site);
    // Outer<Integer>.In: the factory's type variables are the whole nest's, outermost first
    List<TypeMirror> arguments = new ArrayList<>();
    for (TypeMirror in = asSite; in instanceof DeclaredType;
        in = ((DeclaredType) in).getEnclosingType()) {
      arguments.addAll(0, ((DeclaredType) in).getTypeArguments());
    }
    if (asSite == null || arguments.isEmpty()) {
      return null; // unknown, or raw
    }
    List<String> printed = new ArrayList<>();
    for (TypeMirror argument : arguments) {
      String text = argument.getKind() == TypeKind.WILDCARD ? null : TypeSource.print(argument);
      if (text == null || HiddenTypes.mentionsHidden(argument)) {
        return null;
      }
      printed.add(text);
    }
    return printed;
  }

  /** Whether a class or, for an inner class, one it is nested in declares type variables. */
  private static boolean isGenericNest(TypeElement type) {
    for (TypeElement in = type; in != null;
        in = NameResolver.isInner(in) ? (TypeElement) in.getEnclosingElement() : null) {
      if (!in.getTypeParameters().isEmpty()) {
        return true;
      }
    }
    return false;
  }

  /** {@code super} or {@code I.super}: the receiver is this, and no override runs. */
  private boolean isSuperReceiver(ExpressionTree receiver) {
    return Intrinsics.isSuper(receiver) || Intrinsics.interfaceSuper(receiver, names) != null;
  }

  /**
   * The object a call of an instance {@code @Async} method is made on when nothing evaluates it:
   * the receiver for {@code m()} and {@code this.m()}; the enclosing instance for {@code
   * Outer.this.m()}, and for {@code m()} that calls a method of an outer class.
   */
  private Code unevaluatedReceiver(TreePath path, MethodInvocationTree invocation) {
    ExpressionTree select = invocation.getMethodSelect();
    if (select instanceof MemberSelectTree) {
      ExpressionTree qualifier = ((MemberSelectTree) select).getExpression();
      return qualifier instanceof MemberSelectTree && !isSuperReceiver(qualifier) // Outer.this
          ? CodeReader.read(this, new TreePath(new TreePath(path, select), qualifier))
          : Code.text(RECEIVER);
    }
    TypeElement site = names.methodSite(((IdentifierTree) select).getName().toString());
    String outer = site == null || site.equals(names.owner())
        ? null : CodeReader.instanceOf(this, site);
    return Code.text(outer != null ? outer : RECEIVER);
  }

  private Code factoryCall(TreePath path, MethodInvocationTree invocation, Intrinsics.AsyncCall call) {
    Code receiver = null;
    if (!call.method.getModifiers().contains(Modifier.STATIC)) {
      if (call.receiver == null || Intrinsics.isThis(call.receiver)
          || isSuperReceiver(call.receiver)) {
        receiver = unevaluatedReceiver(path, invocation);
      } else {
        MemberSelectTree select = (MemberSelectTree) invocation.getMethodSelect();
        receiver = CodeReader.read(this, new TreePath(new TreePath(path, select), call.receiver));
      }
    }
    List<Code> arguments = new ArrayList<>();
    for (ExpressionTree argument : invocation.getArguments()) {
      arguments.add(CodeReader.read(this, new TreePath(path, argument)));
    }
    return factoryCall(path, invocation, call, receiver, arguments);
  }

  /**
   * {@code pkg.OwnerAsync.g(receiver, a)}, or for an overload of a generic owner {@code new
   * pkg.OwnerAsync.Calls<>(receiver).g(a)}, whose overloads javac chooses among as among the
   * methods (see {@link dev.stackless.processor.model.Calls}).
   */
  private Code factoryCall(TreePath path, MethodInvocationTree invocation,
      Intrinsics.AsyncCall call, Code receiver, List<Code> arguments) {
    List<Object> pieces = new ArrayList<>();
    String generated = NameResolver.generatedClassName(env.getElementUtils(), call.site);
    if (trees.getPath(call.site) == null && env.getElementUtils().getTypeElement(generated) == null
        && reportedMissing.add(call.site)) {
      // a class file without its generated class: javac would reject the call of the factory
      reporter.error(invocation.getMethodSelect(), unit, Diagnostic.MISSING_FRAMES,
          call.method.getSimpleName(), call.site.getQualifiedName(), generated);
      failed = true;
    }
    if (call.method.getModifiers().contains(Modifier.STATIC)) {
      receiver = null; // b.st(): Java evaluates b (the spiller did) and calls the static method
    }
    String calls = NameResolver.callsClassFor(env.getElementUtils(), call.method);
    boolean throughCalls = receiver != null && calls != null;
    if (throughCalls) {
      pieces.add("new " + generated + "." + calls + "<>(");
      pieces.add(receiver);
      pieces.add(")." + calleeName(path, invocation, call, true) + "(");
    } else {
      pieces.add(generated + "." + calleeName(path, invocation, call, false) + "(");
      if (receiver != null) {
        pieces.add(receiver);
      }
    }
    boolean first = receiver == null || throughCalls;
    for (Code argument : arguments) {
      if (!first) {
        pieces.add(", ");
      }
      pieces.add(argument);
      first = false;
    }
    pieces.add(")");
    return Code.concat(pieces.toArray());
  }

  private boolean isSuspension(MethodInvocationTree invocation) {
    Intrinsics.Keyword keyword = Intrinsics.keyword(invocation, names);
    if (keyword != null) {
      return keyword == Intrinsics.Keyword.SUSPEND || keyword == Intrinsics.Keyword.AWAIT;
    }
    return asyncCall(invocation) != null;
  }

  private Intrinsics.AsyncCall asyncCall(MethodInvocationTree invocation) {
    KnownFacts facts = new KnownFacts(this, visibleLocals());
    // Java's first phase (no boxing) decides when a candidate surely applies in it
    java.util.function.BiPredicate<ExecutableElement, List<ExecutableElement>> mayApply =
        (method, all) -> {
          ExecutableElement chosen = facts.mostSpecificStrictly(all, invocation);
          if (chosen != null) {
            return method.equals(chosen); // over(3): over(int) before over(long)
          }
          if (method.isVarArgs()) {
            return true; // Java's third phase, when no other applies: not known to be out
          }
          return all.stream().anyMatch(c -> facts.surelyAppliesStrictly(c, invocation))
              ? facts.mayApplyStrictly(method, invocation)
              : facts.mayApply(method, invocation);
        };
    ExpressionTree receiverTree = invocation.getMethodSelect() instanceof MemberSelectTree
        ? ((MemberSelectTree) invocation.getMethodSelect()).getExpression() : null;
    com.sun.source.tree.ClassTree local = receiverTree != null ? localClassOf(receiverTree) : null;
    TypeElement fieldClass = receiverTree != null && local == null
        ? classOfLocalClassField(receiverTree) : null;
    try {
      if (local != null) {
        return callOnLocalClass(invocation, local, mayApply, 0);
      }
      if (fieldClass != null) {
        return Intrinsics.callOn(fieldClass, invocation, names, mayApply); // counter.hits.add(..)
      }
      // every call on a receiver whose class the declarations do not tell is looked into: the
      // @Async method may be a library's, which the sources do not show
      return Intrinsics.asyncCall(
          invocation, names, name -> receiverClass(invocation, name), call -> true, mayApply);
    } catch (Intrinsics.Undecidable e) {
      DeclaredType receiver = local == null && invocation.getMethodSelect() instanceof MemberSelectTree
          ? receiverType(((MemberSelectTree) invocation.getMethodSelect()).getExpression())
          : null;
      if (receiver == null && local == null && receiverTree != null) {
        // Stream.of(a, b).findFirst().get().inc(): the types the declarations give the chain
        TypeMirror typed = TypeText.parse(ObviousTypes.of(receiverTree, facts),
            env.getElementUtils(), env.getTypeUtils());
        receiver = typed instanceof DeclaredType ? (DeclaredType) typed : null;
      }
      if (receiver != null) {
        try { // list.get(0).fetch(): the type arguments of list's type say what get returns
          return Intrinsics.callOn(
              (TypeElement) receiver.asElement(), invocation, names, mayApply);
        } catch (Intrinsics.Undecidable overloads) {
          // reported below
        }
      } else if (e instanceof Intrinsics.UnknownReceiver && !mayCallAsync(invocation, facts)) {
        return null; // no @Async method of the sources fits, and no library's is known to
      }
      reporter.error(invocation.getMethodSelect(), unit, Diagnostic.UNSUPPORTED,
          "this call", e.getMessage());
      failed = true;
      return null;
    }
  }

  /**
   * Whether a call on a receiver whose type the declarations do not tell may call one of the
   * @Async methods of the sources: one of its name and arity that its arguments may fit ({@code
   * o.map(x -> x)} cannot call an {@code @Async String map(String s)}: a lambda needs a functional
   * interface).
   */
  boolean mayCallAsync(MethodInvocationTree call, KnownFacts facts) {
    String name = ((MemberSelectTree) call.getMethodSelect()).getIdentifier().toString();
    int arity = call.getArguments().size();
    for (ExecutableElement method : asyncMethods.getOrDefault(name, List.of())) {
      int params = method.getParameters().size();
      if (method.isVarArgs() ? arity >= params - 1 : params == arity && facts.mayApply(method, call)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The class declared in the body that a receiver is a value of, or null: a local declared with
   * its name ({@code Acc acc}, or a {@code var} javac types so), or {@code new Acc()}.
   */
  private com.sun.source.tree.ClassTree localClassOf(ExpressionTree receiver) {
    while (receiver instanceof ParenthesizedTree) {
      receiver = ((ParenthesizedTree) receiver).getExpression();
    }
    String typeName = null;
    if (receiver instanceof NewClassTree && ((NewClassTree) receiver).getClassBody() != null) {
      return ((NewClassTree) receiver).getClassBody(); // var counter = new Object() {..}
    } else if (receiver instanceof NewClassTree) {
      typeName = ((NewClassTree) receiver).getIdentifier().toString();
    } else if (receiver instanceof MemberSelectTree) {
      Tree type = localClassFieldType((MemberSelectTree) receiver);
      typeName = type == null ? null : type.toString();
    } else if (receiver instanceof IdentifierTree) {
      // asked before the reader reaches the declaration, too: the declaration says it
      TreePath declaration = declarations.declarationOf((IdentifierTree) receiver);
      if (declaration == null || !(declaration.getLeaf() instanceof VariableTree)) {
        return null;
      }
      VariableTree variable = (VariableTree) declaration.getLeaf();
      if (isVar(variable) && variable.getInitializer() instanceof NewClassTree) {
        return localClassOf(variable.getInitializer()); // var acc = new Acc();
      }
      if (isVar(variable)) {
        Local local = bodyLocal(variable.getName().toString());
        TypeMirror mirror = local == null ? null : local.mirror();
        if (!(mirror instanceof DeclaredType) || ((TypeElement) ((DeclaredType) mirror).asElement())
            .getNestingKind() != javax.lang.model.element.NestingKind.LOCAL) {
          return null;
        }
        typeName = ((DeclaredType) mirror).asElement().getSimpleName().toString();
      } else {
        typeName = variable.getType().toString();
      }
    }
    return typeName == null ? null : localClassNamed(typeName);
  }

  /**
   * For {@code holder.field}, a field of a class of the body that {@code holder} is a value of
   * ({@link #localClassOf}): the field's type as written, or null.
   */
  private Tree localClassFieldType(MemberSelectTree select) {
    com.sun.source.tree.ClassTree holder = namesLocalType(select.getExpression())
        ? localClassNamed(select.getExpression().toString()) // Dir.S: a static member
        : localClassOf(select.getExpression());
    if (holder == null) {
      return null;
    }
    for (Tree member : holder.getMembers()) {
      if (member instanceof VariableTree
          && ((VariableTree) member).getName().contentEquals(select.getIdentifier())) {
        return ((VariableTree) member).getType();
      }
    }
    return null;
  }

  /**
   * For {@code holder.field} as above, the field's class when it is not one of the body ({@code
   * final Runnable bump} of an anonymous class), or null.
   */
  private TypeElement classOfLocalClassField(ExpressionTree receiver) {
    while (receiver instanceof ParenthesizedTree) {
      receiver = ((ParenthesizedTree) receiver).getExpression();
    }
    Tree type = receiver instanceof MemberSelectTree
        ? localClassFieldType((MemberSelectTree) receiver) : null;
    if (type instanceof com.sun.source.tree.ParameterizedTypeTree) {
      type = ((com.sun.source.tree.ParameterizedTypeTree) type).getType();
    }
    return type instanceof IdentifierTree || type instanceof MemberSelectTree
        ? classOfTypeName(type.toString()) : null;
  }

  /** The class of the method's body that a type name as written ({@code Acc<String>}) names. */
  private com.sun.source.tree.ClassTree localClassNamed(String typeName) {
    int generic = typeName.indexOf('<');
    String simple = generic < 0 ? typeName : typeName.substring(0, generic);
    com.sun.source.tree.ClassTree[] found = {null};
    new com.sun.source.util.TreeScanner<Void, Void>() {
      @Override
      public Void visitClass(com.sun.source.tree.ClassTree node, Void unused) {
        if (found[0] == null && node.getSimpleName().contentEquals(simple)) {
          found[0] = node;
        }
        return super.visitClass(node, null);
      }
    }.scan(((MethodTree) methodPath.getLeaf()).getBody(), null);
    return found[0];
  }

  /**
   * {@code loc.m(..)} on a local class of the body, which @Async cannot mark: the @Async method it
   * inherits from a class or interface of its supertypes, or null for a plain call. A local class
   * that declares a method of that name too is an error: which one runs is javac's to tell.
   */
  private Intrinsics.AsyncCall callOnLocalClass(MethodInvocationTree invocation,
      com.sun.source.tree.ClassTree local,
      java.util.function.BiPredicate<ExecutableElement, List<ExecutableElement>> mayApply,
      int depth) throws Intrinsics.Undecidable {
    String name = ((MemberSelectTree) invocation.getMethodSelect()).getIdentifier().toString();
    List<Tree> supertypes = new ArrayList<>();
    if (local.getExtendsClause() != null) {
      supertypes.add(local.getExtendsClause());
    }
    supertypes.addAll(local.getImplementsClause());
    if (local.getSimpleName().length() == 0) {
      // an anonymous class: its supertype is the creation's
      TreePath at = trees.getPath(unit, local);
      if (at != null && at.getParentPath().getLeaf() instanceof NewClassTree) {
        supertypes.add(((NewClassTree) at.getParentPath().getLeaf()).getIdentifier());
      }
    }
    for (Tree supertype : supertypes) {
      String written = supertype.toString();
      int generic = written.indexOf('<');
      String raw = generic < 0 ? written : written.substring(0, generic);
      TypeElement type = names.typeOfQualifier(raw);
      com.sun.source.tree.ClassTree localSuper = type == null && depth < 8 ? localClassNamed(raw)
          : null;
      Intrinsics.AsyncCall call = type != null
          ? Intrinsics.callOn(type, invocation, names, mayApply)
          : localSuper != null ? callOnLocalClass(invocation, localSuper, mayApply, depth + 1)
          : null;
      if (call == null) {
        continue;
      }
      boolean declares = local.getMembers().stream().anyMatch(member -> member instanceof MethodTree
          && ((MethodTree) member).getName().contentEquals(name));
      if (declares) {
        String described = local.getSimpleName().length() == 0 ? "the anonymous class"
            : "the local class " + local.getSimpleName();
        throw new Intrinsics.Undecidable(described + " declares "
            + name + " and inherits an @Async " + name + "; call it on a local of the supertype's"
            + " class, or rename the class's method");
      }
      return call;
    }
    return null;
  }

  @Override
  public TypeElement valueType(ExpressionTree value) {
    TypeElement declared = ReadContext.super.valueType(value);
    if (declared != null) {
      return declared;
    }
    DeclaredType type = receiverType(value); // list.get(0): through type arguments
    return type == null ? null : (TypeElement) type.asElement();
  }

  @Override
  public TypeElement localType(String name) {
    return localTypeElement(name);
  }

  @Override
  public TypeElement classInScope(TreePath at, String name) {
    Tree written = writtenTypeAt(at, name);
    if (written != null) {
      // the declaration says it: no need to have javac attribute the method for its scope (which
      // can upset javac's own later attribution of a local record's compact constructor)
      if (written instanceof com.sun.source.tree.ParameterizedTypeTree) {
        written = ((com.sun.source.tree.ParameterizedTypeTree) written).getType();
      }
      return written instanceof IdentifierTree || written instanceof MemberSelectTree
          ? classOfTypeName(written.toString()) : null;
    }
    VariableTree declaration = declarationAt(at, name);
    if (declaration != null && makesAnonymousClass(declaration)) {
      return anonymousSupertype(declaration);
    }
    TypeMirror type = scopeMirror(at, name);
    if (type instanceof javax.lang.model.type.TypeVariable) {
      type = ((javax.lang.model.type.TypeVariable) type).getUpperBound();
    }
    return type instanceof DeclaredType ? (TypeElement) ((DeclaredType) type).asElement() : null;
  }

  /**
   * The type written in the declaration of the variable {@code name} that is in scope at {@code
   * at} inside the fragment (a loop's variable, a local of a block, a lambda's or catch's
   * parameter); null if it has none written ({@code var}, {@code x -> ..}) or none was found.
   */
  private static Tree writtenTypeAt(TreePath at, String name) {
    VariableTree variable = declarationAt(at, name);
    Tree type = variable == null ? null : variable.getType();
    return type == null || isVar(variable)
        || type instanceof com.sun.source.tree.UnionTypeTree ? null : type;
  }

  /**
   * The declaration of the variable {@code name} in scope at {@code at} inside the fragment, as
   * above; null if none was found.
   */
  private static VariableTree declarationAt(TreePath at, String name) {
    Tree child = at.getLeaf();
    for (TreePath p = at.getParentPath(); p != null; child = p.getLeaf(), p = p.getParentPath()) {
      Tree leaf = p.getLeaf();
      List<VariableTree> candidates = new ArrayList<>();
      if (leaf instanceof com.sun.source.tree.EnhancedForLoopTree) {
        candidates.add(((com.sun.source.tree.EnhancedForLoopTree) leaf).getVariable());
      } else if (leaf instanceof com.sun.source.tree.ForLoopTree) {
        for (StatementTree init : ((com.sun.source.tree.ForLoopTree) leaf).getInitializer()) {
          if (init instanceof VariableTree) {
            candidates.add((VariableTree) init);
          }
        }
      } else if (leaf instanceof com.sun.source.tree.LambdaExpressionTree) {
        candidates.addAll(((com.sun.source.tree.LambdaExpressionTree) leaf).getParameters());
      } else if (leaf instanceof com.sun.source.tree.CatchTree) {
        candidates.add(((com.sun.source.tree.CatchTree) leaf).getParameter());
      } else if (leaf instanceof BlockTree) {
        for (StatementTree statement : ((BlockTree) leaf).getStatements()) {
          if (statement == child) {
            break;
          }
          if (statement instanceof VariableTree) {
            candidates.add((VariableTree) statement);
          }
        }
      } else if (leaf instanceof com.sun.source.tree.MethodTree
          || leaf instanceof com.sun.source.tree.ClassTree) {
        return null;
      }
      for (VariableTree variable : candidates) {
        if (variable.getName().contentEquals(name)) {
          return variable;
        }
      }
    }
    return null;
  }

  /**
   * The type of a receiver, with its type arguments, as javac gives a local's ({@code list}) and
   * as the declarations give the results of the calls on it ({@code list.get(0)}, {@code
   * map.computeIfAbsent(k, f)}: the method's result as a member of the receiver's type); null
   * when not known, or when several methods of that name and arity may be the one.
   */
  DeclaredType receiverType(ExpressionTree receiver) {
    TypeMirror type = receiverMirror(receiver);
    if (type instanceof javax.lang.model.type.TypeVariable) {
      type = ((javax.lang.model.type.TypeVariable) type).getUpperBound();
    }
    return type instanceof DeclaredType && !TypeSource.mentionsError(type)
        ? (DeclaredType) type : null;
  }

  /** As {@link #receiverType}, for any expression whose type the declarations tell; else null. */
  private TypeMirror receiverMirror(ExpressionTree receiver) {
    while (receiver instanceof ParenthesizedTree) {
      receiver = ((ParenthesizedTree) receiver).getExpression();
    }
    TypeMirror type = null;
    if (receiver instanceof IdentifierTree) {
      String name = ((IdentifierTree) receiver).getName().toString();
      Local local = bodyLocal(name);
      NameResolver.Member field = local == null ? names.field(name) : null;
      type = local != null ? local.mirror() : fieldType(field);
      if (local == null && field == null) {
        // a local the reader has not reached yet (a for-each variable, asked about when the loop
        // is): the declaration the name refers to, when it writes its type
        type = declaredMirror((IdentifierTree) receiver);
      }
    } else if (receiver instanceof MemberSelectTree
        && Intrinsics.isThis(((MemberSelectTree) receiver).getExpression())) {
      // this.list: the owner's field
      NameResolver.Member field =
          names.field(((MemberSelectTree) receiver).getIdentifier().toString());
      type = field != null && field.viaOwner ? fieldType(field) : null;
    } else if (receiver instanceof MemberSelectTree) {
      // holder.list: a field of a value whose type is known
      type = fieldOf(receiverType(((MemberSelectTree) receiver).getExpression()),
          ((MemberSelectTree) receiver).getIdentifier().toString());
    } else if (receiver instanceof com.sun.source.tree.ArrayAccessTree) {
      // grid[i][j]: the component type of a known array type
      TypeMirror array = receiverMirror(((com.sun.source.tree.ArrayAccessTree) receiver).getExpression());
      type = array instanceof javax.lang.model.type.ArrayType
          ? ((javax.lang.model.type.ArrayType) array).getComponentType() : null;
    } else if (receiver instanceof AssignmentTree) {
      // (k = a).m(): the variable's type
      type = receiverMirror(((AssignmentTree) receiver).getVariable());
    } else if (receiver instanceof ConditionalExpressionTree) {
      // (c ? a : b).m(): both sides of one type
      ExpressionTree onTrue = ((ConditionalExpressionTree) receiver).getTrueExpression();
      ExpressionTree onFalse = ((ConditionalExpressionTree) receiver).getFalseExpression();
      DeclaredType whenTrue = isNullLiteral(onTrue) ? null : receiverType(onTrue);
      DeclaredType whenFalse = isNullLiteral(onFalse) ? null : receiverType(onFalse);
      if (isNullLiteral(onTrue) || isNullLiteral(onFalse)) {
        return isNullLiteral(onTrue) ? whenFalse : whenTrue; // (c ? null : x): x's type
      }
      if (whenTrue == null || whenFalse == null) {
        return null;
      }
      // one side's type a subtype of the other's: the other's is the lub
      javax.lang.model.util.Types types = env.getTypeUtils();
      return types.isSubtype(whenFalse, whenTrue) ? whenTrue
          : types.isSubtype(whenTrue, whenFalse) ? whenFalse : null;
    } else if (receiver instanceof MethodInvocationTree) {
      Intrinsics.Keyword keyword = Intrinsics.keyword((MethodInvocationTree) receiver, names);
      if (keyword == Intrinsics.Keyword.AWAIT || keyword == Intrinsics.Keyword.NOSUSPEND) {
        // await(f): the T of f's Frame<T>
        DeclaredType frame = receiverType(((MethodInvocationTree) receiver).getArguments().get(0));
        TypeElement frameClass = env.getElementUtils().getTypeElement("dev.stackless.Frame");
        DeclaredType asFrame = frame == null || frameClass == null ? null : asSuperOf(frame, frameClass);
        type = asFrame == null || asFrame.getTypeArguments().size() != 1
            ? null : asFrame.getTypeArguments().get(0);
      } else if (keyword == null) {
        type = resultOf((MethodInvocationTree) receiver);
      }
    } else if (receiver instanceof NewClassTree || receiver instanceof TypeCastTree) {
      // new Shop().grid, ((Shop) o).grid: a class without type parameters is its own type
      Tree written = receiver instanceof NewClassTree
          ? ((NewClassTree) receiver).getIdentifier() : ((TypeCastTree) receiver).getType();
      TypeElement named = written instanceof IdentifierTree || written instanceof MemberSelectTree
          ? classOfTypeName(written.toString()) : null;
      type = named != null && named.getTypeParameters().isEmpty()
          && (!(receiver instanceof NewClassTree) || ((NewClassTree) receiver).getClassBody() == null)
          ? named.asType() : null;
    }
    return type == null || TypeSource.mentionsError(type) ? null : type;
  }

  /**
   * The type of a field a simple name denotes, as a member of the class it is reached through
   * ({@code items} inherited from {@code Base<Svc>}: {@code List<Svc>}); null if not a field.
   */
  private TypeMirror fieldType(NameResolver.Member field) {
    if (field == null || field.element.getKind() != ElementKind.FIELD) {
      return null;
    }
    Element site = field.viaOwner ? names.owner() : field.site;
    if (site instanceof TypeElement && site.asType() instanceof DeclaredType) {
      try {
        return env.getTypeUtils().asMemberOf((DeclaredType) site.asType(), field.element);
      } catch (IllegalArgumentException notAMember) {
        return field.element.asType();
      }
    }
    return field.element.asType();
  }

  private static boolean isNullLiteral(ExpressionTree tree) {
    while (tree instanceof ParenthesizedTree) {
      tree = ((ParenthesizedTree) tree).getExpression();
    }
    return tree.getKind() == Tree.Kind.NULL_LITERAL;
  }

  /** The type of field {@code name} as a member of {@code site}; null if none or unknown. */
  private TypeMirror fieldOf(DeclaredType site, String name) {
    if (site == null) {
      return null;
    }
    for (VariableElement field
        : ElementFilter.fieldsIn(env.getElementUtils().getAllMembers((TypeElement) site.asElement()))) {
      if (field.getSimpleName().contentEquals(name)) {
        try {
          return env.getTypeUtils().asMemberOf(site, field);
        } catch (IllegalArgumentException notAMember) {
          return null;
        }
      }
    }
    return null;
  }

  /**
   * The result type of a call the declarations decide: the one method of its name and arity, on
   * a receiver of known type ({@code list.get(0)}) or of the owner ({@code items().get(0)}); a
   * generic method's type variables inferred from its arguments where they name them ({@code
   * first(list)}).
   */
  private TypeMirror resultOf(MethodInvocationTree call) {
    ExpressionTree select = call.getMethodSelect();
    DeclaredType site;
    List<ExecutableElement> candidates;
    if (select instanceof MemberSelectTree) {
      ExpressionTree qualifier = ((MemberSelectTree) select).getExpression();
      String name = ((MemberSelectTree) select).getIdentifier().toString();
      site = receiverType(qualifier);
      String first = qualifier.toString().split("\\.")[0];
      TypeElement type = site != null ? (TypeElement) site.asElement()
          : (qualifier instanceof IdentifierTree || qualifier instanceof MemberSelectTree)
              && bodyLocal(first) == null && names.field(first) == null
              ? names.typeOfQualifier(qualifier.toString()) : null; // Util.first(list): static
      if (type == null) {
        return null;
      }
      candidates = names.methodsOf(type, name);
    } else if (select instanceof IdentifierTree) {
      // items(): a method of the owner or of an outer class, as a member of that class's type
      String name = ((IdentifierTree) select).getName().toString();
      candidates = names.methods(name);
      site = null;
      for (Element type = names.owner(); type instanceof TypeElement;
          type = type.getEnclosingElement()) {
        if (!names.methodsOf((TypeElement) type, name).isEmpty()) {
          site = (DeclaredType) type.asType();
          break;
        }
      }
    } else {
      return null;
    }
    ExecutableElement found = null;
    for (ExecutableElement method : candidates) {
      if (method.getParameters().size() == call.getArguments().size() && !method.isVarArgs()) {
        if (found != null) {
          return null;
        }
        found = method;
      }
    }
    if (found == null) {
      return null;
    }
    TypeMirror result;
    List<? extends TypeMirror> parameters;
    if (site != null) {
      try {
        javax.lang.model.type.ExecutableType member = (javax.lang.model.type.ExecutableType)
            env.getTypeUtils().asMemberOf(site, found);
        if (member.getReturnType() instanceof javax.lang.model.type.WildcardType) {
          // l.get(0) of a List<? extends W>: a capture of the wildcard, whose bound is W and that
          // of the type variable it stands for
          member = (javax.lang.model.type.ExecutableType) env.getTypeUtils().asMemberOf(
              (DeclaredType) env.getTypeUtils().capture(site), found);
        }
        result = member.getReturnType();
        parameters = member.getParameterTypes();
      } catch (IllegalArgumentException notAMember) {
        return null;
      }
    } else {
      result = found.getReturnType(); // Util.first(list): a static method's own types
      parameters = ((javax.lang.model.type.ExecutableType) found.asType()).getParameterTypes();
    }
    if (found.getTypeParameters().isEmpty()) {
      return result;
    }
    // a generic method: its result is one of its type variables, or a class of them, found in
    // the arguments (first(list), Optional.of(x))
    if (result instanceof javax.lang.model.type.TypeVariable) {
      return inferred(((javax.lang.model.type.TypeVariable) result).asElement(), parameters, call);
    }
    if (!(result instanceof DeclaredType)) {
      return null;
    }
    List<TypeMirror> arguments = new ArrayList<>();
    for (TypeMirror argument : ((DeclaredType) result).getTypeArguments()) {
      TypeMirror known = argument instanceof javax.lang.model.type.TypeVariable
          ? inferred(((javax.lang.model.type.TypeVariable) argument).asElement(), parameters, call)
          : TypeSource.mentionsTypeVariable(argument) ? null : argument;
      if (known == null) {
        return null;
      }
      arguments.add(known);
    }
    return env.getTypeUtils().getDeclaredType(
        (TypeElement) ((DeclaredType) result).asElement(), arguments.toArray(new TypeMirror[0]));
  }

  /** What a call's arguments say a generic method's type variable is; null if they do not. */
  private TypeMirror inferred(Element variable, List<? extends TypeMirror> parameters,
      MethodInvocationTree call) {
    TypeMirror inferred = null;
    for (int i = 0; i < parameters.size(); i++) {
      TypeMirror argument = receiverMirror(call.getArguments().get(i));
      TypeMirror bound = argument == null ? null : bindingOf(variable, parameters.get(i), argument);
      if (bound != null) {
        if (inferred != null && !env.getTypeUtils().isSameType(inferred, bound)) {
          return null; // the arguments disagree: inference would take their lub
        }
        inferred = bound;
      }
    }
    return inferred;
  }

  /**
   * What type variable {@code variable} stands for when an argument of type {@code argument} is
   * passed for a parameter of type {@code parameter} ({@code List<T>} and {@code List<Svc>}:
   * {@code Svc}); null if the parameter does not name it where the argument tells it.
   */
  private TypeMirror bindingOf(Element variable, TypeMirror parameter, TypeMirror argument) {
    if (parameter instanceof javax.lang.model.type.TypeVariable) {
      return ((javax.lang.model.type.TypeVariable) parameter).asElement().equals(variable)
          && argument instanceof DeclaredType ? argument : null;
    }
    if (parameter instanceof javax.lang.model.type.ArrayType) {
      return argument instanceof javax.lang.model.type.ArrayType
          ? bindingOf(variable, ((javax.lang.model.type.ArrayType) parameter).getComponentType(),
              ((javax.lang.model.type.ArrayType) argument).getComponentType())
          : null;
    }
    if (parameter instanceof javax.lang.model.type.WildcardType) {
      TypeMirror extendsBound = ((javax.lang.model.type.WildcardType) parameter).getExtendsBound();
      return extendsBound == null ? null : bindingOf(variable, extendsBound, argument); // ? extends T
    }
    if (!(parameter instanceof DeclaredType) || !(argument instanceof DeclaredType)) {
      return null;
    }
    DeclaredType declared = (DeclaredType) parameter;
    DeclaredType actual = asSuperOf((DeclaredType) argument, (TypeElement) declared.asElement());
    if (actual == null || actual.getTypeArguments().size() != declared.getTypeArguments().size()) {
      return null;
    }
    for (int i = 0; i < declared.getTypeArguments().size(); i++) {
      TypeMirror expected = declared.getTypeArguments().get(i);
      TypeMirror given = actual.getTypeArguments().get(i);
      TypeMirror bound = bindingOf(variable, expected, given);
      if (bound != null) {
        return bound;
      }
    }
    return null;
  }

  /** {@code type} seen as its supertype of class {@code target} ({@code ArrayList<X>} as List). */
  DeclaredType asSuperOf(DeclaredType type, TypeElement target) {
    if (type.asElement().equals(target)) {
      return type;
    }
    for (TypeMirror supertype : env.getTypeUtils().directSupertypes(type)) {
      DeclaredType found = supertype instanceof DeclaredType
          ? asSuperOf((DeclaredType) supertype, target) : null;
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  /**
   * For a local named in the receiver of {@code invocation}: its class, as {@link
   * #localTypeElement}, from its declaration when the reader has not reached that yet (the
   * suspension finder asks about whole statements first: {@code for (Client c : cs)
   * c.fetch(u);}).
   */
  private TypeElement receiverClass(MethodInvocationTree invocation, String name) {
    boolean element = name.endsWith("[]");
    String simple = element ? name.substring(0, name.length() - 2) : name;
    IdentifierTree[] use = new IdentifierTree[1];
    new com.sun.source.util.TreeScanner<Void, Void>() {
      @Override
      public Void visitIdentifier(IdentifierTree node, Void unused) {
        if (use[0] == null && node.getName().contentEquals(simple)) {
          use[0] = node;
        }
        return null;
      }
    }.scan(invocation.getMethodSelect(), null);
    TreePath declaration = use[0] == null ? null : declarations.declarationOf(use[0]);
    if (declaration == null || declaration.getParentPath().getLeaf() == methodPath.getLeaf()) {
      return localTypeElement(name); // not a local (a field, a type), or a parameter
    }
    VariableTree variable = (VariableTree) declaration.getLeaf();
    if (makesAnonymousClass(variable)) {
      return anonymousSupertype(variable);
    }
    if (isVar(variable)) {
      // case Add(var l, var r) -> l.eval(): the record's component, as patternLocal types it;
      // else javac attributes a copy of the body for each scope asked: once per declaration
      TypeMirror component = CaseLabels.componentType(
          declaration, names, this::receiverMirror, this::frameTypeVariable);
      TypeMirror mirror = component != null ? component : varMirrors.computeIfAbsent(variable,
          v -> java.util.Optional.ofNullable(scopeMirror(declaration, simple))).orElse(null);
      if (element) {
        mirror = mirror instanceof javax.lang.model.type.ArrayType
            ? ((javax.lang.model.type.ArrayType) mirror).getComponentType() : null;
      }
      if (mirror instanceof javax.lang.model.type.TypeVariable) {
        mirror = ((javax.lang.model.type.TypeVariable) mirror).getUpperBound();
      }
      return mirror instanceof DeclaredType && !TypeSource.mentionsError(mirror)
          ? (TypeElement) ((DeclaredType) mirror).asElement()
          : localTypeElement(name); // javac could not type it: the local's own way, once read
    }
    Tree type = variable.getType();
    if (element) {
      if (!(type instanceof com.sun.source.tree.ArrayTypeTree)) {
        return null;
      }
      type = ((com.sun.source.tree.ArrayTypeTree) type).getType();
    }
    if (type instanceof com.sun.source.tree.ParameterizedTypeTree) {
      type = ((com.sun.source.tree.ParameterizedTypeTree) type).getType();
    }
    return type instanceof IdentifierTree || type instanceof MemberSelectTree
        ? classOfTypeName(type.toString())
        : null; // a primitive, an array
  }

  /** The class a type name in the body means: a class, or a type variable's bound's class. */
  private TypeElement classOfTypeName(String name) {
    if (typeVariables().contains(name)) {
      for (Element e = method; e != null; e = e.getEnclosingElement()) {
        List<? extends TypeParameterElement> parameters = e instanceof ExecutableElement
            ? ((ExecutableElement) e).getTypeParameters()
            : e instanceof TypeElement ? ((TypeElement) e).getTypeParameters() : List.of();
        for (TypeParameterElement parameter : parameters) {
          if (parameter.getSimpleName().contentEquals(name)) {
            TypeMirror bound = parameter.getBounds().isEmpty() ? null : parameter.getBounds().get(0);
            return bound instanceof DeclaredType ? (TypeElement) ((DeclaredType) bound).asElement()
                : null; // <T extends Member> t: Member's methods
          }
        }
      }
    }
    return names.typeOfQualifier(name);
  }

  /**
   * The class of a body local's declared type; for {@code name[]}, the class of the elements of
   * the array local {@code name}. For a {@code var}, javac's type when it has one: the type the
   * frame's field needs (resolvedType) is asked only if javac has none, as asking may report it.
   */
  private TypeElement localTypeElement(String name) {
    boolean element = name.endsWith("[]");
    Local local = bodyLocal(element ? name.substring(0, name.length() - 2) : name);
    if (local == null) {
      return null;
    }
    TypeMirror mirror = local.isParameter() || local.isVar() ? local.mirror() : null;
    if (mirror != null && local.isVar() && !TypeSource.mentionsError(mirror)
        && !(mirror instanceof DeclaredType) && !(mirror instanceof javax.lang.model.type.ArrayType)
        && !(mirror instanceof javax.lang.model.type.TypeVariable)) {
      return null; // an intersection, a primitive: no class to call on
    }
    if (mirror != null && TypeSource.mentionsError(mirror)) {
      mirror = null; // a class not generated yet: resolvedType types it or defers the owner
    }
    if (element && mirror != null) {
      mirror = mirror instanceof javax.lang.model.type.ArrayType
          ? ((javax.lang.model.type.ArrayType) mirror).getComponentType()
          : null;
    }
    if (mirror instanceof javax.lang.model.type.TypeVariable) {
      mirror = ((javax.lang.model.type.TypeVariable) mirror).getUpperBound(); // <S extends Svc> s
    }
    if (mirror instanceof DeclaredType) {
      return (TypeElement) ((DeclaredType) mirror).asElement();
    }
    String type = local.isVar() ? local.resolvedType() : local.type();
    if (type == null) {
      return null;
    }
    if (element) {
      if (!type.endsWith("[]")) {
        return null;
      }
      type = type.substring(0, type.length() - 2);
    }
    if (type.endsWith("]")) {
      return null; // an array: no class
    }
    int generic = type.indexOf('<');
    return classOfTypeName(generic < 0 ? type : type.substring(0, generic));
  }

  // --- locals -----------------------------------------------------------------------------------

  private void declare(Local local) {
    scopes.peek().put(local.sourceName(), local);
    lastDeclared = local;
  }

  /** The local {@link #declare} declared last. */
  private Local lastDeclared;

  static final Map<String, TypeKind> PRIMITIVES = Map.of(
      "int", TypeKind.INT, "long", TypeKind.LONG, "short", TypeKind.SHORT, "byte", TypeKind.BYTE,
      "char", TypeKind.CHAR, "float", TypeKind.FLOAT, "double", TypeKind.DOUBLE,
      "boolean", TypeKind.BOOLEAN);

  /** The local's name; for an unnamed one ({@code _}, Java 22), a name of the processor's. */
  private String localName(VariableTree tree) {
    return CaseLabels.isUnnamed(tree) ? newName("$unnamed") : tree.getName().toString();
  }

  /** Whether the tree is {@code var v = new T(..) { .. }}: a var of an anonymous class. */
  private static boolean makesAnonymousClass(Tree tree) {
    return anonymousCreation(tree) != null;
  }

  /** For {@code var v = new T(..) { .. }}, the class instance creation; else null. */
  private static NewClassTree anonymousCreation(Tree tree) {
    if (!(tree instanceof VariableTree) || !isVar((VariableTree) tree)) {
      return null;
    }
    ExpressionTree init = ((VariableTree) tree).getInitializer();
    while (init instanceof ParenthesizedTree) {
      init = ((ParenthesizedTree) init).getExpression();
    }
    return init instanceof NewClassTree && ((NewClassTree) init).getClassBody() != null
        ? (NewClassTree) init : null;
  }

  /**
   * For {@code var v = new T(..) { .. }}, T's class: whose methods are the @Async ones a call on
   * {@code v} may call (the anonymous class's own are plain methods). Asked instead of javac's
   * scope, which would attribute the anonymous class (see {@link #scopeMirror}).
   */
  private TypeElement anonymousSupertype(Tree declaration) {
    Tree created = anonymousCreation(declaration).getIdentifier();
    if (created instanceof com.sun.source.tree.ParameterizedTypeTree) {
      created = ((com.sun.source.tree.ParameterizedTypeTree) created).getType();
    }
    return classOfTypeName(created.toString());
  }

  static boolean isVar(VariableTree tree) {
    return tree.getType() == null || tree.getType().toString().equals("var");
  }

  /**
   * The type a declaration writes when it needs no attribution: a primitive, or a class without
   * type parameters that no type variable or local class of the method could be; else null.
   * javac's scope would say the same, at the cost of attributing the body up to the declaration,
   * which for every local of a long method is quadratic.
   */
  private TypeMirror plainWrittenType(Tree written) {
    if (written instanceof com.sun.source.tree.PrimitiveTypeTree) {
      TypeKind kind = ((com.sun.source.tree.PrimitiveTypeTree) written).getPrimitiveTypeKind();
      return kind.isPrimitive() ? env.getTypeUtils().getPrimitiveType(kind) : null;
    }
    if (written instanceof com.sun.source.tree.ParameterizedTypeTree) {
      // Map<String, List<Integer>>: a generic class of plain classes (no wildcard, no variable)
      com.sun.source.tree.ParameterizedTypeTree generic =
          (com.sun.source.tree.ParameterizedTypeTree) written;
      Tree raw = generic.getType();
      String first = raw.toString().split("\\.")[0];
      TypeElement type = raw instanceof IdentifierTree || raw instanceof MemberSelectTree
          ? classOfTypeName(raw.toString()) : null;
      if (type == null || typeVariables().contains(first) || localClassNames().contains(first)
          || type.getTypeParameters().size() != generic.getTypeArguments().size()
          || type.getNestingKind() == javax.lang.model.element.NestingKind.LOCAL) {
        return null;
      }
      List<TypeMirror> arguments = new ArrayList<>();
      for (Tree argument : generic.getTypeArguments()) {
        TypeMirror plain = plainWrittenType(argument);
        if (plain == null || plain.getKind().isPrimitive()) {
          return null;
        }
        arguments.add(plain);
      }
      try {
        return env.getTypeUtils().getDeclaredType(type, arguments.toArray(new TypeMirror[0]));
      } catch (IllegalArgumentException innerOfAGenericClass) {
        return null; // its enclosing type's arguments are not written here
      }
    }
    if (!(written instanceof IdentifierTree || written instanceof MemberSelectTree)) {
      return null;
    }
    String first = written.toString().split("\\.")[0];
    if (typeVariables().contains(first) || localClassNames().contains(first)) {
      return null;
    }
    TypeElement type = classOfTypeName(written.toString());
    return type != null && type.getTypeParameters().isEmpty()
        && type.getNestingKind() != javax.lang.model.element.NestingKind.LOCAL ? type.asType() : null;
  }

  /**
   * Whether the expression is the name of a class the method declares ({@code Dir}, {@code
   * Outer.Inner} of one), no variable of that name being in scope.
   */
  private boolean namesLocalType(ExpressionTree expression) {
    if (!(expression instanceof IdentifierTree || expression instanceof MemberSelectTree)) {
      return false;
    }
    String first = expression.toString().split("\\.")[0];
    return localClassNames().contains(first) && bodyLocal(first) == null
        && names.field(first) == null;
  }

  /** The simple names of the classes the method declares, anywhere in it. */
  private Set<String> localClassNames() {
    if (localClassNames == null) {
      Set<String> found = new java.util.HashSet<>();
      new com.sun.source.util.TreeScanner<Void, Void>() {
        @Override
        public Void visitClass(com.sun.source.tree.ClassTree node, Void unused) {
          found.add(node.getSimpleName().toString());
          return super.visitClass(node, unused);
        }
      }.scan(methodPath.getLeaf(), null);
      localClassNames = found;
    }
    return localClassNames;
  }

  /** javac's type for a local, through the scope at its declaration (see processor/README.md). */
  private TypeMirror scopeMirror(TreePath declaration, String name) {
    if (makesAnonymousClass(declaration.getLeaf())) {
      // javac's scope would attribute the anonymous class, whose name (Owner$2) javac's own
      // attribution then misses: the var's type is what varType says (see hoistAnonymousClass)
      return null;
    }
    Tree written = declaration.getLeaf() instanceof VariableTree
        && ((VariableTree) declaration.getLeaf()).getName().contentEquals(name)
        && !isVar((VariableTree) declaration.getLeaf())
        ? ((VariableTree) declaration.getLeaf()).getType() : writtenTypeAt(declaration, name);
    if (written != null && followsALocalClass(declaration)) {
      // javac's scope past a local class attributes it for real, which later breaks javac's own
      // attribution of the file (a local record's compact constructor elsewhere is then
      // "invalid"): the declaration's written type, if a plain class, is all there is
      TypeElement type = written instanceof IdentifierTree || written instanceof MemberSelectTree
          ? classOfTypeName(written.toString()) : null;
      return type != null && type.getTypeParameters().isEmpty() ? type.asType()
          : plainWrittenType(written); // Supplier<String>
    }
    TypeMirror plain = written == null ? null : plainWrittenType(written);
    if (plain != null) {
      return plain; // int n, String s, Node n: no scope needed (each scope attributes the body)
    }
    TreePath scopeAt = declaration;
    Tree parent = declaration.getParentPath() == null ? null : declaration.getParentPath().getLeaf();
    if (parent instanceof EnhancedForLoopTree
        && ((EnhancedForLoopTree) parent).getVariable() == declaration.getLeaf()) {
      // a for-each variable is in scope in the loop's body, not at its own declaration
      scopeAt = new TreePath(declaration.getParentPath(), ((EnhancedForLoopTree) parent).getStatement());
    }
    Iterable<? extends Element> locals;
    try {
      locals = trees.getScope(scopeAt).getLocalElements();
    } catch (RuntimeException javacFailed) {
      // javac's speculative attribution of the body copy can fail where its real attribution
      // does not: for `c ? 5L : m(d)` in an instance method, Attr.isBooleanOrNumeric asks for
      // the member type of m in the class tree's type, which only javac's Attr sets, after
      // processing (an NPE, JDK 17 and 25). The type is then unknown; see untypedVar.
      scopeFailures.add(declaration.getLeaf());
      return null;
    }
    for (Element element : locals) {
      if (element.getSimpleName().contentEquals(name)) {
        return element.asType();
      }
    }
    return null;
  }

  /** The type variable of that name the frame declares (the method's or its class's), or null. */
  private TypeMirror frameTypeVariable(String name) {
    for (TypeParameterElement declared : frameTypeVariables) {
      if (declared.getSimpleName().contentEquals(name)) {
        return declared.asType();
      }
    }
    return null;
  }

  /** The method's only declaration of a local or parameter of that name, or null. */
  VariableTree soleDeclaration(String name) {
    if (declaredNames.getOrDefault(name, 0) != 1) {
      return null;
    }
    if (declarationsByName == null) {
      Map<String, VariableTree> all = new HashMap<>();
      new com.sun.source.util.TreeScanner<Void, Void>() {
        @Override
        public Void visitVariable(VariableTree node, Void unused) {
          all.put(node.getName().toString(), node);
          return super.visitVariable(node, unused);
        }
      }.scan(methodPath.getLeaf(), null);
      declarationsByName = all;
    }
    return declarationsByName.get(name);
  }

  /** The type of the declaration a name refers to, when it writes one; else null. */
  private TypeMirror declaredMirror(IdentifierTree use) {
    TreePath declaration = declarations.declarationOf(use);
    if (declaration == null || !(declaration.getLeaf() instanceof VariableTree)) {
      return null;
    }
    VariableTree found = (VariableTree) declaration.getLeaf();
    return found.getType() == null || isVar(found) ? null
        : scopeMirror(declaration, found.getName().toString());
  }

  /** Whether a local class (not a record, enum or interface) of the body starts before the tree. */
  private boolean followsALocalClass(TreePath at) {
    long position = positions.getStartPosition(unit, at.getLeaf());
    boolean[] found = {false};
    new com.sun.source.util.TreeScanner<Void, Void>() {
      @Override
      public Void visitClass(com.sun.source.tree.ClassTree node, Void unused) {
        if (node.getKind() == Tree.Kind.CLASS && node.getSimpleName().length() > 0
            && positions.getStartPosition(unit, node) < position) {
          found[0] = true;
        }
        return null;
      }
    }.scan(methodPath.getLeaf(), null);
    return found[0];
  }

  /**
   * The body locals visible here, for an oracle that runs later (when the reader's scopes have
   * moved on): a local declared later in the same scopes cannot be named by what is read here.
   */
  private Function<String, Local> visibleLocals() {
    List<Map<String, Local>> visible = new ArrayList<>(scopes);
    return name -> {
      for (Map<String, Local> scope : visible) {
        Local local = scope.get(name);
        if (local != null) {
          return local;
        }
      }
      return null;
    };
  }

  /** Why {@link #varType} cannot tell a var's type, in words for {@link TypeNotKnownYet}. */
  private String unknownTypeReason(TreePath declaration) {
    ExpressionTree init = ((VariableTree) declaration.getLeaf()).getInitializer();
    while (init instanceof ParenthesizedTree) {
      init = ((ParenthesizedTree) init).getExpression();
    }
    if (init instanceof MethodInvocationTree
        && ((MethodInvocationTree) init).getMethodSelect() instanceof MemberSelectTree) {
      MemberSelectTree select =
          (MemberSelectTree) ((MethodInvocationTree) init).getMethodSelect();
      TypeElement owner = ownerOfGenerated(select.getExpression().toString());
      long overloads = owner == null ? 0 : asyncMethods(owner).stream()
          .filter(m -> m.getSimpleName().contentEquals(select.getIdentifier())).count();
      if (overloads > 1) {
        return "it is the frame of one of the overloaded @Async methods " + owner.getSimpleName()
            + "." + select.getIdentifier() + ", and which one the arguments select is javac's"
            + " to tell (write Frame<R>, R that method's result)";
      }
    }
    return "it mentions a class that never became available";
  }

  /**
   * A {@code var}'s type as source: javac's; else, when javac's mentions a class not generated yet,
   * what the initializer says ({@link #typeFromInitializer}, {@link ObviousTypes}); else the owner
   * waits for a later round ({@link TypeNotKnownYet}).
   */
  private String varType(TreePath declaration, Local local, Function<String, Local> visible) {
    if (makesAnonymousClass(declaration.getLeaf())) {
      // the frame's own class (see hoistAnonymousClass); else none: it stays a Java local's var,
      // or its field check reports it
      return anonymousClasses.get(declaration.getLeaf());
    }
    TypeMirror type = local.mirror();
    if (type != null && !TypeSource.mentionsError(type)) {
      String printed = TypeSource.print(type);
      if (printed != null) {
        return printed;
      }
      String intersection = TypeSource.printIntersection(type);
      if (intersection != null) {
        // the field has the first bound's type; each read casts to all of them
        local.setReadAs("((" + intersection + ") ", ")");
        return TypeSource.print(((javax.lang.model.type.IntersectionType) type).getBounds().get(0));
      }
      String bounds = type.getKind() == TypeKind.INTERSECTION
          ? lubOfBranches(((VariableTree) declaration.getLeaf()).getInitializer(),
              new KnownFacts(this, visible))
          : null;
      if (bounds != null) {
        // c ? 1 : "s", whose lub has a bound no source can write (Comparable<? extends ..>): an
        // Object field, each read typed as javac types the conditional, by the lub of its branches
        local.setReadAs(LUB + "(", ", " + bounds + ")");
        return "java.lang.Object";
      }
      String witness = initializerWitness(declaration, visible);
      if (witness != null) {
        // List<lub(Integer, Double)>: an Object field, each read typed as the initializer is
        local.setReadAs(TYPED_AS + "(", ", () -> " + witness + ")");
        return "java.lang.Object";
      }
      // javac's type, which the generated class cannot name: new Local() names a local class,
      // usable for what the reader asks (the field check reports such a local as a field)
      String named = typeFromInitializer(declaration);
      if (named == null) {
        named = TypeSource.printNamingLocalTypes(type); // var e = Col.X: a local enum's value
      }
      return named != null ? named : unwritableVar(declaration, local);
    }
    String fromInit = typeFromInitializer(declaration);
    if (fromInit != null) {
      return fromInit;
    }
    if (type == null && scopeFailures.contains(declaration.getLeaf())) {
      return untypedVar(declaration, local, visible);
    }
    if (type != null && TypeSource.mentionsError(type)) {
      String obvious = obviousType(declaration, new KnownFacts(this, visible));
      if (obvious != null) {
        return obvious;
      }
      throw new TypeNotKnownYet(declaration.getLeaf(), unit, unknownTypeReason(declaration));
    }
    return unwritableVar(declaration, local);
  }

  /**
   * A {@code var} whose declaration javac's scope could not attribute ({@link #scopeMirror}):
   * typed from what the declaration obviously says (an initializer {@link ObviousTypes} types, an
   * array iterated by a for-each), else reported.
   */
  private String untypedVar(TreePath declaration, Local local, Function<String, Local> visible) {
    VariableTree tree = (VariableTree) declaration.getLeaf();
    String obvious = obviousType(declaration, new KnownFacts(this, visible));
    if (obvious != null) {
      return obvious;
    }
    if (unwritableVars.add(local)) {
      reporter.error(tree, unit, Diagnostic.UNSUPPORTED,
          "this var, which javac could not type while the processor ran (its early attribution of"
              + " the method failed),",
          "declare the variable with an explicit type");
      failed = true;
    }
    return "java.lang.Object";
  }

  /**
   * What a {@code var}'s declaration obviously says its type is: its initializer's type as {@link
   * ObviousTypes} gives it, or for a for-each variable the element type of the array or {@code
   * Iterable} it iterates; else null.
   */
  private String obviousType(TreePath declaration, KnownFacts facts) {
    VariableTree tree = (VariableTree) declaration.getLeaf();
    Tree parent = declaration.getParentPath().getLeaf();
    if (tree.getInitializer() != null) {
      return ObviousTypes.of(tree.getInitializer(), facts);
    }
    if (parent instanceof EnhancedForLoopTree
        && ((EnhancedForLoopTree) parent).getVariable() == tree) {
      String iterated = ObviousTypes.of(((EnhancedForLoopTree) parent).getExpression(), facts);
      return iterated == null ? null : facts.elementType(iterated);
    }
    return null;
  }

  private static final String LUB = "dev.stackless.internal.Results.lub";

  /**
   * For a conditional {@code c ? 1 : "s"}: the arguments after the value of a {@code Results.lub}
   * call whose result javac types as the conditional, the lub of its branches' types ({@code
   * (java.lang.Integer) null, (java.lang.String) null}; a nested conditional as a lub call of its
   * own); null if the initializer is no conditional or a branch's type is not known.
   */
  private static String lubOfBranches(ExpressionTree initializer, KnownFacts facts) {
    while (initializer instanceof ParenthesizedTree) {
      initializer = ((ParenthesizedTree) initializer).getExpression();
    }
    if (!(initializer instanceof ConditionalExpressionTree)) {
      return null;
    }
    ConditionalExpressionTree conditional = (ConditionalExpressionTree) initializer;
    List<String> branches = new ArrayList<>();
    boolean reference = false; // else a numeric or boolean conditional, which no lub types
    for (ExpressionTree branch :
        List.of(conditional.getTrueExpression(), conditional.getFalseExpression())) {
      while (branch instanceof ParenthesizedTree) {
        branch = ((ParenthesizedTree) branch).getExpression();
      }
      if (branch.getKind() == Tree.Kind.NULL_LITERAL) {
        branches.add("null");
        reference = true;
        continue;
      }
      String type = ObviousTypes.of(branch, facts);
      String nested = type == null ? lubOfBranches(branch, facts) : null;
      if (nested != null) {
        branches.add(LUB + "(null, " + nested + ")");
        reference = true;
        continue;
      }
      if (type == null || type.equals("void")) {
        return null;
      }
      reference |= !TypeSource.isPrimitive(TypeSource.unboxed(type));
      // a primitive branch is boxed, as in a reference conditional
      branches.add("(" + TypeSource.boxed(type) + ") null");
    }
    return reference ? String.join(", ", branches) : null;
  }

  private static final String TYPED_AS = "dev.stackless.internal.Results.typedAs";

  /**
   * For a {@code var} whose type mentions an intersection no source can write ({@code var nums =
   * List.of(1, 2.5)}): its initializer again, as an expression of that type that never runs, each
   * local in it a typed null ({@code List.of(1, (java.lang.Double) null)}) or a primitive's zero;
   * null when it suspends, holds a lambda or a class body, or a local's type is not known.
   */
  private String initializerWitness(TreePath declaration, Function<String, Local> visible) {
    Tree parent = declaration.getParentPath().getLeaf();
    if (parent instanceof EnhancedForLoopTree
        && ((EnhancedForLoopTree) parent).getVariable() == declaration.getLeaf()) {
      // for (var n : nums): an element of the iterable's witness (Results.element)
      String iterable = witness(new TreePath(declaration.getParentPath(),
          ((EnhancedForLoopTree) parent).getExpression()), visible);
      return iterable == null ? null : "dev.stackless.internal.Results.element(" + iterable + ")";
    }
    ExpressionTree init = ((VariableTree) declaration.getLeaf()).getInitializer();
    return init == null ? null : witness(new TreePath(declaration, init), visible);
  }

  /** The expression at {@code path} again, as {@link #initializerWitness} describes. */
  private String witness(TreePath path, Function<String, Local> visible) {
    ExpressionTree init = (ExpressionTree) path.getLeaf();
    MethodInvocationTree asyncInit = init instanceof MethodInvocationTree
        && asyncCall((MethodInvocationTree) init) != null
        && ((MethodInvocationTree) init).getArguments().stream().noneMatch(finder::contains)
        && !(((MethodInvocationTree) init).getMethodSelect() instanceof MemberSelectTree
            && finder.contains(((MemberSelectTree) ((MethodInvocationTree) init).getMethodSelect())
                .getExpression()))
        ? (MethodInvocationTree) init : null;
    if (finder.contains(init) && asyncInit == null) {
      return null;
    }
    Map<Tree, Code> typedNulls = new java.util.IdentityHashMap<>();
    boolean[] plain = {true};
    new com.sun.source.util.TreeScanner<Void, Void>() {
      @Override
      public Void visitIdentifier(IdentifierTree node, Void unused) {
        Local local = visible.apply(node.getName().toString());
        if (local == null) {
          return null; // a field, a type: read as the body reads it
        }
        String type = local.resolvedType(); // (which makes a var read-converted, if it is)
        if (local.isReadConverted()) {
          typedNulls.put(node, Code.text(local.read("null"))); // its own witness, on null
          return null;
        }
        TypeMirror mirror = type == null ? null : local.mirror();
        if (type == null || (mirror != null
            && dev.stackless.processor.model.HiddenTypes.mentionsHidden(mirror))) {
          plain[0] = false;
          return null;
        }
        typedNulls.put(node, Code.text(TypeSource.isPrimitive(type)
            ? "((" + type + ") " + (type.equals("boolean") ? "false" : "0") + ")"
            : "((" + type + ") null)"));
        return null;
      }

      @Override
      public Void visitLambdaExpression(LambdaExpressionTree node, Void unused) {
        plain[0] = false;
        return null;
      }

      @Override
      public Void visitMemberReference(MemberReferenceTree node, Void unused) {
        plain[0] = false;
        return null;
      }

      @Override
      public Void visitNewClass(NewClassTree node, Void unused) {
        if (node.getClassBody() != null) {
          plain[0] = false;
        }
        return super.visitNewClass(node, unused);
      }
    }.scan(init, null);
    if (!plain[0]) {
      return null;
    }
    Code witness;
    if (asyncInit != null) {
      // var xs = collect(1, 2.5): the result of the frame its factory would make
      Intrinsics.AsyncCall call = asyncCall(asyncInit);
      Code receiver = null;
      if (!call.method.getModifiers().contains(Modifier.STATIC)) {
        if (call.receiver == null || Intrinsics.isThis(call.receiver)
            || isSuperReceiver(call.receiver)) {
          receiver = unevaluatedReceiver(path, asyncInit);
        } else {
          TreePath select = new TreePath(path, asyncInit.getMethodSelect());
          receiver = withTypedNulls(new TreePath(select, call.receiver), typedNulls);
        }
      }
      List<Code> arguments = new ArrayList<>();
      for (ExpressionTree argument : asyncInit.getArguments()) {
        arguments.add(withTypedNulls(new TreePath(path, argument), typedNulls));
      }
      witness = Code.concat("dev.stackless.internal.Results.resultOf(",
          factoryCall(path, asyncInit, call, receiver, arguments), ")");
    } else {
      witness = withTypedNulls(path, typedNulls);
    }
    return witness.parts().stream().allMatch(part -> part instanceof Part.Text)
        ? witness.toString() : null;
  }

  /** The expression at {@code path} read with its locals as {@link #witness} types them. */
  private Code withTypedNulls(TreePath path, Map<Tree, Code> typedNulls) {
    Code alone = typedNulls.get(path.getLeaf()); // the local alone
    return alone != null ? alone : CodeReader.readWith(this, path, typedNulls);
  }

  /** Reports (once) a {@code var} whose type the generated class cannot name. */
  private String unwritableVar(TreePath declaration, Local local) {
    if (!unwritableVars.add(local)) {
      return "java.lang.Object";
    }
    if (makesAnonymousClass(declaration.getLeaf())) {
      reporter.error(declaration.getLeaf(), unit, Diagnostic.UNSUPPORTED,
          "this var of an anonymous class, living across a suspension point, which the frame"
              + " declares as a class of its own only when it is made without arguments or a"
              + " diamond, extends a class or interface the frame can name, and declares no"
              + " variable named like a local it uses,",
          "make it a local class and declare the variable with that class");
      failed = true;
      return "java.lang.Object";
    }
    reporter.error(declaration.getLeaf(), unit, Diagnostic.UNSUPPORTED,
        "this var, whose type cannot be written as a field type (an intersection or a type"
            + " with one whose bounds cannot all be written),",
        "declare the variable with an explicit type");
    failed = true;
    return "java.lang.Object";
  }

  /**
   * For {@code var f = new OwnerAsync.F()} or {@code var f = OwnerAsync.f(...)}, when the class is
   * not generated yet (javac types the local as an error): the frame class's name. A generic frame
   * class is named raw; the awaited value is cast to its target's type anyway.
   */
  private String typeFromInitializer(TreePath declaration) {
    Tree init = ((VariableTree) declaration.getLeaf()).getInitializer();
    while (init instanceof ParenthesizedTree) {
      init = ((ParenthesizedTree) init).getExpression();
    }
    if (init instanceof NewClassTree && ((NewClassTree) init).getClassBody() == null) {
      Tree created = ((NewClassTree) init).getIdentifier();
      boolean diamond = created instanceof com.sun.source.tree.ParameterizedTypeTree
          && ((com.sun.source.tree.ParameterizedTypeTree) created).getTypeArguments().isEmpty();
      // new OwnerAsync.Gid<List<String>>(): its type arguments are the var's; a diamond's, raw
      String written =
          CodeReader.read(this, new TreePath(new TreePath(declaration, init), created)).toString();
      return diamond ? written.replaceAll("<.*", "") : written;
    }
    if (!(init instanceof MethodInvocationTree)) {
      return null;
    }
    FactoryCall factory = factoryCall((MethodInvocationTree) init);
    if (factory == null) {
      return null;
    }
    String arguments = frameTypeArguments(factory.method(), (MethodInvocationTree) init);
    return factory.frameClass() + (arguments == null ? "" : arguments);
  }

  /**
   * {@code <java.util.List<java.lang.String>>} for {@code OwnerAsync.gid(List.of("a"))} of {@code
   * <T> T gid(T t)}: the frame class's type arguments, as the arguments' known types infer them;
   * null (the raw frame class) when the method is not generic or they do not tell.
   */
  private String frameTypeArguments(ExecutableElement method, MethodInvocationTree call) {
    boolean isStatic = method.getModifiers().contains(Modifier.STATIC);
    if (method.getTypeParameters().isEmpty()
        || !isStatic && !((TypeElement) method.getEnclosingElement()).getTypeParameters().isEmpty()) {
      return null;
    }
    List<String> variables = method.getTypeParameters().stream()
        .map(variable -> variable.getSimpleName().toString()).collect(Collectors.toList());
    Map<String, String> inferred = new HashMap<>();
    KnownFacts facts = new KnownFacts(this, visibleLocals());
    if (!facts.inferFromArguments(method, (ExecutableType) method.asType(), call, isStatic ? 0 : 1,
        e -> ObviousTypes.of(e, facts), variables, inferred)
        || !inferred.keySet().containsAll(variables)) {
      return null;
    }
    return "<" + variables.stream().map(inferred::get).collect(Collectors.joining(", ")) + ">";
  }

  /** Declarations whose scope javac failed to attribute; see {@link #scopeMirror}. */
  private final java.util.Set<Tree> scopeFailures =
      java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

  /** The {@code java.lang} types a written type argument may name, for a var's type. */
  static final java.util.Set<String> LANG_TYPES = java.util.Set.of("String", "Integer",
      "Long", "Boolean", "Short", "Byte", "Character", "Float", "Double", "Object", "Number",
      "CharSequence");


  /** A call {@code OwnerAsync.f(...)} of a generated factory: the method it starts and its frame class. */
  record FactoryCall(ExecutableElement method, String frameClass) {}

  /** The factory call's method, when exactly one {@code @Async} method has its name and arity. */
  FactoryCall factoryCall(MethodInvocationTree call) {
    if (!(call.getMethodSelect() instanceof MemberSelectTree)) {
      return null;
    }
    MemberSelectTree select = (MemberSelectTree) call.getMethodSelect();
    TypeElement owner = ownerOfGenerated(select.getExpression().toString());
    if (owner == null) {
      return null;
    }
    List<ExecutableElement> async = asyncMethods(owner);
    Map<ExecutableElement, String> frames =
        NameResolver.frameClassNames(env.getElementUtils(), owner, async);
    int arguments = call.getArguments().size();
    List<ExecutableElement> sameArity = new ArrayList<>();
    for (ExecutableElement method : async) {
      int receiver = method.getModifiers().contains(Modifier.STATIC) ? 0 : 1;
      if (method.getSimpleName().contentEquals(select.getIdentifier())
          && method.getParameters().size() + receiver == arguments) {
        sameArity.add(method);
      }
    }
    ExecutableElement found = sameArity.size() == 1 ? sameArity.get(0) : null;
    if (sameArity.size() > 1
        && sameArity.stream().allMatch(m -> m.getModifiers().contains(Modifier.STATIC))) {
      // ov(1) next to ov(String): the overload Java picks when the arguments' types are known;
      // else (and for an instance method's, whose receiver comes first) javac's choice, no guess
      found = new KnownFacts(this, visibleLocals()).mostSpecificStrictly(sameArity, call);
    }
    return found == null ? null : new FactoryCall(found,
        NameResolver.generatedClassName(env.getElementUtils(), owner) + "." + frames.get(found));
  }

  /**
   * The owner of {@code @Async} methods that a generated class name as written ({@code
   * FlowsAsync}, {@code p.Outer_InnerAsync}) belongs to, or null if it names no such class.
   */
  private TypeElement ownerOfGenerated(String generated) {
    if (!generated.endsWith("Async")) {
      return null;
    }
    String ownerName = generated.substring(0, generated.length() - "Async".length());
    int dot = ownerName.lastIndexOf('.');
    ownerName = ownerName.substring(0, dot + 1) + ownerName.substring(dot + 1).replace('_', '.');
    TypeElement owner = ownerName.isEmpty() ? null : names.typeOfQualifier(ownerName);
    return owner == null || asyncMethods(owner).isEmpty() ? null : owner;
  }

  private static List<ExecutableElement> asyncMethods(TypeElement owner) {
    List<ExecutableElement> async = new ArrayList<>();
    for (Element member : owner.getEnclosedElements()) {
      if (member instanceof ExecutableElement && Intrinsics.isAsync(member)) {
        async.add((ExecutableElement) member);
      }
    }
    return async;
  }

  /**
   * The method whose frame {@code await} is given: a factory call, or a body local initialised by
   * one (whose type is then its frame class).
   */
  ExecutableElement awaitedMethod(ExpressionTree frame, Function<String, Local> visible) {
    while (frame instanceof ParenthesizedTree) {
      frame = ((ParenthesizedTree) frame).getExpression();
    }
    if (frame instanceof MethodInvocationTree) {
      FactoryCall factory = factoryCall((MethodInvocationTree) frame);
      return factory == null ? null : factory.method();
    }
    if (!(frame instanceof IdentifierTree)) {
      return null;
    }
    Local local = visible.apply(((IdentifierTree) frame).getName().toString());
    String type = local == null || (local.isParameter() && !TypeSource.isError(local.mirror()))
        ? null : local.resolvedType();
    if (type == null || !type.contains("Async.")) {
      return null;
    }
    TypeElement owner = ownerOfGenerated(type.substring(0, type.lastIndexOf('.')));
    String frameClass = type.substring(type.lastIndexOf('.') + 1);
    if (owner == null) {
      return null;
    }
    List<ExecutableElement> async = asyncMethods(owner);
    Map<ExecutableElement, String> frames =
        NameResolver.frameClassNames(env.getElementUtils(), owner, async);
    for (Map.Entry<ExecutableElement, String> entry : frames.entrySet()) {
      if (entry.getValue().equals(frameClass)) {
        return entry.getKey();
      }
    }
    return null;
  }

  /** What {@code await} of the method's frame returns: its result type boxed, if writable. */
  static String resultType(ExecutableElement method) {
    TypeMirror result = method.getReturnType();
    if (result.getKind() == TypeKind.VOID) {
      return "java.lang.Void";
    }
    if (result.getKind() == TypeKind.ERROR && result.toString().matches("[\\w.]+")) {
      return result.toString(); // an owner's own frame class (the only error a signature keeps)
    }
    if (TypeSource.mentionsError(result) || TypeSource.mentionsTypeVariable(result)) {
      return null;
    }
    String printed = TypeSource.print(result);
    return printed == null ? null : TypeSource.boxed(printed);
  }

  // --- ReadContext ------------------------------------------------------------------------------

  @Override
  public CompilationUnitTree unit() {
    return unit;
  }

  @Override
  public CharSequence source() {
    return source;
  }

  @Override
  public SourcePositions positions() {
    return positions;
  }

  @Override
  public NameResolver names() {
    return names;
  }

  @Override
  public Reporter reporter() {
    return reporter;
  }

  @Override
  public dev.stackless.processor.model.PrivateAccess privates() {
    return privates;
  }

  @Override
  public String generatedClass() {
    return NameResolver.generatedClassName(env.getElementUtils(), names.owner());
  }

  @Override
  public String receiverField() {
    return method.getModifiers().contains(Modifier.STATIC) ? null : RECEIVER;
  }

  @Override
  public String returnType() {
    return returnType;
  }

  @Override
  public Set<String> generatedNames() {
    return generatedNames;
  }

  @Override
  public Set<String> typeVariables() {
    return typeVariables;
  }

  @Override
  public Local bodyLocal(String name) {
    for (Map<String, Local> scope : scopes) {
      Local local = scope.get(name);
      if (local != null) {
        return local;
      }
    }
    return null;
  }

  @Override
  public YieldTarget yieldTarget() {
    return yieldTargets.peek();
  }

  @Override
  public JumpTarget jumpTarget(String label, boolean isContinue) {
    for (TargetEntry entry : targets) {
      boolean unlabeledTarget = entry.loop || (entry.switchStatement && !isContinue);
      // continue lbl to a block: javac rejects it ("not a loop label"), there is no target
      if (label == null ? unlabeledTarget : label.equals(entry.label) && (entry.loop || !isContinue)) {
        return entry.target;
      }
    }
    return null;
  }

  // --- helpers ----------------------------------------------------------------------------------

  private Stmt nested(Tree expression) {
    Tree at = firstSuspension(expression);
    reporter.error(at, unit, Diagnostic.UNSUPPORTED,
        "a suspension point inside an expression",
        "make it a statement of its own, the initializer of a local, the right side of an"
            + " assignment, a return value or a whole condition (int v = await(f); ... v ...)");
    failed = true;
    return new Stmt.Block(List.of());
  }

  private Stmt unsupported(Tree tree, String construct, String wayOut) {
    reporter.error(firstSuspension(tree), unit, Diagnostic.UNSUPPORTED, construct, wayOut);
    failed = true;
    return new Stmt.Block(List.of());
  }

  /** The source text of {@code tree}, shortened for a message. */
  private String sourceOf(Tree tree) {
    String text = source.subSequence((int) positions.getStartPosition(unit, tree),
        (int) positions.getEndPosition(unit, tree)).toString().replaceAll("\\s+", " ");
    return text.length() <= 60 ? text : text.substring(0, 57) + "...";
  }

  /** The innermost-first suspension point inside a tree, to report on. */
  private Tree firstSuspension(Tree tree) {
    Tree[] found = new Tree[1];
    new com.sun.source.util.TreeScanner<Void, Void>() {
      @Override
      public Void visitMethodInvocation(MethodInvocationTree node, Void unused) {
        if (found[0] == null && isSuspension(node)) {
          found[0] = node.getMethodSelect();
          return null;
        }
        return super.visitMethodInvocation(node, unused);
      }

      @Override
      public Void visitLambdaExpression(LambdaExpressionTree node, Void unused) {
        return null;
      }
    }.scan(tree, null);
    return found[0] == null ? tree : found[0];
  }

  /**
   * The line of the first suspension point in the tree, where a multi-line statement waits: as
   * javac's line table gives a call's own line (that of its name), not its statement's.
   */
  private long suspensionLine(Tree tree) {
    MethodInvocationTree first = finder.first(tree);
    if (first == null) {
      return line(tree);
    }
    long at = positions.getEndPosition(unit, first.getMethodSelect());
    return at < 0 ? line(first) : unit.getLineMap().getLineNumber(at);
  }

  private long line(Tree tree) {
    return unit.getLineMap().getLineNumber(positions.getStartPosition(unit, tree));
  }

  private static String describe(Tree tree) {
    return tree.getKind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
  }

  private static final class TargetEntry {
    final String label;
    final JumpTarget target;
    final boolean loop;
    /** A switch: unlabelled break leaves it, continue passes it by. */
    final boolean switchStatement;

    TargetEntry(String label, JumpTarget target, boolean loop) {
      this(label, target, loop, false);
    }

    TargetEntry(String label, JumpTarget target, boolean loop, boolean switchStatement) {
      this.label = label;
      this.target = target;
      this.loop = loop;
      this.switchStatement = switchStatement;
    }
  }
}
