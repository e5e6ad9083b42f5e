package dev.stackless.processor.model;

/** A suspension point of an async body. */
public interface Suspension {

  /** {@code suspend();} */
  final class Suspend implements Suspension {}

  /**
   * {@code suspend(self -> { body })} or {@code suspend(() -> { body })}: the body, a block, is
   * inlined into the state machine labelled {@code blockLabel} ({@code return;} in the lambda
   * became {@code break blockLabel;}), with {@code selfName} bound to the frame.
   */
  final class SuspendBlock implements Suspension {
    public final Code body;
    public final String selfName;
    public final String blockLabel;

    public SuspendBlock(Code body, String selfName, String blockLabel) {
      this.body = body;
      this.selfName = selfName;
      this.blockLabel = blockLabel;
    }
  }

  /**
   * {@code suspend(callback)} with a callback that is not a lambda: it is evaluated, the frame
   * suspends, and then it is called with the frame ({@code accept(frame)} or {@code run()}).
   */
  final class SuspendCallback implements Suspension {
    public final Code callback;
    public final boolean runnable;

    public SuspendCallback(Code callback, boolean runnable) {
      this.callback = callback;
      this.runnable = runnable;
    }
  }

  /**
   * {@code await(frame)}; a direct call of an {@code @Async} method is an await of the frame its
   * generated factory returns, so {@code frame} is then {@code OwnerAsync.f(args)}.
   */
  final class Await implements Suspension {
    public final Code frame;

    public Await(Code frame) {
      this.frame = frame;
    }
  }

  /**
   * A suspension point inside a larger expression, taken apart by the reader: {@code prefix}
   * evaluates the operands that come first into locals, {@code chain} builds the {@code
   * dev.stackless.internal.Spill} that the state machine awaits until it has the expression's
   * value, which {@code spill} (a hoisted field) then holds. {@code entries} are the switch
   * expressions inside that the state machine runs itself, when the chain enters them.
   */
  final class Spilled implements Suspension {
    public final java.util.List<Code> prefix;
    public final Code chain;
    public final Local spill;
    public final java.util.List<Entry> entries;

    public Spilled(java.util.List<Code> prefix, Code chain, Local spill,
        java.util.List<Entry> entries) {
      this.prefix = java.util.List.copyOf(prefix);
      this.chain = chain;
      this.spill = spill;
      this.entries = java.util.List.copyOf(entries);
    }
  }

  /**
   * A switch expression of a spilled expression whose cases need statements, entered by {@code
   * Spill.enter(n)} for its position {@code n} in {@link Spilled#entries}: {@code body} yields
   * into {@code value}, with which the chain goes on.
   */
  final class Entry {
    public final Stmt body;
    public final Local value;

    public Entry(Stmt body, Local value) {
      this.body = body;
      this.value = value;
    }
  }
}
