package dev.stackless.tests.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.stackless.loop.EventLoop;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The loop on several threads: every frame finishes, none ever runs on two threads at once. */
@Timeout(120) // a lost wakeup fails the test instead of hanging the build
class ThreadedLoopStressTest {
  private static final int SCALE = Integer.getInteger("stackless.stress", 1);

  @Test
  void hundredThousandFramesWithTimersOnFourThreads() {
    int frames = 100_000 * SCALE;
    EventLoop loop = EventLoop.withThreads(4);
    AtomicInteger overlaps = new AtomicInteger();
    long steps = loop.run(() -> ThreadedProgramsAsync.manyTickers(loop, frames, overlaps));
    assertEquals(3L * frames, steps);
    assertEquals(0, overlaps.get());
  }

  @Test
  void channelCarriesEveryValueOnceAcrossThreads() {
    int producers = 8;
    int each = 5_000 * SCALE;
    EventLoop loop = EventLoop.withThreads(4);
    long total = (long) producers * each;
    long expected = total * (total - 1) / 2;
    assertEquals(expected, loop.run(() -> ThreadedProgramsAsync.channelAcrossThreads(loop, producers, each)));
  }
}
