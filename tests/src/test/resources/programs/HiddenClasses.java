package programs;

import static dev.stackless.Keywords.*;
import static dev.stackless.tests.diff.Trace.*;

import dev.stackless.Async;
import java.util.*;
import java.util.function.*;

/**
 * Private classes and records of the owner, used in @Async bodies across suspension points: the
 * frame holds their objects as a visible supertype and reaches their members through handles.
 */
public class HiddenClasses {
  private static class Node {
    static int made;
    private static final String KIND = "node";
    int v;
    private String tag;
    Node next;

    Node(int v) {
      this(v, "n" + v);
    }

    private Node(int v, String tag) {
      this.v = log(v);
      this.tag = tag;
      made++;
    }

    static Node of(int v) {
      return new Node(v * 10);
    }

    int twice() {
      return log(v * 2);
    }

    private void bump(int d) {
      v += d;
    }

    Node link(Node other) {
      next = other;
      return this;
    }

    @Override
    public String toString() {
      return tag + ":" + v;
    }
  }

  private record Point(int x, int y) {
    Point {
      if (x < 0) {
        throw new IllegalArgumentException("negative " + x);
      }
    }

    int sum() {
      return x + y;
    }

    Point plus(Point o) {
      return new Point(x + o.x, y + o.y);
    }
  }

  /** A private class with one visible supertype: the frame holds it as a Runnable. */
  private static final class Counter implements Runnable {
    int runs;

    @Override
    public void run() {
      runs = log(runs + 1);
    }
  }

  private static class Oops extends RuntimeException {
    final int code;

    Oops(int code) {
      super("oops " + code);
      this.code = code;
    }
  }

  /** A private inner class: its objects know the owner's instance that made them. */
  private class Account {
    int balance;

    Account(int initial) {
      balance = initial + head.v;
    }

    int withOwner() {
      return log(balance + all.size());
    }
  }

  private Node head = new Node(100);
  final List<Node> all = new ArrayList<>();
  private final Map<String, Point> points = new TreeMap<>();

  static int total(List<Node> nodes) {
    int t = 0;
    for (Node n : nodes) {
      t += n.v;
    }
    return log(t);
  }

  /** Overloads one of which takes a private class: the arguments' classes choose, as in Java. */
  static String describe(Node n) {
    return "node " + n.v;
  }

  static String describe(Object o) {
    return "object " + o;
  }

  static String describe(Runnable r) {
    return "runnable";
  }

  static String describe(Counter c) {
    return "counter " + c.runs;
  }

  private static Node larger(Node a, Node b) {
    return a.v >= b.v ? a : b;
  }

  @Async
  static int value(int v) {
    suspend(PARK);
    return log(v);
  }

  /** Objects of private classes in locals, fields and type arguments, across suspensions. */
  @Async
  String nodes(int k) {
    Node n = new Node(value(k));
    var m = new Node(2, "m");
    n.v += value(3);
    m.bump(value(4));
    m.v++;
    Node.made += value(1);
    List<Node> list = new ArrayList<>();
    list.add(n);
    list.add(Node.of(value(5)));
    list.add(m);
    int sum = total(list);
    Node best = larger(n, m);
    head.v -= value(10);
    head.link(best);
    head.next.v = head.next.v * 2;
    all.add(best);
    StringBuilder seen = new StringBuilder();
    for (Node each : list) {
      value(each.twice());
      seen.append(each).append(' ');
    }
    int plain = 0;
    for (Node each : list) {
      plain += each.v; // a loop with no suspension point: its variable is javac's
    }
    int[] viaLambda = {0};
    list.forEach(each -> viaLambda[0] += each.twice());
    int streamed = list.stream().mapToInt(each -> each.v).sum();
    List<String> names = list.stream().map(Node::toString).collect(java.util.stream.Collectors.toList());
    seen.append(names).append(list.stream().mapToInt(Node::twice).sum()).append(' ');
    seen.append(plain).append('/').append(viaLambda[0]).append('/').append(streamed).append(' ');
    Map<String, Node> byTag = new HashMap<>();
    byTag.put(n.tag, n);
    n.tag = "renamed" + value(6);
    return seen + "sum=" + sum + " best=" + best + " head=" + head + " next=" + head.next.v
        + " all=" + all + " made=" + Node.made + " kind=" + Node.KIND + " byTag="
        + byTag.keySet() + " " + byTag.values();
  }

  /** A record's accessors, methods, compact constructor and equality. */
  @Async
  static String records(int a) {
    Point p = new Point(value(a), 2);
    Point q = p.plus(new Point(value(1), value(1)));
    var same = new Point(q.x(), q.y());
    int s = q.sum() + value(p.x());
    String thrown = "";
    try {
      new Point(value(-1), 0);
    } catch (IllegalArgumentException e) {
      thrown = e.getMessage();
    }
    return p + " " + q + " " + s + " " + q.equals(same) + " " + (q.hashCode() == same.hashCode())
        + " " + thrown;
  }

  /** A private class as its one interface, an exception class, a private record in a map. */
  @Async
  int supertypes(int times) {
    Counter counter = new Counter();
    Runnable task = counter;
    Object plain = "text";
    Object held = counter;
    Counter back = (Counter) held; // a cast to a private class, and tests for it
    String casts = (held instanceof Counter) + " " + (plain instanceof Counter) + " "
        + ((Counter) held).runs + " " + (back == counter);
    try {
      Counter wrong = (Counter) plain;
      casts += " no exception " + wrong;
    } catch (ClassCastException e) {
      casts += " ClassCastException";
    }
    log(casts);
    log(describe(counter) + " " + describe(task) + " " + describe(plain) + " "
        + describe(new Node(value(2))) + " " + describe((Object) new Node(5)));
    for (int i = 0; i < times; i++) {
      task.run();
      value(i);
    }
    List<Runnable> tasks = List.of(counter, counter);
    tasks.forEach(Runnable::run);
    points.put("a", new Point(value(1), 2));
    points.put("b", points.get("a").plus(new Point(3, 4)));
    int code = 0;
    try {
      value(0);
      throw new Oops(value(7));
    } catch (RuntimeException e) {
      code = e.getMessage().length();
    }
    return counter.runs * 100 + code + points.size() + points.get("b").sum();
  }

  @Async
  int accounts(int k) {
    Account a = new Account(value(k));
    a.balance += value(5);
    List<Account> accounts = new ArrayList<>(List.of(a, new Account(1)));
    Supplier<Account> opened = () -> new Account(2);
    Account qualified = this.new Account(value(4)); // an instance-qualified creation
    value(0);
    return a.withOwner() + accounts.size() + accounts.get(1).balance + opened.get().balance
        + qualified.balance;
  }

  private static int sumOf(Node[] all) {
    int t = 0;
    for (Node n : all) {
      t += n == null ? -1 : n.v;
    }
    return t;
  }

  /** Arrays of private classes: made as Java makes them (Node[], Point[][]), across suspensions. */
  @Async
  static String arrays(int k) {
    Node[] nodes = new Node[value(k)];
    for (int i = 0; i < nodes.length - 1; i++) {
      nodes[i] = new Node(value(i + 1));
    }
    Node[] more = {nodes[0], Node.of(value(2))};
    Point[][] grid = {{new Point(1, value(2))}, {}, new Point[value(1)]};
    Point[][] sized = new Point[2][value(3)];
    int sum = 0;
    for (Node n : more) {
      sum += n.twice() + value(0);
    }
    for (Point[] row : grid) {
      sum += row.length;
    }
    Node[] copy = nodes.clone();
    java.util.Arrays.sort(copy, 0, copy.length - 1, java.util.Comparator.comparingInt(n -> -n.v));
    Object held = more;
    String s = java.util.Arrays.toString(copy) + sum + sumOf(nodes) + held.getClass().getSimpleName()
        + grid.getClass().getSimpleName() + sized[1].length + grid[0][0].sum();
    try {
      Object[] widened = more;
      widened[0] = "not a node"; // the array is a Node[]: Java's ArrayStoreException
    } catch (ArrayStoreException e) {
      s += " " + e.getClass().getSimpleName();
    }
    try {
      new Node[value(-1)].getClass();
    } catch (NegativeArraySizeException e) {
      s += " " + e.getClass().getSimpleName();
    }
    return s;
  }

  @Async
  public static Object run() {
    HiddenClasses owner = new HiddenClasses();
    log(arrays(value(3)));
    log(owner.nodes(value(3)));
    log(records(value(4)));
    log(owner.supertypes(value(3)));
    log(owner.nodes(1));
    log(owner.accounts(value(3)));
    return Node.made;
  }
}
