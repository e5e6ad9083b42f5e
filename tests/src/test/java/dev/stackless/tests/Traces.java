package dev.stackless.tests;

import static dev.stackless.Keywords.*;

import dev.stackless.AnyFrame;
import dev.stackless.Async;

/** Line numbers matter here: StackTraceTest names them. */
class Traces {
  static AnyFrame parked;

  static int fail(int value) {
    throw new IllegalStateException("failed at " + value);
  }

  @Async
  static int inner(int value) {
    suspend(self -> {
      parked = self;
    });
    int doubled = value * 2;
    return fail(doubled); // line 22
  }

  @Async
  static int outer(int value) {
    int result = inner(value); // line 27
    return result + 1;
  }

  @Async
  static int zero() {
    suspend(self -> {
      parked = self;
    });
    return 0;
  }

  @Async
  static int dividedAfterASuspension(int by) {
    return zero() + 10 / by; // line 41: thrown in the rest of the expression, past zero()
  }

  /** Throws from a statement nested in a statement that spans lines: each at its own line. */
  @Async
  static int nested(int which) {
    zero();
    if (which == 0)
      fail(0); // line 49
    int r = Math.max(which,
        which == 1 ? fail(1) : 0); // line 51
    for (int i = 0; i < 3; i++) {
      /* a comment
         over lines */ String s = """
          a text block
          """;
      if (which == 2 && i == 1) fail(s.length()); // line 57
    }
    Runnable task = () -> {
      if (which == 3) {
        fail(3); // line 61
      }
    };
    task.run();
    switch (which) {
      case 4:
        r++;
        fail(4); // line 68
        break;
      default:
        break;
    }
    return r;
  }

  /** The cause, thrown and caught in the body, is at the user's line too. */
  @Async
  static int wrapped(Object o) {
    zero();
    try {
      return o.hashCode(); // line 81
    } catch (NullPointerException e) {
      throw new IllegalStateException("wrapped", e);
    }
  }

  /** A class whose initializer fails: its static @Async method fails as a static call would. */
  static class Broken {
    static final int VALUE = Integer.parseInt("not a number");

    @Async
    static int value() {
      return VALUE;
    }
  }

  /** A nested owner: its frames' elements name the class as the JVM does, Traces$Nested. */
  static class Nested {
    @Async
    static int fails() {
      suspend(self -> parked = self);
      throw new IllegalStateException("nested");
    }
  }

  /** An exception made once and thrown by every run: throwing it again changes nothing of it. */
  static final IllegalStateException CLOSED = new IllegalStateException("closed");

  @Async
  static int readClosed() {
    suspend(self -> parked = self);
    throw CLOSED;
  }

  @Async
  static int handlesClosed() {
    return readClosed();
  }

  /** Awaits a frame that may have failed already, and passes on its exception. */
  @Async
  static int awaitsAgain(dev.stackless.Frame<Integer> failed) {
    return await(failed);
  }

  @Async
  static Integer nothing() {
    suspend(self -> parked = self);
    return null;
  }

  /** Unboxes a null result, as Java's {@code int x = nothing();} does: an NPE at this line. */
  @Async
  static int unboxesNothing() {
    int x = nothing(); // UNBOXES
    return x;
  }

  /** A switch with a block, inside an expression: the frame runs it, at the user's lines. */
  @Async
  static int switchBlock(int k) {
    return 1 + switch (k) {
      case 0 -> {
        suspend(self -> parked = self); // SWITCH SUSPENDS
        yield 10 / k; // SWITCH THROWS
      }
      default -> k;
    };
  }

  /** Resumes the parked frame from inside this one: the failure's trace shows this frame too. */
  @Async
  static int resumesTheParked() {
    int before = 1;
    resume(parked); // RESUMES THE PARKED
    suspend();
    return before;
  }

  @Async
  static int failsAtOnce(int value) {
    if (value > 0) {
      throw new IllegalStateException("at once"); // FAILS AT ONCE
    }
    suspend();
    return value;
  }

  /** Calls a frame that fails before it first suspends: this frame is still on the stack. */
  @Async
  static int callsOneThatFailsAtOnce() {
    suspend(self -> parked = self);
    return failsAtOnce(1) + 1; // CALLS IT
  }

  /** Overloads of a generic class: on a {@code Bin<Object>}, Java calls put(String) for "s". */
  static class Bin<T> {
    @Async
    int put(T item) {
      suspend();
      return 0;
    }

    @Async
    int put(String label) {
      throw new IllegalStateException("at once " + label); // OVERLOAD FAILS AT ONCE
    }
  }

  /** Calls an overload of a generic class that fails before it first suspends. */
  @Async
  static int callsAnOverloadThatFailsAtOnce() {
    Bin<Object> bin = new Bin<>();
    suspend(self -> parked = self);
    return bin.put("s") + 1; // CALLS THE OVERLOAD
  }

  /** A return over several lines, whose last line throws. */
  @Async
  static int failsOnTheLastLineOfAReturn() {
    suspend(self -> parked = self);
    return java.util.Optional.<Integer>empty()
        .map(v -> v * 2)
        .orElseThrow(() -> new IllegalStateException("none")); // RETURN'S LAST LINE
  }

  /** Awaits, in a statement over several lines, a callee that fails after it suspends. */
  @Async
  static int awaitsOnTheSecondLineOfAStatement() {
    int result = 1
        + inner(5); // AWAITS ON THE SECOND LINE
    return result;
  }

  static final java.util.List<Throwable> caught = new java.util.ArrayList<>();

  /** Catches in a plain try, and in one whose block suspends; then rethrows what inner threw. */
  @Async
  static int catches(int value) {
    try {
      return fail(value); // CAUGHT IN A PLAIN TRY
    } catch (IllegalStateException e) {
      caught.add(e);
    }
    try {
      suspend(self -> parked = self);
      return fail(value + 1); // CAUGHT AFTER A SUSPENSION
    } catch (IllegalStateException e) {
      caught.add(e);
    }
    try {
      return inner(value); // CAUGHT FROM AN AWAITED FRAME
    } catch (IllegalStateException e) {
      caught.add(e);
      throw e;
    }
  }

  @Async
  static int awaitsCatches(int value) {
    return catches(value); // AWAITS CATCHES
  }

  static java.util.concurrent.CompletableFuture<Integer> pending;
  static IllegalStateException made;

  /** Makes an exception, then awaits a stage that is completed with it later. */
  @Async
  static int awaitsWhatItMade() {
    pending = new java.util.concurrent.CompletableFuture<>();
    made = new IllegalStateException("made here"); // MADE HERE
    return await(pending);
  }

  /** A local class, whose objects live across the suspension, throws from its method. */
  @Async
  static String localClassThrows() {
    class Checker {
      String check(String x) {
        throw new IllegalStateException("local " + x); // LOCAL THROWS
      }
    }
    Checker checker = new Checker();
    suspend(self -> parked = self);
    return checker.check("z"); // CALLS THE LOCAL
  }

  /** A for-each over a null array, whose body suspends: Java's NPE, at the loop's line. */
  @Async
  static int sumOf(int[] values, java.util.List<Integer> more) {
    int sum = 0;
    for (int v : values) { // ITERATES NULL
      suspend(self -> parked = self);
      sum += v;
    }
    for (int v : more) { // ITERATES A NULL LIST
      suspend(self -> parked = self);
      sum += v;
    }
    return sum;
  }
}
