package dev.stackless.loop;

import dev.stackless.Frame;
import java.util.function.Consumer;

/**
 * A frame that suspends until something wakes it through the loop: the waiting side of {@link
 * AsyncMutex} and {@link WaitGroup}. Its suspend block hands it to {@code park}, which files it
 * where the waker will find it; {@link #wake()} queues its resume on the loop.
 *
 * <p>{@link #wake()} is THREAD-SAFE and must be called once per suspension.
 */
final class LoopWaiter extends Frame<Void> implements Runnable {
  private final EventLoop loop;
  private final String name;
  private final Consumer<LoopWaiter> park;

  LoopWaiter(EventLoop loop, String name, Consumer<LoopWaiter> park) {
    this.loop = loop;
    this.name = name;
    this.park = park;
  }

  LoopWaiter start() {
    begin();
    return this;
  }

  /** Lets the waiter continue, on a loop thread, after what is ready already. */
  void wake() {
    loop.ready(this);
  }

  @Override
  public void run() {
    resume();
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
