package app;

import static dev.stackless.Keywords.*;

import dev.stackless.AnyFrame;
import dev.stackless.Async;
import java.util.concurrent.BlockingQueue;

/** Written only against the contract in DESIGN.md. */
public class Seeds {
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
    suspend(self -> {
      sus = self;
    });
    count += 1;
  }

  @Async
  static int add(int a, int b) {
    return a + b;
  }

  /** Hands itself to a queue at each of {@code hops} suspension points. */
  @Async
  static int hop(BlockingQueue<AnyFrame> queue, int hops) {
    int done = 0;
    while (done < hops) {
      suspend(self -> queue.add(self));
      done++;
    }
    return done;
  }

  /** Awaits a frame handed in, and doubles its result. */
  @Async
  static int doubled(dev.stackless.Frame<Integer> frame) {
    int value = await(frame);
    return value * 2;
  }
}
