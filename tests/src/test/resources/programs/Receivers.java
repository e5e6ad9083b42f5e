package programs;

import static dev.stackless.Keywords.*;
import static dev.stackless.tests.diff.Trace.*;

import dev.stackless.Async;

/** Instance @Async methods called on receivers that are expressions: results, elements, new. */
public class Receivers {
  final int base;
  final java.util.List<Receivers> kids = new java.util.ArrayList<>();
  static final java.util.List<Receivers> SHARED = java.util.List.of(new Receivers(90));

  Receivers(int base) {
    this.base = log(base);
  }

  Receivers next() {
    return new Receivers(base + 1);
  }

  static Receivers make(int base) {
    return new Receivers(log(base * 10));
  }

  static Receivers nothing() {
    return null;
  }

  @Async
  int add(int x) {
    suspend(PARK);
    return log(base + x);
  }

  @Async
  Receivers later() {
    suspend(PARK);
    return next();
  }

  static class Special extends Receivers {
    Special(int base) {
      super(base);
    }
  }

  /** Receivers typed by a type variable's bound: a loop variable and a local of type T. */
  static class Team<T extends Receivers> {
    final java.util.List<T> members = new java.util.ArrayList<>();

    @Async
    int total() {
      int sum = 0;
      for (T m : members) {
        sum += m.add(1);
      }
      T first = members.get(0);
      return sum + first.add(2);
    }
  }

  /** Receivers typed by a field's type arguments. */
  @Async
  int viaKids() {
    kids.add(next());
    return kids.get(0).add(1) + this.kids.get(0).add(2) + SHARED.get(0).later().add(3);
  }

  @Async
  public static Object run() {
    Receivers r = new Receivers(1);
    Receivers[] all = {new Receivers(10), new Receivers(20)};
    int sum = r.next().add(log(2));
    sum += all[log(1)].add(3) + new Receivers(100).add(log(4));
    sum += make(5).next().add(6) * Receivers.make(7).add(8);
    sum += r.later().later().add(9); // an @Async result as the receiver of another
    int i = 0;
    sum += all[i++].add(i) + all[i].add(i++);
    java.util.List<Receivers> list = java.util.List.of(new Receivers(30), new Receivers(40));
    java.util.Map<String, Receivers> byName = new java.util.HashMap<>();
    byName.put("a", new Receivers(50));
    sum += list.get(log(1)).add(2) + byName.get("a").add(3) + list.get(0).later().add(4);
    sum += byName.computeIfAbsent("b", k -> new Receivers(60)).add(5);
    sum += r.viaKids();
    Team<Receivers> team = new Team<>();
    team.members.add(new Receivers(3));
    team.members.add(new Receivers(4));
    sum += team.total();
    Receivers a = new Receivers(70);
    Receivers b = new Receivers(80);
    boolean even = log(sum) % 2 == 0;
    sum += (even ? a : b).add(7) + (!even ? a : b).later().add(8) + (even ? a : b).next().base;
    Special sub = new Special(90);
    sum += (even ? sub : a).add(11) + (!even ? a : sub).add(12); // the lub is a's class
    Receivers held = a;
    sum += (held = b).add(9) + held.add(10); // an assignment as the receiver: the variable's type
    try {
      nothing().add(log(11));
    } catch (NullPointerException e) {
      log("npe");
    }
    try {
      all[2].add(log(12));
    } catch (ArrayIndexOutOfBoundsException e) {
      log("out of bounds");
    }
    return sum;
  }
}
