package programs;

import static dev.stackless.Keywords.*;
import static dev.stackless.tests.diff.Trace.*;

import dev.stackless.Async;

/**
 * A {@code synchronized} statement whose lock expression suspends: the lock is evaluated before
 * the monitor is taken, as Java does, and the block holds it without suspending.
 */
public class SynchronizedLocks {
  static final Object[] LOCKS = {new Object(), new Object()};

  @Async
  static Object lockFor(int i) {
    suspend(PARK);
    log("lock " + i);
    return i < LOCKS.length ? LOCKS[i] : null;
  }

  @Async
  public static Object run() {
    int total = 0;
    for (int i = 0; i < 2; i++) {
      synchronized (lockFor(i)) {
        total += log(i * 10) + (Thread.holdsLock(LOCKS[i]) ? 1 : 0);
      }
      log("released " + !Thread.holdsLock(LOCKS[i]));
    }
    try {
      synchronized (lockFor(5)) { // null: NullPointerException before the block
        total += 1000;
      }
    } catch (NullPointerException e) {
      log("npe");
    }
    return total;
  }
}
