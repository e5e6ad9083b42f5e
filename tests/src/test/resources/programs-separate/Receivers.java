package programs;

import static dev.stackless.Keywords.*;
import static dev.stackless.tests.diff.Trace.*;

import dev.stackless.Async;
import java.util.*;
import java.util.function.*;
import programs.ReceiversLib.*;

/**
 * Calls of a compiled library's @Async methods on receivers of every shape: the processor sees
 * the library's classes only, and no @Async method of these names in the program's sources.
 */
public class Receivers {
  static final K FIELD = new K("field");

  @Async
  static String shapes(List<K> list, Map<String, K> map, Optional<K> opt, Function<String, K> fn,
      boolean c, K[][] grid, Box<K> box) {
    String s = list.get(0).nm(1) + map.get("m").nm(2) + opt.get().nm(3) + fn.apply("f").nm(4);
    s += (c ? list.get(0) : FIELD).nm(5) + K.ks()[0].nm(6) + grid[0][0].nm(7) + box.value.nm(8);
    s += Box.idp(FIELD).nm(9) + list.stream().findFirst().get().nm(10) + ReceiversLib.some().get(0).nm(11);
    var v = map.get("m");
    for (var each : list) {
      s += each.nm(12);
    }
    return s + v.nm(13);
  }

  @Async
  static String others() {
    Shelf<Object> any = new Shelf<>();
    Shelf<Integer> ints = new Shelf<>();
    String s = any.put("s") + any.put(5) + ints.put("i") + ints.put(6);
    s += SubK.st("a") + K.st("b");
    Greeter greeter = new Greeter() {};
    s += greeter.greet("g");
    G<String> g = new G<>();
    G<String>.In in = g.new In();
    s += in.both("t");
    class Local extends K {
      Local() {
        super("local");
      }
    }
    Local local = new Local();
    return s + local.nm(14) + new Local().nm(15);
  }

  @Async
  public static Object run() {
    K k = new K("k");
    log(shapes(List.of(k), Map.of("m", new K("map")), Optional.of(k), name -> new K(name), true,
        new K[][] {{new K("grid")}}, new Box<>(new K("box"))));
    log(others());
    return "done";
  }
}
