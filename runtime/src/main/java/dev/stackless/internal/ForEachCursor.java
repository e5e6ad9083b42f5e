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

  public static ForEachCursor of(Object[] array) {
    return new Indexed(array.length) {
      @Override
      Object get(int i) {
        return array[i];
      }
    };
  }

  public static ForEachCursor of(int[] array) {
    return new Indexed(array.length) {
      @Override
      Object get(int i) {
        return array[i];
      }
    };
  }

  public static ForEachCursor of(long[] array) {
    return new Indexed(array.length) {
      @Override
      Object get(int i) {
        return array[i];
      }
    };
  }

  public static ForEachCursor of(double[] array) {
    return new Indexed(array.length) {
      @Override
      Object get(int i) {
        return array[i];
      }
    };
  }

  public static ForEachCursor of(float[] array) {
    return new Indexed(array.length) {
      @Override
      Object get(int i) {
        return array[i];
      }
    };
  }

  public static ForEachCursor of(short[] array) {
    return new Indexed(array.length) {
      @Override
      Object get(int i) {
        return array[i];
      }
    };
  }

  public static ForEachCursor of(byte[] array) {
    return new Indexed(array.length) {
      @Override
      Object get(int i) {
        return array[i];
      }
    };
  }

  public static ForEachCursor of(char[] array) {
    return new Indexed(array.length) {
      @Override
      Object get(int i) {
        return array[i];
      }
    };
  }

  public static ForEachCursor of(boolean[] array) {
    return new Indexed(array.length) {
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
