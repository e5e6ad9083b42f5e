package dev.stackless.tests;

import static dev.stackless.Keywords.*;

import dev.stackless.Async;

/**
 * Private fields of the owner assigned the value of a suspension point: a direct call, an await,
 * a conditional and a switch expression whose branches suspend, a compound assignment. The
 * generated class reaches them through its accessors. Each method has a plain twin, compared by
 * {@link PrivateFieldsTest}.
 */
class PrivateFields {
  private static int count;
  private static String label = "";
  private long total;

  @Async
  static int count(int n) {
    return n * 10;
  }


  static int countPlain(int n) {
    return n * 10;
  }

  @Async
  static String assignStatic(Sched s, int k) {
    count = count(k);
    label = await(FlowsAsync.echo(s, "L" + count));
    count = k > 1 ? await(FlowsAsync.later(s, "big", count + 1)) : count - 1;
    label = switch (k) {
      case 1 -> "one";
      case 2 -> label + Flows.later(s, "two", 2);
      default -> { int t = Flows.later(s, "other", k); yield label + "/" + t; }
    };
    count += Flows.later(s, "more", 5);
    return label + ":" + count;
  }

  static String assignStaticPlain(Sched s, int k) {
    count = countPlain(k);
    label = Flows.echoPlain(s, "L" + count);
    count = k > 1 ? Flows.laterPlain(s, "big", count + 1) : count - 1;
    label = switch (k) {
      case 1 -> "one";
      case 2 -> label + Flows.laterPlain(s, "two", 2);
      default -> { int t = Flows.laterPlain(s, "other", k); yield label + "/" + t; }
    };
    count += Flows.laterPlain(s, "more", 5);
    return label + ":" + count;
  }

  /** The same on an instance field of the receiver. */
  @Async
  long assignInstance(Sched s, int k) {
    total = count(k);
    total = k % 2 == 0 ? Flows.later(s, "even", k) : total * 3;
    total += Flows.later(s, "add", 7);
    return total;
  }

  long assignInstancePlain(Sched s, int k) {
    total = countPlain(k);
    total = k % 2 == 0 ? Flows.laterPlain(s, "even", k) : total * 3;
    total += Flows.laterPlain(s, "add", 7);
    return total;
  }
}
