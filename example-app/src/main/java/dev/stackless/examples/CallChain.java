package dev.stackless.examples;

import static dev.stackless.Keywords.*;

import dev.stackless.AnyFrame;
import dev.stackless.Async;
import java.io.PrintStream;

/**
 * Seed 000, "how async is implemented": {@code one()} calls {@code two()} calls {@code three()},
 * which suspends; the whole chain is suspended until {@code resume sus}. A call of an async
 * function from an async function is {@code await async f()}.
 */
public final class CallChain {
  static int count;
  static AnyFrame sus;

  @Async
  static void one() {
    count += 1;
    two();
    count += 1;
  }

  @Async
  static void two() {
    count += 1;
    three();
    count += 1;
  }

  @Async
  static void three() {
    count += 1;
    suspend(() -> {
      sus = frame(); // sus = @frame();
    });
    count += 1;
  }

  static void run(PrintStream out) {
    count = 0;
    CallChainAsync.one(); // _ = async one();
    out.println("after async one(): count == " + count);
    resume(sus);
    out.println("after resume sus:  count == " + count);
  }

  private CallChain() {}
}
