package dev.stackless.loop;

import dev.stackless.Frame;

/**
 * A frame that suspends until something on the loop wakes it: the waiting side of the loop's
 * coordination primitives (a lock's turn, a wait group reaching zero).
 */
final class LoopWaiter extends Frame<Void> {
  private final EventLoop loop;
  private final String name;
  private final java.util.function.Consumer<LoopWaiter> park;

  LoopWaiter(EventLoop loop, String name, java.util.function.Consumer<LoopWaiter> park) {
    this.loop = loop;
    this.name = name;
    this.park = park;
  }

  LoopWaiter start() {
    begin();
    return this;
  }

  /** Lets the waiter continue, on the loop's next turn. */
  void wake() {
    loop.ready(this::resume);
  }

  @Override
  protected Object step() {
    switch (label) {
      case 0:
        label = 1;
        if (suspendForBlock()) {
          park.accept(this);
        }
        return SUSPEND;
      case 1:
        return null;
      default:
        throw unknownLabel();
    }
  }

  @Override
  protected String asyncMethodName() {
    return name;
  }
}
