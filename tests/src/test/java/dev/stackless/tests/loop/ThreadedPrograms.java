package dev.stackless.tests.loop;

import static dev.stackless.Keywords.*;

import dev.stackless.Async;
import dev.stackless.Frame;
import dev.stackless.loop.Channel;
import dev.stackless.loop.EventLoop;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;

class ThreadedPrograms {

  /** Sleeps and yields a few times; counts itself in and out to catch a concurrent run. */
  @Async
  static int ticker(EventLoop loop, AtomicIntegerArray inside, AtomicInteger overlaps, int id) {
    int steps = 0;
    for (int i = 0; i < 3; i++) {
      if (inside.incrementAndGet(id) != 1) {
        overlaps.incrementAndGet();
      }
      steps++;
      inside.decrementAndGet(id);
      if (i % 2 == 0) {
        await(loop.sleep(Duration.ofMillis(1 + id % 5)));
      } else {
        await(loop.yieldNow());
      }
    }
    return steps;
  }

  @Async
  static long manyTickers(EventLoop loop, int frames, AtomicInteger overlaps) {
    AtomicIntegerArray inside = new AtomicIntegerArray(frames);
    List<Frame<Integer>> started = new ArrayList<>();
    for (int id = 0; id < frames; id++) {
      started.add(ThreadedProgramsAsync.ticker(loop, inside, overlaps, id));
    }
    long steps = 0;
    for (Frame<Integer> frame : started) {
      int done = await(frame);
      steps += done;
    }
    return steps;
  }

  @Async
  static void sendAll(Channel<Integer> channel, int from, int count) {
    for (int i = from; i < from + count; i++) {
      await(channel.send(i));
    }
  }

  @Async
  static long channelAcrossThreads(EventLoop loop, int producers, int each) {
    Channel<Integer> channel = Channel.bounded(loop, 16);
    List<Frame<Void>> started = new ArrayList<>();
    for (int p = 0; p < producers; p++) {
      started.add(ThreadedProgramsAsync.sendAll(channel, p * each, each));
    }
    long sum = 0;
    for (int i = 0; i < producers * each; i++) {
      int value = await(channel.receive());
      sum += value;
    }
    for (Frame<Void> frame : started) {
      await(frame);
    }
    return sum;
  }
}
