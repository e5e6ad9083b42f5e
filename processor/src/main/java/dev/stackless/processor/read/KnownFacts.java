package dev.stackless.processor.read;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.PrimitiveTypeTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import dev.stackless.processor.model.Local;
import dev.stackless.processor.model.TypeSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;

/**
 * What a {@link BodyReader} knows of names and calls at one point of an {@code @Async} body: the
 * types of locals, fields and calls that {@link ObviousTypes} asks for when it types an
 * expression without javac's attribution. Split from the reader so that the typing questions live
 * apart from the lowering; it reads the reader's resolver, declarations and source.
 */
final class KnownFacts implements ObviousTypes.Facts {
  private final BodyReader reader;
  private final Function<String, Local> visible;
  private final Map<ExpressionTree, java.util.Optional<String>> memo =
      new java.util.IdentityHashMap<>();

  /** Facts for one point of {@code reader}'s body, where {@code visible} names the locals. */
  KnownFacts(BodyReader reader, Function<String, Local> visible) {
    this.reader = reader;
    this.visible = visible;
  }

  @Override
  public Map<ExpressionTree, java.util.Optional<String>> memo() {
    return memo;
  }

  @Override
  public String variableType(String name) {
    Local local = visible.apply(name);
    if (local != null) {
      TypeMirror mirror = local.isParameter() ? local.mirror() : null;
      if (mirror != null && TypeSource.isError(mirror)) {
        return local.resolvedType(); // this owner's frame class, as the signature writes it
      }
      if (mirror != null) {
        return TypeSource.mentionsError(mirror) ? null : TypeSource.print(mirror);
      }
      String type = local.isVar() ? local.resolvedType() : local.type();
      // a var of an intersection type: its field's type is no type of the var's
      return local.isReadConverted() ? null : qualified(type);
    }
    NameResolver.Member field = reader.names.field(name);
    if (field == null) {
      // a local the reader has not reached yet (f(ii) in a loop asked about before it is
      // read): the method's only declaration of that name, when it writes its type
      return soleDeclaredType(name);
    }
    if (TypeSource.mentionsError(field.element.asType())) {
      return null;
    }
    return TypeSource.print(field.element.asType());
  }

  @Override
  public String identifierType(IdentifierTree use) {
    String name = use.getName().toString();
    if (visible.apply(name) != null || reader.names.field(name) != null) {
      return variableType(name);
    }
    // not reached yet: the declaration in scope at the use, when it writes its type (a loop's
    // variable, with a lambda's parameter of the same name elsewhere in the method)
    TreePath declaration = reader.declarations.declarationOf(use);
    if (declaration != null && declaration.getLeaf() instanceof VariableTree
        && !BodyReader.isVar((VariableTree) declaration.getLeaf())
        && ((VariableTree) declaration.getLeaf()).getType() != null) {
      String written = ((VariableTree) declaration.getLeaf()).getType().toString();
      return TypeSource.isPrimitive(written) ? written : qualified(written);
    }
    return variableType(name);
  }

  private String soleDeclaredType(String name) {
    VariableTree found = reader.soleDeclaration(name);
    Tree type = found == null ? null : found.getType();
    if (type == null || BodyReader.isVar(found)) {
      return null;
    }
    String written = type.toString();
    return TypeSource.isPrimitive(written) ? written : qualified(written);
  }

  @Override
  public String awaitedType(
      MethodInvocationTree await, Function<ExpressionTree, String> typeOf) {
    if (Intrinsics.keyword(await, reader.names) != Intrinsics.Keyword.AWAIT
        || await.getArguments().size() != 1) {
      return null;
    }
    ExpressionTree frame = await.getArguments().get(0);
    while (frame instanceof ParenthesizedTree) {
      frame = ((ParenthesizedTree) frame).getExpression();
    }
    ExecutableElement awaited = reader.awaitedMethod(frame, visible);
    if (awaited == null || reader.resultType(awaited) == null && !(frame instanceof MethodInvocationTree)) {
      // Frame<Integer> f, or a frame class with its type arguments written: the T of Frame<T>
      DeclaredType type = reader.receiverType(frame);
      TypeElement frameClass = reader.env.getElementUtils().getTypeElement("dev.stackless.Frame");
      DeclaredType asFrame = type == null || frameClass == null ? null : reader.asSuperOf(type, frameClass);
      TypeMirror result = asFrame == null || asFrame.getTypeArguments().size() != 1
          ? null : asFrame.getTypeArguments().get(0);
      return result == null || TypeSource.mentionsError(result)
          || result.getKind() == TypeKind.WILDCARD ? null : TypeSource.print(result);
    }
    String result = reader.resultType(awaited);
    if (result == null && frame instanceof MethodInvocationTree) {
      // a factory takes the receiver first
      int first = awaited.getModifiers().contains(Modifier.STATIC) ? 0 : 1;
      String inferred = inferredResult(awaited, (ExecutableType) awaited.asType(),
          (MethodInvocationTree) frame, first, typeOf);
      result = inferred == null ? null : TypeSource.boxed(inferred);
    }
    return result;
  }

  @Override
  public String asyncCallType(
      MethodInvocationTree call, Function<ExpressionTree, String> typeOf) {
    Intrinsics.AsyncCall async;
    try {
      async = Intrinsics.keyword(call, reader.names) != null ? null
          : Intrinsics.asyncCall(call, reader.names, name -> null,
              unknown -> reader.mayCallAsync(unknown, this));
    } catch (Intrinsics.Undecidable e) {
      return null;
    }
    TypeMirror result = async == null ? null : async.method.getReturnType();
    if (result != null && TypeSource.mentionsTypeVariable(result)
        && !TypeSource.mentionsError(result)) {
      return inferredResult(
          async.method, (ExecutableType) async.method.asType(), call, 0, typeOf);
    }
    if (result == null || TypeSource.mentionsError(result)
        || TypeSource.mentionsTypeVariable(result)) {
      return null;
    }
    return TypeSource.print(result);
  }

  /**
   * For a generic method whose result mentions its own type variables ({@code <V> V pass(V
   * value)}, {@code <E> List<E> List.of(E, E)}), the result with what Java infers for them from a
   * call with no target type, where that is plain: type arguments written out ({@code
   * OwnerAsync.<String>pass(..)}, for the {@code java.lang} types only, whose simple names mean
   * the same in the generated class), or, for each variable, the boxed type of every argument
   * given for a parameter of exactly that type or for its variable arity {@code E...}, when they
   * agree (JLS 18.5.2: those are its only bounds). Else null. {@code type} is the method's type
   * as a member of the receiver's; {@code first} is the argument of the first parameter.
   */
  private String inferredResult(ExecutableElement method, ExecutableType type,
      MethodInvocationTree call, int first, Function<ExpressionTree, String> typeOf) {
    List<String> variables = method.getTypeParameters().stream()
        .map(variable -> variable.getSimpleName().toString()).collect(Collectors.toList());
    if (variables.isEmpty()) {
      return null;
    }
    Map<String, String> inferred = new HashMap<>();
    if (!call.getTypeArguments().isEmpty()) {
      if (call.getTypeArguments().size() != variables.size()) {
        return null;
      }
      for (int i = 0; i < variables.size(); i++) {
        Tree argument = call.getTypeArguments().get(i);
        String written = reader.source.subSequence(
            (int) reader.positions.getStartPosition(reader.unit, argument),
            (int) reader.positions.getEndPosition(reader.unit, argument)).toString();
        if (!BodyReader.LANG_TYPES.contains(written)) {
          return null;
        }
        inferred.put(variables.get(i), "java.lang." + written);
      }
    } else if (!inferFromArguments(method, type, call, first, typeOf, variables, inferred)) {
      return null;
    }
    return TypeSource.print(type.getReturnType(), variable -> {
      String name = variable.asElement().getSimpleName().toString();
      return variables.contains(name) ? inferred.get(name) : null; // null: not plain
    });
  }

  /** Fills {@code inferred} as {@link #inferredResult} says; false when that is not plain. */
  boolean inferFromArguments(ExecutableElement method, ExecutableType type,
      MethodInvocationTree call, int first, Function<ExpressionTree, String> typeOf,
      List<String> variables, Map<String, String> inferred) {
    List<? extends TypeMirror> parameters = type.getParameterTypes();
    List<? extends ExpressionTree> arguments = call.getArguments();
    int fixed = method.isVarArgs() ? parameters.size() - 1 : parameters.size();
    if (arguments.size() - first < fixed
        || (!method.isVarArgs() && arguments.size() - first != fixed)) {
      return false;
    }
    for (int i = first; i < arguments.size(); i++) {
      int index = i - first;
      TypeMirror parameter = index < fixed ? parameters.get(index)
          : ((javax.lang.model.type.ArrayType) parameters.get(fixed)).getComponentType();
      String variable = parameter.getKind() == TypeKind.TYPEVAR
          ? ((javax.lang.model.type.TypeVariable) parameter).asElement().getSimpleName().toString()
          : null;
      if (variable == null || !variables.contains(variable)) {
        if (TypeSource.mentions(parameter, t -> t.getKind() == TypeKind.TYPEVAR
            && variables.contains(((javax.lang.model.type.TypeVariable) t).asElement()
                .getSimpleName().toString()))) {
          return false; // List<V>, V[], Function<V, R>: not plain
        }
        continue;
      }
      String argument = typeOf.apply(arguments.get(i));
      if (argument == null || argument.equals("null")
          || (index >= fixed && argument.endsWith("[]") && arguments.size() - first == fixed + 1)) {
        return false; // an array given for E... may be the array itself
      }
      String boxed = TypeSource.boxed(argument);
      if (!boxed.equals(inferred.getOrDefault(variable, boxed))) {
        return false; // a least upper bound
      }
      inferred.put(variable, boxed);
    }
    return true;
  }

  @Override
  public String methodResultType(
      MethodInvocationTree call, Function<ExpressionTree, String> typeOf) {
    if (Intrinsics.keyword(call, reader.names) != null) {
      return null;
    }
    List<ExecutableElement> candidates = candidates(call, typeOf);
    if (candidates == null) {
      return null;
    }
    int arguments = call.getArguments().size();
    DeclaredType receiver = receiverMirror(call, typeOf);
    ExecutableElement chosen = mostSpecificForPrimitives(candidates, call, typeOf);
    if (chosen != null) {
      candidates = List.of(chosen); // Math.floorMod(int, int) among its long overloads
    }
    String result = null;
    for (ExecutableElement candidate : candidates) {
      int parameters = candidate.getParameters().size();
      if (parameters != arguments && !(candidate.isVarArgs() && arguments >= parameters - 1)) {
        continue;
      }
      ExecutableType type = (ExecutableType) candidate.asType();
      if (receiver != null && !candidate.getModifiers().contains(Modifier.STATIC)) {
        try { // list.get(i) on a List<Integer>: Integer
          type = (ExecutableType) reader.env.getTypeUtils().asMemberOf(receiver, candidate);
        } catch (IllegalArgumentException notAMember) {
          return null;
        }
      }
      TypeMirror returned = type.getReturnType();
      if (TypeSource.mentionsError(returned)) {
        return null;
      }
      String printed = TypeSource.mentionsTypeVariable(returned) // List.of(a, b): List<A>
          ? inferredResult(candidate, type, call, 0, typeOf) : TypeSource.print(returned);
      if (printed == null || (result != null && !result.equals(printed))) {
        return null;
      }
      result = printed;
    }
    return result == null || result.equals("void") ? null : result;
  }

  /** The methods a call may denote by its name (its arity not checked), or null. */
  List<ExecutableElement> candidates(
      MethodInvocationTree call, Function<ExpressionTree, String> typeOf) {
    if (call.getMethodSelect() instanceof IdentifierTree) {
      return reader.names.methods(((IdentifierTree) call.getMethodSelect()).getName().toString());
    }
    if (call.getMethodSelect() instanceof MemberSelectTree) {
      MemberSelectTree select = (MemberSelectTree) call.getMethodSelect();
      TypeElement site = qualifierClass(select.getExpression(), typeOf);
      return site == null ? List.of()
          : reader.names.methodsOf(site, select.getIdentifier().toString());
    }
    return null;
  }

  /**
   * For a call whose arguments are all of primitive types the processor knows, or their boxes:
   * the overload Java picks (JLS 15.12.2: applicable by widening, after unboxing if an argument
   * is a box, then the most specific) when every overload of that arity takes primitives only;
   * null when that is not one.
   */
  private ExecutableElement mostSpecificForPrimitives(List<ExecutableElement> candidates,
      MethodInvocationTree call, Function<ExpressionTree, String> typeOf) {
    List<TypeKind> arguments = new ArrayList<>();
    for (ExpressionTree argument : call.getArguments()) {
      String type = typeOf.apply(argument);
      TypeKind kind = type == null ? null
          : BodyReader.PRIMITIVES.get(ObviousTypes.unboxed(type));
      if (kind == null) {
        return null;
      }
      arguments.add(kind);
    }
    List<ExecutableElement> applicable = new ArrayList<>();
    for (ExecutableElement candidate : candidates) {
      if (candidate.getParameters().size() != arguments.size() && !candidate.isVarArgs()) {
        continue;
      }
      if (candidate.isVarArgs() || candidate.getParameters().stream()
          .anyMatch(parameter -> !parameter.asType().getKind().isPrimitive())) {
        return null; // a reference parameter: Java's phases would need its types
      }
      boolean fits = true;
      for (int i = 0; i < arguments.size() && fits; i++) {
        TypeKind parameter = candidate.getParameters().get(i).asType().getKind();
        fits = parameter.isPrimitive() && widens(arguments.get(i), parameter);
      }
      if (fits) {
        applicable.add(candidate);
      }
    }
    return Overloads.mostSpecific(applicable,
        (one, other) -> widens(one.getKind(), other.getKind()));
  }

  /**
   * Whether a type is a functional interface (JLS 9.8): an interface with one abstract method,
   * not counting those of Object's public ones it repeats ({@code Comparator.equals}).
   */
  private boolean isFunctionalInterface(TypeElement type) {
    if (type.getKind() != ElementKind.INTERFACE) {
      return false;
    }
    int abstracts = 0;
    for (ExecutableElement method
        : javax.lang.model.util.ElementFilter.methodsIn(reader.env.getElementUtils().getAllMembers(type))) {
      if (!method.getModifiers().contains(Modifier.ABSTRACT)) {
        continue;
      }
      String name = method.getSimpleName().toString();
      int params = method.getParameters().size();
      boolean ofObject = name.equals("equals") && params == 1
          || (name.equals("hashCode") || name.equals("toString")) && params == 0;
      if (!ofObject) {
        abstracts++;
      }
    }
    return abstracts == 1;
  }

  /**
   * Whether {@code method} may be the one a call of its name and arity calls, by the types of
   * its arguments that the processor knows: each converts to its parameter's type by widening,
   * boxing or a subclass (an argument of unknown type may be anything).
   */
  boolean mayApply(ExecutableElement method, MethodInvocationTree call) {
    for (int i = 0; i < call.getArguments().size(); i++) {
      TypeMirror parameter = method.getParameters().get(i).asType();
      Tree.Kind kind = call.getArguments().get(i).getKind();
      if (kind == Tree.Kind.LAMBDA_EXPRESSION || kind == Tree.Kind.MEMBER_REFERENCE) {
        // a lambda or method reference fits a functional interface only
        if (!(parameter instanceof DeclaredType)
            || !isFunctionalInterface((TypeElement) ((DeclaredType) parameter).asElement())) {
          return false;
        }
        continue;
      }
      String argument = ObviousTypes.of(call.getArguments().get(i), this);
      if (argument == null || argument.equals("null") && !parameter.getKind().isPrimitive()) {
        continue;
      }
      TypeKind primitive = BodyReader.PRIMITIVES.get(ObviousTypes.unboxed(argument));
      if (parameter.getKind().isPrimitive()) {
        if (primitive == null || !widens(primitive, parameter.getKind())) {
          return false;
        }
        continue;
      }
      TypeElement type = reader.env.getElementUtils().getTypeElement(
          TypeSource.boxed(argument).replaceAll("<.*", ""));
      if (type != null && !reader.env.getTypeUtils().isSubtype(
          reader.env.getTypeUtils().erasure(type.asType()), reader.env.getTypeUtils().erasure(parameter))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether the method may apply to the call by strict invocation (JLS 15.12.2.2, the first
   * phase: no boxing or unboxing), as far as the arguments' types are known.
   */
  boolean mayApplyStrictly(ExecutableElement method, MethodInvocationTree call) {
    return appliesStrictly(method, call, true);
  }

  /**
   * The overload Java's first phase picks (JLS 15.12.2.2, 15.12.2.5) when every argument's type
   * is known: of those that surely apply by strict invocation, the one whose parameter types are
   * each a subtype of the others' ({@code int} of {@code long}); null if none or not one.
   */
  ExecutableElement mostSpecificStrictly(List<ExecutableElement> all, MethodInvocationTree call) {
    List<ExecutableElement> applicable = new ArrayList<>();
    for (ExecutableElement candidate : all) {
      if (surelyAppliesStrictly(candidate, call)) {
        applicable.add(candidate);
      }
    }
    if (applicable.isEmpty()) {
      // the second phase (JLS 15.12.2.3): boxing and unboxing too, over(boxed)
      for (ExecutableElement candidate : all) {
        if (surelyAppliesLoosely(candidate, call)) {
          applicable.add(candidate);
        }
      }
    }
    if (applicable.isEmpty()) {
      return null;
    }
    javax.lang.model.util.Types types = reader.env.getTypeUtils();
    return Overloads.mostSpecific(applicable, (one, other) -> {
      if (one.getKind().isPrimitive() || other.getKind().isPrimitive()) {
        return one.getKind().isPrimitive() && other.getKind().isPrimitive()
            && widens(one.getKind(), other.getKind());
      }
      return !TypeSource.mentionsTypeVariable(one) && !TypeSource.mentionsTypeVariable(other)
          && types.isSubtype(types.erasure(one), types.erasure(other));
    });
  }

  /**
   * Whether the method surely applies by loose invocation (JLS 15.12.2.3): every argument's type
   * is known and converts to its parameter's by widening, boxing or unboxing then widening.
   */
  private boolean surelyAppliesLoosely(ExecutableElement method, MethodInvocationTree call) {
    if (method.isVarArgs() || method.getParameters().size() != call.getArguments().size()) {
      return false;
    }
    for (int i = 0; i < call.getArguments().size(); i++) {
      String argument = ObviousTypes.of(call.getArguments().get(i), this);
      TypeMirror parameter = method.getParameters().get(i).asType();
      if (argument == null || argument.equals("null") || TypeSource.mentionsTypeVariable(parameter)) {
        return false;
      }
      if (parameter.getKind().isPrimitive()) {
        TypeKind primitive = BodyReader.PRIMITIVES.get(ObviousTypes.unboxed(argument));
        if (primitive == null || !widens(primitive, parameter.getKind())) {
          return false;
        }
        continue;
      }
      TypeElement type = reader.env.getElementUtils().getTypeElement(
          TypeSource.boxed(argument).replaceAll("<.*", ""));
      if (type == null || !reader.env.getTypeUtils().isSubtype(
          reader.env.getTypeUtils().erasure(type.asType()), reader.env.getTypeUtils().erasure(parameter))) {
        return false;
      }
    }
    return true;
  }

  /** Whether it surely does: every argument's type is known, and the method no varargs one. */
  boolean surelyAppliesStrictly(ExecutableElement method, MethodInvocationTree call) {
    return !method.isVarArgs() && method.getParameters().size() == call.getArguments().size()
        && appliesStrictly(method, call, false);
  }

  private boolean appliesStrictly(
      ExecutableElement method, MethodInvocationTree call, boolean unknownApplies) {
    for (int i = 0; i < call.getArguments().size(); i++) {
      String argument = ObviousTypes.of(call.getArguments().get(i), this);
      TypeMirror parameter = method.getParameters().get(i).asType();
      if (argument == null) {
        if (!unknownApplies) {
          return false;
        }
        continue;
      }
      boolean primitiveArgument = BodyReader.PRIMITIVES.containsKey(argument);
      if (parameter.getKind().isPrimitive()) {
        if (!primitiveArgument || !widens(BodyReader.PRIMITIVES.get(argument), parameter.getKind())) {
          return false;
        }
        continue;
      }
      if (primitiveArgument) {
        return false; // boxing: the second phase
      }
      if (argument.equals("null")) {
        continue;
      }
      TypeElement type = reader.env.getElementUtils().getTypeElement(argument.replaceAll("<.*", ""));
      if (type == null) {
        if (!unknownApplies) {
          return false;
        }
        continue;
      }
      if (!reader.env.getTypeUtils().isSubtype(
          reader.env.getTypeUtils().erasure(type.asType()), reader.env.getTypeUtils().erasure(parameter))) {
        return false;
      }
    }
    return true;
  }

  /** Identity or widening primitive conversion (JLS 5.1.2). */
  private boolean widens(TypeKind from, TypeKind to) {
    if (from == to) {
      return true;
    }
    List<TypeKind> order = List.of(TypeKind.BYTE, TypeKind.SHORT, TypeKind.INT, TypeKind.LONG,
        TypeKind.FLOAT, TypeKind.DOUBLE);
    if (from == TypeKind.CHAR) {
      return order.indexOf(to) >= order.indexOf(TypeKind.INT);
    }
    return order.contains(from) && order.contains(to) && order.indexOf(from) < order.indexOf(to);
  }

  /**
   * The type of a call's receiver: javac's when it is a body local or parameter, else the one
   * {@code typeOf} writes for it (a switch block's own local), read back; null if not known.
   */
  private DeclaredType receiverMirror(
      MethodInvocationTree call, Function<ExpressionTree, String> typeOf) {
    if (!(call.getMethodSelect() instanceof MemberSelectTree)) {
      return null;
    }
    ExpressionTree qualifier = ((MemberSelectTree) call.getMethodSelect()).getExpression();
    Local local = qualifier instanceof IdentifierTree ? visible.apply(qualifier.toString()) : null;
    TypeMirror mirror = local != null ? local.mirror()
        : TypeText.parse(typeOf.apply(qualifier), reader.env.getElementUtils(), reader.env.getTypeUtils());
    return mirror instanceof DeclaredType && !TypeSource.mentionsError(mirror)
        ? (DeclaredType) mirror : null;
  }

  /** The class a qualifier names ({@code String}) or has as its type ({@code text}), or null. */
  private TypeElement qualifierClass(
      ExpressionTree qualifier, Function<ExpressionTree, String> typeOf) {
    String text = qualifier.toString();
    if (text.equals("this") || text.equals("super")) { // this.f, super.f: inherited ones too
      TypeElement owner = reader.names.owner();
      TypeMirror superclass = owner.getSuperclass();
      return text.equals("this") ? owner
          : superclass.getKind() == TypeKind.DECLARED
              ? (TypeElement) ((DeclaredType) superclass).asElement() : null;
    }
    if (visible.apply(text) == null && reader.names.field(text) == null) {
      TypeElement named = reader.names.typeOfQualifier(text);
      if (named != null) {
        return named;
      }
    }
    String type = typeOf.apply(qualifier);
    if (type == null) {
      return null;
    }
    String raw = type.replaceAll("<.*", ""); // Map<String, Integer>: its class, Map
    if (!raw.matches("[\\w.]+")) {
      return null;
    }
    TypeElement element = reader.env.getElementUtils().getTypeElement(raw);
    return element != null ? element : reader.names.typeOfQualifier(raw);
  }

  @Override
  public String fieldType(MemberSelectTree select, Function<ExpressionTree, String> typeOf) {
    TypeElement site = qualifierClass(select.getExpression(), typeOf);
    if (site == null) {
      return null;
    }
    for (Element member : reader.env.getElementUtils().getAllMembers(site)) {
      if (member.getKind().isField() && member.getSimpleName().contentEquals(select.getIdentifier())) {
        TypeMirror type = member.asType();
        return TypeSource.mentionsError(type) || TypeSource.mentionsTypeVariable(type)
            ? null : TypeSource.print(type);
      }
    }
    return null;
  }

  @Override
  public String castType(TypeCastTree cast) {
    Tree type = cast.getType();
    if (type instanceof PrimitiveTypeTree) {
      return ((PrimitiveTypeTree) type).getPrimitiveTypeKind().name().toLowerCase(Locale.ROOT);
    }
    return type instanceof IdentifierTree ? qualified(type.toString()) : null;
  }

  @Override
  public String factoryType(MethodInvocationTree call) {
    BodyReader.FactoryCall factory = reader.factoryCall(call);
    return factory == null ? null : factory.frameClass();
  }

  @Override
  public String writtenType(Tree type) {
    if (type instanceof PrimitiveTypeTree) {
      return ((PrimitiveTypeTree) type).getPrimitiveTypeKind().name().toLowerCase(Locale.ROOT);
    }
    if (type instanceof IdentifierTree) {
      return qualified(type.toString()); // Integer: java.lang.Integer, as types are compared
    }
    if (type instanceof com.sun.source.tree.ArrayTypeTree) {
      String component = writtenType(((com.sun.source.tree.ArrayTypeTree) type).getType());
      return component == null ? null : component + "[]";
    }
    if (type instanceof com.sun.source.tree.ParameterizedTypeTree) {
      com.sun.source.tree.ParameterizedTypeTree generic =
          (com.sun.source.tree.ParameterizedTypeTree) type;
      String raw = writtenType(generic.getType());
      List<String> arguments = new ArrayList<>();
      for (Tree argument : generic.getTypeArguments()) {
        arguments.add(writtenType(argument));
      }
      return raw == null || arguments.contains(null) ? null
          : raw + "<" + String.join(", ", arguments) + ">";
    }
    if (type instanceof com.sun.source.tree.WildcardTree) {
      Tree bound = ((com.sun.source.tree.WildcardTree) type).getBound();
      String written = bound == null ? null : writtenType(bound);
      switch (type.getKind()) {
        case UNBOUNDED_WILDCARD:
          return "?";
        case EXTENDS_WILDCARD:
          return written == null ? null : "? extends " + written;
        default:
          return written == null ? null : "? super " + written;
      }
    }
    TreePath path = TreePath.getPath(reader.unit, type);
    return path == null ? null : CodeReader.read(reader, path).toString();
  }

  /**
   * The type a for-each over a value of this type (source with qualified names) gives its
   * variable: an array's component, or the type argument a collection passes to {@code
   * Iterable} ({@code java.util.List<T>}: {@code T}); else null.
   */
  String elementType(String iterated) {
    if (iterated.endsWith("[]")) {
      return iterated.substring(0, iterated.length() - 2);
    }
    int open = iterated.indexOf('<');
    if (open < 0 || !iterated.endsWith(">")) {
      return null; // a raw collection iterates Objects, which javac types
    }
    TypeElement collection = reader.env.getElementUtils().getTypeElement(iterated.substring(0, open));
    TypeElement iterable = reader.env.getElementUtils().getTypeElement("java.lang.Iterable");
    if (collection == null || iterable == null || !reader.env.getTypeUtils().isSubtype(
        reader.env.getTypeUtils().erasure(collection.asType()),
        reader.env.getTypeUtils().erasure(iterable.asType()))) {
      return null;
    }
    ExecutableElement iterator = (ExecutableElement) iterable.getEnclosedElements().stream()
        .filter(member -> member.getSimpleName().contentEquals("iterator"))
        .findFirst().orElse(null);
    if (iterator == null) {
      return null;
    }
    TypeMirror returned = ((ExecutableType) reader.env.getTypeUtils()
        .asMemberOf((DeclaredType) collection.asType(), iterator)).getReturnType();
    List<? extends TypeMirror> iteratorArguments = ((DeclaredType) returned).getTypeArguments();
    int index = iteratorArguments.size() != 1 ? -1 : collection.getTypeParameters().stream()
        .map(Element::asType).collect(Collectors.toList()).indexOf(iteratorArguments.get(0));
    List<String> arguments = typeArguments(iterated.substring(open + 1, iterated.length() - 1));
    if (index < 0 || arguments.size() != collection.getTypeParameters().size()) {
      return null;
    }
    String element = arguments.get(index);
    return element.startsWith("? extends ") ? element.substring("? extends ".length())
        : element.startsWith("?") ? null : element;
  }

  /** Type arguments written {@code A, B<C, D>}, split at the commas between them. */
  private List<String> typeArguments(String written) {
    List<String> arguments = new ArrayList<>();
    int depth = 0;
    int from = 0;
    for (int i = 0; i < written.length(); i++) {
      char c = written.charAt(i);
      depth += c == '<' ? 1 : c == '>' ? -1 : 0;
      if (c == ',' && depth == 0) {
        arguments.add(written.substring(from, i).trim());
        from = i + 1;
      }
    }
    arguments.add(written.substring(from).trim());
    return arguments;
  }

  /** A simple class name as the owner's file means it, qualified; other types as they are. */
  private String qualified(String type) {
    if (type != null && type.matches("\\w+(\\[])+")) { // Integer[]: its element qualified
      int brackets = type.indexOf('[');
      return qualified(type.substring(0, brackets)) + type.substring(brackets);
    }
    if (type == null || TypeSource.isPrimitive(type) || !type.matches("\\w+")) {
      return type;
    }
    TypeElement element = reader.names.type(type);
    return element == null ? type : element.getQualifiedName().toString();
  }
}
