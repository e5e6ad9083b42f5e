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

  /**
   * Jumps in plain finally blocks (no suspension point inside the try statement) replace the
   * try block's jump, in a frame whose other try statement suspends.
   */
  @Async
  static int finallyJumpsWin(int n) {
    int i = 0;
    do {
      try {
        if (i >= 0) {
          continue; // replaced by the finally block's break
        }
      } finally {
        if (n > 0) {
          break;
        }
      }
      log("not reached while n > 0");
    } while (++i < 4);
    for (int k = 0; k < 3; k++) {
      try {
        if (k == 1) {
          break; // replaced by the finally block's continue
        }
      } finally {
        if (k == 1) {
          log("continue wins");
          continue;
        }
      }
      log("k " + k);
    }
    try {
      return i + value(n);
    } finally {
      log("suspending try done");
    }
  }

  @Async
  public static Object run() throws IOException {
    log(finallyJumpsWin(2));
    log(finallyJumpsWin(0));
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
