package dev.stackless.internal;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

/**
 * Java's virtual dispatch for one overridable {@code @Async} method, {@code B.m}: for the class of
 * a receiver, which method a call of {@code m} runs. The frame of {@code B.m} asks before it runs
 * its body:
 *
 * <ul>
 *   <li>{@code null}: {@code B}'s own body, which the frame runs;
 *   <li>an {@link Target#isAsync() async} target: the override is an {@code @Async} method {@code
 *       K.m}, and the handle starts its frame through {@code KAsync.m$override(K, ..)}, an entry the
 *       processor writes for every {@code @Async} method that overrides another; the frame of
 *       {@code B.m} then awaits that frame and forwards resumes to it;
 *   <li>a plain target: the override is an ordinary method (a test double, an anonymous class, an
 *       enum constant's body), and the handle calls it as {@code invokevirtual} would.
 * </ul>
 *
 * The answer is computed once per receiver class and kept by this {@link ClassValue}. Not API.
 */
public final class Overrides extends ClassValue<Overrides.Target> {

  /** How a call of the method runs on one receiver class other than its own body. */
  public static final class Target {
    private final MethodHandle handle;
    private final boolean async;

    Target(MethodHandle handle, boolean async) {
      this.handle = handle;
      this.async = async;
    }

    /**
     * {@code (B receiver, parameters..) -> Object}: the started override frame if {@link
     * #isAsync()}, otherwise the plain method's result (boxed, null for void).
     */
    public MethodHandle handle() {
      return handle;
    }

    /** Whether {@link #handle()} returns a started frame rather than a result. */
    public boolean isAsync() {
      return async;
    }
  }

  private final MethodHandles.Lookup lookup;
  private final Class<?> declaring;
  /** The receiver's static type in the generated code: {@code B}, or a private B's stand-in. */
  private final Class<?> receiverType;
  private final String name;
  /** The method's erased type, without the receiver. */
  private final MethodType type;
  private final Method method;

  /**
   * @param lookup the lookup of the generated frame class, which may call {@code B.m} and read the
   *     package of {@code B}
   * @param declaring {@code B}
   * @param name {@code m}
   * @param returnType the erasure of the declared return type
   * @param parameterTypes the erasures of the declared parameter types
   */
  public Overrides(
      MethodHandles.Lookup lookup,
      Class<?> declaring,
      String name,
      Class<?> returnType,
      Class<?>... parameterTypes) {
    this(lookup, declaring, declaring, name, returnType, parameterTypes);
  }

  /**
   * As above, for a private {@code B} that the generated code holds as {@code receiverType}, the
   * visible supertype standing in for it: the targets' handles take a receiver of that type.
   */
  public Overrides(
      MethodHandles.Lookup lookup,
      Class<?> declaring,
      Class<?> receiverType,
      String name,
      Class<?> returnType,
      Class<?>... parameterTypes) {
    this.lookup = lookup;
    this.declaring = declaring;
    this.receiverType = receiverType;
    this.name = name;
    this.type = MethodType.methodType(returnType, parameterTypes);
    try {
      this.method = declaring.getDeclaredMethod(name, parameterTypes);
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException(
          "the generated frame of " + declaring.getName() + "." + name + " does not match its class;"
              + " recompile both", e);
    }
  }

  @Override
  protected Target computeValue(Class<?> receiverClass) {
    Class<?> implementor = implementor(receiverClass);
    if (implementor == declaring && !Modifier.isAbstract(method.getModifiers())) {
      return null;
    }
    MethodType call =
        type.insertParameterTypes(0, receiverType).changeReturnType(Object.class);
    MethodHandle entry = implementor == null ? null : overrideEntry(implementor);
    if (entry != null) {
      return new Target(entry.asType(call), true);
    }
    try {
      // an ordinary override, or none (an abstract method: AbstractMethodError, as Java's)
      return new Target(lookup.findVirtual(declaring, name, type).asType(call), false);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot call " + declaring.getName() + "." + name, e);
    }
  }

  /**
   * The class or interface whose declaration of the method a call on {@code receiverClass} runs
   * (JVMS 5.4.6): the nearest class that declares an overriding method, else the most specific
   * interface with a default one; null when none does.
   */
  private Class<?> implementor(Class<?> receiverClass) {
    for (Class<?> k = receiverClass; k != null; k = k.getSuperclass()) {
      if (k == declaring) {
        return k;
      }
      Method declared = declaredIn(k);
      if (declared == null || !overrides(k, declared)) {
        continue;
      }
      if (declared.isBridge() && !declaresOverrideBehindBridge(k)) {
        continue; // a visibility bridge to a superclass's method
      }
      return Modifier.isAbstract(declared.getModifiers()) ? null : k;
    }
    List<Class<?>> defaults = new ArrayList<>();
    collectDefaults(receiverClass, defaults);
    Class<?> best = null;
    for (Class<?> candidate : defaults) {
      if (best == null || best.isAssignableFrom(candidate)) {
        best = candidate;
      }
    }
    return best;
  }

  /** The interfaces of {@code type} (transitively) below {@code declaring} that implement it. */
  private void collectDefaults(Class<?> type, List<Class<?>> defaults) {
    for (Class<?> k = type; k != null; k = k.getSuperclass()) {
      for (Class<?> face : k.getInterfaces()) {
        if (declaring.isAssignableFrom(face) && !defaults.contains(face)) {
          Method declared = declaredIn(face);
          if (declared != null && !Modifier.isStatic(declared.getModifiers())
              && !Modifier.isPrivate(declared.getModifiers())) {
            defaults.add(face);
          }
          collectDefaults(face, defaults);
        }
      }
    }
  }

  private Method declaredIn(Class<?> type) {
    try {
      return type.getDeclaredMethod(name, this.type.parameterArray());
    } catch (NoSuchMethodException e) {
      return null;
    }
  }

  /** Whether {@code declared}, found in {@code k}, overrides the method (JLS 8.4.8.1). */
  private boolean overrides(Class<?> k, Method declared) {
    int modifiers = declared.getModifiers();
    if (Modifier.isStatic(modifiers) || Modifier.isPrivate(modifiers)) {
      return false;
    }
    int own = method.getModifiers();
    if (Modifier.isPublic(own) || Modifier.isProtected(own)) {
      return true;
    }
    // package access: only a class of the same runtime package overrides
    return k.getPackageName().equals(declaring.getPackageName())
        && k.getClassLoader() == declaring.getClassLoader();
  }

  /**
   * Whether {@code k} declares an ordinary method named like the method with as many
   * parameters: the bridge found is then javac's bridge to that override (a generic override, a
   * covariant return), not a visibility bridge.
   */
  private boolean declaresOverrideBehindBridge(Class<?> k) {
    for (Method m : k.getDeclaredMethods()) {
      if (m.getName().equals(name) && !m.isBridge() && !m.isSynthetic()
          && m.getParameterCount() == type.parameterCount()
          && !Modifier.isStatic(m.getModifiers())) {
        return true;
      }
    }
    return false;
  }

  /**
   * The one {@code m$override} of {@code generated} whose parameters are supertypes of {@code
   * entryType}'s (the stand-in of a private class for the class), or null.
   */
  private Method entryOfStandIns(Class<?> generated, MethodType entryType) {
    Method found = null;
    for (Method m : generated.getDeclaredMethods()) {
      if (!m.getName().equals(name + "$override")
          || m.getParameterCount() != entryType.parameterCount()) {
        continue;
      }
      boolean takes = true;
      for (int i = 0; i < m.getParameterCount(); i++) {
        takes &= m.getParameterTypes()[i].isAssignableFrom(entryType.parameterType(i));
      }
      if (takes) {
        if (found != null) {
          return null; // not one: no guess
        }
        found = m;
      }
    }
    return found;
  }

  /**
   * {@code KAsync.m$override(K, ..)}, the entry the processor writes for an {@code @Async} method
   * of {@code k} that overrides this one, or null if {@code k}'s override is an ordinary method.
   */
  private MethodHandle overrideEntry(Class<?> k) {
    Class<?> generated;
    try {
      generated = Class.forName(generatedName(k), false, k.getClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      return null;
    }
    MethodType entryType = type.insertParameterTypes(0, k)
        .changeReturnType(dev.stackless.Frame.class);
    MethodHandles.Lookup access;
    try {
      access = MethodHandles.privateLookupIn(generated, lookup);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("cannot reach " + generated.getName() + ", the frames of the"
          + " override of " + declaring.getName() + "." + name + ": its package must be open to "
          + lookup.lookupClass().getModule(), e);
    }
    try {
      return access.findStatic(generated, name + "$override", entryType);
    } catch (NoSuchMethodException e) {
      // a private class in the signature: the entry takes its stand-in, a supertype
      Method standingIn = entryOfStandIns(generated, entryType);
      try {
        return standingIn == null ? null // k has @Async methods, but its m is an ordinary one
            : access.unreflect(standingIn);
      } catch (IllegalAccessException unreachable) {
        throw new IllegalStateException("cannot call " + generated.getName() + "." + name
            + "$override", unreachable);
      }
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("cannot call " + generated.getName() + "." + name
          + "$override", e);
    }
  }

  /** {@code p.Outer.Inner} ===> {@code p.Outer_InnerAsync}, the processor's naming. */
  static String generatedName(Class<?> k) {
    String binary = k.getName();
    String pkg = k.getPackageName();
    String local = pkg.isEmpty() ? binary : binary.substring(pkg.length() + 1);
    return (pkg.isEmpty() ? "" : pkg + ".") + local.replace('$', '_') + "Async";
  }
}
