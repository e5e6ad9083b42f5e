package dev.stackless.internal;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.VarHandle;

/**
 * How a generated class reaches its owner's private members. The lookup it passes in is its own
 * ({@code MethodHandles.lookup()} in the generated class), which lives in the owner's package and
 * module, so {@code privateLookupIn} needs no {@code opens}. Failures are programming errors of
 * the processor, reported as {@link IllegalStateException}. Not API.
 */
public final class Privates {
  private Privates() {}

  /** A lookup with private access to {@code owner}, on behalf of the generated class. */
  public static MethodHandles.Lookup lookup(Class<?> owner, MethodHandles.Lookup generated) {
    try {
      return MethodHandles.privateLookupIn(owner, generated);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("no private access to " + owner.getName(), e);
    }
  }

  /**
   * A lookup with private access to a private class of {@code host}'s nest, which the generated
   * class cannot name: found by its binary name ({@code p.Outer$Node}) in {@code host}'s loader.
   */
  public static MethodHandles.Lookup hiddenLookup(
      Class<?> host, String binaryName, MethodHandles.Lookup generated) {
    try {
      Class<?> hidden = Class.forName(binaryName, false, host.getClassLoader());
      return MethodHandles.privateLookupIn(hidden, generated);
    } catch (ClassNotFoundException | IllegalAccessException e) {
      throw new IllegalStateException("no private access to " + binaryName, e);
    }
  }

  public static VarHandle field(
      MethodHandles.Lookup lookup, Class<?> owner, String name, Class<?> type, boolean isStatic) {
    try {
      return isStatic
          ? lookup.findStaticVarHandle(owner, name, type)
          : lookup.findVarHandle(owner, name, type);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("no field " + owner.getName() + "." + name, e);
    }
  }

  public static MethodHandle method(
      MethodHandles.Lookup lookup,
      Class<?> owner,
      String name,
      Class<?> returnType,
      Class<?>[] parameterTypes,
      boolean isStatic) {
    MethodType type = MethodType.methodType(returnType, parameterTypes);
    try {
      return isStatic
          ? lookup.findStatic(owner, name, type)
          : lookup.findVirtual(owner, name, type);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("no method " + owner.getName() + "." + name + type, e);
    }
  }

  /** {@code super.name(..)} as {@code caller} calls it: the superclass's method, not an override. */
  /** A private constructor: its handle returns the new object. */
  public static MethodHandle constructor(
      MethodHandles.Lookup lookup, Class<?> owner, Class<?>[] parameterTypes) {
    MethodType type = MethodType.methodType(void.class, parameterTypes);
    try {
      return lookup.findConstructor(owner, type);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("no constructor " + owner.getName() + type, e);
    }
  }

  public static MethodHandle special(
      MethodHandles.Lookup lookup,
      Class<?> superclass,
      String name,
      Class<?> returnType,
      Class<?>[] parameterTypes,
      Class<?> caller) {
    MethodType type = MethodType.methodType(returnType, parameterTypes);
    try {
      return lookup.findSpecial(superclass, name, type, caller);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("no method " + superclass.getName() + "." + name + type, e);
    }
  }

  /**
   * The field of an inner class that holds its enclosing instance: javac's synthetic final field
   * of the outer class's type ({@code this$0}), found by what it is rather than by its name.
   */
  public static VarHandle enclosingInstance(
      MethodHandles.Lookup lookup, Class<?> inner, Class<?> outer) {
    for (java.lang.reflect.Field field : inner.getDeclaredFields()) {
      if (field.isSynthetic() && field.getType() == outer
          && !java.lang.reflect.Modifier.isStatic(field.getModifiers())) {
        try {
          return lookup.unreflectVarHandle(field);
        } catch (IllegalAccessException e) {
          throw new IllegalStateException("no access to " + field, e);
        }
      }
    }
    throw new IllegalStateException(
        "no enclosing instance of " + outer.getName() + " in " + inner.getName());
  }

  /** Rethrows what a private method threw, checked or not, as it is. */
  /**
   * The ordinal of a private enum's constant, or -1 for null: the selector of a switch on the enum
   * that has {@code case null}, which the generated class writes as {@code case -1}.
   */
  /**
   * {@code new S[a][b][]} for a private class {@code S} the generated code cannot name: an array of
   * {@code element} with {@code unsized} more array levels below the given lengths, as Java makes
   * it (its class is {@code S[][][]}; a negative length throws {@code NegativeArraySizeException}).
   */
  public static Object newArray(Class<?> element, int unsized, int... lengths) {
    return java.lang.reflect.Array.newInstance(arrayClass(element, unsized), lengths);
  }

  /**
   * {@code new S[] {a, b}} or {@code {a, b}} for such a class: an array of {@code element} with
   * {@code levels} more array levels, holding {@code elements}.
   */
  public static Object arrayOf(Class<?> element, int levels, Object[] elements) {
    Object array =
        java.lang.reflect.Array.newInstance(arrayClass(element, levels), elements.length);
    for (int i = 0; i < elements.length; i++) {
      java.lang.reflect.Array.set(array, i, elements[i]);
    }
    return array;
  }

  private static Class<?> arrayClass(Class<?> element, int levels) {
    Class<?> component = element;
    for (int i = 0; i < levels; i++) {
      component = component.arrayType();
    }
    return component;
  }

  public static int ordinalOrMinusOne(Object constant) {
    return constant == null ? -1 : ((Enum<?>) constant).ordinal();
  }

  public static RuntimeException rethrow(Throwable e) {
    throw Privates.<RuntimeException>sneaky(e);
  }

  @SuppressWarnings("unchecked")
  private static <E extends Throwable> E sneaky(Throwable e) throws E {
    throw (E) e;
  }
}
