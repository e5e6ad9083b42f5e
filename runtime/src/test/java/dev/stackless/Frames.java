package dev.stackless;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntConsumer;

/**
 * Hand-written frames shaped like the ones the processor generates: a {@code start(...)} that
 * checks, stores the arguments and begins, and a {@code step()} that switches on {@code label}.
 * Each comment shows the {@code @Async} method the frame stands for.
 */
final class Frames {
  private Frames() {}

  /** {@code @Async static int twice(int x) { trace("before"); suspend(); trace("after"); return x * 2; }} */
  static final class Twice extends Frame<Integer> {
    int x;
    List<String> trace;

    Twice start(int x) {
      return start(x, null);
    }

    Twice start(int x, List<String> trace) {
      checkStartable();
      this.x = x;
      this.trace = trace;
      begin();
      return this;
    }

    @Override
    protected String asyncMethodName() {
      return "demo.Owner.twice";
    }

    @Override
    protected Object step() throws Throwable {
      switch (label) {
        case 0:
          if (trace != null) {
            trace.add("before " + x);
          }
          label = 1;
          return suspendHere();
        case 1:
          if (trace != null) {
            trace.add("after " + x);
          }
          return (int) (x * 2);
        default:
          throw unknownLabel();
      }
    }
  }

  /**
   * {@code @Async static int plusOne(Frame<Integer> f) { trace("awaiting"); int v = await(f);
   * trace("got " + v); onDone.run(); return v + 1; }}
   */
  static final class PlusOne extends Frame<Integer> {
    Frame<Integer> target;
    List<String> trace;
    Runnable onContinue;
    int v;
    volatile Thread continuedOn;

    PlusOne start(Frame<Integer> target) {
      return start(target, null, null);
    }

    PlusOne start(Frame<Integer> target, List<String> trace, Runnable onContinue) {
      checkStartable();
      this.target = target;
      this.trace = trace;
      this.onContinue = onContinue;
      begin();
      return this;
    }

    @Override
    protected String asyncMethodName() {
      return "demo.Owner.plusOne";
    }

    @Override
    protected Object step() throws Throwable {
      switch (label) {
        case 0:
          if (trace != null) {
            trace.add("awaiting");
          }
          label = 1;
          if (awaitSuspends(target)) {
            return SUSPEND;
          }
        // fall through
        case 1:
          continuedOn = Thread.currentThread();
          v = (int) (Integer) awaitedResult();
          if (trace != null) {
            trace.add("got " + v);
          }
          if (onContinue != null) {
            onContinue.run();
          }
          return (int) (v + 1);
        default:
          throw unknownLabel();
      }
    }
  }

  /**
   * {@code @Async static int fail(Throwable e, boolean first) { if (first) suspend(); throw e; }}
   * (the throw of a checked exception the Java source would have to declare).
   */
  static final class Fail extends Frame<Integer> {
    Throwable failure;
    boolean suspendFirst;

    Fail start(Throwable failure, boolean suspendFirst) {
      checkStartable();
      this.failure = failure;
      this.suspendFirst = suspendFirst;
      begin();
      return this;
    }

    @Override
    protected String asyncMethodName() {
      return "demo.Owner.fail";
    }

    @Override
    protected Object step() throws Throwable {
      switch (label) {
        case 0:
          if (suspendFirst) {
            label = 1;
            return suspendHere();
          }
        // fall through
        case 1:
          throw failure;
        default:
          throw unknownLabel();
      }
    }
  }

  /** {@code @Async static int act(Function<Frame, Integer> body) { return body.apply(frame()); }} */
  static final class Act extends Frame<Integer> {
    Function<Act, Integer> body;

    Act start(Function<Act, Integer> body) {
      checkStartable();
      this.body = body;
      begin();
      return this;
    }

    @Override
    protected String asyncMethodName() {
      return "demo.Owner.act";
    }

    @Override
    protected Object step() throws Throwable {
      switch (label) {
        case 0:
          return body.apply(this);
        default:
          throw unknownLabel();
      }
    }
  }

  /**
   * A chain of nested frames: {@code @Async static int depth(int n, boolean park) { if (n == 0) {
   * if (park) suspend(self -> bottom = self); return 0; } int d = depth(n - 1, park); return d + 1;
   * }}
   */
  static final class Depth extends Frame<Integer> {
    static Depth bottom;

    int n;
    boolean park;
    int d;

    Depth start(int n, boolean park) {
      checkStartable();
      this.n = n;
      this.park = park;
      begin();
      return this;
    }

    @Override
    protected String asyncMethodName() {
      return "demo.Owner.depth";
    }

    @Override
    protected Object step() throws Throwable {
      switch (label) {
        case 0:
          if (n == 0) {
            if (park) {
              label = 2;
              int block = suspendForBlockNumbered();
              try {
                bottom = this;
              } catch (Throwable t) {
                throw suspendBlockFailed(t, block);
              }
              return SUSPEND;
            }
            return 0;
          }
          label = 1;
          if (awaitSuspends(new Depth().start(n - 1, park))) {
            return SUSPEND;
          }
        // fall through
        case 1:
          d = (int) (Integer) awaitedResult();
          return (int) (d + 1);
        case 2:
          return 0;
        default:
          throw unknownLabel();
      }
    }
  }

  /**
   * Suspends {@code hops} times, each time with a suspend block that hands the frame to {@code
   * block}; counts the segments that run after a resume.
   *
   * <pre>{@code
   * @Async static int hop(int id, int hops, Consumer<Hop> block, IntConsumer afterResume) {
   *   int done = 0;
   *   while (done < hops) {
   *     suspend(self -> block.accept(self));
   *     done++;
   *     afterResume.accept(done);
   *   }
   *   return id;
   * }
   * }</pre>
   */
  static final class Hop extends Frame<Integer> {
    int id;
    int hops;
    Consumer<? super Hop> block;
    IntConsumer afterResume;
    int done;
    final AtomicInteger resumedSegments = new AtomicInteger();

    Hop start(int id, int hops, Consumer<? super Hop> block, IntConsumer afterResume) {
      checkStartable();
      this.id = id;
      this.hops = hops;
      this.block = block;
      this.afterResume = afterResume;
      begin();
      return this;
    }

    @Override
    protected String asyncMethodName() {
      return "demo.Owner.hop";
    }

    @Override
    protected Object step() throws Throwable {
      switch (label) {
        case 0:
          done = 0;
          break;
        case 1:
          resumedSegments.incrementAndGet();
          done++;
          if (afterResume != null) {
            afterResume.accept(done);
          }
          break;
        default:
          throw unknownLabel();
      }
      while (done < hops) {
        label = 1;
        int number = suspendForBlockNumbered();
        try {
          block.accept(this);
        } catch (Throwable t) {
          throw suspendBlockFailed(t, number);
        }
        return SUSPEND;
      }
      return (int) id;
    }
  }
}
