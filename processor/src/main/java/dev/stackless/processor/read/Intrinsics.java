package dev.stackless.processor.read;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.Tree;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;

/**
 * Recognises the calls that matter to the transformation: the keywords of {@code
 * dev.stackless.Keywords}, and direct calls of {@code @Async} methods.
 */
public final class Intrinsics {
  private Intrinsics() {}

  /** The keywords; SUSPEND and AWAIT are suspension points, the others ordinary calls. */
  public enum Keyword {
    SUSPEND("suspend"),
    AWAIT("await"),
    FRAME("frame"),
    RESUME("resume"),
    NOSUSPEND("nosuspend");

    public final String name;

    Keyword(String name) {
      this.name = name;
    }

    static Keyword named(String name) {
      for (Keyword k : values()) {
        if (k.name.equals(name)) {
          return k;
        }
      }
      return null;
    }
  }

  /** The keyword an invocation calls, or null. */
  public static Keyword keyword(MethodInvocationTree invocation, NameResolver names) {
    ExpressionTree select = invocation.getMethodSelect();
    if (select instanceof IdentifierTree) {
      String name = ((IdentifierTree) select).getName().toString();
      Keyword keyword = Keyword.named(name);
      if (keyword != null && !names.declaresMethod(name) && names.importsKeyword(name)) {
        return keyword;
      }
      return null;
    }
    if (select instanceof MemberSelectTree) {
      MemberSelectTree member = (MemberSelectTree) select;
      Keyword keyword = Keyword.named(member.getIdentifier().toString());
      if (keyword != null && names.isKeywordsClass(member.getExpression())) {
        return keyword;
      }
    }
    return null;
  }

  /** A direct call of an {@code @Async} method, as found in the source. */
  public static final class AsyncCall {
    public final ExecutableElement method;
    /** The class declaring the method; its generated class holds the factory. */
    public final TypeElement site;
    /** The receiver expression as written, or null for a static call or an implicit this. */
    public final ExpressionTree receiver;

    AsyncCall(ExecutableElement method, TypeElement site, ExpressionTree receiver) {
      this.method = method;
      this.site = site;
      this.receiver = receiver;
    }
  }

  /** Thrown when a call may or may not be a call of an @Async method. */
  public static class Undecidable extends Exception {
    public Undecidable(String message) {
      super(message, null, false, false);
    }
  }

  /** Undecidable because the declarations do not tell the receiver's class. */
  public static final class UnknownReceiver extends Undecidable {
    UnknownReceiver(String message) {
      super(message);
    }
  }

  /**
   * The {@code @Async} method an invocation calls directly, or null if it calls an ordinary
   * method.
   *
   * @param receiverType the declared type of a receiver that is a simple name, or null
   * @param mayCallAsync whether a call whose receiver's type is unknown may call one of the
   *     @Async methods seen (one of that name and arity that its arguments may fit): only then is
   *     it questioned
   */
  public static AsyncCall asyncCall(
      MethodInvocationTree invocation,
      NameResolver names,
      Function<String, TypeElement> receiverType,
      java.util.function.Predicate<MethodInvocationTree> mayCallAsync)
      throws Undecidable {
    return asyncCall(invocation, names, receiverType, mayCallAsync, (method, all) -> true);
  }

  /**
   * As above; of overloads with as many parameters as the call has arguments, only those that
   * {@code mayApply} to its arguments are candidates (a {@code plain(String)} next to an {@code
   * @Async async(int)} called as {@code f(5)}).
   */
  static AsyncCall asyncCall(
      MethodInvocationTree invocation,
      NameResolver names,
      Function<String, TypeElement> receiverType,
      java.util.function.Predicate<MethodInvocationTree> mayCallAsync,
      java.util.function.BiPredicate<ExecutableElement, List<ExecutableElement>> mayApply)
      throws Undecidable {
    ExpressionTree select = invocation.getMethodSelect();
    int arity = invocation.getArguments().size();
    if (select instanceof IdentifierTree) {
      String name = ((IdentifierTree) select).getName().toString();
      if (Keyword.named(name) != null && !names.declaresMethod(name)) {
        return null;
      }
      ExecutableElement method = pick(names.methods(name), arity, name, mayApply);
      return method == null
          ? null
          : new AsyncCall(method, (TypeElement) method.getEnclosingElement(), null);
    }
    if (!(select instanceof MemberSelectTree)) {
      return null;
    }
    MemberSelectTree member = (MemberSelectTree) select;
    String name = member.getIdentifier().toString();
    ExpressionTree qualifier = member.getExpression();
    Receiver receiver = receiverOf(qualifier, names, receiverType);
    if (receiver == null) {
      if (qualifier.toString().endsWith("Async")) {
        return null; // a generated class not written yet: its factories start frames, no await
      }
      if (mayCallAsync.test(invocation)) {
        throw new UnknownReceiver(
            "cannot tell whether this call of " + name + " calls an @Async method; call it on a"
                + " local variable whose type is declared");
      }
      return null;
    }
    ExecutableElement method =
        pick(names.methodsOf(receiver.type, name), arity, name, mayApply);
    if (method == null) {
      return null;
    }
    // the factory lives with the method's declaration (an inherited default method: its interface)
    return new AsyncCall(method, (TypeElement) method.getEnclosingElement(),
        receiver.isType ? null : qualifier);
  }

  /**
   * The {@code @Async} method a method reference names ({@code Owner::m}, {@code this::m}), when
   * every method of that name on the qualifier's class is one; null otherwise. Its receiver is
   * the qualifier when that is a value, as for a call.
   */
  public static AsyncCall asyncReference(com.sun.source.tree.MemberReferenceTree reference,
      NameResolver names, Function<String, TypeElement> localType) {
    if (reference.getMode() != com.sun.source.tree.MemberReferenceTree.ReferenceMode.INVOKE) {
      return null;
    }
    Receiver receiver = receiverOf(reference.getQualifierExpression(), names, localType);
    if (receiver == null) {
      return null;
    }
    List<ExecutableElement> methods =
        names.methodsOf(receiver.type, reference.getName().toString());
    if (methods.isEmpty() || !methods.stream().allMatch(Intrinsics::isAsync)) {
      return null;
    }
    ExecutableElement method = methods.get(0);
    return new AsyncCall(method, (TypeElement) method.getEnclosingElement(),
        receiver.isType ? null : reference.getQualifierExpression());
  }

  /**
   * The {@code @Async} method a call on a receiver of class {@code type} calls, or null if an
   * ordinary one; for a receiver whose class the caller found another way.
   */
  static AsyncCall callOn(TypeElement type, MethodInvocationTree invocation, NameResolver names,
      java.util.function.BiPredicate<ExecutableElement, List<ExecutableElement>> mayApply) throws Undecidable {
    MemberSelectTree select = (MemberSelectTree) invocation.getMethodSelect();
    String name = select.getIdentifier().toString();
    ExecutableElement method =
        pick(names.methodsOf(type, name), invocation.getArguments().size(), name, mayApply);
    return method == null ? null
        : new AsyncCall(method, (TypeElement) method.getEnclosingElement(), select.getExpression());
  }

  /** The static type of a call's receiver, as far as declarations tell it. */
  static final class Receiver {
    final TypeElement type;
    /** Whether the receiver names a type (a static call), not a value. */
    final boolean isType;

    Receiver(TypeElement type, boolean isType) {
      this.type = type;
      this.isType = isType;
    }
  }

  static Receiver receiverOf(
      ExpressionTree tree, NameResolver names, Function<String, TypeElement> localType) {
    while (tree instanceof com.sun.source.tree.ParenthesizedTree) {
      tree = ((com.sun.source.tree.ParenthesizedTree) tree).getExpression();
    }
    if (tree instanceof MemberSelectTree
        && ((MemberSelectTree) tree).getIdentifier().contentEquals("this")) {
      // Outer.this: the enclosing instance, of Outer's type
      TypeElement outer = names.typeOfQualifier(((MemberSelectTree) tree).getExpression().toString());
      return new Receiver(outer != null ? outer : names.owner(), false);
    }
    if (isThis(tree)) {
      return new Receiver(names.owner(), false);
    }
    TypeElement superinterface = interfaceSuper(tree, names);
    if (superinterface != null) {
      return new Receiver(superinterface, false);
    }
    if (isSuper(tree)) {
      TypeElement superclass = asTypeElement(names.owner().getSuperclass());
      return superclass == null ? null : new Receiver(superclass, false);
    }
    if (tree instanceof IdentifierTree) {
      String simple = ((IdentifierTree) tree).getName().toString();
      TypeElement local = localType.apply(simple);
      if (local != null) {
        return new Receiver(local, false);
      }
      NameResolver.Member field = names.field(simple);
      if (field != null) {
        TypeElement type = asTypeElement(field.element.asType());
        return type == null ? null : new Receiver(type, false);
      }
      TypeElement type = names.type(simple);
      return type == null ? null : new Receiver(type, true);
    }
    if (tree instanceof MemberSelectTree) {
      MemberSelectTree select = (MemberSelectTree) tree;
      Receiver outer = receiverOf(select.getExpression(), names, localType);
      String member = select.getIdentifier().toString();
      if (outer == null) {
        TypeElement type = names.typeOfQualifier(tree.toString());
        return type == null ? null : new Receiver(type, true);
      }
      for (javax.lang.model.element.Element e : outer.type.getEnclosedElements()) {
        if (e.getSimpleName().contentEquals(member)
            && (e.getKind() == javax.lang.model.element.ElementKind.FIELD
                || e.getKind() == javax.lang.model.element.ElementKind.ENUM_CONSTANT)) {
          TypeElement type = asTypeElement(e.asType());
          return type == null ? null : new Receiver(type, false);
        }
      }
      if (outer.isType) {
        TypeElement nested = names.memberType(outer.type, member);
        return nested == null ? null : new Receiver(nested, true);
      }
      return null;
    }
    if (tree instanceof com.sun.source.tree.NewClassTree) {
      String created = ((com.sun.source.tree.NewClassTree) tree).getIdentifier().toString();
      int generic = created.indexOf('<');
      TypeElement type = names.typeOfQualifier(generic < 0 ? created : created.substring(0, generic));
      return type == null ? null : new Receiver(type, false);
    }
    if (tree instanceof MethodInvocationTree) {
      return resultReceiver((MethodInvocationTree) tree, names, localType);
    }
    if (tree instanceof com.sun.source.tree.ArrayAccessTree) {
      // svcs[i].m(): an element of an array local or field whose element type is a class
      ExpressionTree array = ((com.sun.source.tree.ArrayAccessTree) tree).getExpression();
      boolean ofThis = array instanceof MemberSelectTree
          && isThis(((MemberSelectTree) array).getExpression()); // this.all[i]: the field
      if (!(array instanceof IdentifierTree) && !ofThis) {
        return null;
      }
      String simple = ofThis ? ((MemberSelectTree) array).getIdentifier().toString()
          : ((IdentifierTree) array).getName().toString();
      TypeElement element = ofThis ? null : localType.apply(simple + "[]");
      if (element == null && (ofThis || localType.apply(simple) == null)) {
        NameResolver.Member field = names.field(simple);
        if (field != null && field.element.asType() instanceof javax.lang.model.type.ArrayType) {
          element = asTypeElement(
              ((javax.lang.model.type.ArrayType) field.element.asType()).getComponentType());
        }
      }
      return element == null ? null : new Receiver(element, false);
    }
    if (tree instanceof com.sun.source.tree.TypeCastTree) {
      // ((Svc) o).m(): the cast names the class
      String cast = ((com.sun.source.tree.TypeCastTree) tree).getType().toString();
      int generic = cast.indexOf('<');
      TypeElement type = names.typeOfQualifier(generic < 0 ? cast : cast.substring(0, generic));
      return type == null ? null : new Receiver(type, false);
    }
    return null;
  }

  /**
   * {@code a.next().m()}: the class the called method returns, when every method of that name
   * and arity declares the same class (not a type variable, which needs the receiver's type
   * arguments).
   */
  private static Receiver resultReceiver(
      MethodInvocationTree call, NameResolver names, Function<String, TypeElement> localType) {
    ExpressionTree select = call.getMethodSelect();
    List<ExecutableElement> candidates;
    if (select instanceof IdentifierTree) {
      candidates = names.methods(((IdentifierTree) select).getName().toString());
    } else if (select instanceof MemberSelectTree) {
      Receiver outer = receiverOf(((MemberSelectTree) select).getExpression(), names, localType);
      if (outer == null) {
        return null;
      }
      candidates = names.methodsOf(outer.type, ((MemberSelectTree) select).getIdentifier().toString());
    } else {
      return null;
    }
    TypeElement result = null;
    int arity = call.getArguments().size();
    for (ExecutableElement method : candidates) {
      int params = method.getParameters().size();
      if (params != arity && !(method.isVarArgs() && arity >= params - 1)) {
        continue;
      }
      TypeElement returned = asTypeElement(method.getReturnType());
      if (returned == null || (result != null && !result.equals(returned))) {
        return null;
      }
      result = returned;
    }
    return result == null ? null : new Receiver(result, false);
  }

  /**
   * The interface {@code I} of {@code I.super}, the receiver of a call of its default method
   * ({@code Greeter.super.greet()}); null for any other tree, {@code Outer.super} among them.
   */
  static TypeElement interfaceSuper(Tree tree, NameResolver names) {
    if (!(tree instanceof MemberSelectTree)
        || !((MemberSelectTree) tree).getIdentifier().contentEquals("super")) {
      return null;
    }
    TypeElement type = names.typeOfQualifier(((MemberSelectTree) tree).getExpression().toString());
    return type != null && type.getKind().isInterface() ? type : null;
  }

  /** Whether the tree is {@code super}, as a receiver of the owner's superclass's methods. */
  public static boolean isSuper(Tree tree) {
    return tree instanceof IdentifierTree && ((IdentifierTree) tree).getName().contentEquals("super");
  }

  private static TypeElement asTypeElement(javax.lang.model.type.TypeMirror type) {
    if (type instanceof javax.lang.model.type.DeclaredType) {
      return (TypeElement) ((javax.lang.model.type.DeclaredType) type).asElement();
    }
    return null;
  }

  private static ExecutableElement pick(List<ExecutableElement> methods, int arity, String name,
      java.util.function.BiPredicate<ExecutableElement, List<ExecutableElement>> mayApply) throws Undecidable {
    List<ExecutableElement> async = new ArrayList<>();
    boolean plain = false;
    for (int pass = 0; pass < 2; pass++) {
      // the arguments' types are asked only for overloads of both kinds
      async.clear();
      plain = false;
      List<ExecutableElement> ofArity = new ArrayList<>();
      for (ExecutableElement method : methods) {
        int params = method.getParameters().size();
        if (params == arity || (method.isVarArgs() && arity >= params - 1)) {
          ofArity.add(method);
        }
      }
      for (ExecutableElement method : ofArity) {
        int params = method.getParameters().size();
        if (pass == 1 && (params == arity || method.isVarArgs())
            && !mayApply.test(method, ofArity)) {
          continue;
        }
        if (isAsync(method)) {
          async.add(method);
        } else {
          plain = true;
        }
      }
      if (async.isEmpty() || !plain) {
        break;
      }
    }
    if (async.isEmpty()) {
      return null;
    }
    if (plain) {
      throw new Undecidable(
          "overloads of "
              + name
              + " with "
              + arity
              + " arguments are both @Async and not, and the arguments' types, as the"
              + " declarations tell them, do not choose one; rename one of them, or declare the"
              + " argument as a local of its type");
    }
    if (!sameStaticness(async)) {
      // get(String) and static get(int): the factory calls differ (one takes the receiver), so
      // the arguments must choose, as they do for javac
      List<ExecutableElement> applicable = new ArrayList<>();
      for (ExecutableElement method : async) {
        if (mayApply.test(method, async)) {
          applicable.add(method);
        }
      }
      if (applicable.isEmpty() || !sameStaticness(applicable)) {
        throw new Undecidable("overloads of " + name + " with " + arity + " arguments are"
            + " static and not, and the arguments' types, as the declarations tell them, do not"
            + " choose one; rename one of them, or declare the argument as a local of its type");
      }
      return applicable.get(0);
    }
    if (async.stream().map(Element::getEnclosingElement).distinct().count() > 1) {
      // an SBox's put(String), which overrides Box<String>'s put(T) and put(String), next to
      // Box's put(Integer...): the factories of the class whose overload the arguments choose
      List<ExecutableElement> applicable = new ArrayList<>();
      for (ExecutableElement method : async) {
        if (mayApply.test(method, async)) {
          applicable.add(method);
        }
      }
      if (!applicable.isEmpty()
          && applicable.stream().map(Element::getEnclosingElement).distinct().count() == 1) {
        return applicable.get(0);
      }
    }
    return async.get(0);
  }

  private static boolean sameStaticness(List<ExecutableElement> methods) {
    return methods.stream().map(m -> m.getModifiers().contains(Modifier.STATIC)).distinct()
        .count() == 1;
  }

  public static boolean isAsync(Element method) {
    for (AnnotationMirror mirror : method.getAnnotationMirrors()) {
      Element type = mirror.getAnnotationType().asElement();
      if (((TypeElement) type).getQualifiedName().contentEquals("dev.stackless.Async")) {
        return true;
      }
    }
    return false;
  }

  /** Whether a tree is {@code this} or {@code Owner.this}. */
  static boolean isThis(Tree tree) {
    return (tree instanceof IdentifierTree && ((IdentifierTree) tree).getName().contentEquals("this"))
        || (tree instanceof MemberSelectTree
            && ((MemberSelectTree) tree).getIdentifier().contentEquals("this"));
  }
}
