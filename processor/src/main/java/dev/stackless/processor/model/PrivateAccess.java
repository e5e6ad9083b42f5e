package dev.stackless.processor.model;

import java.util.LinkedHashMap;
import java.util.Map;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;

/**
 * What the generated class must reach that Java would not let it name: the private fields and
 * methods of the owner and of its outer classes that the {@code @Async} bodies use, and the
 * enclosing instances of an inner owner. The generated class reaches them through private lookups
 * ({@code MethodHandles.privateLookupIn}, allowed because it lives in the owner's package and
 * module) and small static accessors that the body's code calls instead ({@code count$get()},
 * {@code count$set(v)}, {@code secret$call1(self, a)}, {@code Outer$count$get(outer)}, {@code
 * outer$Outer_Inner(self)}).
 */
public final class PrivateAccess {
  private final TypeElement owner;
  private final Map<String, VariableElement> fields = new LinkedHashMap<>();
  private final Map<String, ExecutableElement> methods = new LinkedHashMap<>();
  private final Map<String, TypeElement> enclosingInstances = new LinkedHashMap<>();
  private final Map<String, ExecutableElement> superMethods = new LinkedHashMap<>();
  private final Map<String, TypeElement> superSites = new LinkedHashMap<>();
  private final Map<String, TypeElement> classTests = new LinkedHashMap<>();

  public PrivateAccess(TypeElement owner) {
    this.owner = owner;
  }

  /** Records a field; returns the accessor prefix ({@code count$}, {@code Outer$count$}). */
  public String field(VariableElement field) {
    String prefix = prefix(field);
    fields.putIfAbsent(prefix, field);
    return prefix;
  }

  /**
   * Records a method or a constructor; returns the accessor's name ({@code secret$call1}, {@code
   * new$call1}, {@code Outer_Node$new$call0}).
   */
  public String method(ExecutableElement method) {
    String base = prefix(method) + "call" + method.getParameters().size();
    String name = base;
    // overloads of one arity (chosen by their arguments' classes) each have their own
    for (int n = 2; methods.containsKey(name) && !methods.get(name).equals(method); n++) {
      name = base + "$" + n;
    }
    methods.putIfAbsent(name, method);
    return name;
  }

  /**
   * Records a method that {@code super.m(..)} calls (in the owner's superclass); returns the
   * accessor's name ({@code super$m$call1}).
   */
  public String superMethod(ExecutableElement method) {
    return superMethod(method, (TypeElement) method.getEnclosingElement(), "");
  }

  /**
   * Records a default method that {@code I.super.m(..)} calls; returns the accessor's name
   * ({@code I$super$m$call1}).
   */
  public String interfaceSuperMethod(TypeElement superinterface, ExecutableElement method) {
    return superMethod(method, superinterface, flatName(superinterface) + "$");
  }

  private String superMethod(ExecutableElement method, TypeElement named, String prefix) {
    String name =
        prefix + "super$" + method.getSimpleName() + "$call" + method.getParameters().size();
    superMethods.putIfAbsent(name, method);
    superSites.putIfAbsent(name, named);
    return name;
  }

  /**
   * The class or interface whose method a super accessor calls, as {@code invokespecial} names
   * it: the method's class for {@code super.m()}, {@code I} for {@code I.super.m()}.
   */
  public TypeElement superSite(String accessor) {
    return superSites.get(accessor);
  }

  /**
   * Records that the bodies need the enclosing instance of {@code inner} (the owner or one of its
   * outer classes, an inner class); returns the accessor's name ({@code outer$Outer_Inner}).
   */
  public String enclosingInstance(TypeElement inner) {
    String name = "outer$" + flatName(inner);
    enclosingInstances.putIfAbsent(name, inner);
    return name;
  }

  /**
   * Records that the bodies cast to, or test for, a private class ({@code (Node) o}, {@code o
   * instanceof Node}); returns the prefix of its {@code cast} and {@code is} methods ({@code
   * Owner_Node$}).
   */
  public String classTest(TypeElement hidden) {
    String prefix = flatName(hidden) + "$";
    classTests.putIfAbsent(prefix, hidden);
    return prefix;
  }

  /** The private classes the bodies cast to or test for, by prefix. */
  public Map<String, TypeElement> classTests() {
    return classTests;
  }

  /** The accessor prefix of a member: its name for the owner's, else its class's flat name too. */
  public String prefix(Element member) {
    TypeElement site = (TypeElement) member.getEnclosingElement();
    String name = (member.getKind() == javax.lang.model.element.ElementKind.CONSTRUCTOR
        ? "new" : member.getSimpleName()) + "$";
    return site.equals(owner) ? name : flatName(site) + "$" + name;
  }

  /** {@code Outer_Inner} for {@code p.Outer.Inner}: the class's names below its package. */
  public static String flatName(TypeElement type) {
    StringBuilder name = new StringBuilder(type.getSimpleName());
    for (Element e = type.getEnclosingElement(); e instanceof TypeElement; e = e.getEnclosingElement()) {
      name.insert(0, e.getSimpleName() + "_");
    }
    return name.toString();
  }

  public TypeElement owner() {
    return owner;
  }

  /** The fields, by accessor prefix. */
  public Map<String, VariableElement> fields() {
    return fields;
  }

  /** The methods, by accessor name. */
  public Map<String, ExecutableElement> methods() {
    return methods;
  }

  /** The superclass methods that {@code super} calls call, by accessor name. */
  public Map<String, ExecutableElement> superMethods() {
    return superMethods;
  }

  /** The inner classes whose enclosing instance the bodies need, by accessor name. */
  public Map<String, TypeElement> enclosingInstances() {
    return enclosingInstances;
  }

  public boolean isEmpty() {
    return fields.isEmpty() && methods.isEmpty() && enclosingInstances.isEmpty()
        && superMethods.isEmpty() && classTests.isEmpty();
  }
}
