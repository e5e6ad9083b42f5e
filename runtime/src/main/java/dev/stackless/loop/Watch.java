package dev.stackless.loop;

import dev.stackless.Frame;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.BiConsumer;

/**
 * Awaits a frame on behalf of plain code and hands its outcome to a callback: the bridge under
 * {@link EventLoop#toFuture}, {@link EventLoop#join} and detached frames. It takes the watched
 * frame's one awaiter place, as Zig allows one awaiter.
 *
 * <p>The callback runs on the thread that completes the watched frame (at once, on the calling
 * thread, if the frame has completed already), exactly once.
 */
final class Watch<T> extends Frame<Void> {
  private final Frame<T> target;
  private final BiConsumer<? super T, ? super Throwable> outcome;

  private Watch(Frame<T> target, BiConsumer<? super T, ? super Throwable> outcome) {
    this.target = target;
    this.outcome = outcome;
  }

  /** Calls {@code outcome} with the frame's result or exception once it completes. */
  static <T> void watch(Frame<T> frame, BiConsumer<? super T, ? super Throwable> outcome) {
    new Watch<>(frame, outcome).begin();
  }

  /** A future completed with the frame's outcome. */
  static <T> CompletableFuture<T> future(Frame<T> frame) {
    CompletableFuture<T> future = new CompletableFuture<>();
    watch(frame, (value, failure) -> {
      if (failure != null) {
        future.completeExceptionally(failure);
      } else {
        future.complete(value);
      }
    });
    return future;
  }

  /** Blocks until the frame completes; its result, or its exception rethrown as it is. */
  static <T> T join(Frame<T> frame) {
    try {
      return future(frame).join();
    } catch (CompletionException e) {
      throw sneaky(e.getCause() != null ? e.getCause() : e);
    }
  }

  @Override
  @SuppressWarnings("unchecked") // the awaited result is the target's T
  protected Object step() {
    switch (label) {
      case 0:
        label = 1;
        if (awaitSuspends(target)) {
          return SUSPEND;
        }
        // fall through: the target has completed already
      case 1:
        T value;
        try {
          value = (T) awaitedResult();
        } catch (Throwable failure) {
          outcome.accept(null, failure);
          return null;
        }
        outcome.accept(value, null);
        return null;
      default:
        throw unknownLabel();
    }
  }

  @Override
  protected String asyncMethodName() {
    return "dev.stackless.loop.EventLoop.watch";
  }

  @SuppressWarnings("unchecked")
  private static <E extends Throwable> RuntimeException sneaky(Throwable e) throws E {
    throw (E) e;
  }
}
