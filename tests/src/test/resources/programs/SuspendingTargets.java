package programs;

import static dev.stackless.Keywords.*;
import static dev.stackless.tests.diff.Trace.*;

import dev.stackless.Async;
import java.util.List;

/**
 * Compound assignments whose target's array part suspends and whose index does not: Java still
 * evaluates the array, then the index, then the old value, then the right side.
 */
public class SuspendingTargets {
  int[] values = {1, 2, 3};

  @Async
  static int at(String what, int value) {
    log(what);
    suspend(PARK);
    return value;
  }

  static int plain(String what, int value) {
    log(what);
    return value;
  }

  @Async
  static SuspendingTargets holder(SuspendingTargets h) {
    log("holder");
    suspend(PARK);
    return h;
  }

  @Async
  public static Object run() {
    int[][] m = new int[2][2];
    int[][][] cube = new int[2][2][2];
    m[at("a", 1)][plain("b", 0)] += 9;
    m[at("c", 1)][plain("d", 1)] -= at("e", 4);
    cube[plain("f", 1)][at("g", 0)][plain("h", 1)] *= at("i", 5) + 1;
    cube[1][0][1] += 3;
    cube[plain("j", 1)][at("k", 0)][plain("l", 1)] *= at("m", 2);
    SuspendingTargets h = new SuspendingTargets();
    holder(h).values[plain("n", 2)] += at("o", 10);
    List<int[]> rows = List.of(new int[] {5, 6});
    rows.get(at("p", 0))[plain("q", 1)] <<= 2;
    long[] longs = {7};
    longs[plain("r", 0)] += at("s", 1) * 1000000000000L;
    try {
      m[at("t", 1)][plain("u", 5)] += at("v", 1); // out of bounds: after u, before v
    } catch (ArrayIndexOutOfBoundsException e) {
      log("aioobe");
    }
    int[][] none = {null};
    try {
      none[at("w", 0)][plain("x", 0)] += at("y", 1); // null: after x, before y
    } catch (NullPointerException e) {
      log("npe");
    }
    return java.util.Arrays.deepToString(m) + java.util.Arrays.deepToString(cube)
        + java.util.Arrays.toString(h.values) + rows.get(0)[1] + longs[0];
  }
}
