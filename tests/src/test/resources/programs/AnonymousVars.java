package programs;

import static dev.stackless.Keywords.*;
import static dev.stackless.tests.diff.Trace.*;

import dev.stackless.Async;
import java.util.*;

/**
 * {@code var}s of anonymous classes used after suspension points: the frame class declares each
 * class as a member class, whose objects capture as Java's do.
 */
public class AnonymousVars {
  private final int base;

  AnonymousVars(int base) {
    this.base = base;
  }

  @Async
  static int value(int v) {
    suspend(PARK);
    return log(v);
  }

  abstract static class Shape {
    final String described;

    Shape() {
      described = describe(); // the subclass's method, before its own fields are assigned
    }

    abstract String describe();
  }

  interface Named {
    String name();
  }

  /** Members only the anonymous class declares, called through the var after suspending. */
  @Async
  static String members(int a) {
    var point = new Object() {
      int x = log(a);
      int y = x * 2;

      int sum() {
        return x + y;
      }
    };
    var named = new Named() {
      @Override
      public String name() {
        return "n" + a;
      }
    };
    int moved = value(point.sum());
    point.x += moved;
    return log(point.sum() + " " + point.y + " " + named.name());
  }

  /** A subclass whose superclass's constructor calls the override, which reads a capture. */
  @Async
  static String subclass(int a) {
    String tag = log("t" + a);
    var shape = new Shape() {
      int extra = a;

      @Override
      String describe() {
        return tag + ":" + extra;
      }
    };
    value(a);
    return log(shape.described + " " + shape.describe() + " " + shape.extra);
  }

  /** One object per iteration, each with that iteration's value, kept across suspensions. */
  @Async
  static String perIteration(int n) {
    List<Runnable> made = new ArrayList<>();
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < n; i++) {
      int k = i * 10;
      var r = new Runnable() {
        int runs;

        @Override
        public void run() {
          out.append(k).append('/').append(++runs).append(' ');
        }
      };
      r.run();
      value(i);
      made.add(r);
      r.run();
    }
    made.forEach(Runnable::run);
    return log(out.toString());
  }

  /** A generic interface, and the owner's instance fields read from the class's methods. */
  @Async
  String ordered(int n) {
    var reversed = new Comparator<String>() {
      int compared;

      @Override
      public int compare(String l, String r) {
        compared++;
        return r.compareTo(l) + 0 * base;
      }
    };
    var offset = new Object() {
      int shifted(int v) {
        return v + base;
      }
    };
    List<String> words = new ArrayList<>(List.of("b", "d", "a", "c"));
    value(n);
    words.sort(reversed);
    return log(words + " " + (reversed.compared > 0) + " " + offset.shifted(value(n)));
  }

  /** An exception thrown from the class's method after the suspension, through the frame. */
  @Async
  static int throwing(int n) {
    var check = new Object() {
      int positive(int v) {
        if (v <= 0) {
          throw new IllegalArgumentException("not positive: " + v);
        }
        return v;
      }
    };
    int total = 0;
    try {
      for (int i = n; i >= 0; i--) {
        total += check.positive(value(i));
      }
    } catch (IllegalArgumentException e) {
      log(e.getMessage());
    }
    return total;
  }

  /** A resource closed after the block suspends, and when the block throws after suspending. */
  @Async
  static String resources(int n) {
    StringBuilder closed = new StringBuilder();
    for (int i = 0; i < n; i++) {
      int k = i;
      try (var resource = new AutoCloseable() {
        @Override
        public void close() {
          closed.append("closed").append(k).append(' ');
        }
      }) {
        if (value(k) == 1) {
          throw new IllegalStateException("fails at " + k);
        }
        closed.append("body").append(k).append(' ');
      } catch (IllegalStateException e) {
        closed.append(e.getMessage()).append(' ');
      }
    }
    return log(closed.toString());
  }

  /** A generic method's type variable in the class's supertype. */
  @Async
  static <T extends Comparable<T>> T largest(List<T> all) {
    var natural = new Comparator<T>() {
      @Override
      public int compare(T l, T r) {
        return l.compareTo(r);
      }
    };
    T best = all.get(0);
    for (T t : all) {
      value(0);
      if (natural.compare(t, best) > 0) {
        best = t;
      }
    }
    return best;
  }

  /**
   * Double-brace initialization; a class capturing another's object, declared before the
   * suspension and used only by it; a class declared in an old-style case.
   */
  @Async
  static String captured(int a) {
    var list = new ArrayList<String>() {
      {
        add("x" + a);
        add(log("y"));
      }
    };
    var first = new Object() {
      int x = a;
    };
    var second = new Object() {
      int y = first.x + 1;
      final Runnable bump = new Runnable() {
        @Override
        public void run() {
          y += log(10);
        }
      };
    };
    value(a);
    second.bump.run();
    switch (a) {
      case 3:
        var inCase = new Object() {
          String s = "c" + a;
        };
        value(1);
        list.add(inCase.s);
        // fall through: the case's local is in scope here
      case 4:
        list.add(log("four"));
        break;
      default:
        list.add("other");
    }
    return log(list + " " + second.y + " " + list.size());
  }

  @Async
  public static Object run() {
    log(captured(value(3)));
    log(captured(4));
    log(resources(value(3)));
    log(largest(List.of("pear", "apple", "zucchini", "fig")));
    log(members(value(3)));
    log(subclass(value(4)));
    log(perIteration(value(3)));
    log(new AnonymousVars(value(100)).ordered(value(2)));
    log(throwing(value(3)));
    return "done";
  }
}
