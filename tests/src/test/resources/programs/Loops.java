package programs;

import static dev.stackless.Keywords.*;
import static dev.stackless.tests.diff.Trace.*;

import dev.stackless.Async;
import java.util.*;
import java.util.function.*;

public class Loops {
  @Async
  static int value(int v) {
    suspend(PARK);
    return log(v);
  }

  /** A for's init of expression statements, not declarations, with and without suspension. */
  @Async
  static int expressionInit() {
    int i;
    int j;
    for (i = log(0), j = 10; i < 3; i++) {
      suspend(PARK);
      j -= log(i);
    }
    int k;
    for (k = value(2); k < 5; k++) {
      j += k;
    }
    return i * 100 + j;
  }

  @Async
  public static Object run() {
    log(expressionInit());
    int total = 0;
    int i = 0;
    while (i < 4) {
      suspend(PARK);
      total += log(i);
      i++;
    }
    do {
      suspend(PARK);
      total -= log(1);
    } while (total > 3);
    for (int j = 0, k = 10; j < k; j += 3, k--) {
      if (j == 6) continue;
      suspend(PARK);
      log("j" + j + "k" + k);
    }
    outer:
    for (int a = 0; a < 3; a++) {
      for (int b = 0; b < 3; b++) {
        if (b == 2) continue outer;
        if (a == 2) break outer;
        suspend(PARK);
        log(a * 10 + b);
      }
    }
    int n = 0;
    while (true) {
      n++;
      if (n > 2) break;
      suspend(PARK);
    }
    block: {
      log("in block");
      if (n == 3) break block;
      log("never");
    }
    return total * 100 + n;
  }
}
