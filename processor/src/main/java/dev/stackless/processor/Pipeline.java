package dev.stackless.processor;

import dev.stackless.processor.analyse.HoistingAnalysis;
import dev.stackless.processor.diag.Reporter;
import dev.stackless.processor.emit.FrameEmitter;
import dev.stackless.processor.lower.StateMachine;
import dev.stackless.processor.lower.StateMachineCheck;
import dev.stackless.processor.lower.StateMachineLowering;
import dev.stackless.processor.model.AsyncMethod;
import dev.stackless.processor.model.Local;
import dev.stackless.processor.read.BodyReader;
import dev.stackless.processor.read.NameResolver;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * The passes one {@code @Async} method goes through, in order. Validation of where suspension
 * points may appear runs before, over whole files ({@code validate.MisuseScanner}).
 *
 * <ol>
 *   <li>read: javac's trees into statements with suspension points and plain code
 *       ({@link BodyReader}), reporting what cannot be transformed;
 *   <li>lower: statements into the states of a switch ({@link StateMachineLowering}), whose
 *       postcondition {@link StateMachineCheck} asserts;
 *   <li>analyse: which locals live across suspension points ({@link HoistingAnalysis});
 *   <li>emit: the frame class ({@link FrameEmitter}), by the driver, once per owner.
 * </ol>
 *
 * Returns null when any pass reported an error: nothing is emitted for a broken method.
 */
final class Pipeline {
  /**
   * Names the generated frame class uses for itself (its fields, the factory's local), which user
   * locals and parameters do not get (nor the user's names with {@code $}: see {@link
   * #dollarNames}).
   */
  static final Set<String> RESERVED = Set.of("label", "$this", "dispatch", "SUSPEND",
      "ownerInitialized", "NEXT_PART", "$overrides", "$frame", "$caught", "$rethrow", "$jump");

  private Pipeline() {}

  /** How many declarations of each name the method has, its parameters included. */
  private static java.util.Map<String, Integer> declaredNames(
      ProcessingEnvironment env, ExecutableElement method) {
    java.util.Map<String, Integer> counts = new java.util.HashMap<>();
    new com.sun.source.util.TreeScanner<Void, Void>() {
      @Override
      public Void visitVariable(com.sun.source.tree.VariableTree node, Void unused) {
        counts.merge(node.getName().toString(), 1, Integer::sum);
        return super.visitVariable(node, unused);
      }
    }.scan(com.sun.source.util.Trees.instance(env).getTree(method), null);
    return counts;
  }

  /**
   * Names a local must not have in the generated class, where it would hide the first segment of
   * the qualified names the processor writes ({@code dev.stackless.internal.Spill}, {@code
   * java.util.Objects}, the owner's {@code game.Game.score}, an imported {@code h.S.pause()}, a
   * superclass's {@code other.Base.Mode}).
   */
  private static Set<String> shadowingNames(ProcessingEnvironment env, NameResolver names) {
    Set<String> shadowing = new java.util.HashSet<>(Set.of("dev", "java", "javax"));
    addFirstSegment(shadowing, env.getElementUtils().getPackageOf(names.owner()));
    for (com.sun.source.tree.ImportTree imported : names.unit().getImports()) {
      shadowing.add(imported.getQualifiedIdentifier().toString().split("\\.")[0]);
    }
    java.util.Deque<javax.lang.model.type.TypeMirror> supertypes = new java.util.ArrayDeque<>();
    for (javax.lang.model.element.Element e = names.owner(); e instanceof TypeElement;
        e = e.getEnclosingElement()) {
      supertypes.add(e.asType());
    }
    Set<javax.lang.model.element.Element> seen = new java.util.HashSet<>();
    while (!supertypes.isEmpty()) {
      javax.lang.model.element.Element type = env.getTypeUtils().asElement(supertypes.pop());
      if (type != null && seen.add(type)) {
        addFirstSegment(shadowing, env.getElementUtils().getPackageOf(type));
        supertypes.addAll(env.getTypeUtils().directSupertypes(type.asType()));
      }
    }
    return shadowing;
  }

  private static void addFirstSegment(
      Set<String> names, javax.lang.model.element.PackageElement pkg) {
    if (!pkg.isUnnamed()) {
      names.add(pkg.getQualifiedName().toString().split("\\.")[0]);
    }
  }

  static FrameEmitter.Lowered run(
      ProcessingEnvironment env,
      ExecutableElement method,
      String frameClass,
      NameResolver names,
      Reporter reporter,
      Set<String> generatedNames,
      java.util.Map<String, List<ExecutableElement>> asyncMethods,
      dev.stackless.processor.model.PrivateAccess privates) {
    int errorsBefore = reporter.errorCount();
    if (dev.stackless.processor.validate.ProtectedTypesOfOtherPackages.check(
        env.getElementUtils(), names, reporter, names.unit(),
        com.sun.source.util.Trees.instance(env).getPath(method))) {
      return null;
    }
    AsyncMethod read = BodyReader.read(
        env, method, frameClass, names, reporter, generatedNames, asyncMethods, privates);
    if (read == null || reporter.errorCount() > errorsBefore) {
      return null;
    }
    StateMachine machine = StateMachineLowering.lower(read);
    StateMachineCheck.check(machine);
    Set<String> shadowing = shadowingNames(env, names);
    shadowing.addAll(generatedNames); // VaAsync.sourceLine$(..), Run: the generated classes
    // the user's names with $, which JLS 3.8 leaves to generated code: the generated code's own
    // temporaries ($spill, $e, $t1) may have them, so the user's get others
    java.util.Map<String, Integer> declared = declaredNames(env, method);
    Set<String> dollarNames = new java.util.HashSet<>();
    Set<String> repeatedNames = new java.util.HashSet<>();
    declared.forEach((name, count) -> {
      if (name.startsWith("$")) {
        dollarNames.add(name);
      }
      if (count > 1) {
        repeatedNames.add(name);
      }
    });
    shadowing.addAll(dollarNames);
    Set<String> reserved = new java.util.HashSet<>(RESERVED);
    reserved.addAll(dollarNames);
    List<Local> fields = HoistingAnalysis.hoist(machine, reserved, shadowing, repeatedNames);
    for (Local field : fields) {
      field.resolvedType(); // asks javac now, so that a failure is reported before emitting
      field.checkAsField();
    }
    for (Local local : machine.fields) {
      if (!fields.contains(local)) {
        fields.add(local);
      }
    }
    for (Local local : read.syntheticLocals) {
      if (!fields.contains(local)) {
        fields.add(local);
      }
    }
    if (reporter.errorCount() > errorsBefore) {
      return null;
    }
    return new FrameEmitter.Lowered(machine, fields);
  }
}
