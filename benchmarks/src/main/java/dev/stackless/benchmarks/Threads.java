package dev.stackless.benchmarks;

import java.util.concurrent.Callable;

/** Runs two bodies on two new threads of one kind (virtual or platform) and waits for both. */
final class Threads {
  private Threads() {}

  interface Body {
    void run() throws Exception;
  }

  static void runBoth(Thread.Builder builder, Body a, Body b) {
    Throwable[] failure = new Throwable[1];
    Thread ta = builder.start(wrap(a, failure));
    Thread tb = builder.start(wrap(b, failure));
    try {
      ta.join();
      tb.join();
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
    if (failure[0] != null) {
      throw new IllegalStateException(failure[0]);
    }
  }

  static <T> T call(Thread.Builder builder, Callable<T> body) {
    Object[] result = new Object[1];
    Throwable[] failure = new Throwable[1];
    Thread t = builder.start(wrap(() -> result[0] = body.call(), failure));
    try {
      t.join();
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
    if (failure[0] != null) {
      throw new IllegalStateException(failure[0]);
    }
    @SuppressWarnings("unchecked")
    T r = (T) result[0];
    return r;
  }

  private static Runnable wrap(Body body, Throwable[] failure) {
    return () -> {
      try {
        body.run();
      } catch (Throwable e) {
        synchronized (failure) {
          failure[0] = e;
        }
      }
    };
  }
}
