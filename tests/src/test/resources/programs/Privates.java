package programs;

import static dev.stackless.Keywords.*;
import static dev.stackless.tests.diff.Trace.*;

import dev.stackless.Async;
import java.util.*;

public class Privates {
  private static int counter = 5;
  private static String label = "L";
  private long total;
  private List<String> names = new ArrayList<>();

  private static int twice(int x) {
    return log(x * 2);
  }

  private void remember(String name) {
    names.add(name);
  }

  private String joined() {
    return String.join(",", names);
  }

  @Async
  private static int value(int v) {
    suspend(PARK);
    return log(v);
  }

  @Async
  String collect(int n) {
    for (int i = 0; i < n; i++) {
      remember(label + i);
      total += value(i);
      this.total++;
      suspend(PARK);
    }
    counter++;
    ++counter;
    counter -= twice(value(3));
    label = label + "!";
    return joined() + " total=" + total + " counter=" + counter + " " + label;
  }

  /** Another instance's private field, compound-assigned the value of a suspension point. */
  @Async
  static long transfer(Privates from, Privates to) {
    to.total += value((int) from.total);
    from.total -= value(1) * 2;
    to.total *= log(3) + value(4);
    return from.total * 1000 + to.total;
  }

  private Privates next;

  private static Privates make(long total) {
    Privates p = new Privates();
    p.total = log(total);
    return p;
  }

  /** Private members of owner instances that are elements, results and fields' values. */
  @Async
  static String reached(Privates[] all, int i) {
    all[i].total += value(5);
    all[i++].total++;
    make(7).total -= value(2); // the result is dropped, as in Java
    long sum = all[0].total + make(value(3)).total;
    all[0].next = make(10);
    all[0].next.total *= value(2);
    all[1].remember("r" + value(6));
    return sum + " " + all[0].next.total + " " + all[1].joined() + " " + i;
  }

  /** An inner class's @Async method compound-assigns its outer instance's private field. */
  class Inner {
    @Async
    long bump(int d) {
      total += d;
      total *= value(2);
      Privates.this.total += value(3); // qualified: the same field
      Privates.this.total -= d * value(1);
      return Privates.this.total;
    }
  }

  static Inner innerOf(Privates p) {
    return p.new Inner();
  }

  Privates() {}

  private Privates(long total) {
    this.total = log(total);
  }

  /** A nested class's private constructor, fields and methods, used from the owner's body. */
  static class Node {
    private static int made;
    private int v;

    private static Node of(int v) {
      made++;
      return new Node(v);
    }

    private Node(int v) {
      this.v = log(v);
    }

    private int get() {
      return v;
    }
  }

  @Async
  static long built() {
    Privates p = new Privates(value(7));
    Node n = new Node(value(8));
    n.v += value(1);
    Node[] nodes = {new Node(2), n};
    nodes[0].v *= value(3);
    Node.made += value(5);
    Node other = Node.of(value(6));
    return p.total + n.get() + nodes[0].get() + new Node(value(4)).v + other.v * 100
        + Node.made * 10000;
  }

  /** A nested class's private members, reached through a field of the owner. */
  private final Node held = new Node(1);

  @Async
  int throughAField() {
    List<Node> nodes = List.of(new Node(2), new Node(3));
    value(0);
    int sum = 0;
    for (Node n : nodes) {
      sum += n.v; // the loop's variable, declared inside a plain statement
    }
    held.v += nodes.stream().mapToInt(n -> n.get() * 10).sum() + sum;
    held.v += value(2);
    held.v++;
    return held.v * 10 + held.get();
  }

  /** Private constructors called in a lambda and in an anonymous class of the body. */
  @Async
  static long constructedInside(int k) {
    java.util.function.Supplier<Privates> make = () -> new Privates(k);
    java.util.function.IntFunction<Node> node = v -> new Node(v + k);
    java.util.function.Supplier<Privates> anonymous = new java.util.function.Supplier<>() {
      @Override
      public Privates get() {
        return new Privates(k * 2);
      }
    };
    value(1);
    return make.get().total + node.apply(value(3)).v + anonymous.get().total;
  }

  /** Method references to private methods and constructors, which the frame cannot name. */
  @Async
  String references() {
    java.util.function.Consumer<String> keep = this::remember;
    java.util.function.IntUnaryOperator doubled = Privates::twice;
    java.util.function.IntFunction<Node> make = Node::new;
    java.util.function.ToIntFunction<Node> read = Node::get;
    java.util.function.IntFunction<Node> factory = Node::of;
    keep.accept("r" + value(1));
    Node n = make.apply(value(2));
    Node made = factory.apply(4);
    return names + " " + doubled.applyAsInt(value(3)) + " " + read.applyAsInt(n) + " " + made.v;
  }

  /** Privates.this in an anonymous class of the body: the frame's receiver, as in the body. */
  @Async
  long anonymousOuterThis(int k) {
    Runnable add = new Runnable() {
      final int own = 1;

      @Override
      public void run() {
        Privates.this.total += k + own;
        Privates.this.remember("anon" + this.own);
      }
    };
    value(0);
    add.run();
    return total + names.size();
  }

  private static final int LOW = -1;
  private static final int HIGH = 10;
  private static final String NAME = "a\"b";
  private static final char MARK = '\n';
  private static final long BIG = 1L << 40;
  private static final double HALF = 0.5;
  private final int size = 3;

  /** Private constants: case labels, and operands whose value is negative or needs a suffix. */
  @Async
  String constants(int i) {
    suspend(PARK);
    String out;
    switch (i) {
      case LOW:
        out = "low";
        break;
      case HIGH:
        out = "high";
        break;
      case Privates.HIGH + 1:
        out = "higher";
        break;
      default:
        out = "x";
    }
    String s = switch (NAME) {
      case NAME -> out + 1;
      default -> out + 2;
    };
    suspend(PARK);
    return log(s + (5 - LOW) + (i-LOW) + NAME + MARK + (BIG + size) + -HALF + this.size);
  }

  private static <T> List<T> emptyOf(int capacity) {
    return new ArrayList<>(capacity);
  }

  private <K, V> Map<K, V> mapOf(K key, V value) {
    return new TreeMap<>(Map.of(key, value));
  }

  /** Explicit type arguments of private generic methods, static and instance. */
  @Async
  static String witnessed(int n) {
    List<String> names = Privates.<String>emptyOf(n);
    names.add("n" + value(n));
    Map<String, Integer> counts = new Privates().<String, Integer>mapOf("a", value(1));
    return names + " " + counts + " " + Privates.<Integer>emptyOf(0).size();
  }

  @Async
  public static Object run() {
    log(witnessed(value(2)));
    Privates constants = new Privates();
    for (int i : new int[] {-1, 10, 11, 0}) {
      log(constants.constants(i));
    }
    log(new Privates().references());
    log(new Privates().anonymousOuterThis(value(5)));
    log(built());
    log(constructedInside(value(4)));
    log(new Privates().throughAField());
    log(innerOf(new Privates()).bump(3));
    Privates outer = new Privates();
    Inner made = outer.new Inner(); // an instance-qualified creation
    log(made.bump(value(4)) + outer.new Inner().bump(5));
    log(reached(new Privates[] {new Privates(), new Privates()}, 0));
    Privates p = new Privates();
    String first = p.collect(3);
    log(first);
    log(transfer(p, new Privates()));
    int c = counter;
    counter = twice(c);
    return counter;
  }
}
