package programs;

import static dev.stackless.Keywords.*;
import static dev.stackless.tests.diff.Trace.*;

import dev.stackless.Async;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code @Async} methods of private classes: a private static class (held as its stand-in, its
 * members reached through handles), a subclass overriding one (Java's dispatch), a
 * private inner class using the enclosing instance, and a private record.
 */
public class PrivateOwners {
  private int total;

  private static class Worker implements Runnable {
    int done;
    private final String name;
    final List<String> seen = new ArrayList<>();

    Worker(String name) {
      this.name = name;
    }

    @Override
    public void run() {
      done++;
    }

    String tag(int n) {
      return name + n;
    }

    @Async
    String work(int n) {
      suspend(PARK);
      done += n;
      seen.add(tag(n));
      suspend(PARK);
      run();
      return log(name + ":" + done + seen + this.done);
    }

    @Async
    static int twice(int n) {
      suspend(PARK);
      return log(2 * n);
    }

    @Override
    public String toString() {
      return "Worker " + name;
    }
  }

  static class Night extends Worker {
    Night() {
      super("night");
    }

    @Override
    @Async
    String work(int n) {
      suspend(PARK);
      return "night " + super.tag(n) + " " + done;
    }
  }

  private class Counter {
    int mine;

    @Async
    int add(int n) {
      suspend(PARK);
      mine += n;
      total += log(n);
      return mine * 100 + total;
    }
  }

  private record Pair(String left, int right) {
    @Async
    String both(int extra) {
      suspend(PARK);
      return left + (right + extra);
    }
  }

  @Async
  String counters() {
    Counter c = new Counter();
    int a = c.add(2);
    int b = c.add(3);
    return a + " " + b + " " + total;
  }

  @Async
  public static Object run() {
    Worker w = new Worker("w");
    String s = w.work(3) + " " + Worker.twice(4);
    Worker n = new Night();
    s += " " + n.work(5) + " " + n;
    s += " " + new PrivateOwners().counters();
    s += " " + new Pair("p", 1).both(2);
    return s;
  }
}
