package dev.stackless.processor.read;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ImportTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.Tree;
import dev.stackless.processor.model.Calls;
import dev.stackless.processor.model.TypeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * What a simple name written in a class's code means, when the class's own members, its outer
 * classes and the file's imports are all that can be consulted: the processor may not attribute
 * method bodies (see processor/README.md), so names are resolved against declarations instead,
 * in the order JLS 6.5 gives.
 */
public final class NameResolver {
  private final Elements elements;
  private final javax.lang.model.util.Types types;
  private final TypeElement owner;
  private final CompilationUnitTree unit;
  private final PackageElement pkg;
  private final List<TypeElement> singleImports = new ArrayList<>();
  private final List<Element> onDemandImports = new ArrayList<>();
  private final List<ImportTree> staticImports = new ArrayList<>();

  public NameResolver(ProcessingEnvironment env, TypeElement owner, CompilationUnitTree unit) {
    this.elements = env.getElementUtils();
    this.types = env.getTypeUtils();
    this.owner = owner;
    this.unit = unit;
    this.pkg = elements.getPackageOf(owner);
    for (ImportTree imp : unit.getImports()) {
      if (imp.isStatic()) {
        staticImports.add(imp);
        continue;
      }
      MemberSelectTree name = (MemberSelectTree) imp.getQualifiedIdentifier();
      String qualifier = name.getExpression().toString();
      if (name.getIdentifier().contentEquals("*")) {
        Element container = elements.getTypeElement(qualifier);
        if (container == null) {
          container = elements.getPackageElement(qualifier);
        }
        if (container != null) {
          onDemandImports.add(container);
        }
      } else {
        TypeElement type = elements.getTypeElement(name.toString());
        if (type != null) {
          singleImports.add(type);
        }
      }
    }
  }

  /** Whether the class is an inner class: its instances have an enclosing instance. */
  public static boolean isInner(TypeElement type) {
    return type.getNestingKind() == javax.lang.model.element.NestingKind.MEMBER
        && !type.getModifiers().contains(javax.lang.model.element.Modifier.STATIC)
        && type.getKind() == javax.lang.model.element.ElementKind.CLASS
        && type.getEnclosingElement() instanceof TypeElement
        && ((TypeElement) type.getEnclosingElement()).getKind()
            != javax.lang.model.element.ElementKind.INTERFACE;
  }

  public TypeElement owner() {
    return owner;
  }

  private dev.stackless.processor.model.HiddenTypes hidden;

  public Elements elements() {
    return elements;
  }

  public javax.lang.model.util.Types types() {
    return types;
  }

  /** The private classes of the owner's nest, which the generated class holds as stand-ins. */
  public dev.stackless.processor.model.HiddenTypes hidden() {
    if (hidden == null) {
      hidden = new dev.stackless.processor.model.HiddenTypes(types, elements);
    }
    return hidden;
  }

  /** A constant's value as source ({@code 5L}, {@code "a\\n"}), parenthesized unless a literal. */
  public String constantExpression(Object value) {
    String text = elements.getConstantExpression(value);
    return text.matches("[\\w.]+|\".*\"|'.*'") ? text : "(" + text + ")";
  }

  public CompilationUnitTree unit() {
    return unit;
  }

  /** The {@code java.lang} names that classes of the owner's package hide ({@code p.Object}). */
  public Set<String> shadowedLangNames() {
    if (shadowedLangNames == null) {
      shadowedLangNames =
          dev.stackless.processor.model.TypeSource.shadowedLangNames(elements, owner);
    }
    return shadowedLangNames;
  }

  private Set<String> shadowedLangNames;

  /** Whether {@code type} is {@code supertype} or a subclass of it (their erasures). */
  public boolean isSubclass(TypeElement type, TypeElement supertype) {
    return types.isSubtype(types.erasure(type.asType()), types.erasure(supertype.asType()));
  }

  /** A member found for a simple name: where it is declared, and how to write it qualified. */
  public static final class Member {
    public final Element element;
    /** The class or interface declaring the member, or the one it is reached through. */
    public final TypeElement site;
    /** Reached through the owner (or inherited by it), as opposed to an outer class or import. */
    public final boolean viaOwner;

    Member(Element element, TypeElement site, boolean viaOwner) {
      this.element = element;
      this.site = site;
      this.viaOwner = viaOwner;
    }

    public boolean isStatic() {
      return element.getModifiers().contains(Modifier.STATIC);
    }
  }

  /** The field a simple name denotes in the owner's code, or null. */
  public Member field(String name) {
    return member(name, ElementKind.FIELD);
  }

  /** The methods a simple method name denotes in the owner's code (one class's worth), or empty. */
  public List<ExecutableElement> methods(String name) {
    for (TypeElement type = owner; type != null; type = enclosingType(type)) {
      List<ExecutableElement> found = methodsOf(type, name);
      if (!found.isEmpty()) {
        return found;
      }
    }
    TypeElement imported = staticImportSite(name, ElementKind.METHOD);
    return imported == null ? List.of() : methodsOf(imported, name);
  }

  /** Whether the owner or an outer class (not an import) has a method of this name. */
  public boolean declaresMethod(String name) {
    for (TypeElement type = owner; type != null; type = enclosingType(type)) {
      if (!methodsOf(type, name).isEmpty()) {
        return true;
      }
    }
    return false;
  }

  /** The class whose methods {@link #methods} found: the owner, an outer class, or an import. */
  public TypeElement methodSite(String name) {
    for (TypeElement type = owner; type != null; type = enclosingType(type)) {
      if (!methodsOf(type, name).isEmpty()) {
        return type;
      }
    }
    return staticImportSite(name, ElementKind.METHOD);
  }

  public List<ExecutableElement> methodsOf(TypeElement type, String name) {
    List<ExecutableElement> found = new ArrayList<>();
    for (ExecutableElement method : ElementFilter.methodsIn(elements.getAllMembers(type))) {
      if (method.getSimpleName().contentEquals(name)) {
        found.add(method);
      }
    }
    // SubK.st() calls SubK's static st, which hides K's, and a call on an SBox the put(String)
    // that overrides Box<String>'s put(T) and put(String): javac lists them all
    found.removeIf(method -> found.stream().anyMatch(other -> other != method
        && (method.getModifiers().contains(Modifier.STATIC) ? elements.hides(other, method)
            : elements.overrides(other, method, type))));
    return found;
  }

  /** Whether {@code name} is imported statically from {@code dev.stackless.Keywords}. */
  public boolean importsKeyword(String name) {
    for (ImportTree imp : staticImports) {
      MemberSelectTree select = (MemberSelectTree) imp.getQualifiedIdentifier();
      if (select.getExpression().toString().equals("dev.stackless.Keywords")
          && (select.getIdentifier().contentEquals("*")
              || select.getIdentifier().contentEquals(name))) {
        return true;
      }
    }
    return false;
  }

  /** Whether a qualifier as written ({@code Keywords}, {@code dev.stackless.Keywords}) is Keywords. */
  public boolean isKeywordsClass(Tree qualifier) {
    TypeElement type = typeOfQualifier(qualifier.toString());
    return type != null && type.getQualifiedName().contentEquals("dev.stackless.Keywords");
  }

  /** The type a dotted name as written denotes ({@code Map.Entry}, {@code java.util.List}), or null. */
  public TypeElement typeOfQualifier(String dotted) {
    String[] segments = dotted.split("\\.");
    TypeElement type = type(segments[0]);
    int i = 1;
    if (type == null) {
      // a package prefix: find the longest prefix that is a type
      for (i = segments.length; i > 0 && type == null; i--) {
        type = elements.getTypeElement(String.join(".", java.util.Arrays.copyOf(segments, i)));
      }
      if (type == null) {
        return null;
      }
      i++;
    }
    for (; i < segments.length && type != null; i++) {
      type = memberType(type, segments[i]);
    }
    return type;
  }

  /** The type a simple type name denotes in the owner's code, or null. */
  public TypeElement type(String name) {
    for (TypeElement type = owner; type != null; type = enclosingType(type)) {
      if (type.getSimpleName().contentEquals(name)) {
        return type;
      }
      TypeElement member = memberType(type, name);
      if (member != null) {
        return member;
      }
    }
    for (TypeElement imported : singleImports) {
      if (imported.getSimpleName().contentEquals(name)) {
        return imported;
      }
    }
    TypeElement sameFileOrPackage =
        elements.getTypeElement(
            pkg.isUnnamed() ? name : pkg.getQualifiedName() + "." + name);
    if (sameFileOrPackage != null) {
      return sameFileOrPackage;
    }
    for (Element container : onDemandImports) {
      for (TypeElement t : ElementFilter.typesIn(container.getEnclosedElements())) {
        if (t.getSimpleName().contentEquals(name)) {
          return t;
        }
      }
    }
    return elements.getTypeElement("java.lang." + name);
  }

  /** Whether the type was found as a member type of the owner or one of its outer classes. */
  public boolean isMemberTypeInScope(TypeElement type) {
    return type.getNestingKind().isNested();
  }

  public TypeElement memberType(TypeElement type, String name) {
    for (TypeElement member : ElementFilter.typesIn(elements.getAllMembers(type))) {
      if (member.getSimpleName().contentEquals(name)) {
        return member;
      }
    }
    return null;
  }

  /** The members (fields, methods, types) of a type, inherited ones included. */
  public Set<String> memberNames(TypeElement type) {
    Set<String> names = new java.util.HashSet<>();
    for (Element e : elements.getAllMembers(type)) {
      names.add(e.getSimpleName().toString());
    }
    return names;
  }

  private Member member(String name, ElementKind kind) {
    for (TypeElement type = owner; type != null; type = enclosingType(type)) {
      Element nearest = kind == ElementKind.FIELD ? nearestField(type, name) : null;
      if (nearest != null) {
        return new Member(nearest, type, type == owner);
      }
      for (Element e : elements.getAllMembers(type)) {
        if (matches(e, kind) && e.getSimpleName().contentEquals(name)) {
          return new Member(e, type, type == owner);
        }
      }
    }
    TypeElement site = staticImportSite(name, kind);
    return site == null ? null : new Member(findMember(site, name, kind), site, false);
  }

  /**
   * The field a simple name means in {@code type}'s code: its own, else its superclass's (and so
   * on), else an interface's; a field hides the same name further up, which {@code
   * getAllMembers} lists as well.
   */
  private Element nearestField(TypeElement type, String name) {
    for (Element e : type.getEnclosedElements()) {
      if (matches(e, ElementKind.FIELD) && e.getSimpleName().contentEquals(name)) {
        return e;
      }
    }
    javax.lang.model.type.TypeMirror superclass = type.getSuperclass();
    if (superclass instanceof javax.lang.model.type.DeclaredType) {
      Element inherited = nearestField(
          (TypeElement) ((javax.lang.model.type.DeclaredType) superclass).asElement(), name);
      if (inherited != null && !inherited.getModifiers().contains(Modifier.PRIVATE)) {
        return inherited;
      }
    }
    return null; // interfaces' constants and the rest: getAllMembers, as before
  }

  /** Fields include enum constants. */
  private static boolean matches(Element e, ElementKind kind) {
    return e.getKind() == kind
        || (kind == ElementKind.FIELD && e.getKind() == ElementKind.ENUM_CONSTANT);
  }

  private Element findMember(TypeElement type, String name, ElementKind kind) {
    for (Element e : elements.getAllMembers(type)) {
      if (matches(e, kind) && e.getSimpleName().contentEquals(name)) {
        return e;
      }
    }
    return null;
  }

  private TypeElement staticImportSite(String name, ElementKind kind) {
    for (ImportTree imp : staticImports) {
      MemberSelectTree select = (MemberSelectTree) imp.getQualifiedIdentifier();
      boolean matches =
          select.getIdentifier().contentEquals("*") || select.getIdentifier().contentEquals(name);
      if (!matches) {
        continue;
      }
      TypeElement site = elements.getTypeElement(select.getExpression().toString());
      if (site != null && findMember(site, name, kind) != null) {
        return site;
      }
    }
    return null;
  }

  private static TypeElement enclosingType(TypeElement type) {
    Element enclosing = type.getEnclosingElement();
    while (enclosing != null && !(enclosing instanceof TypeElement)) {
      if (enclosing instanceof PackageElement) {
        return null;
      }
      enclosing = enclosing.getEnclosingElement();
    }
    return (TypeElement) enclosing;
  }

  /** The name of the class the processor generates for {@code type}: {@code p.Outer_InnerAsync}. */
  public static String generatedClassName(Elements elements, TypeElement type) {
    String pkgName = elements.getPackageOf(type).getQualifiedName().toString();
    return (pkgName.isEmpty() ? "" : pkgName + ".") + generatedSimpleName(elements, type);
  }

  public static String generatedSimpleName(Elements elements, TypeElement type) {
    String pkgName = elements.getPackageOf(type).getQualifiedName().toString();
    String qualified = type.getQualifiedName().toString();
    String nested = pkgName.isEmpty() ? qualified : qualified.substring(pkgName.length() + 1);
    return nested.replace('.', '_') + "Async";
  }

  /**
   * Frame class names: the method's name in UpperCamelCase; overloads add their parameter types
   * ({@code fetch(String)} and {@code fetch(String, int)}: {@code FetchString}, {@code
   * FetchStringInt}). A name the generated class must write unqualified ({@link
   * #reservedFrameNames}) takes the suffix {@code Frame}.
   */
  public static java.util.Map<ExecutableElement, String> frameClassNames(
      Elements elements, TypeElement owner, List<ExecutableElement> methods) {
    Set<String> reserved = reservedFrameNames(elements, owner, methods);
    Calls calls = calls(elements, owner, methods);
    if (!calls.methods.isEmpty()) {
      reserved.add(calls.className);
    }
    java.util.Map<String, Integer> counts = new java.util.HashMap<>();
    for (ExecutableElement method : methods) {
      counts.merge(method.getSimpleName().toString(), 1, Integer::sum);
    }
    java.util.Map<ExecutableElement, String> names = new java.util.LinkedHashMap<>();
    for (ExecutableElement method : methods) {
      names.put(method, unreserved(frameClassName(method, counts, false), reserved));
    }
    // size(java.util.List) and size(java.awt.List): the overloads spell out qualified names
    java.util.Map<String, Integer> taken = new java.util.HashMap<>();
    names.values().forEach(name -> taken.merge(name, 1, Integer::sum));
    for (ExecutableElement method : methods) {
      if (taken.get(names.get(method)) > 1 && counts.get(method.getSimpleName().toString()) > 1) {
        names.put(method, unreserved(frameClassName(method, counts, true), reserved));
      }
    }
    // get(int) and getInt(): getInt keeps its name, the overload takes a number (GetInt2)
    java.util.Set<String> used = new java.util.HashSet<>();
    for (boolean overloaded : new boolean[] {false, true}) {
      for (ExecutableElement method : methods) {
        if ((counts.get(method.getSimpleName().toString()) > 1) != overloaded) {
          continue;
        }
        String name = names.get(method);
        for (int n = 2; !used.add(name); n++) {
          name = names.get(method) + n;
        }
        names.put(method, name);
      }
    }
    return names;
  }

  private static final String CALLS = "Calls";

  /**
   * The owner's {@link Calls}: the names of its instance {@code @Async} methods that are
   * overloaded, if it is a generic class or an inner class of one, and the class's name.
   */
  public static Calls calls(Elements elements, TypeElement owner, List<ExecutableElement> methods) {
    boolean generic = false;
    for (TypeElement in = owner; in != null && !generic;
        in = isInner(in) ? (TypeElement) in.getEnclosingElement() : null) {
      generic = !in.getTypeParameters().isEmpty();
    }
    if (!generic) {
      return Calls.NONE;
    }
    Set<String> overloaded = new java.util.LinkedHashSet<>();
    Set<String> seen = new java.util.HashSet<>();
    for (ExecutableElement method : methods) {
      String name = method.getSimpleName().toString();
      if (!method.getModifiers().contains(Modifier.STATIC) && !seen.add(name)) {
        overloaded.add(name);
      }
    }
    return overloaded.isEmpty() ? Calls.NONE
        : new Calls(unreserved(CALLS, reservedFrameNames(elements, owner, methods)), overloaded);
  }

  /**
   * The simple name of the {@link Calls} class through which calls of an instance {@code @Async}
   * method go, or null if they call its factory.
   */
  public static String callsClassFor(Elements elements, ExecutableElement method) {
    if (method.getModifiers().contains(Modifier.STATIC)) {
      return null;
    }
    TypeElement site = (TypeElement) method.getEnclosingElement();
    List<ExecutableElement> async = new ArrayList<>();
    for (ExecutableElement member : ElementFilter.methodsIn(site.getEnclosedElements())) {
      if (Intrinsics.isAsync(member)) {
        async.add(member);
      }
    }
    Calls calls = calls(elements, site, async);
    return calls.methods.contains(method.getSimpleName().toString()) ? calls.className : null;
  }

  private static String unreserved(String name, Set<String> reserved) {
    while (reserved.contains(name)) {
      name += "Frame";
    }
    return name;
  }

  /**
   * The names a member class of the generated class would hide from code that needs them: the
   * generated class's own name (a member class may not repeat it), the runtime names it writes
   * ({@link TypeSource#QUALIFIED_RUNTIME_NAMES}), the type variables in scope in the factories
   * and frames (a {@code <T>} would hide a frame class {@code T}), and, in the unnamed package,
   * whose classes have no qualified name to fall back on, every class of that package and every
   * name a generated class of it may have ({@code ...Async}: stable across rounds).
   */
  private static Set<String> reservedFrameNames(
      Elements elements, TypeElement owner, List<ExecutableElement> methods) {
    Set<String> reserved = new java.util.HashSet<>(TypeSource.QUALIFIED_RUNTIME_NAMES);
    reserved.add(generatedSimpleName(elements, owner));
    for (Element e = owner; e instanceof TypeElement; e = e.getEnclosingElement()) {
      ((TypeElement) e).getTypeParameters().forEach(t -> reserved.add(t.getSimpleName().toString()));
    }
    for (ExecutableElement method : methods) {
      method.getTypeParameters().forEach(t -> reserved.add(t.getSimpleName().toString()));
    }
    PackageElement pkg = elements.getPackageOf(owner);
    if (pkg.isUnnamed()) {
      for (Element type : pkg.getEnclosedElements()) {
        reserved.add(type.getSimpleName().toString());
      }
      for (ExecutableElement method : methods) {
        String name = upperCamel(method.getSimpleName().toString());
        if (name.endsWith("Async")) {
          reserved.add(name);
        }
      }
    }
    return reserved;
  }

  private static String frameClassName(
      ExecutableElement method, java.util.Map<String, Integer> counts, boolean qualified) {
    String name = method.getSimpleName().toString();
    StringBuilder frame = new StringBuilder(upperCamel(name));
    if (counts.get(name) > 1) {
      for (javax.lang.model.element.VariableElement parameter : method.getParameters()) {
        if (qualified) {
          for (String segment : processingErasure(parameter.asType()).replace("[]", ".Array")
              .split("\\.")) {
            frame.append(upperCamel(segment));
          }
        } else {
          frame.append(upperCamel(simpleTypeName(parameter.asType())));
        }
      }
    }
    return frame.toString();
  }

  private static String simpleTypeName(javax.lang.model.type.TypeMirror type) {
    String text = processingErasure(type);
    int dot = text.lastIndexOf('.');
    return (dot < 0 ? text : text.substring(dot + 1)).replace("[]", "Array");
  }

  private static String processingErasure(javax.lang.model.type.TypeMirror type) {
    String text = type.toString();
    int generic = text.indexOf('<');
    return generic < 0 ? text : text.substring(0, generic);
  }

  private static String upperCamel(String name) {
    return name.isEmpty() ? name : name.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + name.substring(1);
  }
}
