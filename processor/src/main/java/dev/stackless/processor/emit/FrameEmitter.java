package dev.stackless.processor.emit;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.TypeVariableName;
import com.palantir.javapoet.WildcardTypeName;
import dev.stackless.processor.lower.Region;
import dev.stackless.processor.lower.Router;
import dev.stackless.processor.lower.State;
import dev.stackless.processor.lower.StateMachineLowering;
import dev.stackless.processor.lower.StateMachine;
import dev.stackless.processor.model.AsyncMethod;
import dev.stackless.processor.model.Calls;
import dev.stackless.processor.model.Code;
import dev.stackless.processor.model.Local;
import dev.stackless.processor.model.Part;
import dev.stackless.processor.model.PrivateAccess;
import dev.stackless.processor.model.TypeSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * Writes the generated class of one owner: a static factory and a nested frame class per {@code
 * @Async} method.
 *
 * <pre>
 *   public final class CounterAsync {
 *     public static Tick tick(int n) { Tick $frame = new Tick(); $frame.n = n; return Launch.launch($frame); }
 *
 *     public static final class Tick extends Frame&lt;Integer&gt; {
 *       private int n;                                 // parameters and hoisted locals
 *       public Tick start(int n) { checkStartable(); this.n = n; begin(); return this; }
 *       protected Object step() throws Throwable {
 *         dispatch: while (true) { switch (this.label) { case 0: { ... } ... } }
 *       }
 *     }
 *   }
 * </pre>
 *
 * The user's imports are copied, because the bodies are the user's text; every name this class
 * adds is written qualified, so none of them can clash with the user's.
 */
public final class FrameEmitter {
  private static final String PROCESSOR = "dev.stackless.processor.AsyncProcessor";
  private static final ClassName FRAME = ClassName.get("dev.stackless", "Frame");
  private static final ClassName GENERATED =
      ClassName.get("javax.annotation.processing", "Generated");

  /** One method's machine and its frame's fields. */
  public static final class Lowered {
    final StateMachine machine;
    final List<Local> fields;

    public Lowered(StateMachine machine, List<Local> fields) {
      this.machine = machine;
      this.fields = fields;
    }
  }

  private final Set<String> qualified = new LinkedHashSet<>();
  /** Whether the step() being written has a jump deferred past a plain finally (Router). */
  private boolean deferredJumps;
  private String generatedSimpleName;
  private String sourceFile;
  private PrivateAccess privates;
  private dev.stackless.processor.model.HiddenTypes hidden;
  /** Each private class of the owner's nest, by name, with the type it is held as. */
  private Map<ClassName, TypeName> standIns;
  /** The private lookups of the accessors, by class. */
  private final Map<TypeElement, String> lookups = new LinkedHashMap<>();
  /** The parts of the last step() written, when it is split (see {@link #step}); else empty. */
  private List<MethodSpec> stepParts = List.of();
  /** How many characters of states one step() method may have, about: {@link #parts}. */
  private int stepChars = DEFAULT_STEP_CHARS;
  /** Far below 64 KB of bytecode: generated code has about a quarter of a byte per character. */
  static final int DEFAULT_STEP_CHARS = 100_000;
  /** The processor option that sets {@link #stepChars} (tests split small methods with it). */
  public static final String STEP_CHARS_OPTION = "stackless.stepChars";
  /** The bodies' local records, enums and interfaces, by the placeholder written for each. */
  private final Map<String, String> localTypes = new LinkedHashMap<>();
  private javax.lang.model.util.Types types;
  private javax.lang.model.util.Elements elements;

  private FrameEmitter() {}

  /** The source of {@code OwnerAsync}. */
  public static String emit(
      TypeElement owner,
      String packageName,
      String simpleName,
      String sourceFile,
      List<String> imports,
      List<Lowered> methods,
      PrivateAccess privates,
      Calls calls,
      javax.annotation.processing.ProcessingEnvironment env) {
    FrameEmitter emitter = new FrameEmitter();
    emitter.sourceFile = sourceFile;
    emitter.privates = privates;
    emitter.types = env.getTypeUtils();
    emitter.elements = env.getElementUtils();
    emitter.hidden = new dev.stackless.processor.model.HiddenTypes(emitter.types, emitter.elements);
    String stepChars = env.getOptions().get(STEP_CHARS_OPTION);
    if (stepChars != null) {
      emitter.stepChars = Integer.parseInt(stepChars);
    }
    return emitter.emitFile(owner, packageName, simpleName, imports, methods, calls);
  }

  private String emitFile(
      TypeElement owner,
      String packageName,
      String simpleName,
      List<String> imports,
      List<Lowered> methods,
      Calls calls) {
    ClassName generated = ClassName.get(packageName, simpleName);
    this.generatedSimpleName = simpleName;
    TypeSpec.Builder type =
        TypeSpec.classBuilder(generated)
            .addOriginatingElement(owner)
            .addJavadoc(
                "Frames of the {@code @Async} methods of {@link $L}: a factory per method that"
                    + " starts it, and its frame class.\n",
                owner.getQualifiedName())
            .addAnnotation(
                AnnotationSpec.builder(GENERATED)
                    .addMember("value", "$S", PROCESSOR)
                    .addMember("comments", "$S", "Stackless frames; see processor/docs/lowering.md")
                    .build())
            .addAnnotation(lintFree())
            .addModifiers(Modifier.FINAL)
            .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
    if (owner.getModifiers().contains(Modifier.PUBLIC)) {
      type.addModifiers(Modifier.PUBLIC);
    }
    if (!privates.isEmpty()) {
      addPrivateAccessors(type, owner);
    }
    for (Lowered lowered : methods) {
      if (lowered.machine.method.overridable) {
        // Overrides finds the method by its parameters' classes: a private one's by its lookup
        lowered.machine.method.parameters.stream().filter(p -> p.mirror() != null)
            .forEach(p -> lookupsOfHidden(type, p.mirror()));
      }
    }
    for (Lowered lowered : methods) {
      AsyncMethod method = lowered.machine.method;
      ClassName frameName = generated.nestedClass(method.frameClass);
      type.addMethod(factory(method, frameName, false));
      if (method.overridable) {
        type.addMethod(factory(method, frameName, true));
      }
      addOverrideEntries(type, method, frameName);
      type.addType(frameClass(lowered, frameName));
    }
    if (!calls.methods.isEmpty()) {
      type.addType(callsClass(owner, generated, generated.nestedClass(calls.className), methods,
          calls.methods));
    }
    qualified.addAll(TypeSource.QUALIFIED_RUNTIME_NAMES);
    qualified.addAll(TypeSource.shadowedLangNames(elements, owner)); // a p.Object, p.Throwable
    qualified.add(generated.simpleName());
    String[] names = qualified.toArray(new String[0]);
    type.alwaysQualify(names);
    String file =
        JavaFile.builder(packageName, type.build())
            .skipJavaLangImports(true)
            .indent("  ")
            .build()
            .toString();
    for (Map.Entry<String, String> localType : localTypes.entrySet()) {
      java.util.regex.Matcher placeholder = java.util.regex.Pattern.compile(
          "( *)interface " + java.util.regex.Pattern.quote(localType.getKey()) + " \\{\\s*}")
          .matcher(file);
      if (!placeholder.find()) {
        throw new AssertionError("no placeholder " + localType.getKey());
      }
      String indent = placeholder.group(1);
      file = file.substring(0, placeholder.start()) + indent
          + localType.getValue().replace("\n", "\n" + indent) + file.substring(placeholder.end());
    }
    return lineTable(withImports(hidden.writeStandIns(file, owner), imports));
  }

  /**
   * {@code public static <T> Name<T> name(Owner self, A a)}: a new frame, its arguments stored,
   * launched.
   */
  private MethodSpec factory(AsyncMethod method, ClassName frameName, boolean special) {
    List<TypeVariableName> typeVariables = typeVariables(method);
    TypeName frameType = parameterized(frameName, typeVariables);
    MethodSpec.Builder factory =
        MethodSpec.methodBuilder(method.name + (special ? "$super" : ""))
            .addJavadoc(special
                    ? "Starts the body of {@code $L} itself, never an override, as {@code super.$L(..)}"
                        + " calls it.\n"
                    : "Starts {@code $L} and runs it to its first suspension point (Zig's {@code"
                        + " async $L(...)}).\n",
                method.displayName,
                method.name)
            .addModifiers(Modifier.STATIC)
            .addTypeVariables(typeVariables)
            .returns(frameType);
    if (method.visibility.equals("public")) {
      factory.addModifiers(Modifier.PUBLIC);
    }
    // Not start(..): the frame is new and only this thread knows it, so Launch.launch skips the
    // atomics that start(..) needs for a frame that others may hold (Frame's "UNSHARED").
    factory.addStatement("$T $$frame = new $T()", frameType, frameType);
    if (method.receiverType != null) {
      factory.addParameter(receiverType(method), "$this");
      // a call on null throws before the body runs, as Java's invokevirtual does
      factory.addStatement("$$frame.$$this = java.util.Objects.requireNonNull($$this)");
    }
    for (Local parameter : method.parameters) {
      // the field's name: a parameter named dev would hide the package dev.stackless below
      factory.addParameter(fieldType(parameter), parameter.name());
      factory.addStatement("$$frame.$L = $L", parameter.name(), parameter.name());
    }
    if (method.element.isVarArgs()) {
      factory.varargs(true);
      if (method.element.getAnnotation(SafeVarargs.class) != null) {
        // the user's promise holds for the factory too, which stores the array in the frame
        factory.addAnnotation(SafeVarargs.class).addAnnotation(AnnotationSpec.builder(
            SuppressWarnings.class).addMember("value", "$S", "varargs").build());
      }
    }
    factory.addStatement(method.overridable && !special
        ? "return dev.stackless.internal.Launch.launch($$frame.callVirtually())"
        : "return dev.stackless.internal.Launch.launch($$frame)");
    return factory.build();
  }

  /**
   * {@code public static final class Calls<T> { Calls(Box<T> receiver); PutT<T> put(T x);
   * PutString<T> put(String x) }}: the overloads of a generic owner, as instance methods of a
   * receiver's holder whose type arguments are the receiver's, so that javac chooses among them
   * as among the methods (see {@link Calls}).
   */
  private TypeSpec callsClass(TypeElement owner, ClassName generated, ClassName calls,
      List<Lowered> methods, Set<String> overloaded) {
    List<TypeVariableName> nest = typeVariables(owner);
    nest.forEach(variable -> variable.bounds().forEach(this::track));
    TypeName receiver = null;
    List<MethodSpec> entries = new ArrayList<>();
    for (Lowered lowered : methods) {
      AsyncMethod method = lowered.machine.method;
      if (method.receiverType == null || !overloaded.contains(method.name)) {
        continue;
      }
      receiver = receiverType(method);
      entries.add(callEntry(generated, method, false));
      if (method.overridable) {
        entries.add(callEntry(generated, method, true));
      }
    }
    return TypeSpec.classBuilder(calls)
        .addJavadoc("Calls of the overloaded {@code @Async} methods of {@link $L} on one receiver:"
            + " javac chooses the overload by the receiver's type arguments, as for the methods"
            + " ({@code new $L.$L<>(receiver).$L(..)}).\n", owner.getQualifiedName(),
            generated.simpleName(), calls.simpleName(), overloaded.iterator().next())
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .addTypeVariables(nest)
        .addField(receiver, "receiver", Modifier.PRIVATE, Modifier.FINAL)
        .addMethod(MethodSpec.constructorBuilder()
            .addModifiers(Modifier.PUBLIC)
            // not checked here: Java evaluates the arguments before a null receiver throws
            .addParameter(receiver, "receiver")
            .addStatement("this.receiver = receiver")
            .build())
        .addMethods(entries)
        .build();
  }

  /** {@code PutString<T> put(String x) { return BoxAsync.<T>put(this.receiver, x); }} */
  private MethodSpec callEntry(ClassName generated, AsyncMethod method, boolean special) {
    String name = method.name + (special ? "$super" : "");
    List<TypeVariableName> own = new ArrayList<>();
    method.element.getTypeParameters().forEach(variable -> own.add(typeVariable(variable)));
    List<TypeVariableName> all = typeVariables(method);
    MethodSpec.Builder entry = MethodSpec.methodBuilder(name)
        .addModifiers(Modifier.FINAL)
        .addTypeVariables(own)
        .returns(parameterized(generated.nestedClass(method.frameClass), all));
    if (method.visibility.equals("public")) {
      entry.addModifiers(Modifier.PUBLIC);
    }
    List<String> arguments = new ArrayList<>(List.of("this.receiver")); // a parameter may be "receiver"
    for (Local parameter : method.parameters) {
      entry.addParameter(fieldType(parameter), parameter.name());
      arguments.add(parameter.name());
    }
    if (method.element.isVarArgs()) {
      entry.varargs(true);
      if (method.element.getAnnotation(SafeVarargs.class) != null) {
        entry.addAnnotation(SafeVarargs.class).addAnnotation(AnnotationSpec.builder(
            SuppressWarnings.class).addMember("value", "$S", "varargs").build());
      }
    }
    List<String> witness = new ArrayList<>();
    all.forEach(variable -> witness.add(variable.name()));
    return entry.addStatement("return $T.<$L>$L($L)", generated, String.join(", ", witness), name,
        String.join(", ", arguments)).build();
  }

  private TypeSpec frameClass(Lowered lowered, ClassName frameName) {
    AsyncMethod method = lowered.machine.method;
    List<TypeVariableName> typeVariables = typeVariables(method);
    TypeName frameType = parameterized(frameName, typeVariables);
    TypeName result = boxedReturnType(method);
    TypeSpec.Builder frame =
        TypeSpec.classBuilder(frameName)
            .addJavadoc(
                "The frame of {@code $L} (line $L): Zig's {@code @Frame($L)}.\n",
                method.displayName,
                method.line,
                method.name)
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
            .addTypeVariables(typeVariables)
            .superclass(ParameterizedTypeName.get(FRAME, result));
    boolean initializesOwner = method.element.getModifiers().contains(Modifier.STATIC);
    if (initializesOwner) {
      frame.addField(FieldSpec.builder(boolean.class, "ownerInitialized", Modifier.PRIVATE,
              Modifier.STATIC)
          .addJavadoc("Whether the owner is initialized, as Java does before it runs a static"
              + " method of it (a race initializes twice, which is harmless).\n")
          .build());
    }
    if (method.receiverType != null) {
      frame.addField(
          FieldSpec.builder(receiverType(method), "$this", Modifier.PRIVATE)
              .addJavadoc("The receiver of the call.\n")
              .build());
    }
    if (method.overridable) {
      addDispatchMembers(frame, method, frameType);
    }
    for (Local local : lowered.fields) {
      if (local.isConstant()) {
        continue; // declared by step() itself
      }
      frame.addField(
          FieldSpec.builder(fieldType(local), local.name(), Modifier.PRIVATE)
              .addJavadoc(
                  local.isParameter()
                      ? "Parameter {@code $L}.\n"
                      : "Local {@code $L}, live across suspension points.\n",
                  local.sourceName())
              .build());
    }
    MethodSpec.Builder constructor = MethodSpec.constructorBuilder()
        .addJavadoc("A frame to {@link #start} (Zig's {@code var f: @Frame(...) = undefined}).\n")
        .addModifiers(Modifier.PUBLIC);
    if (initializesOwner) {
      // here, not in a static initializer: a failed initialization is the owner's, each time
      constructor.beginControlFlow("if (!ownerInitialized)")
          .addStatement("dev.stackless.internal.Launch.initialize($L)", ownerClass(method))
          .addStatement("ownerInitialized = true")
          .endControlFlow();
    }
    frame.addMethod(constructor.build());
    frame.addMethod(start(method, frameType));
    frame.addMethod(
        MethodSpec.methodBuilder("asyncMethodName")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PROTECTED)
            .returns(String.class)
            .addStatement("return $S", method.displayName)
            .build());
    for (Code localType : method.localTypes) {
      // a placeholder JavaPoet writes, replaced by the declaration in emitFile
      String placeholder = "$LocalType" + (localTypes.size() + 1);
      String text = reindent(print(localType, lowered.machine, null, new LinkedHashMap<>()));
      int firstEnd = text.indexOf('\n');
      localTypes.put(placeholder, firstEnd < 0
          ? text + " " + marker(localType.line())
          : text.substring(0, firstEnd) + " " + marker(localType.line()) + text.substring(firstEnd));
      frame.addType(TypeSpec.interfaceBuilder(placeholder).build());
    }
    for (dev.stackless.processor.model.TypingHelper helper : method.typingHelpers) {
      frame.addMethod(typingHelper(helper));
    }
    stepParts = List.of();
    frame.addMethod(step(lowered));
    if (!stepParts.isEmpty()) {
      // a step() split in parts (see step): what its locals were, and the parts
      frame.addField(FieldSpec.builder(Object.class, "NEXT_PART", Modifier.PRIVATE,
          Modifier.STATIC, Modifier.FINAL).initializer("new java.lang.Object()").build());
      if (lowered.machine.catches) {
        frame.addField(Throwable.class, "$caught", Modifier.PRIVATE);
      }
      if (lowered.machine.hasRegions()) {
        frame.addField(Throwable.class, "$rethrow", Modifier.PRIVATE);
      }
      if (deferredJumps) {
        frame.addField(FieldSpec.builder(int.class, Router.DEFERRED_LABEL, Modifier.PRIVATE)
            .initializer("-1").build());
      }
      stepParts.forEach(frame::addMethod);
    }
    frame.addMethod(
        MethodSpec.methodBuilder("sourceLine")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PROTECTED)
            .returns(int.class)
            .addParameter(int.class, "generatedLine")
            .addStatement("return $L.sourceLine$$(generatedLine)", generatedSimpleName)
            .build());
    frame.addMethod(
        MethodSpec.methodBuilder("sourceFile")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PROTECTED)
            .returns(String.class)
            .addStatement("return $S", sourceFile)
            .build());
    String binaryName = elements.getBinaryName(
        (TypeElement) method.element.getEnclosingElement()).toString();
    if (!method.displayName.startsWith(binaryName + ".")) {
      // Outer$Inner, as the JVM names the class in stack traces (Outer.Inner in messages)
      frame.addMethod(
          MethodSpec.methodBuilder("sourceClass")
              .addAnnotation(Override.class)
              .addModifiers(Modifier.PROTECTED)
              .returns(String.class)
              .addStatement("return $S", binaryName)
              .build());
    }
    frame.addMethod(suspensionLine(lowered.machine));
    return frame.build();
  }

  private static final ClassName PRIVATES = ClassName.get("dev.stackless.internal", "Privates");
  private static final ClassName LOOKUP = ClassName.get("java.lang.invoke", "MethodHandles", "Lookup");
  private static final ClassName HANDLES = ClassName.get("java.lang.invoke", "MethodHandles");
  private static final ClassName VAR_HANDLE = ClassName.get("java.lang.invoke", "VarHandle");
  private static final ClassName METHOD_HANDLE = ClassName.get("java.lang.invoke", "MethodHandle");

  /**
   * The accessors of what the bodies use that Java would not let the generated class name (see
   * {@link PrivateAccess}): a private lookup per class, a {@code VarHandle} or {@code
   * MethodHandle} each, and static methods the bodies call.
   */
  private void addPrivateAccessors(TypeSpec.Builder type, TypeElement owner) {
    for (javax.lang.model.element.VariableElement field : privates.fields().values()) {
      lookup(type, lookups, accessClass(field));
      lookupsOfHidden(type, field.asType());
    }
    for (javax.lang.model.element.ExecutableElement method : privates.methods().values()) {
      lookup(type, lookups, accessClass(method));
      lookupsOfHidden(type, method.getReturnType());
      if (method.getEnclosingElement().getEnclosingElement() instanceof TypeElement) {
        lookupsOfHidden(type, method.getEnclosingElement().getEnclosingElement().asType());
      }
      for (javax.lang.model.element.VariableElement parameter : method.getParameters()) {
        lookupsOfHidden(type, parameter.asType());
      }
    }
    for (TypeElement inner : privates.enclosingInstances().values()) {
      lookup(type, lookups, inner);
      lookupsOfHidden(type, inner.getEnclosingElement().asType());
    }
    for (TypeElement tested : privates.classTests().values()) {
      lookup(type, lookups, tested);
    }
    if (!privates.superMethods().isEmpty()
        || dev.stackless.processor.model.HiddenTypes.isHidden(owner)) {
      lookup(type, lookups, owner); // findSpecial's caller; a private owner's class object
    }
    for (Map.Entry<String, TypeElement> entry : privates.classTests().entrySet()) {
      addClassTests(type, entry.getKey(), entry.getValue(), lookups.get(entry.getValue()));
    }
    for (Map.Entry<String, TypeElement> entry : privates.enclosingInstances().entrySet()) {
      addEnclosingInstance(type, entry.getKey(), entry.getValue(), lookups.get(entry.getValue()));
    }
    for (Map.Entry<String, javax.lang.model.element.VariableElement> entry
        : privates.fields().entrySet()) {
      addFieldAccessors(type, entry.getKey(), entry.getValue(),
          lookups.get(accessClass(entry.getValue())));
    }
    for (Map.Entry<String, javax.lang.model.element.ExecutableElement> entry
        : privates.methods().entrySet()) {
      addMethodAccessor(type, entry.getKey(), entry.getValue(),
          lookups.get(accessClass(entry.getValue())), null, null);
    }
    for (Map.Entry<String, javax.lang.model.element.ExecutableElement> entry
        : privates.superMethods().entrySet()) {
      addMethodAccessor(type, entry.getKey(), entry.getValue(), lookups.get(owner), owner,
          privates.superSite(entry.getKey()));
    }
  }

  /**
   * javac's lint categories, which the generated code may trip ((int) (x) returned from step(),
   * fall-through between states, the user's own code moved here) and a -Xlint:all -Werror build
   * must not fail on: the user's code is compiled where it is written too, and warned about there.
   */
  private static final List<String> LINT = List.of("cast", "deprecation", "dep-ann", "divzero",
      "empty", "fallthrough", "finally", "lossy-conversions", "overloads", "overrides",
      "rawtypes", "removal", "serial", "static", "synchronization", "this-escape", "try",
      "unchecked", "varargs");

  private static AnnotationSpec lintFree() {
    List<String> quoted = new ArrayList<>();
    LINT.forEach(category -> quoted.add("\"" + category + "\""));
    return AnnotationSpec.builder(SuppressWarnings.class)
        .addMember("value", "{$L}", String.join(", ", quoted)).build();
  }

  private static final AnnotationSpec UNCHECKED = AnnotationSpec.builder(SuppressWarnings.class)
      .addMember("value", "{$S, $S}", "unchecked", "rawtypes")
      .build();

  /**
   * The class whose private lookup reaches {@code member}, and through which its handle is found:
   * its own, or for a protected member the owner inherits from a class of another package (which
   * may be a module that opens nothing: {@code AbstractList.modCount}, {@code Object.clone()}),
   * the owner, a subclass, as Java's own access to it goes.
   */
  private TypeElement accessClass(javax.lang.model.element.Element member) {
    TypeElement declaring = (TypeElement) member.getEnclosingElement();
    TypeElement owner = privates.owner();
    boolean inheritedProtected = member.getModifiers().contains(Modifier.PROTECTED)
        && !elements.getPackageOf(declaring).equals(elements.getPackageOf(owner))
        && types.isSubtype(types.erasure(owner.asType()), types.erasure(declaring.asType()));
    return inheritedProtected ? owner : declaring;
  }

  /**
   * {@code private static final Lookup PRIVATE = Privates.lookup(Owner.class, MethodHandles.lookup());}
   * once per class ({@code PRIVATE$Outer} for another than the owner); returns the field's name.
   */
  private String lookup(TypeSpec.Builder type, Map<TypeElement, String> lookups, TypeElement site) {
    String existing = lookups.get(site);
    if (existing != null) {
      return existing;
    }
    String name = site.equals(privates.owner()) ? "PRIVATE" : "PRIVATE$" + PrivateAccess.flatName(site);
    FieldSpec.Builder field =
        FieldSpec.builder(LOOKUP, name, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL);
    if (dev.stackless.processor.model.HiddenTypes.isHidden(site)) {
      TypeElement host = site;
      while (dev.stackless.processor.model.HiddenTypes.isHidden(host)) {
        host = (TypeElement) host.getEnclosingElement();
      }
      field.addJavadoc("Private access to the private class {@code $L}, for the members below.\n",
              elements.getBinaryName(site))
          .initializer("$T.hiddenLookup($T.class, $S, $T.lookup())", PRIVATES, raw(host),
              elements.getBinaryName(site).toString(), HANDLES);
    } else {
      field.addJavadoc("Private access to {@link $L}, for the members below.\n",
              site.getQualifiedName())
          .initializer("$T.lookup($T.class, $T.lookup())", PRIVATES, raw(site), HANDLES);
    }
    type.addField(field.build());
    lookups.put(site, name);
    return name;
  }

  /** A lookup for each private class the type mentions, whose class object a handle needs. */
  private void lookupsOfHidden(TypeSpec.Builder type, TypeMirror mirror) {
    TypeSource.mentions(types.erasure(mirror), t -> {
      if (t.getKind() == TypeKind.DECLARED) {
        TypeElement element = (TypeElement) ((javax.lang.model.type.DeclaredType) t).asElement();
        if (dev.stackless.processor.model.HiddenTypes.isHidden(element)) {
          lookup(type, lookups, element);
        }
      }
      return false;
    });
  }

  /**
   * The class object of an erased type, for finding a handle: {@code Node.class}, or for a private
   * class, which cannot be named, its lookup's class ({@code PRIVATE$Outer_Node.lookupClass()}).
   */
  private CodeBlock classOf(TypeMirror type) {
    TypeMirror erased = types.erasure(type);
    if (erased.getKind() == TypeKind.DECLARED) {
      TypeElement element = (TypeElement) ((javax.lang.model.type.DeclaredType) erased).asElement();
      if (dev.stackless.processor.model.HiddenTypes.isHidden(element)) {
        return CodeBlock.of("$L.lookupClass()", lookups.get(element));
      }
    }
    if (erased.getKind() == TypeKind.ARRAY && dev.stackless.processor.model.HiddenTypes
        .mentionsHidden(erased)) {
      return CodeBlock.of("$L.arrayType()", classOf(((javax.lang.model.type.ArrayType) erased)
          .getComponentType()));
    }
    return CodeBlock.of("$T.class", track(TypeName.get(erased)));
  }

  /** The type with each private class of the nest written as its stand-in (see HiddenTypes). */
  private TypeName visible(TypeName type) {
    if (standIns == null) {
      standIns = new java.util.HashMap<>();
      for (TypeElement next : dev.stackless.processor.model.HiddenTypes.hiddenOfNest(
          privates.owner())) {
        TypeMirror standIn = hidden.standIn(next);
        if (standIn != null) {
          standIns.put(ClassName.get(next), TypeName.get(standIn));
        }
      }
    }
    if (type instanceof ClassName) {
      return standIns.getOrDefault(type, type);
    }
    if (type instanceof ParameterizedTypeName) {
      ParameterizedTypeName parameterized = (ParameterizedTypeName) type;
      List<TypeName> arguments = parameterized.typeArguments().stream().map(this::visible)
          .collect(java.util.stream.Collectors.toList());
      if (parameterized.enclosingType() != null) {
        // Box<T>.Node: an inner class of a generic class, its own arguments after the outer's
        TypeName outer = visible(parameterized.enclosingType());
        return outer instanceof ParameterizedTypeName
            ? ((ParameterizedTypeName) outer).nestedClass(
                parameterized.rawType().simpleName(), arguments)
            : arguments.isEmpty() ? parameterized.rawType()
                : ParameterizedTypeName.get(parameterized.rawType(), arguments.toArray(TypeName[]::new));
      }
      return ParameterizedTypeName.get(parameterized.rawType(), arguments.toArray(TypeName[]::new));
    }
    if (type instanceof com.palantir.javapoet.WildcardTypeName) {
      com.palantir.javapoet.WildcardTypeName wildcard = (com.palantir.javapoet.WildcardTypeName) type;
      return wildcard.lowerBounds().isEmpty()
          ? com.palantir.javapoet.WildcardTypeName.subtypeOf(visible(wildcard.upperBounds().get(0)))
          : com.palantir.javapoet.WildcardTypeName.supertypeOf(visible(wildcard.lowerBounds().get(0)));
    }
    if (type instanceof com.palantir.javapoet.ArrayTypeName) {
      return com.palantir.javapoet.ArrayTypeName.of(
          visible(((com.palantir.javapoet.ArrayTypeName) type).componentType()));
    }
    return type;
  }

  private TypeName raw(TypeElement type) {
    return track(TypeName.get(types.erasure(type.asType())));
  }

  /** The type of the object an instance member of {@code site} is read from: generic if it is. */
  private TypeName selfType(TypeElement site) {
    if (dev.stackless.processor.model.HiddenTypes.isHidden(site)) {
      return visible(raw(site));
    }
    return typeVariables(site).isEmpty() ? raw(site) : track(TypeName.get(site.asType()));
  }

  /**
   * {@code private static <T> T $typed1(Object $value, T t)} or {@code private static <E>
   * ArrayList<E> $typed2()}: see model.TypingHelper. Only javac's inference runs them for real.
   */
  private MethodSpec typingHelper(dev.stackless.processor.model.TypingHelper helper) {
    MethodSpec.Builder typing = MethodSpec.methodBuilder(helper.name)
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC);
    if (helper.method == null) {
      for (javax.lang.model.element.TypeParameterElement parameter : helper.variables) {
        TypeVariableName variable = typeVariable(parameter);
        variable.bounds().forEach(this::track);
        typing.addTypeVariable(variable);
      }
      return typing.addJavadoc("The type of {@code $L}, its type arguments inferred.\n",
              helper.shown)
          .returns(visible(track(TypeName.get(helper.type))))
          .addStatement("return null")
          .build();
    }
    for (javax.lang.model.element.TypeParameterElement parameter
        : helper.method.getTypeParameters()) {
      TypeVariableName variable = typeVariable(parameter);
      variable.bounds().forEach(this::track);
      typing.addTypeVariable(variable);
    }
    TypeName result = visible(track(TypeName.get(helper.method.getReturnType())));
    typing.addJavadoc("The value of a call of {@code $L} as Java types the call where it is.\n",
            helper.method.getSimpleName())
        .addAnnotation(AnnotationSpec.builder(SuppressWarnings.class)
            .addMember("value", "$S", "unchecked").build())
        .returns(result)
        .addParameter(Object.class, "$value");
    for (int position : helper.parameters) {
      javax.lang.model.element.VariableElement parameter =
          helper.method.getParameters().get(position);
      typing.addParameter(visible(track(TypeName.get(parameter.asType()))),
          parameter.getSimpleName().toString());
    }
    return typing.addStatement("return ($T) $$value", result).build();
  }

  /** The type variables an instance of {@code site} has: an inner class's nest's, outermost first. */
  private static List<TypeVariableName> typeVariables(TypeElement site) {
    List<TypeVariableName> variables = new ArrayList<>();
    for (TypeElement in = site; in != null; in = dev.stackless.processor.read.NameResolver.isInner(in)
        ? (TypeElement) in.getEnclosingElement() : null) {
      List<TypeVariableName> own = new ArrayList<>();
      for (javax.lang.model.element.TypeParameterElement variable : in.getTypeParameters()) {
        own.add(typeVariable(variable));
      }
      variables.addAll(0, own);
    }
    return variables;
  }

  /**
   * {@code Owner_Node$cast(o)} and {@code Owner_Node$is(o)}: a cast to a private class and a test
   * for it, through its class object; the cast gives the stand-in.
   */
  private void addClassTests(TypeSpec.Builder type, String prefix, TypeElement hidden,
      String lookup) {
    TypeName standIn = visible(raw(hidden));
    type.addMethod(MethodSpec.methodBuilder(prefix + "cast")
        .addModifiers(Modifier.STATIC).returns(standIn)
        .addParameter(Object.class, "value")
        .addStatement("return ($T) $L.lookupClass().cast(value)", standIn, lookup)
        .build());
    type.addMethod(MethodSpec.methodBuilder(prefix + "is")
        .addModifiers(Modifier.STATIC).returns(boolean.class)
        .addParameter(Object.class, "value")
        .addStatement("return $L.lookupClass().isInstance(value)", lookup)
        .build());
    // the class object, for its arrays (Privates.newArray, Privates.arrayOf)
    type.addMethod(MethodSpec.methodBuilder(prefix + "class")
        .addModifiers(Modifier.STATIC)
        .returns(ParameterizedTypeName.get(ClassName.get(Class.class),
            WildcardTypeName.subtypeOf(Object.class)))
        .addStatement("return $L.lookupClass()", lookup)
        .build());
  }

  /** {@code static Outer outer$Outer_Inner(Outer.Inner self)}: an inner object's enclosing one. */
  private void addEnclosingInstance(
      TypeSpec.Builder type, String name, TypeElement inner, String lookup) {
    TypeElement outer = (TypeElement) inner.getEnclosingElement();
    type.addField(FieldSpec.builder(VAR_HANDLE, name + "$field", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .initializer("$T.enclosingInstance($L, $L, $L)", PRIVATES, lookup,
            classOf(inner.asType()), classOf(outer.asType()))
        .build());
    // Box<T>.Node's enclosing Box<T>: generic in the variables of the whole nest
    List<TypeVariableName> variables = typeVariables(inner);
    boolean generic = !typeVariables(outer).isEmpty();
    TypeName outerType = generic ? track(TypeName.get(outer.asType())) : raw(outer);
    type.addMethod(MethodSpec.methodBuilder(name).addAnnotation(UNCHECKED)
        .addModifiers(Modifier.STATIC).addTypeVariables(generic ? variables : List.of())
        .returns(outerType)
        .addParameter(generic ? track(TypeName.get(inner.asType())) : raw(inner), "self")
        .addStatement("return ($T) $L$$field.get(self)", outerType, name)
        .build());
  }

  /** {@code count$get(self)}, {@code count$set(self, v)}, and for a number {@code count$add}. */
  private void addFieldAccessors(TypeSpec.Builder type, String prefix,
      javax.lang.model.element.VariableElement field, String lookup) {
    TypeElement site = (TypeElement) field.getEnclosingElement();
    String name = field.getSimpleName().toString();
    boolean isStatic = field.getModifiers().contains(Modifier.STATIC);
    TypeName fieldType = visible(track(TypeName.get(field.asType())));
    type.addField(FieldSpec.builder(VAR_HANDLE, prefix + "field", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .initializer("$T.field($L, $L, $S, $L, $L)", PRIVATES, lookup,
            classOf(accessClass(field).asType()), name, classOf(types.erasure(field.asType())),
            isStatic)
        .build());
    String self = isStatic ? "" : "self";
    String selfComma = isStatic ? "" : "self, ";
    // an instance field of a generic class: accessors generic in its type variables,
    // static <T> List<T> items$get(Owner<T> self)
    List<TypeVariableName> variables = isStatic ? List.of() : typeVariables(site);
    MethodSpec.Builder get = MethodSpec.methodBuilder(prefix + "get").addAnnotation(UNCHECKED)
        .addModifiers(Modifier.STATIC).addTypeVariables(variables).returns(fieldType)
        .addStatement("return ($T) $Lfield.get($L)", fieldType, prefix, self);
    MethodSpec.Builder set = MethodSpec.methodBuilder(prefix + "set").addAnnotation(UNCHECKED)
        .addModifiers(Modifier.STATIC).addTypeVariables(variables).returns(fieldType);
    if (!isStatic) {
      get.addParameter(selfType(site), "self");
      set.addParameter(selfType(site), "self");
    }
    set.addParameter(fieldType, "value")
        .addStatement("$Lfield.set($Lvalue)", prefix, selfComma)
        .addStatement("return value");
    type.addMethod(get.build());
    type.addMethod(set.build());
    if (isNumeric(fieldType)) {
      MethodSpec.Builder add = MethodSpec.methodBuilder(prefix + "add").addAnnotation(UNCHECKED)
          .addModifiers(Modifier.STATIC).addTypeVariables(variables).returns(fieldType);
      if (!isStatic) {
        add.addParameter(selfType(site), "self");
      }
      add.addParameter(int.class, "delta").addParameter(boolean.class, "post")
          .addStatement("$T old = $Lget($L)", fieldType, prefix, self)
          .addStatement("$T now = ($T) (old + delta)", fieldType, fieldType)
          .addStatement("$Lset($Lnow)", prefix, selfComma)
          .addStatement("return post ? old : now");
      type.addMethod(add.build());
    }
  }

  /**
   * {@code secret$call1(self, a0)}: a private method through its {@code MethodHandle}; or, with a
   * {@code specialCaller}, {@code super$m$call1(self, a0)}: the superclass's method as {@code
   * super.m(a0)} calls it in {@code specialCaller}, through {@code findSpecial} on {@code
   * specialSite} (the method's class, or {@code I} for {@code I.super.m(a0)}).
   */
  private void addMethodAccessor(TypeSpec.Builder type, String accessor,
      javax.lang.model.element.ExecutableElement method, String lookup, TypeElement specialCaller,
      TypeElement specialSite) {
    TypeElement site = specialCaller != null ? specialCaller : accessClass(method);
    TypeElement declaring = (TypeElement) method.getEnclosingElement();
    String name = method.getSimpleName().toString();
    int arity = method.getParameters().size();
    boolean constructor = method.getKind() == javax.lang.model.element.ElementKind.CONSTRUCTOR;
    boolean isStatic = constructor || method.getModifiers().contains(Modifier.STATIC);
    String handle = accessor.replaceFirst("call(\\d+)((\\$\\d+)?)$", "method$1$2");
    // a generic superclass's method as the class that calls it sees it: Base<E>'s E last() is
    // String last() in Sub extends Base<String>, whose type variables the accessor declares
    javax.lang.model.type.ExecutableType viewed = !isStatic && !site.equals(declaring)
        ? (javax.lang.model.type.ExecutableType) types.asMemberOf(
            (javax.lang.model.type.DeclaredType) site.asType(), method)
        : (javax.lang.model.type.ExecutableType) method.asType();
    TypeName returnType = visible(
        constructor ? raw(declaring) : track(TypeName.get(viewed.getReturnType())));
    TypeName erasedReturn = visible(constructor
        ? raw(declaring) : track(TypeName.get(types.erasure(method.getReturnType()))));
    // a private class in the signature is held as its stand-in, which invoke (not invokeExact)
    // casts to the handle's type
    boolean hiddenInvolved = dev.stackless.processor.model.HiddenTypes.isHidden(declaring)
        || dev.stackless.processor.model.HiddenTypes.signatureMentionsHidden(method);
    List<String> classes = new ArrayList<>();
    List<Object> classArgs = new ArrayList<>();
    // generic in the method's type variables (and an instance method's class's), with the
    // method's own parameter types, so that javac infers and checks a call as it did the
    // original; the handle is invoked with the erasures
    List<TypeVariableName> variables = new ArrayList<>(isStatic ? List.of() : typeVariables(site));
    for (javax.lang.model.element.TypeParameterElement variable : method.getTypeParameters()) {
      variables.add(typeVariable(variable));
    }
    MethodSpec.Builder call = MethodSpec.methodBuilder(accessor)
        .addAnnotation(UNCHECKED).addModifiers(Modifier.STATIC).addTypeVariables(variables)
        .returns(returnType).varargs(method.isVarArgs());
    List<String> arguments = new ArrayList<>();
    List<Object> argumentTypes = new ArrayList<>();
    if (!isStatic) {
      call.addParameter(selfType(site), "self");
      arguments.add("($T) self");
      argumentTypes.add(visible(raw(site)));
    }
    if (constructor && isInner(declaring)) {
      // an inner class's constructor takes its enclosing instance first
      TypeElement outer = (TypeElement) declaring.getEnclosingElement();
      call.addParameter(visible(raw(outer)), "outer");
      classes.add("$L");
      classArgs.add(classOf(outer.asType()));
      arguments.add("($T) outer");
      argumentTypes.add(visible(raw(outer)));
    }
    for (int i = 0; i < arity; i++) {
      javax.lang.model.type.TypeMirror parameter = method.getParameters().get(i).asType();
      TypeName erased = visible(track(TypeName.get(types.erasure(parameter))));
      classes.add("$L");
      classArgs.add(classOf(types.erasure(parameter)));
      call.addParameter(
          visible(track(TypeName.get(viewed.getParameterTypes().get(i)))), "a" + i);
      arguments.add("($T) a" + i);
      argumentTypes.add(erased);
    }
    CodeBlock returnClass = constructor
        ? classOf(declaring.asType()) : classOf(types.erasure(method.getReturnType()));
    List<Object> initArgs =
        new ArrayList<>(List.of(PRIVATES, lookup, classOf(site.asType()), name, returnClass));
    initArgs.addAll(classArgs);
    if (constructor) {
      List<Object> constructorArgs =
          new ArrayList<>(List.of(PRIVATES, lookup, classOf(declaring.asType())));
      constructorArgs.addAll(classArgs);
      type.addField(FieldSpec.builder(METHOD_HANDLE, handle, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
          .initializer("$T.constructor($L, $L, new Class<?>[] {"
              + String.join(", ", classes) + "})", constructorArgs.toArray())
          .build());
    } else if (specialCaller != null) {
      initArgs.set(2, classOf(specialSite.asType()));
      initArgs.add(raw(specialCaller));
      type.addField(FieldSpec.builder(METHOD_HANDLE, handle, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
          .initializer("$T.special($L, $L, $S, $L, new Class<?>[] {"
              + String.join(", ", classes) + "}, $T.class)", initArgs.toArray())
          .build());
    } else {
      initArgs.add(isStatic);
      type.addField(FieldSpec.builder(METHOD_HANDLE, handle, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
          .initializer("$T.method($L, $L, $S, $L, new Class<?>[] {"
              + String.join(", ", classes) + "}, $L)", initArgs.toArray())
          .build());
    }
    call.beginControlFlow("try");
    String invocation = "$L." + (hiddenInvolved ? "invoke(" : "invokeExact(")
        + String.join(", ", arguments) + ")";
    List<Object> invocationArgs = new ArrayList<>(List.of(handle));
    invocationArgs.addAll(argumentTypes);
    if (!constructor && method.getReturnType().getKind() == javax.lang.model.type.TypeKind.VOID) {
      call.addStatement(invocation, invocationArgs.toArray());
    } else {
      List<Object> returnArgs = new ArrayList<>(List.of(returnType, erasedReturn));
      returnArgs.addAll(invocationArgs);
      call.addStatement("return ($T) ($T) " + invocation, returnArgs.toArray());
    }
    call.nextControlFlow("catch (java.lang.Throwable e)");
    call.addStatement("throw $T.rethrow(e)", PRIVATES);
    call.endControlFlow();
    type.addMethod(call.build());
  }

  private static boolean isInner(TypeElement type) {
    return type.getNestingKind() == javax.lang.model.element.NestingKind.MEMBER
        && !type.getModifiers().contains(Modifier.STATIC)
        && type.getKind() == javax.lang.model.element.ElementKind.CLASS;
  }

  private static boolean isNumeric(TypeName type) {
    return (type.isPrimitive() && !type.equals(TypeName.BOOLEAN))
        || type.equals(ClassName.get(Integer.class)) || type.equals(ClassName.get(Long.class))
        || type.equals(ClassName.get(Float.class)) || type.equals(ClassName.get(Double.class));
  }

  /** {@code suspensionLine()}: the source line of the suspension point the frame is stopped at. */
  private MethodSpec suspensionLine(StateMachine machine) {
    CodeBlock.Builder body = CodeBlock.builder();
    body.beginControlFlow("switch (this.label)");
    for (State state : machine.states) {
      if (state.resumesAtLine() > 0) {
        body.addStatement("case $L: return $L", state.number(), state.resumesAtLine());
      }
    }
    body.addStatement("default: return 0");
    body.endControlFlow();
    return MethodSpec.methodBuilder("suspensionLine")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PROTECTED)
        .returns(int.class)
        .addCode(body.build())
        .build();
  }

  private static final ClassName OVERRIDES = ClassName.get("dev.stackless.internal", "Overrides");

  /** For a private owner, its stand-in's class and a comma ({@code Runnable.class, }); else none. */
  private CodeBlock standInClass(AsyncMethod method) {
    TypeElement owner = (TypeElement) method.element.getEnclosingElement();
    TypeMirror standIn = dev.stackless.processor.model.HiddenTypes.isHidden(owner)
        ? hidden.standIn(owner) : null;
    return standIn == null ? CodeBlock.of("") : CodeBlock.of("$L, ", classOf(standIn));
  }

  /** {@code Owner.class}, or for a private owner its class through its lookup. */
  private CodeBlock ownerClass(AsyncMethod method) {
    return classOf(method.element.getEnclosingElement().asType());
  }

  /**
   * {@code private static final Overrides $overrides = new Overrides(MethodHandles.lookup(),
   * Owner.class, "m", R.class, P.class..)}, which answers for a receiver's class whether a call
   * runs an override, and {@code callVirtually()}, with which the factory starts there.
   */
  private void addDispatchMembers(TypeSpec.Builder frame, AsyncMethod method, TypeName frameType) {
    CodeBlock.Builder init = CodeBlock.builder()
        .add("new $T(java.lang.invoke.MethodHandles.lookup(), $L, $L$S, $L",
            OVERRIDES, ownerClass(method), standInClass(method), method.name,
            dev.stackless.processor.model.HiddenTypes.mentionsHidden(method.element.getReturnType())
                ? classOf(method.element.getReturnType()) // a private class: its class object
                : erasedClass(method.element.getReturnType(), () -> fromSource(method.returnType)));
    for (Local parameter : method.parameters) {
      TypeMirror mirror = parameter.mirror();
      init.add(", $L", mirror != null && dev.stackless.processor.model.HiddenTypes.mentionsHidden(
          mirror) ? classOf(mirror) : erasedClass(mirror, () -> fieldType(parameter)));
    }
    frame.addField(FieldSpec.builder(OVERRIDES, "$overrides", Modifier.PRIVATE, Modifier.STATIC,
            Modifier.FINAL)
        .addJavadoc("Which method a call on a receiver of each class runs: Java's dispatch.\n")
        .initializer(init.add(")").build())
        .build());
    frame.addMethod(MethodSpec.methodBuilder("callVirtually")
        .addJavadoc("Makes the frame look for its receiver's override before it runs the body.\n")
        .addModifiers(Modifier.PRIVATE)
        .returns(frameType)
        .addStatement("this.label = VIRTUAL_CALL")
        .addStatement("return this")
        .build());
  }

  /** The class literal of a type's erasure, {@code java.util.List.class}, as Overrides takes it. */
  private CodeBlock erasedClass(TypeMirror type, java.util.function.Supplier<TypeName> written) {
    return CodeBlock.of("$T.class", erased(type, written));
  }

  /** A type's erasure; the type as written for one javac does not know yet. */
  private TypeName erased(TypeMirror type, java.util.function.Supplier<TypeName> writtenType) {
    if (type == null || type.getKind() == TypeKind.ERROR) {
      // this owner's own frame class, which javac does not know yet: written as the user did
      TypeName written = writtenType.get();
      return written instanceof ParameterizedTypeName
          ? ((ParameterizedTypeName) written).rawType() : written;
    }
    return track(TypeName.get(types.erasure(type)));
  }

  /**
   * The start of an overridable method's step: Java's virtual dispatch, before the body.
   *
   * <pre>
   *   if (label == VIRTUAL_CALL) {
   *     Overrides.Target $override = $this.getClass() == Owner.class ? null : $overrides.get(..);
   *     if ($override == null) label = 0;                       // this body: run it below
   *     else if (!$override.isAsync()) return $override.handle().invokeExact($this, a);
   *     else if (dispatchSuspends((Frame<?>) (Object) $override.handle().invokeExact($this, a)))
   *       return SUSPEND;                                       // await the override's frame
   *     else return awaitedResult();
   *   }
   *   if (label == DISPATCHED) return awaitedResult();          // the override's frame completed
   * </pre>
   */
  private CodeBlock dispatch(AsyncMethod method) {
    StringBuilder arguments = new StringBuilder("this.$this");
    for (Local parameter : method.parameters) {
      arguments.append(", this.").append(parameter.name());
    }
    CodeBlock.Builder code = CodeBlock.builder();
    code.beginControlFlow("if (this.label == VIRTUAL_CALL)");
    code.addStatement("java.lang.Class<?> $$class = this.$$this.getClass()");
    if (method.isAbstract()) {
      code.addStatement("$T.Target $$override = $$overrides.get($$class)", OVERRIDES);
      code.beginControlFlow("if (!$$override.isAsync())");
    } else {
      code.addStatement("$T.Target $$override = $$class == $L ? null : $$overrides.get($$class)",
          OVERRIDES, ownerClass(method));
      code.beginControlFlow("if ($$override == null)")
          .addStatement("this.label = 0")
          .nextControlFlow("else if (!$$override.isAsync())");
    }
    // invokeExact: the handle's type is (Owner, erased parameters..) -> Object; a parameter of a
    // private class is held as its stand-in, which invoke casts to the class
    boolean hidden = method.parameters.stream().anyMatch(p -> p.mirror() != null
        && dev.stackless.processor.model.HiddenTypes.mentionsHidden(p.mirror()));
    String invoke = hidden ? "invoke" : "invokeExact";
    code.addStatement("return $$override.handle().$L($L)", invoke, arguments)
        .nextControlFlow("else")
        .addStatement("java.lang.Object $$started = $$override.handle().$L($L)", invoke, arguments)
        .addStatement("return dispatchSuspends((dev.stackless.Frame<?>) $$started)"
            + " ? SUSPEND : awaitedResult()")
        .endControlFlow();
    code.endControlFlow();
    code.beginControlFlow("if (this.label == DISPATCHED)")
        .addStatement("return awaitedResult()")
        .endControlFlow();
    return code.build();
  }

  /**
   * {@code public static Frame<?> m$override(K receiver, Object a0) { return m(receiver, (String)
   * a0); }}: for each erased signature of a supertype's {@code @Async} method this one overrides,
   * the entry through which that method's frame starts this override (dev.stackless.internal
   * .Overrides finds it by name and type).
   */
  private void addOverrideEntries(TypeSpec.Builder type, AsyncMethod method, ClassName frameName) {
    if (method.isAbstract()) {
      return; // never the method a call runs
    }
    Set<List<String>> written = new java.util.HashSet<>();
    TypeElement owner = (TypeElement) method.element.getEnclosingElement();
    List<javax.lang.model.element.ExecutableElement> served = new ArrayList<>();
    if (method.overridable) {
      // its own signature too: a subclass may inherit it as the implementation of an interface's
      // @Async method that this class does not implement (class K extends A implements I)
      served.add(method.element);
    }
    served.addAll(method.overrides);
    for (javax.lang.model.element.ExecutableElement overridden : served) {
      List<TypeName> erased = new ArrayList<>();
      for (javax.lang.model.element.VariableElement parameter : overridden.getParameters()) {
        erased.add(track(TypeName.get(types.erasure(parameter.asType()))));
      }
      if (!written.add(erased.stream().map(TypeName::toString).collect(
          java.util.stream.Collectors.toList()))) {
        continue;
      }
      MethodSpec.Builder entry = MethodSpec.methodBuilder(method.name + "$override")
          .addJavadoc("Java's virtual call of {@code $L.$L} on a {@code $L}: starts this method.\n",
              ((TypeElement) overridden.getEnclosingElement()).getQualifiedName(), method.name,
              owner.getSimpleName())
          .addAnnotation(AnnotationSpec.builder(SuppressWarnings.class)
              .addMember("value", "{$S, $S}", "unchecked", "rawtypes").build())
          .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
          .returns(ParameterizedTypeName.get(FRAME, WildcardTypeName.subtypeOf(Object.class)))
          .addParameter(raw(owner), "receiver");
      // the frame made and launched as the factory does, raw: no overload of the factory to
      // choose (put(T) next to put(String) of an Ov<T>), no type arguments to infer (K extends
      // Number & Comparable<K>); a raw frame's fields have the erased types the arguments get
      entry.addStatement("$T $$frame = new $T()", frameName, frameName);
      if (method.receiverType != null) {
        entry.addStatement("$$frame.$$this = receiver");
      }
      for (int i = 0; i < erased.size(); i++) {
        entry.addParameter(erased.get(i), "a" + i);
        Local parameter = method.parameters.get(i);
        entry.addStatement("$$frame.$L = ($T) a$L", parameter.name(),
            erased(parameter.mirror(), () -> fieldType(parameter)), i);
      }
      type.addMethod(entry.addStatement(method.overridable
          ? "return dev.stackless.internal.Launch.launch($$frame.callVirtually())"
          : "return dev.stackless.internal.Launch.launch($$frame)").build());
    }
  }

  /** {@code start(args)}: stores the arguments and runs to the first suspension point. */
  private MethodSpec start(AsyncMethod method, TypeName frameType) {
    MethodSpec.Builder start =
        MethodSpec.methodBuilder("start")
            .addJavadoc(
                "Runs {@code $L} from its beginning to its first suspension point; a frame that has"
                    + " completed may be started again.\n",
                method.name)
            .addModifiers(Modifier.PUBLIC)
            .returns(frameType);
    if (method.receiverType != null) {
      start.addParameter(receiverType(method), "$this");
    }
    for (Local parameter : method.parameters) {
      start.addParameter(fieldType(parameter), parameter.name());
    }
    if (method.element.isVarArgs()) {
      start.varargs(true);
      if (method.element.getAnnotation(SafeVarargs.class) != null) {
        start.addAnnotation(SafeVarargs.class).addModifiers(Modifier.FINAL) // final: javac's rule
            .addAnnotation(AnnotationSpec.builder(SuppressWarnings.class)
                .addMember("value", "$S", "varargs").build());
      }
    }
    start.addStatement("checkStartable()");
    if (method.receiverType != null) {
      start.addStatement("this.$$this = java.util.Objects.requireNonNull($$this)");
    }
    for (Local parameter : method.parameters) {
      start.addStatement("this.$L = $L", parameter.name(), parameter.name());
    }
    start.addStatement(method.overridable ? "begin(VIRTUAL_CALL)" : "begin()");
    start.addStatement("return this");
    return start.build();
  }

  /** {@code step()}: the states in a switch inside a loop that jumps re-enter. */
  private MethodSpec step(Lowered lowered) {
    StateMachine machine = lowered.machine;
    AsyncMethod method = machine.method;
    CodeBlock.Builder body = CodeBlock.builder();
    if (method.overridable) {
      body.add(dispatch(method));
    }
    if (method.isAbstract()) {
      // Overrides never answers "this body" for an abstract method
      body.addStatement("throw new java.lang.AbstractMethodError($S)", method.displayName);
      return stepMethod(body);
    }
    deferredJumps = false;
    stateCases(machine); // a first pass lets the router learn every jump through a finally block
    List<CodeBlock> cases = stateCases(machine);
    List<int[]> parts = parts(cases);
    if (parts.size() == 1) {
      if (machine.catches) {
        body.addStatement("java.lang.Throwable $$caught = null");
      }
      if (deferredJumps) {
        body.addStatement("int $L = -1", Router.DEFERRED_LABEL);
      }
      body.add(dispatchLoop(lowered, cases, 0, cases.size(), false));
      return stepMethod(body);
    }
    // past javac's 64 KB for one method: step() runs parts of the states, each a method of its
    // own (step$1, ..); a jump to another part's state returns NEXT_PART, and step() calls that
    // part. What one step() call keeps in locals is then in fields.
    if (machine.catches) {
      body.addStatement("this.$$caught = null");
    }
    if (deferredJumps) {
      body.addStatement("this.$L = -1", Router.DEFERRED_LABEL);
    }
    body.beginControlFlow("while (true)");
    body.addStatement("java.lang.Object $$result");
    for (int k = 0; k < parts.size(); k++) {
      int[] part = parts.get(k);
      String test = "this.label >= $L && this.label < $L";
      if (k == 0) {
        body.beginControlFlow("if (" + test + ")", part[0], part[1]);
      } else {
        body.nextControlFlow("else if (" + test + ")", part[0], part[1]);
      }
      body.addStatement("$$result = step$$$L()", k + 1);
    }
    body.nextControlFlow("else");
    body.addStatement("throw unknownLabel()");
    body.endControlFlow();
    body.addStatement("if ($$result != NEXT_PART) return $$result");
    body.endControlFlow();
    stepParts = new ArrayList<>();
    for (int k = 0; k < parts.size(); k++) {
      int[] part = parts.get(k);
      stepParts.add(MethodSpec.methodBuilder("step$" + (k + 1))
          .addJavadoc("States $L to $L of {@code step()}.\n", part[0], part[1] - 1)
          .addAnnotation(AnnotationSpec.builder(SuppressWarnings.class)
              .addMember("value", "{$S, $S}", "unchecked", "all").build())
          .addModifiers(Modifier.PRIVATE)
          .returns(Object.class)
          .addException(Throwable.class)
          .addCode(dispatchLoop(lowered, cases, part[0], part[1], true))
          .build());
    }
    return stepMethod(body);
  }

  /**
   * The parts of step() that states {@code [from, to)} make, as ranges: one while all the
   * states' code is far below the 64 KB javac allows a method (by its text, a bound well above
   * its bytes), else consecutive ranges of at most {@link #stepChars} characters each.
   */
  private List<int[]> parts(List<CodeBlock> cases) {
    List<int[]> parts = new ArrayList<>();
    int total = 0;
    for (CodeBlock state : cases) {
      total += state.toString().length();
    }
    if (total <= 4 * stepChars / 3) {
      parts.add(new int[] {0, cases.size()});
      return parts;
    }
    int from = 0;
    int size = 0;
    for (int i = 0; i < cases.size(); i++) {
      int length = cases.get(i).toString().length();
      if (size > 0 && size + length > stepChars) {
        parts.add(new int[] {from, i});
        from = i;
        size = 0;
      }
      size += length;
    }
    parts.add(new int[] {from, cases.size()});
    return parts;
  }

  /**
   * {@code dispatch: while (true) { try { switch (this.label) { case ..: } } catch (..) {..} }}
   * over the states {@code [from, to)}. In a part of a split step() ({@code part}), a state
   * outside the part is reached by returning {@code NEXT_PART}, also where the part's last state
   * falls through to the next part's first.
   */
  private CodeBlock dispatchLoop(Lowered lowered, List<CodeBlock> cases, int from, int to,
      boolean part) {
    StateMachine machine = lowered.machine;
    CodeBlock.Builder body = CodeBlock.builder();
    constants(body, lowered); // each part declares them again
    body.add("dispatch:\n");
    body.beginControlFlow("while (true)");
    if (deferredJumps) {
      // a jump out of a plain try statement changes the state once its finally code has run
      body.beginControlFlow("if ($L >= 0)", Router.DEFERRED_LABEL);
      body.addStatement("this.label = $L", Router.DEFERRED_LABEL);
      body.addStatement("$L = -1", Router.DEFERRED_LABEL);
      body.endControlFlow();
    }
    if (machine.hasRegions()) {
      body.beginControlFlow("try");
      if (part) {
        // thrown in another part while the label was one of this part's (see the catch below)
        body.beginControlFlow("if (this.$$rethrow != null)");
        body.addStatement("java.lang.Throwable $$t = this.$$rethrow");
        body.addStatement("this.$$rethrow = null");
        body.addStatement("throw $$t");
        body.endControlFlow();
      }
    }
    body.beginControlFlow("switch (this.label)");
    for (CodeBlock state : cases.subList(from, to)) {
      body.add(state);
    }
    if (part && to < cases.size()) {
      // the last state may fall through: into the next part's first state, as one switch would
      body.add("case $L: {\n", Integer.MIN_VALUE);
      body.indent();
      body.addStatement("this.label = $L", to);
      body.addStatement("return NEXT_PART");
      body.unindent();
      body.add("}\n");
    }
    body.add("default:\n");
    body.indent();
    body.addStatement(part ? "return NEXT_PART" : "throw unknownLabel()");
    body.unindent();
    body.endControlFlow();
    if (machine.hasRegions()) {
      // } catch (Throwable $e) {  an exception inside a try statement that was taken apart
      body.nextControlFlow("catch (java.lang.Throwable $$e)");
      body.addStatement("if (isEscapedSuspendBlock($$e)) throw $$e");
      if (deferredJumps) {
        body.addStatement("$L = -1", Router.DEFERRED_LABEL); // the jump did not happen
      }
      body.beginControlFlow("switch (this.label)");
      Map<List<Region.Membership>, List<Integer>> byChain = new LinkedHashMap<>();
      for (State state : machine.states.subList(from, to)) {
        if (!state.chain().isEmpty()) {
          byChain.computeIfAbsent(state.chain(), k -> new ArrayList<>()).add(state.number());
        }
      }
      for (Map.Entry<List<Region.Membership>, List<Integer>> entry : byChain.entrySet()) {
        for (int number : entry.getValue()) {
          body.add("case $L:\n", number);
        }
        body.add("{\n");
        body.indent();
        body.add("$L\n", Router.handling(entry.getKey(), "$e"));
        body.unindent();
        body.add("}\n");
      }
      body.add("default:\n");
      body.indent();
      if (part) {
        // the label was already the next state's, of another part: its handlers decide
        body.beginControlFlow("if (this.label < $L || this.label >= $L)", from, to);
        body.addStatement("this.$$rethrow = $$e");
        body.addStatement("return NEXT_PART");
        body.endControlFlow();
      }
      body.addStatement("throw $$e");
      body.unindent();
      body.endControlFlow();
      body.endControlFlow();
    }
    body.endControlFlow();
    return body.build();
  }

  private void constants(CodeBlock.Builder body, Lowered lowered) {
    for (Local constant : lowered.fields) {
      if (constant.isConstant()) { // final int K = 3, a constant in every state (Local#setConstant)
        body.addStatement("final $T $L = $L", fieldType(constant), constant.name(),
            print(constant.constantInit(), lowered.machine, null, Map.of()));
      }
    }
  }

  private static MethodSpec stepMethod(CodeBlock.Builder body) {
    return MethodSpec.methodBuilder("step")
        .addAnnotation(Override.class)
        .addAnnotation(
            AnnotationSpec.builder(SuppressWarnings.class)
                // unchecked: awaited results are cast to the declared type, as javac's
                // inference did in the original; all: the user's code keeps its own warnings
                .addMember("value", "{$S, $S}", "unchecked", "all")
                .build())
        .addModifiers(Modifier.PROTECTED)
        .returns(Object.class)
        .addException(Throwable.class)
        .addCode(body.build())
        .build();
  }

  /** Each state's {@code case N: {..}}, in order, for the {@code switch (this.label)}. */
  private List<CodeBlock> stateCases(StateMachine machine) {
    int[] captureCount = {0};
    List<CodeBlock> cases = new ArrayList<>();
    for (State state : machine.states) {
      CodeBlock.Builder body = CodeBlock.builder();
      if (state.resumesAtLine() > 0) {
        body.add("// resumes after line $L\n", state.resumesAtLine());
      }
      body.add("case $L: {\n", state.number());
      body.indent();
      for (int i = 0; i < state.lines().size(); i++) {
        String indent = "  ".repeat(state.depth(i));
        Code line = state.lines().get(i);
        Map<Local, String> captures = new LinkedHashMap<>();
        collectCaptures(line, captures, captureCount);
        for (Map.Entry<Local, String> capture : captures.entrySet()) {
          // final var x$c1 = x;   (the lambda below captures this iteration's value)
          body.add("$Lfinal var $L = $L;\n", indent, capture.getValue(), read(capture.getKey()));
        }
        String text = reindent(print(line, machine, state, captures));
        if (line.line() > 0) {
          // marks the generated line with its source line; FrameEmitter.lineTable removes it
          int firstEnd = text.indexOf('\n');
          text = firstEnd < 0
              ? text + " " + marker(line.line())
              : text.substring(0, firstEnd) + " " + marker(line.line()) + text.substring(firstEnd);
        }
        body.add("$L\n", indent + text.replace("\n", "\n" + indent));
      }
      body.unindent();
      body.add("}\n");
      cases.add(body.build());
    }
    return cases;
  }

  /**
   * Hoisted locals that lambdas or class bodies in {@code code} capture, with copy names. Not a
   * pattern variable that the line itself binds ({@code (this.s = s) == s}, in a part of the
   * expression that runs before the lambda is made, perhaps past a suspension point): a copy
   * taken before the line would read it unbound, so the lambda reads the frame's field.
   */
  private static void collectCaptures(Code code, Map<Local, String> captures, int[] count) {
    java.util.Set<Local> bound = new java.util.HashSet<>();
    collectBindings(code, bound);
    collectCaptures(code, captures, count, bound);
  }

  private static void collectCaptures(
      Code code, Map<Local, String> captures, int[] count, java.util.Set<Local> bound) {
    for (Part part : code.parts()) {
      if (part instanceof Part.LocalRef) {
        Part.LocalRef ref = (Part.LocalRef) part;
        if (ref.isCaptured() && (ref.local().isHoisted() || ref.local().isParameter())
            && !ref.local().isConstant() && !captures.containsKey(ref.local())
            && !bound.contains(ref.local())) {
          captures.put(ref.local(), ref.local().name() + "$c" + (++count[0]));
        }
      } else if (part instanceof Part.LocalDecl && ((Part.LocalDecl) part).init() != null) {
        collectCaptures(((Part.LocalDecl) part).init(), captures, count, bound);
      } else if (part instanceof Part.Return && ((Part.Return) part).value() != null) {
        collectCaptures(((Part.Return) part).value(), captures, count, bound); // return () -> s
      }
    }
  }

  /** The locals {@code code} assigns as a pattern match binds them: {@code this.}local{@code  = }. */
  private static void collectBindings(Code code, java.util.Set<Local> bound) {
    List<Part> parts = code.parts();
    for (int i = 0; i < parts.size(); i++) {
      Part part = parts.get(i);
      if (part instanceof Part.LocalRef && i > 0 && i + 1 < parts.size()
          && parts.get(i - 1) instanceof Part.Text
          && ((Part.Text) parts.get(i - 1)).text().endsWith("this.")
          && parts.get(i + 1) instanceof Part.Text
          && ((Part.Text) parts.get(i + 1)).text().startsWith(" = ")) {
        bound.add(((Part.LocalRef) part).local());
      } else if (part instanceof Part.LocalDecl && ((Part.LocalDecl) part).init() != null) {
        collectBindings(((Part.LocalDecl) part).init(), bound);
      } else if (part instanceof Part.Return && ((Part.Return) part).value() != null) {
        collectBindings(((Part.Return) part).value(), bound);
      }
    }
  }

  /**
   * A read of a local: its name, or for a field of a var's intersection type, which the field does
   * not have, the conversion back to it ({@link Local#readPrefix}).
   */
  private static String read(Local local) {
    return local.isHoisted() ? local.read(local.name()) : local.name();
  }

  /** Code as Java text: locals by their final names, jumps and state numbers filled in. */
  private String print(
      Code code, StateMachine machine, State state, Map<Local, String> captures) {
    StringBuilder out = new StringBuilder();
    for (Part part : code.parts()) {
      if (part instanceof Part.LocalRef) {
        Part.LocalRef ref = (Part.LocalRef) part;
        String copy = ref.isCaptured() ? captures.get(ref.local()) : null;
        out.append(copy != null ? copy : ref.isRead() ? read(ref.local()) : ref.local().name());
      } else if (part instanceof Part.LocalDecl) {
        Part.LocalDecl decl = (Part.LocalDecl) part;
        Local local = decl.local();
        String init = decl.init() == null ? null : print(decl.init(), machine, state, captures);
        if (local.isHoisted() && local.isConstant()) {
          // declared at the top of step()
        } else if (local.isHoisted()) {
          if (init != null) {
            out.append(local.name()).append(" = ").append(init).append(';');
          }
        } else {
          String type = local.type() != null && !local.isReadConverted() ? local.type() : "var";
          if (local.isConstant()) {
            out.append("final "); // stays a constant variable: byte b = K; case K:
          }
          out.append(type).append(' ').append(local.name());
          if (init != null) {
            out.append(" = ").append(init);
          }
          out.append(';');
        }
      } else if (part instanceof Part.Jump) {
        Part.Jump jump = (Part.Jump) part;
        State target = machine.jumpState(jump.target(), jump.isContinue());
        boolean deferred = jump.leavesPlainFinally() && machine.hasRegions();
        deferredJumps |= deferred;
        out.append(Router.jumping(state.chain(), target, deferred));
      } else if (part instanceof Part.Return) {
        Code value = ((Part.Return) part).value();
        String text = value == null ? null : print(value, machine, state, captures);
        boolean deferred = ((Part.Return) part).leavesPlainFinally() && machine.hasRegions();
        deferredJumps |= deferred && !state.chain().isEmpty();
        out.append(Router.returning(state.chain(), text, deferred));
      } else if (part instanceof Part.CancelDeferredJump) {
        if (deferredJumps) {
          out.append(" ").append(Router.DEFERRED_LABEL).append(" = -1; /* no jump: it threw */");
        }
      } else if (part instanceof StateMachineLowering.FinallyExit) {
        StateMachineLowering.FinallyExit exit = (StateMachineLowering.FinallyExit) part;
        out.append(Router.finallyExit(exit.region, state.chain(), exit.after));
      } else {
        out.append(part);
      }
    }
    return out.toString();
  }

  /** Removes the indentation the user's multi-line statements had in their file. */
  private static String reindent(String text) {
    String[] lines = text.split("\n", -1);
    if (lines.length == 1) {
      return text;
    }
    int common = Integer.MAX_VALUE;
    for (int i = 1; i < lines.length; i++) {
      String line = lines[i];
      if (line.isBlank()) {
        continue;
      }
      int indent = 0;
      while (indent < line.length() && line.charAt(indent) == ' ') {
        indent++;
      }
      common = Math.min(common, indent);
    }
    if (common == Integer.MAX_VALUE) {
      common = 0;
    }
    StringBuilder out = new StringBuilder(lines[0]);
    for (int i = 1; i < lines.length; i++) {
      String line = lines[i];
      out.append('\n').append(line.isBlank() ? "" : line.substring(Math.min(common, line.length())));
    }
    return out.toString();
  }

  // --- types ------------------------------------------------------------------------------------

  /**
   * JavaPoet's type variable of a declaration, keeping a leading {@code Object} bound, which
   * JavaPoet drops: in {@code T extends Object & Comparable<? super T>} it makes the erasure
   * {@code Object}, and the erasure is the signature that overrides and handles match.
   */
  private static TypeVariableName typeVariable(
      javax.lang.model.element.TypeParameterElement declared) {
    TypeVariableName variable = TypeVariableName.get(declared);
    List<? extends TypeMirror> bounds = declared.getBounds();
    if (bounds.size() < 2 || !TypeName.get(bounds.get(0)).equals(ClassName.OBJECT)) {
      return variable;
    }
    List<TypeName> withObject = new ArrayList<>();
    withObject.add(ClassName.OBJECT);
    withObject.addAll(variable.bounds());
    return TypeVariableName.get(variable.name()).withBounds(withObject);
  }

  /** The frame's type variables, bounds included (the body may call a bound's methods). */
  private List<TypeVariableName> typeVariables(AsyncMethod method) {
    List<TypeVariableName> variables = new ArrayList<>();
    for (javax.lang.model.element.TypeParameterElement parameter : method.typeVariables) {
      TypeVariableName variable = typeVariable(parameter);
      variable.bounds().forEach(this::track);
      variables.add(variable);
    }
    return variables;
  }

  private TypeName parameterized(ClassName raw, List<TypeVariableName> variables) {
    if (variables.isEmpty()) {
      return raw;
    }
    return ParameterizedTypeName.get(raw, variables.toArray(new TypeName[0]));
  }

  private TypeName receiverType(AsyncMethod method) {
    if (method.receiverType.contains(">.")) { // Box<T>.Node: JavaPoet's model of the nest
      return track(TypeName.get(method.element.getEnclosingElement().asType()));
    }
    return fromSource(method.receiverType);
  }

  private TypeName boxedReturnType(AsyncMethod method) {
    TypeMirror type = method.element.getReturnType();
    if (type.getKind() == TypeKind.VOID) {
      return ClassName.get(Void.class);
    }
    if (type.getKind() == TypeKind.ERROR) {
      return fromSource(method.returnType); // this owner's frame class, not generated yet
    }
    return track(TypeName.get(type).box());
  }

  /** A field's type: javac's type when it has one, else the source text the user wrote. */
  private TypeName fieldType(Local local) {
    TypeMirror mirror = local.mirror();
    if (mirror != null && mirror.getKind() != TypeKind.ERROR && TypeSource.print(mirror) != null) {
      return visible(track(TypeName.get(mirror)));
    }
    return visible(fromSource(local.resolvedType()));
  }

  /**
   * A type written as source: a simple qualified name JavaPoet can model, or otherwise a name
   * JavaPoet prints verbatim (a parameterized type whose class javac has not generated yet).
   */
  private TypeName fromSource(String source) {
    switch (source) {
      case "boolean": return TypeName.BOOLEAN;
      case "byte": return TypeName.BYTE;
      case "short": return TypeName.SHORT;
      case "int": return TypeName.INT;
      case "long": return TypeName.LONG;
      case "char": return TypeName.CHAR;
      case "float": return TypeName.FLOAT;
      case "double": return TypeName.DOUBLE;
      default: break;
    }
    if (source.endsWith("[]")) {
      return com.palantir.javapoet.ArrayTypeName.of(
          fromSource(source.substring(0, source.length() - 2)));
    }
    int generic = source.indexOf('<');
    String raw = generic < 0 ? source : source.substring(0, generic);
    ClassName rawName = ClassName.bestGuess(raw);
    qualified.add(rawName.simpleName());
    if (generic < 0) {
      return rawName;
    }
    List<TypeName> arguments = new ArrayList<>();
    for (String argument : splitTypeArguments(source.substring(generic + 1, source.length() - 1))) {
      arguments.add(argument.contains(".") ? fromSource(argument) : TypeVariableName.get(argument));
    }
    return ParameterizedTypeName.get(rawName, arguments.toArray(new TypeName[0]));
  }

  private static List<String> splitTypeArguments(String arguments) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    int from = 0;
    for (int i = 0; i < arguments.length(); i++) {
      char c = arguments.charAt(i);
      if (c == '<') {
        depth++;
      } else if (c == '>') {
        depth--;
      } else if (c == ',' && depth == 0) {
        parts.add(arguments.substring(from, i).trim());
        from = i + 1;
      }
    }
    parts.add(arguments.substring(from).trim());
    return parts;
  }

  /** Notes the class names a type mentions, so that all of them are written qualified. */
  private TypeName track(TypeName type) {
    if (type instanceof ClassName) {
      for (ClassName name = (ClassName) type; name != null; name = name.enclosingClassName()) {
        qualified.add(name.simpleName());
      }
    } else if (type instanceof ParameterizedTypeName) {
      ParameterizedTypeName parameterized = (ParameterizedTypeName) type;
      track(parameterized.rawType());
      for (TypeName argument : parameterized.typeArguments()) {
        track(argument);
      }
    } else if (type instanceof com.palantir.javapoet.ArrayTypeName) {
      track(((com.palantir.javapoet.ArrayTypeName) type).componentType());
    } else if (type instanceof com.palantir.javapoet.WildcardTypeName) {
      com.palantir.javapoet.WildcardTypeName wildcard = (com.palantir.javapoet.WildcardTypeName) type;
      wildcard.upperBounds().forEach(this::track);
      wildcard.lowerBounds().forEach(this::track);
    }
    return type;
  }

  private static final java.util.regex.Pattern MARKER =
      java.util.regex.Pattern.compile(" ?/\\*@L(\\d+)\\*/");

  private static String marker(long line) {
    return "/*@L" + line + "*/";
  }

  /**
   * Removes the line markers and appends, at the end of the class (so no line above moves), the
   * table from generated lines to the user's source lines, for stack traces.
   */
  /** The most numbers the line table holds as an array initializer. */
  static final int MAX_INITIALIZED_LINES = 4000;

  private static String lineTable(String file) {
    String[] lines = file.split("\n", -1);
    List<Integer> pairs = new ArrayList<>();
    for (int i = 0; i < lines.length; i++) {
      java.util.regex.Matcher m = MARKER.matcher(lines[i]);
      if (m.find()) {
        pairs.add(i + 1);
        pairs.add(Integer.parseInt(m.group(1)));
        lines[i] = m.replaceAll("");
      }
    }
    String stripped = String.join("\n", lines);
    int close = stripped.lastIndexOf('}');
    StringBuilder table = new StringBuilder();
    table.append("\n  /** Generated line, source line: pairs for the frames' stack traces. */\n");
    if (pairs.size() <= MAX_INITIALIZED_LINES) {
      table.append("  private static final int[] LINES = {");
      for (int i = 0; i < pairs.size(); i += 2) {
        table.append(i == 0 ? "" : ", ").append(pairs.get(i)).append(", ").append(pairs.get(i + 1));
      }
      table.append("};\n\n");
    } else {
      // an initializer this long would pass the class initializer's 64 KiB: strings instead
      table.append("  private static final int[] LINES = dev.stackless.internal.LineTable.decode(");
      StringBuilder chunk = new StringBuilder();
      String separator = "\n      ";
      for (int i = 0; i < pairs.size(); i += 2) {
        chunk.append(chunk.length() == 0 ? "" : ",").append(pairs.get(i)).append(',')
            .append(pairs.get(i + 1));
        if (chunk.length() > 2000 || i + 2 >= pairs.size()) {
          table.append(separator).append('"').append(chunk).append('"');
          separator = ",\n      ";
          chunk.setLength(0);
        }
      }
      table.append(");\n\n");
    }
    table.append("  /** The source line of a line of this file, or 0. */\n");
    table.append("  static int sourceLine$(int generatedLine) {\n");
    table.append("    int line = 0;\n");
    table.append("    for (int i = 0; i < LINES.length && LINES[i] <= generatedLine; i += 2) {\n");
    table.append("      line = LINES[i + 1];\n");
    table.append("    }\n");
    table.append("    return line;\n");
    table.append("  }\n");
    return stripped.substring(0, close) + table + stripped.substring(close);
  }

  /** Puts the user's imports after the package line JavaPoet wrote. */
  private static String withImports(String file, List<String> imports) {
    if (imports.isEmpty()) {
      return file;
    }
    int at = file.startsWith("package ") ? file.indexOf('\n') + 1 : 0;
    StringBuilder out = new StringBuilder(file.substring(0, at));
    out.append('\n');
    for (String imp : imports) {
      out.append(imp).append('\n');
    }
    out.append(file.substring(at));
    return out.toString();
  }
}
