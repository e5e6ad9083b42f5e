package dev.stackless.processor;

import com.google.auto.service.AutoService;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ImportTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import dev.stackless.processor.read.Overriding;
import dev.stackless.processor.diag.Diagnostic;
import dev.stackless.processor.diag.Reporter;
import dev.stackless.processor.emit.FrameEmitter;
import dev.stackless.processor.read.Intrinsics;
import dev.stackless.processor.read.LibraryAsyncMethods;
import dev.stackless.processor.read.NameResolver;
import dev.stackless.processor.read.TypeNotKnownYet;
import dev.stackless.processor.validate.MisuseScanner;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.TypeParameterElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;

/**
 * The driver: finds {@code @Async} methods, checks every file for suspension points where Java
 * cannot suspend, runs each method through the {@link Pipeline}, and writes one {@code OwnerAsync}
 * class per owner. Supports every annotation ({@code "*"}) because misuse in files without
 * {@code @Async} must be reported too; claims none.
 */
@AutoService(Processor.class)
public final class AsyncProcessor extends AbstractProcessor {
  private static final String ASYNC = "dev.stackless.Async";

  /** The @Async methods of the sources seen, by simple name. */
  private final Map<String, List<ExecutableElement>> asyncMethods = new HashMap<>();
  /** Owners whose signatures mention types not generated yet, by qualified name. */
  private final Set<String> deferred = new LinkedHashSet<>();
  /** Owners whose bodies need a type that mentions a class not generated yet, by qualified name. */
  private final Set<String> waiting = new LinkedHashSet<>();
  private final Set<String> done = new HashSet<>();
  /** What this processor wrote, by qualified name: not scanned for misuse. */
  private final Set<String> generated = new HashSet<>();
  /** The owner each generated class was written for, by qualified name. */
  private final Map<String, TypeElement> generatedFor = new java.util.HashMap<>();
  /** Methods whose misuse was reported: not transformed. */
  private final Set<Tree> spoiled = new HashSet<>();

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of("*");
  }

  /** {@code -Astackless.stepChars=N}: how large one step() method may grow (see FrameEmitter). */
  @Override
  public Set<String> getSupportedOptions() {
    return Set.of(FrameEmitter.STEP_CHARS_OPTION);
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    Trees trees = Trees.instance(processingEnv);
    Reporter reporter = new Reporter(trees, processingEnv.getMessager());
    Elements elements = processingEnv.getElementUtils();
    TypeElement asyncType = elements.getTypeElement(ASYNC);
    if (round.processingOver()) {
      for (String owner : deferred) {
        TypeElement type = elements.getTypeElement(owner);
        reporter.error(type, Diagnostic.DEFERRED, owner, "see the errors javac reports");
      }
      // javac ran no further round (another processor reported an error): report the locals
      for (String name : waiting) {
        TypeElement owner = elements.getTypeElement(name);
        generate(owner, asyncMethodsOf(owner), trees, reporter, true);
      }
      return false;
    }
    Map<TypeElement, List<ExecutableElement>> owners = new LinkedHashMap<>();
    for (String name : union(deferred, waiting)) {
      TypeElement owner = elements.getTypeElement(name);
      if (owner != null) {
        owners.put(owner, asyncMethodsOf(owner));
      }
    }
    deferred.clear();
    waiting.clear();
    if (asyncType != null) {
      for (Element element : round.getElementsAnnotatedWith(asyncType)) {
        if (!checkPlacement(element, reporter)) {
          Tree refused = trees.getTree(element);
          if (refused != null) {
            spoiled.add(refused); // reported: its owner's other methods are emitted without it
          }
          continue;
        }
        owners.computeIfAbsent((TypeElement) element.getEnclosingElement(), k -> new ArrayList<>());
      }
    }
    Set<CompilationUnitTree> importing = new HashSet<>();
    for (TypeElement owner : owners.keySet()) {
      owners.put(owner, asyncMethodsOf(owner));
      for (ExecutableElement method : owners.get(owner)) {
        List<ExecutableElement> named = asyncMethods.computeIfAbsent(
            method.getSimpleName().toString(), k -> new ArrayList<>());
        if (!named.contains(method)) {
          named.add(method);
        }
      }
      TreePath path = trees.getPath(owner);
      if (path != null && importing.add(path.getCompilationUnit())) {
        LibraryAsyncMethods.collect(elements, trees, path.getCompilationUnit(), owner, asyncMethods);
      }
    }
    Set<CompilationUnitTree> scanned = new HashSet<>();
    for (Element root : round.getRootElements()) {
      if (root instanceof TypeElement
          && generated.contains(((TypeElement) root).getQualifiedName().toString())) {
        continue;
      }
      TreePath path = trees.getPath(root);
      if (path != null && scanned.add(path.getCompilationUnit())) {
        MisuseScanner.scan(processingEnv, reporter, path.getCompilationUnit(), spoiled);
      }
      if (root instanceof TypeElement) {
        checkOverrides((TypeElement) root, reporter);
      }
    }
    boolean wrote = false;
    Map<TypeElement, List<ExecutableElement>> waitingNow = new LinkedHashMap<>();
    for (Map.Entry<TypeElement, List<ExecutableElement>> entry : owners.entrySet()) {
      TypeElement owner = entry.getKey();
      if (done.contains(owner.getQualifiedName().toString())) {
        continue;
      }
      if (mentionsMissingTypes(owner, entry.getValue())) {
        deferred.add(owner.getQualifiedName().toString());
        continue;
      }
      Outcome outcome = generate(owner, entry.getValue(), trees, reporter, false);
      if (outcome == Outcome.WAITING) {
        waitingNow.put(owner, entry.getValue());
      } else {
        done.add(owner.getQualifiedName().toString());
        wrote |= outcome == Outcome.WRITTEN;
      }
    }
    // A body waits for a class another owner generates; when nothing was written this round,
    // no later round will bring it, so the owners are generated now and the locals reported.
    for (Map.Entry<TypeElement, List<ExecutableElement>> entry : waitingNow.entrySet()) {
      String name = entry.getKey().getQualifiedName().toString();
      if (wrote) {
        waiting.add(name);
      } else {
        generate(entry.getKey(), entry.getValue(), trees, reporter, true);
        done.add(name);
      }
    }
    return claims(annotations);
  }

  /**
   * @Async is this processor's, and @Generated marks its classes in the next round: claimed when
   * they are all there is besides java.lang's (@Override, which no processor takes), so
   * -Xlint:processing has nothing to say; with other annotations present, all stay others'.
   */
  private static boolean claims(Set<? extends TypeElement> annotations) {
    return annotations.stream().map(a -> a.getQualifiedName().toString())
        .allMatch(name -> name.equals(ASYNC) || name.equals("javax.annotation.processing.Generated")
            || (name.startsWith("java.lang.") && name.lastIndexOf('.') == "java.lang".length()));
  }

  /** What an attempt to generate an owner's class came to. */
  private enum Outcome {
    WRITTEN,
    /** Every method had errors (reported), or the owner is in a class file. */
    NOTHING_WRITTEN,
    /** A body needs a type not known yet: nothing reported, nothing written, retry later. */
    WAITING
  }

  /**
   * Writes the owner's generated class. Waits, having reported and written nothing, when a body
   * needs a type that mentions a class not generated yet, unless this is the {@code lastChance}:
   * then such a method is reported and left out.
   */
  private Outcome generate(
      TypeElement owner,
      List<ExecutableElement> methods,
      Trees trees,
      Reporter roundReporter,
      boolean lastChance) {
    TreePath ownerPath = trees.getPath(owner);
    if (ownerPath == null) {
      return Outcome.NOTHING_WRITTEN; // from a class file: generated when its sources were compiled
    }
    Reporter reporter = roundReporter.held();
    boolean wrote;
    try {
      wrote = write(owner, methods, ownerPath, trees, reporter, lastChance);
    } catch (TypeNotKnownYet e) {
      return Outcome.WAITING;
    }
    reporter.flush();
    return wrote ? Outcome.WRITTEN : Outcome.NOTHING_WRITTEN;
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new LinkedHashSet<>(a);
    all.addAll(b);
    return all;
  }

  /** Lowers the methods and writes the class; false if no method could be lowered. */
  private boolean write(
      TypeElement owner,
      List<ExecutableElement> methods,
      TreePath ownerPath,
      Trees trees,
      Reporter reporter,
      boolean lastChance) {
    Elements elements = processingEnv.getElementUtils();
    CompilationUnitTree unit = ownerPath.getCompilationUnit();
    NameResolver names = new NameResolver(processingEnv, owner, unit);
    Map<ExecutableElement, String> frameClasses =
        NameResolver.frameClassNames(elements, owner, methods);
    String simpleName = NameResolver.generatedSimpleName(elements, owner);
    String packageOfOwner = elements.getPackageOf(owner).getQualifiedName().toString();
    String qualifiedName =
        packageOfOwner.isEmpty() ? simpleName : packageOfOwner + "." + simpleName;
    TypeElement other = generatedFor.get(qualifiedName);
    TypeElement existing = other != null ? null : elements.getTypeElement(qualifiedName);
    // a class of that name among the sources compiled (not a class file of an earlier build)
    if (other != null && !other.equals(owner)
        || existing != null && trees.getPath(existing) != null) {
      // p.Owner.Inner and a top-level p.Owner_Inner both name p.Owner_InnerAsync
      reporter.error(owner, Diagnostic.ASYNC_OWNER, owner.getQualifiedName(), "its generated"
          + " class " + qualifiedName + " is already " + (other != null
              ? "the generated class of " + other.getQualifiedName()
              : "a class of the program") + "; rename one of the classes");
      return false;
    }
    Set<String> generatedNames = new LinkedHashSet<>(frameClasses.values());
    generatedNames.add(simpleName);
    List<FrameEmitter.Lowered> lowered = new ArrayList<>();
    dev.stackless.processor.model.PrivateAccess privates =
        new dev.stackless.processor.model.PrivateAccess(owner);
    for (ExecutableElement method : methods) {
      if (spoiled.contains(trees.getTree(method))) {
        continue;
      }
      try {
        FrameEmitter.Lowered result =
            Pipeline.run(processingEnv, method, frameClasses.get(method), names, reporter,
                generatedNames, asyncMethods, privates);
        if (result != null) {
          lowered.add(result);
        }
      } catch (TypeNotKnownYet e) {
        if (!lastChance) {
          throw e;
        }
        reporter.error(e.declaration(), e.unit(), Diagnostic.UNRESOLVED_LOCAL_TYPE, e.reason());
      } catch (RuntimeException | AssertionError e) {
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        reporter.error(method, Diagnostic.INTERNAL_ERROR, method.getSimpleName(), trace);
      }
    }
    if (lowered.isEmpty()) {
      return false;
    }
    String packageName = elements.getPackageOf(owner).getQualifiedName().toString();
    List<String> imports = new ArrayList<>();
    for (ImportTree imp : unit.getImports()) {
      imports.add("import " + (imp.isStatic() ? "static " : "") + imp.getQualifiedIdentifier() + ";");
    }
    String fileName = unit.getSourceFile().getName();
    fileName = fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
    String source = FrameEmitter.emit(
        owner, packageName, simpleName, fileName, imports, lowered, privates,
        NameResolver.calls(elements, owner, methods), processingEnv);
    TypeElement named = dev.stackless.processor.model.HiddenTypes.namedIn(source, owner);
    if (named != null) {
      // a last check: where a private class would be named, javac would reject the frame
      ExecutableElement at = methods.get(0);
      for (ExecutableElement method : methods) {
        if (java.util.regex.Pattern.compile("\\b" + named.getSimpleName() + "\\b")
            .matcher(trees.getTree(method).toString()).find()) {
          at = method;
          break;
        }
      }
      reporter.error(at, Diagnostic.UNSUPPORTED,
          "a use of the private class " + named.getSimpleName() + " in " + owner.getSimpleName()
              + "'s @Async bodies that the generated frame would have to name (a value of its"
              + " type that Stackless must convert or spill)", "make the class package-private");
      return false;
    }
    String qualified = packageName.isEmpty() ? simpleName : packageName + "." + simpleName;
    generated.add(qualified);
    generatedFor.put(qualified, owner);
    try (Writer writer = processingEnv.getFiler().createSourceFile(qualified, owner).openWriter()) {
      writer.write(source);
    } catch (IOException e) {
      reporter.error(owner, Diagnostic.INTERNAL_ERROR, qualified, e);
      return false;
    }
    return true;
  }

  /** Checks where {@code @Async} sits; false if the method cannot be transformed at all. */
  private boolean checkPlacement(Element element, Reporter reporter) {
    if (element.getKind() == ElementKind.CONSTRUCTOR) {
      reporter.error(element, Diagnostic.ASYNC_CONSTRUCTOR);
      return false;
    }
    if (element.getKind() != ElementKind.METHOD) {
      return false;
    }
    if (element.getModifiers().contains(Modifier.NATIVE)) {
      reporter.error(element, Diagnostic.ASYNC_ABSTRACT);
      return false;
    }
    if (element.getModifiers().contains(Modifier.SYNCHRONIZED)) {
      reporter.error(element, Diagnostic.ASYNC_SYNCHRONIZED);
      return false;
    }
    TypeElement owner = (TypeElement) element.getEnclosingElement();
    if (owner.getNestingKind() == NestingKind.LOCAL
        || owner.getNestingKind() == NestingKind.ANONYMOUS) {
      reporter.error(element, Diagnostic.ASYNC_OWNER, owner,
          "a local or anonymous class cannot be named from the generated class; make it a"
              + " member class");
      return false;
    }
    String noStandIn = dev.stackless.processor.model.HiddenTypes.isHidden(owner)
        ? new dev.stackless.processor.model.HiddenTypes(processingEnv.getTypeUtils(),
            processingEnv.getElementUtils()).whyNot(owner)
        : null;
    if (noStandIn != null) {
      // a private owner is held as its one visible supertype, which this one does not have
      reporter.error(element, Diagnostic.ASYNC_OWNER, owner, "it is " + noStandIn
          + ", which the generated class cannot hold; make it package-private");
      return false;
    }
    ExecutableElement method = (ExecutableElement) element;
    String hidden = hiddenTypeVariable(method, owner);
    if (hidden != null) {
      reporter.error(element, Diagnostic.UNSUPPORTED, "the method's type variable " + hidden
          + ", which hides a type variable " + hidden + " of its class,", "rename one of them");
      return false;
    }
    String privateType = privateTypeInSignature(method);
    if (privateType != null) {
      // (a parameter of one is held as its stand-in, as a local is)
      reporter.error(element, Diagnostic.UNSUPPORTED, "the private class " + privateType
          + " in a type argument of an @Async method's result or in a bound of its type variables",
          "make it package-private");
      return false;
    }
    return true;
  }

  /**
   * A type variable of an instance method, or of an inner class, named as one of an enclosing
   * class's, which it hides: the frame class declares them all, so it cannot.
   */
  private static String hiddenTypeVariable(ExecutableElement method, TypeElement owner) {
    if (method.getModifiers().contains(Modifier.STATIC)) {
      return null;
    }
    Set<String> seen = new java.util.HashSet<>();
    List<TypeParameterElement> variables = new ArrayList<>(method.getTypeParameters());
    for (TypeElement type = owner; type != null; type = NameResolver.isInner(type)
        ? (TypeElement) type.getEnclosingElement() : null) {
      variables.addAll(type.getTypeParameters());
    }
    for (TypeParameterElement variable : variables) {
      if (!seen.add(variable.getSimpleName().toString())) {
        return variable.getSimpleName().toString();
      }
    }
    return null;
  }

  /**
   * A private class (or one nested in a private class) that the method's result, thrown types or
   * type variables' bounds mention, which the frame class's signature would have to name. Its
   * parameters may: the frame holds them as their stand-ins, and the factories take those.
   */
  private static String privateTypeInSignature(ExecutableElement method) {
    List<TypeMirror> types = new ArrayList<>();
    if (!isHiddenClassItself(method.getReturnType())) {
      types.add(method.getReturnType()); // a private class itself: the frame's result is its stand-in
    }
    for (TypeMirror thrown : method.getThrownTypes()) {
      if (!isHiddenClassItself(thrown)) {
        types.add(thrown); // a private exception itself: no generated signature declares it
      }
    }
    for (var variable : method.getTypeParameters()) {
      types.addAll(variable.getBounds());
    }
    for (TypeMirror type : types) {
      String found = privateType(type);
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  /** Whether the type is a private class itself, not generic ({@code Receipt}, not {@code List<Receipt>}). */
  private static boolean isHiddenClassItself(TypeMirror type) {
    return type.getKind() == TypeKind.DECLARED
        && ((javax.lang.model.type.DeclaredType) type).getTypeArguments().isEmpty()
        && dev.stackless.processor.model.HiddenTypes.isHidden(
            (TypeElement) ((javax.lang.model.type.DeclaredType) type).asElement());
  }

  /** The name of a private class (or one nested in a private class) the type mentions, or null. */
  private static String privateType(TypeMirror type) {
    String[] found = {null};
    dev.stackless.processor.model.TypeSource.mentions(type, t -> {
      if (t.getKind() == TypeKind.DECLARED) {
        for (Element e = ((javax.lang.model.type.DeclaredType) t).asElement();
            e instanceof TypeElement; e = e.getEnclosingElement()) {
          if (e.getModifiers().contains(Modifier.PRIVATE)) {
            found[0] = e.getSimpleName().toString();
            return true;
          }
        }
      }
      return false;
    });
    return found[0];
  }

  /**
   * Reports each {@code @Async} method of {@code type} (and of its member types) that overrides a
   * method that is not {@code @Async}: a plain call of that method would run the {@code @Async}
   * body outside a frame. The other way round is Java's dispatch, which the frames keep (see
   * {@link Overriding}).
   */
  private void checkOverrides(TypeElement type, Reporter reporter) {
    checkFactorySignatures(type, reporter);
    for (Element member : type.getEnclosedElements()) {
      if (member instanceof TypeElement) {
        checkOverrides((TypeElement) member, reporter);
      }
      if (member.getKind() != ElementKind.METHOD || !Intrinsics.isAsync(member)) {
        continue;
      }
      ExecutableElement method = (ExecutableElement) member;
      for (ExecutableElement overridden : Overriding.overridden(
          method, type, processingEnv.getTypeUtils(), processingEnv.getElementUtils())) {
        if (!Intrinsics.isAsync(overridden)) {
          TypeElement superType = (TypeElement) overridden.getEnclosingElement();
          String name = superType.getSimpleName() + "." + overridden.getSimpleName();
          // a method of these sources may become @Async; a library's (AutoCloseable.close) not
          boolean ours = Trees.instance(processingEnv).getTree(overridden) != null;
          reporter.error(method, Diagnostic.ASYNC_OVERRIDE,
              type.getSimpleName() + "." + method.getSimpleName(), name,
              (ours ? "make " + name + " @Async too, or give" : "give")
                  + " the @Async method a name of its own and let the overriding method call it"
                  + (ours ? "" : " (" + name + " is compiled already: it cannot become @Async)"));
          break;
        }
      }
    }
  }

  /**
   * Reports an instance {@code @Async f(int)} next to a static {@code @Async f(Owner, int)}:
   * Java tells them apart, but their factories ({@code OwnerAsync.f(Owner, int)}, the receiver
   * first) would have one signature.
   */
  private void checkFactorySignatures(TypeElement type, Reporter reporter) {
    javax.lang.model.util.Types types = processingEnv.getTypeUtils();
    Map<String, ExecutableElement> seen = new HashMap<>();
    for (Element member : type.getEnclosedElements()) {
      if (member.getKind() != ElementKind.METHOD || !Intrinsics.isAsync(member)) {
        continue;
      }
      ExecutableElement method = (ExecutableElement) member;
      boolean isStatic = method.getModifiers().contains(Modifier.STATIC);
      List<String> erased = new ArrayList<>();
      if (!isStatic) {
        erased.add(types.erasure(type.asType()).toString());
      }
      for (javax.lang.model.element.VariableElement parameter : method.getParameters()) {
        erased.add(types.erasure(parameter.asType()).toString());
      }
      String signature = method.getSimpleName() + "(" + String.join(", ", erased) + ")";
      ExecutableElement other = seen.putIfAbsent(signature, method);
      if (other != null) {
        ExecutableElement instance = isStatic ? other : method;
        Tree refused = Trees.instance(processingEnv).getTree(instance);
        if (refused != null) {
          spoiled.add(refused);
        }
        reporter.error(instance, Diagnostic.ASYNC_OWNER, type.getSimpleName(),
            "the factory of the instance method " + instance.getSimpleName() + " would be "
                + type.getSimpleName() + "Async." + signature + ", as is the static one's; rename"
                + " one of them");
      }
    }
  }

  private List<ExecutableElement> asyncMethodsOf(TypeElement owner) {
    List<ExecutableElement> methods = new ArrayList<>();
    for (Element member : owner.getEnclosedElements()) {
      if (member.getKind() == ElementKind.METHOD
          && Intrinsics.isAsync(member)
          && !member.getModifiers().contains(Modifier.NATIVE)) {
        methods.add((ExecutableElement) member);
      }
    }
    return methods;
  }

  /**
   * Whether a method's signature mentions a class javac does not know yet (another owner's
   * generated class, which a later round brings), other than the owner's own frame classes
   * ({@code @Async int use(OwnerAsync.Work w)}, Zig's {@code *@Frame(work)}), which the processor
   * writes in this round.
   */
  private boolean mentionsMissingTypes(TypeElement owner, List<ExecutableElement> methods) {
    Elements elements = processingEnv.getElementUtils();
    String own = NameResolver.generatedSimpleName(elements, owner);
    String ownQualified = elements.getPackageOf(owner).isUnnamed() ? own
        : elements.getPackageOf(owner).getQualifiedName() + "." + own;
    Set<String> ownFrames = new HashSet<>();
    for (String frame : NameResolver.frameClassNames(elements, owner, methods).values()) {
      ownFrames.add(own + "." + frame);
      ownFrames.add(ownQualified + "." + frame);
    }
    java.util.function.Predicate<TypeMirror> missing = type -> isError(type)
        && !(type.getKind() == TypeKind.ERROR && ownFrames.contains(type.toString()));
    for (ExecutableElement method : methods) {
      if (missing.test(method.getReturnType())) {
        return true;
      }
      for (VariableElement parameter : method.getParameters()) {
        if (missing.test(parameter.asType())) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean isError(TypeMirror type) {
    return type.getKind() == TypeKind.ERROR || type.toString().contains("<any>");
  }

}
