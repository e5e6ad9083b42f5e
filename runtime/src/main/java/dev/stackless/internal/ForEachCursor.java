package dev.stackless.internal;

import java.util.Iterator;

/**
 * The position of a for-each loop that suspends, kept in a field of the frame across suspension
 * points. Overloads of {@link #of} are picked by javac from the iterated expression's static type,
 * exactly as for-each itself picks array or {@code Iterable} iteration.
 */
public abstract class ForEachCursor {
  public abstract boolean hasNext();

  public abstract Object next();

  public static ForEachCursor of(Iterable<?> iterable) {
    if (iterable == null) { // Java's for-each calls iterator() on it: an NPE at the loop's line
      throw new NullPointerException(
          "Cannot invoke \"java.lang.Iterable.iterator()\" because the for-each loop's Iterable is"
              + " null");
    }
    Iterator<?> iterator = iterable.iterator();
    return new ForEachCursor() {
      @Override
      public boolean hasNext() {
        return iterator.hasNext();
      }

      @Override
      public Object next() {
        return iterator.next();
      }
    };
  }

  /** The array's length; for null, the NPE Java's for-each throws at the loop's line. */
  private static int lengthOf(Object array) {
    if (array == null) {
      throw new NullPointerException(
          "Cannot read the array length because the for-each loop's array is null");
    }
    return java.lang.reflect.Array.getLength(array);
  }

  public static ForEachCursor of(Object[] array) {
    return new Indexed(lengthOf(array)) {
      @Override
      Object get(int i) {
        return array[i];
      }
    };
  }

  public static ForEachCursor of(int[] array) {
    return new Indexed(lengthOf(array)) {
      @Override
      Object get(int i) {
        return array[i];
      }
    };
  }

  public static ForEachCursor of(long[] array) {
    return new Indexed(lengthOf(array)) {
      @Override
      Object get(int i) {
        return array[i];
      }
    };
  }

  public static ForEachCursor of(double[] array) {
    return new Indexed(lengthOf(array)) {
      @Override
      Object get(int i) {
        return array[i];
      }
    };
  }

  public static ForEachCursor of(float[] array) {
    return new Indexed(lengthOf(array)) {
      @Override
      Object get(int i) {
        return array[i];
      }
    };
  }

  public static ForEachCursor of(short[] array) {
    return new Indexed(lengthOf(array)) {
      @Override
      Object get(int i) {
        return array[i];
      }
    };
  }

  public static ForEachCursor of(byte[] array) {
    return new Indexed(lengthOf(array)) {
      @Override
      Object get(int i) {
        return array[i];
      }
    };
  }

  public static ForEachCursor of(char[] array) {
    return new Indexed(lengthOf(array)) {
      @Override
      Object get(int i) {
        return array[i];
      }
    };
  }

  public static ForEachCursor of(boolean[] array) {
    return new Indexed(lengthOf(array)) {
      @Override
      Object get(int i) {
        return array[i];
      }
    };
  }

  /** Arrays: the length is read once, as for-each does. */
  private abstract static class Indexed extends ForEachCursor {
    private final int length;
    private int index;

    Indexed(int length) {
      this.length = length;
    }

    abstract Object get(int i);

    @Override
    public boolean hasNext() {
      return index < length;
    }

    @Override
    public Object next() {
      return get(index++);
    }
  }
}
