package dev.stackless.processor.validate;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.ParameterizedTypeTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.tree.WildcardTree;
import com.sun.source.util.TreePath;
import dev.stackless.processor.read.NameResolver;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.Types;

/**
 * The class of an implicitly typed lambda parameter ({@code b} in {@code Function<Box, String> f
 * = b -> b.get()}, in {@code boxes.forEach(b -> b.get())} with {@code List<Box> boxes}), from the
 * lambda's target as the declarations write it: a local declared with that type, or the parameter
 * of the one method of that arity of a receiver declared so. Null when they do not tell it.
 */
final class LambdaParameterTypes {
  private final Types types;
  private final NameResolver names;
  private final Function<IdentifierTree, Tree> writtenLocalType;

  LambdaParameterTypes(ProcessingEnvironment env, NameResolver names,
      Function<IdentifierTree, Tree> writtenLocalType) {
    this.types = env.getTypeUtils();
    this.names = names;
    this.writtenLocalType = writtenLocalType;
  }

  /** The class of the lambda parameter declared at {@code parameter}, or null. */
  TypeElement classOf(TreePath parameter) {
    TreePath lambda = parameter.getParentPath();
    int index = ((LambdaExpressionTree) lambda.getLeaf()).getParameters().indexOf(parameter.getLeaf());
    TreePath at = lambda;
    while (at.getParentPath().getLeaf() instanceof ParenthesizedTree) {
      at = at.getParentPath();
    }
    TypeMirror target = targetOf(at);
    TypeMirror type = target == null ? null : functionParameter(target, index);
    return type != null && type.getKind() == TypeKind.DECLARED
        ? (TypeElement) ((DeclaredType) type).asElement() : null;
  }

  private TypeMirror targetOf(TreePath at) {
    Tree parent = at.getParentPath().getLeaf();
    if (parent instanceof VariableTree && ((VariableTree) parent).getInitializer() == at.getLeaf()) {
      return typeOf(((VariableTree) parent).getType());
    }
    if (!(parent instanceof MethodInvocationTree)) {
      return null;
    }
    MethodInvocationTree call = (MethodInvocationTree) parent;
    int argument = call.getArguments().indexOf(at.getLeaf());
    if (argument < 0 || !(call.getMethodSelect() instanceof MemberSelectTree)) {
      return null;
    }
    MemberSelectTree select = (MemberSelectTree) call.getMethodSelect();
    if (!(select.getExpression() instanceof IdentifierTree)) {
      return null;
    }
    TypeMirror receiver = typeOf(writtenLocalType.apply((IdentifierTree) select.getExpression()));
    if (receiver == null || receiver.getKind() != TypeKind.DECLARED) {
      return null;
    }
    ExecutableElement found = null;
    for (ExecutableElement method : names.methodsOf(
        (TypeElement) ((DeclaredType) receiver).asElement(), select.getIdentifier().toString())) {
      if (method.getParameters().size() == call.getArguments().size()) {
        if (found != null || method.isVarArgs()) {
          return null;
        }
        found = method;
      }
    }
    if (found == null) {
      return null;
    }
    ExecutableType viewed = (ExecutableType) types.asMemberOf((DeclaredType) receiver, found);
    return viewed.getParameterTypes().get(argument);
  }

  /** The type of parameter {@code index} of the function type of a functional interface. */
  private TypeMirror functionParameter(TypeMirror target, int index) {
    if (target.getKind() != TypeKind.DECLARED) {
      return null;
    }
    DeclaredType declared = (DeclaredType) target;
    TypeElement type = (TypeElement) declared.asElement();
    if (type.getKind() != ElementKind.INTERFACE) {
      return null;
    }
    // Function<? super Box, ..>: the function type of its non-wildcard parameterization (JLS 9.9)
    List<TypeMirror> arguments = new ArrayList<>();
    for (TypeMirror argument : declared.getTypeArguments()) {
      if (argument.getKind() != TypeKind.WILDCARD) {
        arguments.add(argument);
        continue;
      }
      WildcardType wildcard = (WildcardType) argument;
      TypeMirror bound = wildcard.getSuperBound() != null ? wildcard.getSuperBound()
          : wildcard.getExtendsBound();
      if (bound == null) {
        return null;
      }
      arguments.add(bound);
    }
    if (arguments.size() != type.getTypeParameters().size()) {
      return null;
    }
    DeclaredType parameterized =
        types.getDeclaredType(type, arguments.toArray(new TypeMirror[0]));
    for (Element member : names.elements().getAllMembers(type)) {
      if (member.getKind() == ElementKind.METHOD && member.getModifiers().contains(Modifier.ABSTRACT)
          && ((ExecutableElement) member).getParameters().size() > index) {
        return ((ExecutableType) types.asMemberOf(parameterized, member))
            .getParameterTypes().get(index);
      }
    }
    return null;
  }

  /** A written type as a type: {@code Box}, {@code Function<Box, String>}, {@code List<? super Box>}. */
  private TypeMirror typeOf(Tree written) {
    if (written instanceof IdentifierTree || written instanceof MemberSelectTree) {
      TypeElement type = names.typeOfQualifier(written.toString());
      return type == null || !type.getTypeParameters().isEmpty() ? null : type.asType();
    }
    if (written instanceof WildcardTree) {
      Tree bound = ((WildcardTree) written).getBound();
      TypeMirror type = bound == null ? null : typeOf(bound);
      if (type == null) {
        return null;
      }
      return written.getKind() == Tree.Kind.SUPER_WILDCARD
          ? types.getWildcardType(null, type) : types.getWildcardType(type, null);
    }
    if (!(written instanceof ParameterizedTypeTree)) {
      return null;
    }
    ParameterizedTypeTree parameterized = (ParameterizedTypeTree) written;
    TypeElement type = names.typeOfQualifier(parameterized.getType().toString());
    if (type == null || type.getTypeParameters().size() != parameterized.getTypeArguments().size()) {
      return null;
    }
    List<TypeMirror> arguments = new ArrayList<>();
    for (Tree argument : parameterized.getTypeArguments()) {
      TypeMirror mirror = typeOf(argument);
      if (mirror == null) {
        return null;
      }
      arguments.add(mirror);
    }
    return types.getDeclaredType(type, arguments.toArray(new TypeMirror[0]));
  }
}
