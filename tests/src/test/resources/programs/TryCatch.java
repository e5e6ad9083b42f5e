package programs;

import static dev.stackless.Keywords.*;
import static dev.stackless.tests.diff.Trace.*;

import dev.stackless.Async;
import java.io.IOException;
import java.util.*;
import java.util.function.*;

public class TryCatch {
  @Async
  static int value(int v) {
    suspend(PARK);
    return log(v);
  }

  @Async
  static int failing(String message) throws IOException {
    suspend(PARK);
    throw new IOException(message);
  }

  @Async
  static int returnsThroughFinally(int v) {
    try {
      suspend(PARK);
      if (v > 0) return log(v * 10);
      log("no return");
    } finally {
      log("finally " + v);
      suspend(PARK);
      log("after suspend in finally");
    }
    return -1;
  }

  @Async
  @SuppressWarnings("finally")
  static int finallyOverrides() {
    try {
      suspend(PARK);
      return log(1);
    } finally {
      suspend(PARK);
      return log(2);
    }
  }

  @Async
  static String loopWithFinally() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 5; i++) {
      try {
        suspend(PARK);
        if (i == 1) continue;
        if (i == 3) break;
        sb.append(i);
      } finally {
        sb.append('f');
        suspend(PARK);
      }
    }
    return sb.toString();
  }

  @Async
  public static Object run() throws IOException {
    try {
      int a = value(1);
      failing("first");
      log("not reached");
    } catch (IOException e) {
      log("caught " + e.getMessage());
      int b = value(2);
      log("in catch " + b);
    }
    try {
      try {
        value(3);
        throw new IllegalStateException("inner");
      } catch (IllegalArgumentException e) {
        log("wrong handler");
      } finally {
        log("inner finally");
        value(4);
      }
    } catch (IllegalStateException | UnsupportedOperationException e) {
      log("outer caught " + e.getMessage());
      suspend(PARK);
    } finally {
      log("outer finally");
    }
    log(returnsThroughFinally(5));
    log(returnsThroughFinally(0));
    log(finallyOverrides());
    log(loopWithFinally());
    int total = 0;
    for (int i = 0; i < 3; i++) {
      try {
        total += value(i);
        if (i == 1) failing("loop " + i);
      } catch (IOException e) {
        log(e.getMessage());
        continue;
      }
      log("end of iteration " + i);
    }
    try {
      value(9);
      failing("escapes");
    } finally {
      log("last finally");
      suspend(PARK);
    }
    return total;
  }
}
