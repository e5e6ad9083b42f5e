package programs;

import static dev.stackless.Keywords.*;
import static dev.stackless.tests.diff.Trace.*;

import dev.stackless.Async;
import java.util.*;
import java.util.function.*;

public class Failures2 {
  @Async
  static int fail(String message) {
    suspend(PARK);
    throw new IllegalStateException(message);
  }

  @Async
  static int value(int v) {
    suspend(PARK);
    return log(v);
  }

  @Async
  public static Object run() {
    int[] arr = new int[2];
    int k = 5;
    log(value(1) + value(2));
    arr[k] = value(3);
    return "unreachable";
  }
}
