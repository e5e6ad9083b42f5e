package programs;

import static dev.stackless.Keywords.*;
import static dev.stackless.tests.diff.Trace.*;

import dev.stackless.Async;
import java.util.*;
import java.util.function.*;

public class Captures {
  @Async
  public static Object run() {
    List<Supplier<String>> made = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      String name = "item" + i;
      suspend(PARK);
      made.add(() -> name + "!");
      int copy = i;
      made.add(new Supplier<String>() {
        @Override
        public String get() {
          return "anon" + copy;
        }
      });
    }
    StringBuilder sb = new StringBuilder();
    for (Supplier<String> s : made) {
      sb.append(s.get()).append(',');
    }
    Function<Integer, Integer> twice = x -> x * 2;
    int r = twice.apply(21);
    suspend(PARK);
    return sb + "" + r;
  }
}
