package dev.stackless.tests.loop;

import static dev.stackless.Keywords.*;

import dev.stackless.AnyFrame;
import dev.stackless.Async;
import dev.stackless.Frame;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;

class Many {
  @Async
  static int many(
      dev.stackless.loop.EventLoop loop,
      int frames,
      List<BlockingQueue<AnyFrame>> queues,
      List<Thread> seen) {
    List<Frame<Thread>> started = new ArrayList<>();
    for (int i = 0; i < frames; i++) {
      BlockingQueue<AnyFrame> queue = queues.get(i % queues.size());
      started.add(LoopProgramsAsync.comeBack(frame -> queue.add(loop.handOff(frame))));
    }
    int done = 0;
    for (Frame<Thread> frame : started) {
      Thread thread = await(frame);
      seen.add(thread);
      done++;
    }
    return done;
  }
}
