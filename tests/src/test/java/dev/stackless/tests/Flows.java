package dev.stackless.tests;

import static dev.stackless.Keywords.*;

import dev.stackless.AnyFrame;
import dev.stackless.Async;
import dev.stackless.Frame;
import java.util.ArrayList;
import java.util.List;

/**
 * Control flow around suspension points, each {@code @Async} method next to its plain-Java twin:
 * the same code with every call of an {@code @Async} method replaced by the call of its plain
 * twin, every {@code await(OwnerAsync.f(..))} by the plain call made where the frame was started,
 * and every {@code suspend(..)} in the body by nothing (the log entry written before it stays).
 * Run through {@link Sched#drive}, both must write the same log and return the same result.
 */
class Flows {

  // ---------------------------------------------------------------------------------------------
  // Leaves: each suspends once, with its frame queued on the scheduler.

  /** Suspends through {@code suspend(self -> ..)}; logs before and after. */
  @Async
  static int tick(Sched s, String tag, int value) {
    s.log("tick " + tag + " " + value);
    suspend(self -> s.ready.add(self));
    s.log("tock " + tag);
    return value;
  }

  static int tickPlain(Sched s, String tag, int value) {
    s.log("tick " + tag + " " + value);
    s.log("tock " + tag);
    return value;
  }

  /** Suspends through {@code suspend(() -> ..frame()..)}; logs only when it starts. */
  @Async
  static boolean check(Sched s, String tag, boolean value) {
    s.log("check " + tag + " " + value);
    suspend(() -> {
      s.ready.add(frame());
    });
    return value;
  }

  static boolean checkPlain(Sched s, String tag, boolean value) {
    s.log("check " + tag + " " + value);
    return value;
  }

  /** Queues {@code frame()} and then suspends with a bare {@code suspend()}. */
  @Async
  static void pause(Sched s, String tag) {
    s.log("pause " + tag);
    AnyFrame me = frame();
    s.ready.add(me);
    suspend();
  }

  static void pausePlain(Sched s, String tag) {
    s.log("pause " + tag);
  }

  /** Logs only when it starts, so that frames started early and awaited late log alike. */
  @Async
  static int later(Sched s, String tag, int value) {
    s.log("later " + tag + " " + value);
    suspend(self -> {
      s.ready.add(self);
    });
    return value;
  }

  static int laterPlain(Sched s, String tag, int value) {
    s.log("later " + tag + " " + value);
    return value;
  }

  // ---------------------------------------------------------------------------------------------
  // if / else

  @Async
  static int branches(Sched s, int n) {
    int acc = 0;
    if (check(s, "big", n > 2)) {
      acc = tick(s, "then", n);
    } else if (n == 1) {
      int t = tick(s, "elif", 10);
      acc = acc + t;
    } else {
      s.log("suspend else");
      suspend(self -> s.ready.add(self));
      acc = -1;
    }
    if (n % 2 == 0) {
      var w = tick(s, "even", n * 3);
      acc = acc + w;
    }
    if (check(s, "odd", n % 2 == 1)) {
      pause(s, "odd");
    } else if (check(s, "four", n == 4)) {
      acc = tick(s, "four", acc * 2);
    }
    if (n > 5) {
      return tick(s, "early", acc);
    }
    return tick(s, "ret", acc);
  }

  static int branchesPlain(Sched s, int n) {
    int acc = 0;
    if (checkPlain(s, "big", n > 2)) {
      acc = tickPlain(s, "then", n);
    } else if (n == 1) {
      int t = tickPlain(s, "elif", 10);
      acc = acc + t;
    } else {
      s.log("suspend else");
      acc = -1;
    }
    if (n % 2 == 0) {
      var w = tickPlain(s, "even", n * 3);
      acc = acc + w;
    }
    if (checkPlain(s, "odd", n % 2 == 1)) {
      pausePlain(s, "odd");
    } else if (checkPlain(s, "four", n == 4)) {
      acc = tickPlain(s, "four", acc * 2);
    }
    if (n > 5) {
      return tickPlain(s, "early", acc);
    }
    return tickPlain(s, "ret", acc);
  }

  // ---------------------------------------------------------------------------------------------
  // while and do

  @Async
  static int whileLoops(Sched s, int n) {
    int i = 0;
    int sum = 0;
    while (check(s, "w" + i, i < n)) {
      int v = tick(s, "body" + i, i * i);
      sum = sum + v;
      i++;
      if (i == 3) {
        continue;
      }
      if (sum > 100) {
        break;
      }
      s.log("suspend w" + i);
      suspend(self -> s.ready.add(self));
    }
    int j = 0;
    do {
      j = tick(s, "do" + j, j + 1);
    } while (check(s, "d" + j, j < n));
    while (j > 0) {
      j = j - 1;
      if (j % 2 == 0) {
        continue;
      }
      pause(s, "down" + j);
    }
    do {
      s.log("once");
    } while (false);
    return sum * 1000 + i * 10 + j;
  }

  static int whileLoopsPlain(Sched s, int n) {
    int i = 0;
    int sum = 0;
    while (checkPlain(s, "w" + i, i < n)) {
      int v = tickPlain(s, "body" + i, i * i);
      sum = sum + v;
      i++;
      if (i == 3) {
        continue;
      }
      if (sum > 100) {
        break;
      }
      s.log("suspend w" + i);
    }
    int j = 0;
    do {
      j = tickPlain(s, "do" + j, j + 1);
    } while (checkPlain(s, "d" + j, j < n));
    while (j > 0) {
      j = j - 1;
      if (j % 2 == 0) {
        continue;
      }
      pausePlain(s, "down" + j);
    }
    do {
      s.log("once");
    } while (false);
    return sum * 1000 + i * 10 + j;
  }

  // ---------------------------------------------------------------------------------------------
  // for and for-each

  @Async
  static long forLoops(Sched s, int n) {
    long total = 0;
    for (int i = 0; check(s, "f" + i, i < n); i++) {
      int v = tick(s, "f" + i, i);
      total += v;
    }
    for (int i = 0, k = n; i < k; i += 2, k--) {
      total = tick(s, "ik" + i + k, (int) total + i * k);
    }
    int[] numbers = {3, 1, 4, 1, 5, 9, 2, 6};
    for (int x : numbers) {
      if (x == 1) {
        s.log("skip");
        continue;
      }
      if (x > n + 4) {
        break;
      }
      int y = tick(s, "arr" + x, x);
      total += y;
    }
    List<String> words = List.of("a", "bb", "ccc", "dddd");
    for (String w : words) {
      boolean longer = check(s, "w" + w, w.length() > n);
      if (longer) {
        break;
      }
      total += w.length();
    }
    for (var w : new ArrayList<>(words)) {
      pause(s, w);
    }
    for (Integer boxed : List.of(7, 8)) {
      int unboxed = tick(s, "boxed", boxed);
      total += unboxed;
    }
    for (;;) {
      int z = tick(s, "forever", 1);
      total += z;
      if (total > 60 || n == 0) {
        break;
      }
    }
    for (int i = n; i > 0; i--) {
      s.log("plain loop " + i);
    }
    return total;
  }

  static long forLoopsPlain(Sched s, int n) {
    long total = 0;
    for (int i = 0; checkPlain(s, "f" + i, i < n); i++) {
      int v = tickPlain(s, "f" + i, i);
      total += v;
    }
    for (int i = 0, k = n; i < k; i += 2, k--) {
      total = tickPlain(s, "ik" + i + k, (int) total + i * k);
    }
    int[] numbers = {3, 1, 4, 1, 5, 9, 2, 6};
    for (int x : numbers) {
      if (x == 1) {
        s.log("skip");
        continue;
      }
      if (x > n + 4) {
        break;
      }
      int y = tickPlain(s, "arr" + x, x);
      total += y;
    }
    List<String> words = List.of("a", "bb", "ccc", "dddd");
    for (String w : words) {
      boolean longer = checkPlain(s, "w" + w, w.length() > n);
      if (longer) {
        break;
      }
      total += w.length();
    }
    for (var w : new ArrayList<>(words)) {
      pausePlain(s, w);
    }
    for (Integer boxed : List.of(7, 8)) {
      int unboxed = tickPlain(s, "boxed", boxed);
      total += unboxed;
    }
    for (;;) {
      int z = tickPlain(s, "forever", 1);
      total += z;
      if (total > 60 || n == 0) {
        break;
      }
    }
    for (int i = n; i > 0; i--) {
      s.log("plain loop " + i);
    }
    return total;
  }

  // ---------------------------------------------------------------------------------------------
  // labelled break and continue

  @Async
  static int labelled(Sched s, int n) {
    int count = 0;
    outer:
    for (int i = 0; i < n; i++) {
      inner:
      for (int j = 0; j < n; j++) {
        if (j > i) {
          continue outer;
        }
        int v = tick(s, i + "," + j, i * j);
        if (v == 6) {
          break outer;
        }
        if (v % 2 == 1) {
          continue inner;
        }
        count = count + v + 1;
        while (check(s, "in" + count, count % 3 != 0)) {
          count++;
          if (count > 40) {
            break inner;
          }
        }
      }
      s.log("end i" + i);
    }
    int k = 0;
    again:
    do {
      k = tick(s, "k" + k, k + 1);
      if (k == 2) {
        continue again;
      }
      if (k > 3) {
        break again;
      }
    } while (check(s, "kk" + k, k < n));
    scan:
    while (true) {
      for (int m = 0; m < 3; m++) {
        boolean stop = check(s, "scan" + m, m == n % 3);
        if (stop) {
          break scan;
        }
      }
      s.log("scan wrapped");
      break;
    }
    return count * 100 + k;
  }

  static int labelledPlain(Sched s, int n) {
    int count = 0;
    outer:
    for (int i = 0; i < n; i++) {
      inner:
      for (int j = 0; j < n; j++) {
        if (j > i) {
          continue outer;
        }
        int v = tickPlain(s, i + "," + j, i * j);
        if (v == 6) {
          break outer;
        }
        if (v % 2 == 1) {
          continue inner;
        }
        count = count + v + 1;
        while (checkPlain(s, "in" + count, count % 3 != 0)) {
          count++;
          if (count > 40) {
            break inner;
          }
        }
      }
      s.log("end i" + i);
    }
    int k = 0;
    again:
    do {
      k = tickPlain(s, "k" + k, k + 1);
      if (k == 2) {
        continue again;
      }
      if (k > 3) {
        break again;
      }
    } while (checkPlain(s, "kk" + k, k < n));
    scan:
    while (true) {
      for (int m = 0; m < 3; m++) {
        boolean stop = checkPlain(s, "scan" + m, m == n % 3);
        if (stop) {
          break scan;
        }
      }
      s.log("scan wrapped");
      break;
    }
    return count * 100 + k;
  }

  // ---------------------------------------------------------------------------------------------
  // await in every supported position

  @Async
  static int awaits(Sched s, int n) {
    Frame<Integer> a = FlowsAsync.later(s, "a", n);
    Frame<Integer> b = FlowsAsync.later(s, "b", n + 1);
    int x = await(b);
    int y;
    y = await(a);
    await(FlowsAsync.later(s, "c", 0));
    Frame<Boolean> flag = FlowsAsync.check(s, "flag", x > y);
    if (await(flag)) {
      s.log("flag true");
    } else {
      s.log("flag false");
    }
    while (await(FlowsAsync.check(s, "loop" + y, y < x + 3))) {
      y++;
    }
    Frame<Integer> done = FlowsAsync.later(s, "done", 5);
    var early = FlowsAsync.later(s, "early", 1);
    for (int i = 0; await(FlowsAsync.check(s, "for" + i, i < 2)); i++) {
      int v = await(FlowsAsync.later(s, "in for" + i, i));
      y = y + v;
    }
    int e = await(early);
    int d = await(done);
    y = y + e + d;
    do {
      x--;
    } while (await(FlowsAsync.check(s, "do" + x, x > n - 2)));
    return await(FlowsAsync.later(s, "ret", x * 100 + y));
  }

  static int awaitsPlain(Sched s, int n) {
    int a = laterPlain(s, "a", n);
    int b = laterPlain(s, "b", n + 1);
    int x = b;
    int y;
    y = a;
    laterPlain(s, "c", 0);
    boolean flag = checkPlain(s, "flag", x > y);
    if (flag) {
      s.log("flag true");
    } else {
      s.log("flag false");
    }
    while (checkPlain(s, "loop" + y, y < x + 3)) {
      y++;
    }
    int done = laterPlain(s, "done", 5);
    int early = laterPlain(s, "early", 1);
    for (int i = 0; checkPlain(s, "for" + i, i < 2); i++) {
      var v = laterPlain(s, "in for" + i, i);
      y = y + v;
    }
    int e = early;
    int d = done;
    y = y + e + d;
    do {
      x--;
    } while (checkPlain(s, "do" + x, x > n - 2));
    return laterPlain(s, "ret", x * 100 + y);
  }

  @Async
  static int moreLoops(Sched s, int n) {
    int acc = 0;
    int w = 0;
    rows:
    while (check(s, "row" + w, w < n)) {
      w++;
      for (int c = 0; c < 3; c++) {
        if (c == w % 3) {
          continue rows;
        }
        int v = tick(s, "cell" + w + c, c);
        acc = acc + v;
      }
    }
    for (int i = 0; check(s, "fc" + i, i < n); i++) {
      if (i % 2 == 0) {
        continue;
      }
      for (int j : new int[] {i, i + 1}) {
        s.log("suspend " + j);
        suspend(self -> {
          s.log("block " + j);
          s.ready.add(self);
        });
      }
    }
    int k = 0;
    while (check(s, "empty" + (k++), k < 3)) {}
    int b = 0;
    while (b < 3) b = tick(s, "braceless", b + 1);
    for (String word : List.of("x", "yy").subList(0, Math.min(2, n + 1))) {
      pause(s, word);
      acc = acc + word.length();
    }
    if (check(s, "tail", n > 2)) return tick(s, "tail then", acc);
    else return tick(s, "tail else", -acc);
  }

  static int moreLoopsPlain(Sched s, int n) {
    int acc = 0;
    int w = 0;
    rows:
    while (checkPlain(s, "row" + w, w < n)) {
      w++;
      for (int c = 0; c < 3; c++) {
        if (c == w % 3) {
          continue rows;
        }
        int v = tickPlain(s, "cell" + w + c, c);
        acc = acc + v;
      }
    }
    for (int i = 0; checkPlain(s, "fc" + i, i < n); i++) {
      if (i % 2 == 0) {
        continue;
      }
      for (int j : new int[] {i, i + 1}) {
        s.log("suspend " + j);
        s.log("block " + j);
      }
    }
    int k = 0;
    while (checkPlain(s, "empty" + (k++), k < 3)) {}
    int b = 0;
    while (b < 3) b = tickPlain(s, "braceless", b + 1);
    for (String word : List.of("x", "yy").subList(0, Math.min(2, n + 1))) {
      pausePlain(s, word);
      acc = acc + word.length();
    }
    if (checkPlain(s, "tail", n > 2)) return tickPlain(s, "tail then", acc);
    else return tickPlain(s, "tail else", -acc);
  }

  // ---------------------------------------------------------------------------------------------
  // Declarations: several declarators, widening and boxing initializers, names reused in sibling
  // scopes with other types, hoisted locals read by a suspend block

  @Async
  static String declarations(Sched s, int n) {
    int a = n, b = tick(s, "b", n + 1);
    long wide = tick(s, "wide", a * b);
    Integer boxed = tick(s, "boxed", 3);
    Object o = echo(s, "object");
    String out = a + "," + b + "," + wide + "," + boxed + "," + o;
    if (n % 2 == 0) {
      int x = tick(s, "x int", n);
      out = out + ",int " + x;
    } else {
      String x = echo(s, "x string " + n);
      out = out + "," + x;
    }
    for (int i = 0; i < 2; i++) {
      double x = tick(s, "x double", i) / 2.0;
      out = out + "," + x;
    }
    final String captured = out;
    int local = a * 10;
    s.log("suspend block");
    suspend(self -> {
      s.log("block sees " + local + " " + captured.length());
      s.ready.add(self);
    });
    out = out + "," + local;
    return out;
  }

  static String declarationsPlain(Sched s, int n) {
    int a = n, b = tickPlain(s, "b", n + 1);
    long wide = tickPlain(s, "wide", a * b);
    Integer boxed = tickPlain(s, "boxed", 3);
    Object o = echoPlain(s, "object");
    String out = a + "," + b + "," + wide + "," + boxed + "," + o;
    if (n % 2 == 0) {
      int x = tickPlain(s, "x int", n);
      out = out + ",int " + x;
    } else {
      String x = echoPlain(s, "x string " + n);
      out = out + "," + x;
    }
    for (int i = 0; i < 2; i++) {
      double x = tickPlain(s, "x double", i) / 2.0;
      out = out + "," + x;
    }
    final String captured = out;
    int local = a * 10;
    s.log("suspend block");
    s.log("block sees " + local + " " + captured.length());
    out = out + "," + local;
    return out;
  }

  // ---------------------------------------------------------------------------------------------
  // Generic methods

  @Async
  static <T> T echo(Sched s, T value) {
    s.log("echo " + value);
    suspend(self -> s.ready.add(self));
    return value;
  }

  static <T> T echoPlain(Sched s, T value) {
    s.log("echo " + value);
    return value;
  }

  @Async
  static <T extends Comparable<T>> T max(Sched s, Iterable<T> items) {
    T best = null;
    for (T item : items) {
      T echoed = echo(s, item);
      if (best == null || echoed.compareTo(best) > 0) {
        best = echoed;
      }
    }
    return best;
  }

  static <T extends Comparable<T>> T maxPlain(Sched s, Iterable<T> items) {
    T best = null;
    for (T item : items) {
      T echoed = echoPlain(s, item);
      if (best == null || echoed.compareTo(best) > 0) {
        best = echoed;
      }
    }
    return best;
  }

  @Async
  static <K, V> List<String> pairs(Sched s, K[] keys, V value) {
    List<String> out = new ArrayList<>();
    for (K key : keys) {
      K k = echo(s, key);
      V v = echo(s, value);
      out.add(k + "=" + v);
    }
    return out;
  }

  static <K, V> List<String> pairsPlain(Sched s, K[] keys, V value) {
    List<String> out = new ArrayList<>();
    for (K key : keys) {
      K k = echoPlain(s, key);
      V v = echoPlain(s, value);
      out.add(k + "=" + v);
    }
    return out;
  }
}
