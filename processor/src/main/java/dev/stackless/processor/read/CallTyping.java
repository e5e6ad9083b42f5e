package dev.stackless.processor.read;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParameterizedTypeTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.Tree;
import dev.stackless.processor.model.Code;
import dev.stackless.processor.model.TypeSource;
import dev.stackless.processor.model.TypingHelper;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.TypeParameterElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;

/**
 * Which {@code @Async} calls inside larger expressions need their awaited value typed again as
 * Java infers the call there, and the {@link TypingHelper}s that do it. Such a call is generic,
 * and every argument that could tell its result's type variables is a {@code null} or a diamond
 * without arguments ({@code take(load(null))}, {@code take(load(new ArrayList<>()))}): on its
 * own the frame's result is then {@code Object} or {@code ArrayList<Object>}, in Java the target
 * decides. Arguments that pin the variables leave the call as it is: Java infers the same from
 * them alone.
 */
final class CallTyping {
  private final Types types;
  private final Function<String, TypeElement> classOfTypeName;
  private final UnaryOperator<String> newName;
  /** The methods a plain call may denote by its name, or null (BodyReader's candidates). */
  private final Function<MethodInvocationTree, List<ExecutableElement>> candidates;
  private final List<TypingHelper> helpers = new ArrayList<>();
  private final Map<MethodInvocationTree, UnaryOperator<Code>> sites = new IdentityHashMap<>();
  private final Map<String, String> helperNames = new java.util.HashMap<>();

  CallTyping(Types types, Function<String, TypeElement> classOfTypeName,
      UnaryOperator<String> newName,
      Function<MethodInvocationTree, List<ExecutableElement>> candidates) {
    this.types = types;
    this.classOfTypeName = classOfTypeName;
    this.newName = newName;
    this.candidates = candidates;
  }

  List<TypingHelper> helpers() {
    return helpers;
  }

  /**
   * How the awaited value of {@code invocation}, a call of {@code method}, is typed as Java types
   * the call ({@code value -> $typed1(value, null)}), or null when the value's own type is the
   * call's.
   */
  UnaryOperator<Code> typing(MethodInvocationTree invocation, ExecutableElement method) {
    if (!sites.containsKey(invocation)) {
      sites.put(invocation, newTyping(invocation, method));
    }
    return sites.get(invocation);
  }

  private UnaryOperator<Code> newTyping(MethodInvocationTree invocation,
      ExecutableElement method) {
    if (!invocation.getTypeArguments().isEmpty() || !isNameable(method)) {
      return null;
    }
    List<TypeParameterElement> inResult = new ArrayList<>();
    for (TypeParameterElement variable : method.getTypeParameters()) {
      if (TypeSource.mentions(method.getReturnType(), isVariable(variable))) {
        inResult.add(variable);
      }
    }
    List<Integer> mirrored = new ArrayList<>();
    List<Object> passed = new ArrayList<>();
    for (int i = 0; i < method.getParameters().size(); i++) {
      TypeMirror parameter = method.getParameters().get(i).asType();
      if (inResult.stream().noneMatch(v -> TypeSource.mentions(parameter, isVariable(v)))) {
        continue;
      }
      boolean variableArity = method.isVarArgs() && i == method.getParameters().size() - 1;
      ExpressionTree argument = variableArity || i >= invocation.getArguments().size()
          ? null : withoutParentheses(invocation.getArguments().get(i));
      if (argument != null && argument.getKind() == Tree.Kind.NULL_LITERAL) {
        passed.add("null");
      } else {
        TypedNull typedNull = typedNull(argument);
        if (typedNull == null) {
          return null; // an argument that tells the type, as Java sees it on its own too
        }
        passed.add(typedNull);
      }
      mirrored.add(i);
    }
    if (mirrored.isEmpty()) {
      return null; // the target alone types it: Results.inferred
    }
    String name = helper(method.getEnclosingElement() + "." + method + mirrored,
        helperName -> TypingHelper.typedResult(helperName, method, mirrored));
    List<Object> arguments = new ArrayList<>();
    for (Object argument : passed) {
      if (argument instanceof TypedNull) {
        TypedNull typedNull = (TypedNull) argument;
        arguments.add(", " + helper(typedNull.key, helperName -> TypingHelper.typedNull(
            helperName, typedNull.variables, typedNull.type, typedNull.shown)) + "()");
      } else {
        arguments.add(", " + argument);
      }
    }
    return value -> {
      List<Object> pieces = new ArrayList<>(List.of(name, "(", value));
      pieces.addAll(arguments);
      pieces.add(")");
      return Code.concat(pieces.toArray());
    };
  }

  /** The name of the helper {@code key} describes, made the first time a call needs it. */
  private String helper(String key, Function<String, TypingHelper> make) {
    return helperNames.computeIfAbsent(key, k -> {
      TypingHelper helper = make.apply(newName.apply("$typed"));
      helpers.add(helper);
      return helper.name;
    });
  }

  /** A typed null to come: what {@link TypingHelper#typedNull} is made of. */
  private static final class TypedNull {
    final String key;
    final List<? extends TypeParameterElement> variables;
    final TypeMirror type;
    final String shown;

    TypedNull(String key, List<? extends TypeParameterElement> variables, TypeMirror type,
        String shown) {
      this.key = key;
      this.variables = variables;
      this.type = type;
      this.shown = shown;
    }
  }

  /**
   * For a poly argument whose type arguments only its target tells, a typed null standing for
   * it: a diamond without arguments ({@code new ArrayList<>()}) or a call of a generic method
   * whose result's type variables no parameter mentions ({@code List.of()}); else null.
   */
  private TypedNull typedNull(ExpressionTree argument) {
    if (argument instanceof NewClassTree) {
      TypeElement type = diamondClass((NewClassTree) argument);
      return type == null ? null : new TypedNull(type.getQualifiedName().toString(),
          type.getTypeParameters(), type.asType(), "new " + type.getSimpleName() + "<>()");
    }
    if (!(argument instanceof MethodInvocationTree)) {
      return null;
    }
    MethodInvocationTree call = (MethodInvocationTree) argument;
    List<ExecutableElement> named = call.getTypeArguments().isEmpty()
        ? candidates.apply(call) : null;
    if (named == null) {
      return null;
    }
    int arity = call.getArguments().size();
    List<ExecutableElement> applicable = new ArrayList<>();
    for (ExecutableElement candidate : named) {
      if (candidate.getParameters().size() == arity && !candidate.isVarArgs()) {
        applicable.add(candidate);
      } else if (candidate.isVarArgs() && arity > 0) {
        return null; // which one Java picks depends on the arguments' types
      }
    }
    ExecutableElement method = applicable.size() == 1 ? applicable.get(0) : null;
    if (method == null || method.getTypeParameters().isEmpty() || !isNameable(method)) {
      return null;
    }
    TypeMirror result = method.getReturnType();
    for (TypeParameterElement variable : method.getTypeParameters()) {
      if (TypeSource.mentions(result, isVariable(variable)) && method.getParameters().stream()
          .anyMatch(p -> TypeSource.mentions(p.asType(), isVariable(variable)))) {
        return null; // an argument may tell it
      }
    }
    return new TypedNull(method.getEnclosingElement() + "." + method, method.getTypeParameters(),
        result, method.getEnclosingElement().getSimpleName() + "." + method.getSimpleName()
            + "(..)");
  }

  /** The class of {@code new C<>()}, when a typed null can stand for it; else null. */
  private TypeElement diamondClass(NewClassTree created) {
    if (created.getClassBody() != null || created.getEnclosingExpression() != null
        || !created.getArguments().isEmpty()
        || !(created.getIdentifier() instanceof ParameterizedTypeTree)
        || !((ParameterizedTypeTree) created.getIdentifier()).getTypeArguments().isEmpty()) {
      return null;
    }
    TypeElement type = classOfTypeName.apply(
        ((ParameterizedTypeTree) created.getIdentifier()).getType().toString());
    if (type == null || type.getTypeParameters().isEmpty()
        || type.getModifiers().contains(Modifier.PRIVATE)
        || !(type.getNestingKind() == NestingKind.TOP_LEVEL
            || type.getModifiers().contains(Modifier.STATIC))) {
      return null;
    }
    for (TypeParameterElement variable : type.getTypeParameters()) {
      for (TypeMirror bound : variable.getBounds()) {
        if (!isNameable(bound, type)) {
          return null;
        }
      }
    }
    return type;
  }

  /** Whether a helper may repeat the method's signature: it names nothing but its own. */
  private boolean isNameable(ExecutableElement method) {
    if (!isNameable(method.getReturnType(), method)) {
      return false;
    }
    for (TypeParameterElement variable : method.getTypeParameters()) {
      for (TypeMirror bound : variable.getBounds()) {
        if (!isNameable(bound, method)) {
          return false;
        }
      }
    }
    return method.getParameters().stream().allMatch(p -> isNameable(p.asType(), method));
  }

  private static boolean isNameable(TypeMirror type, javax.lang.model.element.Element declarer) {
    return !TypeSource.mentionsError(type) && !TypeSource.mentionsLocalClass(type)
        && !TypeSource.mentionsTypeVariableNotOf(type, declarer)
        && (type.getKind().isPrimitive() || TypeSource.print(type) != null);
  }

  private java.util.function.Predicate<TypeMirror> isVariable(TypeParameterElement variable) {
    return t -> t.getKind() == TypeKind.TYPEVAR && types.isSameType(t, variable.asType());
  }

  private static ExpressionTree withoutParentheses(ExpressionTree tree) {
    while (tree instanceof ParenthesizedTree) {
      tree = ((ParenthesizedTree) tree).getExpression();
    }
    return tree;
  }
}
