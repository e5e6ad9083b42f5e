package programs;

import static dev.stackless.Keywords.*;
import static dev.stackless.tests.diff.Trace.*;

import dev.stackless.Async;
import java.util.*;
import java.util.function.*;

public class Iteration {
  @Async
  public static Object run() {
    long sum = 0;
    int[] numbers = {3, 1, 4, 1, 5};
    for (long v : numbers) {
      suspend(PARK);
      sum += log(v);
    }
    List<String> words = new ArrayList<>(List.of("a", "bb", "ccc"));
    for (var w : words) {
      if (w.length() == 2) continue;
      suspend(PARK);
      log(w.toUpperCase());
    }
    var map = new TreeMap<String, Integer>();
    map.put("x", 1);
    map.put("y", 2);
    for (Map.Entry<String, Integer> e : map.entrySet()) {
      suspend(PARK);
      sum += e.getValue();
      log(e.getKey());
    }
    char[] cs = {'h', 'i'};
    StringBuilder sb = new StringBuilder();
    for (char c : cs) {
      suspend(PARK);
      sb.append(c);
    }
    return sum + ":" + sb;
  }
}
