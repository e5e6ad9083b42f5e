package app;

import static dev.stackless.Keywords.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.stackless.AnyFrame;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.Test;

class SeedsTest {
  @Test
  void callChainSuspendsAndResumes() {
    Seeds.count = 0;
    SeedsAsync.one();
    assertEquals(3, Seeds.count);
    resume(Seeds.sus);
    assertEquals(6, Seeds.count);
  }

  @Test
  void frameReuse() {
    var add = new SeedsAsync.Add();
    add.start(1, 2);
    assertEquals(3, nosuspend(add));
    add.start(20, 22);
    assertEquals(42, nosuspend(add));
  }

  @Test
  void resumedFromAnotherThreadThroughAQueue() throws Exception {
    var queue = new LinkedBlockingQueue<AnyFrame>();
    var frame = SeedsAsync.hop(queue, 3);
    var doubled = SeedsAsync.doubled(frame);
    Thread worker = new Thread(() -> {
      for (int i = 0; i < 3; i++) {
        try {
          queue.take().resume();
        } catch (InterruptedException e) {
          throw new AssertionError(e);
        }
      }
    });
    worker.start();
    worker.join(10_000);
    assertEquals(3, nosuspend(frame));
    assertEquals(6, nosuspend(doubled));
  }
}
