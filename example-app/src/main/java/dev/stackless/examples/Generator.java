package dev.stackless.examples;

import static dev.stackless.Keywords.*;

import dev.stackless.Async;
import java.io.PrintStream;

/**
 * Seed 003, coroutines in C with ucontext: {@code giveMeTwo} yields 1 when it suspends and
 * returns 2. The yielded value travels through a field the frame writes before suspending.
 */
public final class Generator {
  static PrintStream out = System.out;

  /** {@code c->yield_value}. */
  static final class Yield {
    int value;
  }

  @Async
  static int giveMeTwo(Yield yield) {
    out.println("[giveMeTwo] suspend 1");
    yield.value = 1;
    suspend();
    out.println("[giveMeTwo] after suspend");
    return 2;
  }

  static void run(PrintStream output) {
    out = output;
    Yield yield = new Yield();
    var c = new GeneratorAsync.GiveMeTwo(); // new_Coroutine(giveMeTwo)
    out.println("[main] resume");
    c.start(yield); // the first resume starts it
    int a = yield.value;
    out.println("[main] after resume a: " + a);
    out.println("[main] resume");
    c.resume();
    int b = nosuspend(c);
    out.println("[main] after resume b: " + b);
  }

  private Generator() {}
}
