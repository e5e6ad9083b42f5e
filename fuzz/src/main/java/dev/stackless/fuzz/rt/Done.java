package dev.stackless.fuzz.rt;

/**
 * What {@code OwnerAsync.m(..)} returns in the plain-Java twin of a program: the method has run to
 * its end at once, and {@link PlainKeywords#await(Done)} returns its result or rethrows its
 * exception, where the transformed program awaits the frame.
 */
public final class Done<T> {
  private final T value;
  private final Throwable failure;

  private Done(T value, Throwable failure) {
    this.value = value;
    this.failure = failure;
  }

  public static <T> Done<T> of(T value) {
    return new Done<>(value, null);
  }

  public static <T> Done<T> failed(Throwable failure) {
    return new Done<>(null, failure);
  }

  T get() {
    if (failure != null) {
      throw Rt.<RuntimeException>sneaky(failure);
    }
    return value;
  }
}
