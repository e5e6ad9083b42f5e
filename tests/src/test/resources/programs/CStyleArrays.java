package programs;

import static dev.stackless.Keywords.*;
import static dev.stackless.tests.diff.Trace.*;

import dev.stackless.Async;

/** Array types written C's way ({@code int a[]}) on locals, loop variables, parameters, results. */
public class CStyleArrays {
  @Async
  static int[] rows(int n)[] {
    suspend(PARK);
    int grid[][] = new int[n][n];
    grid[n - 1][n - 1] = log(n);
    return grid;
  }

  @Async
  static int sum(int xs[], String names[][]) {
    int a[] = {1, 2}, b = 3, c[][] = {{4}};
    suspend(PARK);
    int total = a[1] + b + c[0][0] + xs[0];
    for (String row[] : names) {
      suspend(PARK);
      total += log(row.length);
    }
    return total + rows(3)[2][2];
  }

  /** Initializers that suspend, of C-style declarators. */
  @Async
  static int initialized() {
    int x[] = {log(1), rows(2)[1][1]};
    int[] z[] = {{log(5)}, {rows(1)[0][0], 7}};
    return x[0] + x[1] + z[0][0] + z[1][1];
  }

  @Async
  public static Object run() {
    log(initialized());
    return sum(new int[] {10}, new String[][] {{"a"}, {"b", "c"}});
  }
}
