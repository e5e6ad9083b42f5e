package dev.stackless.processor.read;

import com.sun.source.tree.BindingPatternTree;
import com.sun.source.tree.CaseTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreeScanner;
import dev.stackless.processor.model.TypeSource;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * The labels and the guard of a {@code case}, as the running javac gives them. The processor is
 * built for Java 17, whose tree API has constants only ({@code CaseTree.getExpressions()}); from
 * Java 21 a case has labels ({@code getLabels()}: constants, patterns, {@code default}) and a
 * guard, read here reflectively. On Java 21 {@code getExpressions()} leaves patterns out, so every
 * reader of cases goes through this class.
 */
final class CaseLabels {
  private static final Method GET_LABELS = method(CaseTree.class, "getLabels");
  private static final Method GET_GUARD = method(CaseTree.class, "getGuard");

  private CaseLabels() {}

  /** The case's labels: constant expressions, pattern labels, and default labels. */
  @SuppressWarnings("unchecked")
  static List<Tree> of(CaseTree c) {
    if (GET_LABELS == null) {
      return new ArrayList<>(c.getExpressions());
    }
    List<Tree> labels = new ArrayList<>();
    for (Tree label : (List<? extends Tree>) invoke(GET_LABELS, c)) {
      if (!label.getKind().name().equals("DEFAULT_CASE_LABEL")) {
        labels.add(label);
      }
    }
    return labels;
  }

  /** Whether the case is {@code default}, alone or as {@code case null, default}. */
  static boolean isDefault(CaseTree c) {
    if (GET_LABELS == null) {
      return c.getExpressions().isEmpty();
    }
    for (Object label : (List<?>) invoke(GET_LABELS, c)) {
      if (((Tree) label).getKind().name().equals("DEFAULT_CASE_LABEL")) {
        return true;
      }
    }
    return false;
  }

  /** The case's guard ({@code when ...}), or null. */
  static ExpressionTree guard(CaseTree c) {
    return GET_GUARD == null ? null : (ExpressionTree) invoke(GET_GUARD, c);
  }

  /** The pattern of a pattern label ({@code case String s}, {@code case Point(int x, var y)}). */
  static Tree pattern(Tree label) {
    if (label.getKind().name().equals("PATTERN_CASE_LABEL")) {
      return (Tree) invoke(method(label.getClass(), "getPattern"), label);
    }
    return label.getKind().name().endsWith("PATTERN") ? label : null;
  }

  /** The expression of a constant label ({@code case 1}, {@code case RED}, {@code case null}). */
  static ExpressionTree constant(Tree label) {
    if (label.getKind().name().equals("CONSTANT_CASE_LABEL")) {
      return (ExpressionTree) invoke(method(label.getClass(), "getConstantExpression"), label);
    }
    return label instanceof ExpressionTree && pattern(label) == null ? (ExpressionTree) label : null;
  }

  /**
   * Whether the switch matches patterns or {@code null}: its cases are tested in order, it must be
   * exhaustive, and a null selector goes to {@code case null} instead of throwing.
   */
  static boolean isPatternSwitch(List<? extends CaseTree> cases) {
    for (CaseTree c : cases) {
      if (guard(c) != null) {
        return true;
      }
      for (Tree label : of(c)) {
        ExpressionTree constant = constant(label);
        if (pattern(label) != null
            || (constant != null && constant.getKind() == Tree.Kind.NULL_LITERAL)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * The variables a pattern binds, nested record patterns included, in source order; not the
   * unnamed ones ({@code case Integer _}, Java 22), which nothing can read.
   */
  static List<VariableTree> bindings(Tree pattern) {
    List<VariableTree> found = new ArrayList<>();
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitBindingPattern(BindingPatternTree node, Void unused) {
        if (!isUnnamed(node.getVariable())) {
          found.add(node.getVariable());
        }
        return null;
      }
    }.scan(pattern, null);
    return found;
  }

  /** Whether the variable is unnamed, {@code _} (Java 22): javac gives it an empty name. */
  static boolean isUnnamed(VariableTree variable) {
    String name = variable.getName().toString();
    return name.isEmpty() || name.equals("_");
  }

  /**
   * The type of the record component that the binding {@code var x} at {@code variable} matches
   * in {@code case Point(var x, ...)}; null if it is not known or mentions a type variable whose
   * argument javac infers from what the pattern matches and the declarations do not tell.
   *
   * @param typeOf the type of a switch's selector or an instanceof's operand, or null
   */
  static TypeMirror componentType(TreePath variable, NameResolver names,
      java.util.function.Function<ExpressionTree, TypeMirror> typeOf,
      java.util.function.Function<String, TypeMirror> frameTypeVariable) {
    TreePath binding = variable.getParentPath();
    TreePath record = binding == null ? null : binding.getParentPath();
    if (record == null || !isRecordPattern(record.getLeaf())) {
      return null;
    }
    return componentOf(record, nestedPatterns(record.getLeaf()).indexOf(binding.getLeaf()), names,
        typeOf, frameTypeVariable);
  }

  private static boolean isRecordPattern(Tree tree) {
    return tree.getKind().name().equals("DECONSTRUCTION_PATTERN");
  }

  private static List<?> nestedPatterns(Tree record) {
    return (List<?>) invoke(method(record.getClass(), "getNestedPatterns"), record);
  }

  /** The type of component {@code at} of the record pattern at {@code record}, or null. */
  private static TypeMirror componentOf(TreePath record, int at, NameResolver names,
      java.util.function.Function<ExpressionTree, TypeMirror> typeOf,
      java.util.function.Function<String, TypeMirror> frameTypeVariable) {
    Tree deconstructor = (Tree) invoke(method(record.getLeaf().getClass(), "getDeconstructor"),
        record.getLeaf());
    Tree raw = deconstructor instanceof com.sun.source.tree.ParameterizedTypeTree
        ? ((com.sun.source.tree.ParameterizedTypeTree) deconstructor).getType() : deconstructor;
    TypeElement type = names.typeOfQualifier(raw.toString());
    if (type == null || at < 0 || type.getRecordComponents().size() <= at) {
      return null;
    }
    TypeMirror component = type.getRecordComponents().get(at).asType();
    if (!mentionsTypeVariable(component)) {
      return component;
    }
    DeclaredType site = deconstructor instanceof com.sun.source.tree.ParameterizedTypeTree
        ? writtenArguments(type, (com.sun.source.tree.ParameterizedTypeTree) deconstructor, names,
            frameTypeVariable)
        : inferredArguments(type, matchedType(record, names, typeOf, frameTypeVariable), names);
    if (site == null) {
      return null;
    }
    javax.lang.model.element.Element accessor = type.getRecordComponents().get(at).getAccessor();
    TypeMirror result = ((javax.lang.model.type.ExecutableType)
        names.types().asMemberOf(site, accessor)).getReturnType();
    // Box<T>(var t) in a generic method: the method's T, which the frame declares too
    return TypeSource.mentions(result, t -> t.getKind() == TypeKind.TYPEVAR
        && !isFramesOwn((javax.lang.model.type.TypeVariable) t, frameTypeVariable))
        ? null : result;
  }

  private static boolean isFramesOwn(javax.lang.model.type.TypeVariable variable,
      java.util.function.Function<String, TypeMirror> frameTypeVariable) {
    TypeMirror own = frameTypeVariable.apply(variable.asElement().getSimpleName().toString());
    return own instanceof javax.lang.model.type.TypeVariable
        && ((javax.lang.model.type.TypeVariable) own).asElement().equals(variable.asElement());
  }

  /**
   * What the record pattern at {@code record} is matched against: the enclosing record pattern's
   * component, or the switch's selector, or the instanceof's operand.
   */
  private static TypeMirror matchedType(TreePath record, NameResolver names,
      java.util.function.Function<ExpressionTree, TypeMirror> typeOf,
      java.util.function.Function<String, TypeMirror> frameTypeVariable) {
    TreePath parent = record.getParentPath();
    if (parent != null && isRecordPattern(parent.getLeaf())) {
      return componentOf(parent, nestedPatterns(parent.getLeaf()).indexOf(record.getLeaf()), names,
          typeOf, frameTypeVariable);
    }
    for (TreePath at = parent; at != null && typeOf != null; at = at.getParentPath()) {
      Tree leaf = at.getLeaf();
      if (leaf instanceof com.sun.source.tree.InstanceOfTree) {
        return typeOf.apply(((com.sun.source.tree.InstanceOfTree) leaf).getExpression());
      }
      if (leaf instanceof com.sun.source.tree.SwitchTree) {
        return typeOf.apply(((com.sun.source.tree.SwitchTree) leaf).getExpression());
      }
      if (leaf.getKind().name().equals("SWITCH_EXPRESSION")) {
        return typeOf.apply((ExpressionTree) invoke(method(leaf.getClass(), "getExpression"), leaf));
      }
      if (!(leaf instanceof CaseTree) && !leaf.getKind().name().endsWith("CASE_LABEL")
          && !(leaf instanceof com.sun.source.tree.ParenthesizedTree)
          && !leaf.getKind().name().equals("PARENTHESIZED_PATTERN")) {
        return null;
      }
    }
    return null;
  }

  /**
   * For a raw record pattern ({@code Box(var s)}), the type arguments javac infers from the type
   * it matches: that type's own, when it is the record's type ({@code Box<String>}); each type
   * variable's bound when the matched type constrains none ({@code Object}, a non-generic
   * interface); null when it may (a generic interface the record implements).
   */
  private static DeclaredType inferredArguments(TypeElement type, TypeMirror matched,
      NameResolver names) {
    if (!(matched instanceof DeclaredType)) {
      return null;
    }
    TypeElement matchedClass = (TypeElement) ((DeclaredType) matched).asElement();
    TypeMirror[] arguments = new TypeMirror[type.getTypeParameters().size()];
    if (matchedClass.equals(type)) {
      List<? extends TypeMirror> given = ((DeclaredType) matched).getTypeArguments();
      if (given.size() != arguments.length) {
        return null;
      }
      for (int i = 0; i < arguments.length; i++) {
        TypeMirror argument = given.get(i);
        if (argument instanceof javax.lang.model.type.WildcardType) {
          javax.lang.model.type.WildcardType wildcard = (javax.lang.model.type.WildcardType) argument;
          argument = wildcard.getSuperBound() != null ? null
              : wildcard.getExtendsBound() != null ? wildcard.getExtendsBound()
              : bound(type, i);
        }
        if (argument == null || mentionsTypeVariable(argument)) {
          return null;
        }
        arguments[i] = argument;
      }
    } else if (matchedClass.getTypeParameters().isEmpty()) {
      for (int i = 0; i < arguments.length; i++) {
        arguments[i] = bound(type, i);
        if (arguments[i] == null) {
          return null;
        }
      }
    } else {
      return null;
    }
    return names.types().getDeclaredType(type, arguments);
  }

  /** The bound of the record's type variable {@code i}, when it mentions no type variable. */
  private static TypeMirror bound(TypeElement type, int i) {
    List<? extends TypeMirror> bounds = type.getTypeParameters().get(i).getBounds();
    return bounds.size() != 1 || mentionsTypeVariable(bounds.get(0)) ? null : bounds.get(0);
  }

  private static boolean mentionsTypeVariable(TypeMirror type) {
    return TypeSource.mentions(type, t -> t.getKind() == TypeKind.TYPEVAR);
  }

  /**
   * For a record pattern that writes its type arguments ({@code Box<String>(var s)}), that type;
   * a wildcard's variable is its bound ({@code Box<?>(var s)}: the capture's members are the
   * bound's).
   */
  private static DeclaredType writtenArguments(TypeElement type,
      com.sun.source.tree.ParameterizedTypeTree deconstructor, NameResolver names,
      java.util.function.Function<String, TypeMirror> frameTypeVariable) {
    List<? extends Tree> written = deconstructor.getTypeArguments();
    if (written.size() != type.getTypeParameters().size()) {
      return null;
    }
    TypeMirror[] arguments = new TypeMirror[written.size()];
    for (int i = 0; i < written.size(); i++) {
      Tree argument = written.get(i);
      if (argument.getKind() == Tree.Kind.UNBOUNDED_WILDCARD) {
        arguments[i] = bound(type, i);
      } else if (argument instanceof com.sun.source.tree.IdentifierTree
          || argument instanceof com.sun.source.tree.MemberSelectTree) {
        TypeMirror variable = argument instanceof com.sun.source.tree.IdentifierTree
            ? frameTypeVariable.apply(argument.toString()) : null;
        TypeElement named = variable != null ? null : names.typeOfQualifier(argument.toString());
        arguments[i] = variable != null ? variable // Box<T>(var t), T the method's
            : named == null || !named.getTypeParameters().isEmpty() ? null : named.asType();
      }
      if (arguments[i] == null) {
        return null;
      }
    }
    return names.types().getDeclaredType(type, arguments);
  }

  private static Method method(Class<?> type, String name) {
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      for (Class<?> api : c.getInterfaces()) {
        try {
          return api.getMethod(name); // the public interface method, callable across modules
        } catch (NoSuchMethodException absent) {
          // not this interface
        }
      }
    }
    try {
      return type.isInterface() ? type.getMethod(name) : null;
    } catch (NoSuchMethodException absent) {
      return null; // an older javac
    }
  }

  private static Object invoke(Method method, Object target) {
    try {
      return method.invoke(target);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("javac's tree API changed: " + method, e);
    }
  }
}
