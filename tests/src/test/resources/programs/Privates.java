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

  @Async
  public static Object run() {
    Privates p = new Privates();
    String first = p.collect(3);
    log(first);
    int c = counter;
    counter = twice(c);
    return counter;
  }
}
