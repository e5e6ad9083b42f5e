package dev.stackless.loop;

import dev.stackless.Frame;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * The loop's awaitable primitives: frames written by hand in the shape the processor generates
 * (see processor/docs/lowering.md), so that {@code await(loop.sleep(d))} works like any await.
 * Public only for {@code dev.stackless.internal.Awaitables}, which generated code calls.
 */
public final class LoopFrames {
  private LoopFrames() {}

  /** Suspends until the loop's clock reaches a deadline. */
  static final class Sleep extends Frame<Void> {
    private final EventLoop loop;
    private final long nanos;

    Sleep(EventLoop loop, long nanos) {
      this.loop = loop;
      this.nanos = nanos;
    }

    Sleep start() {
      begin();
      return this;
    }

    @Override
    protected Object step() {
      switch (label) {
        case 0:
          label = 1;
          if (suspendForBlock()) {
            loop.addTimer(nanos, this);
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
      return "dev.stackless.loop.EventLoop.sleep";
    }
  }

  /** Suspends until the loop has run what was ready before it. */
  static final class Yield extends Frame<Void> {
    private final EventLoop loop;

    Yield(EventLoop loop) {
      this.loop = loop;
    }

    Yield start() {
      begin();
      return this;
    }

    @Override
    protected Object step() {
      switch (label) {
        case 0:
          label = 1;
          if (suspendForBlock()) {
            loop.ready(this::resume);
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
      return "dev.stackless.loop.EventLoop.yieldNow";
    }
  }

  /** Suspends until a {@code CompletionStage} completes, then continues on the loop. */
  /** A frame for a stage: on {@code loop} if there is one, else on the completing thread. */
  public static <T> Frame<T> stage(EventLoop loop, CompletionStage<T> stage) {
    return new Stage<>(loop, stage).start();
  }

  static final class Stage<T> extends Frame<T> {
    private final EventLoop loop;
    private final CompletionStage<T> stage;
    private T value;
    private Throwable failure;

    Stage(EventLoop loop, CompletionStage<T> stage) {
      this.loop = loop;
      this.stage = stage;
    }

    Stage<T> start() {
      begin();
      return this;
    }

    @Override
    protected Object step() throws Throwable {
      switch (label) {
        case 0:
          label = 1;
          if (suspendForBlock()) {
            if (loop != null) {
              loop.expectExternal();
            }
            stage.whenComplete((v, e) -> {
              value = v;
              failure = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
              if (loop != null) {
                loop.externalArrived(this::resume);
              } else {
                resume(); // no loop: continue on the thread that completed the stage
              }
            });
          }
          return SUSPEND;
        case 1:
          if (failure != null) {
            throw failure;
          }
          return value;
        default:
          throw unknownLabel();
      }
    }

    @Override
    protected String asyncMethodName() {
      return "dev.stackless.loop.EventLoop.await";
    }
  }
}
