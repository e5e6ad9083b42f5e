package dev.stackless.benchmarks;

import static dev.stackless.Keywords.await;

import dev.stackless.Async;
import dev.stackless.loop.Channel;
import dev.stackless.loop.EventLoop;

/** Event-loop rows: Stackless frames talking through {@code dev.stackless.loop.Channel}. */
public class LoopRows {
  /** Ping: sends v + 1 to pong, receives pong's answer; n / 2 rounds. */
  @Async
  public static int ping(Channel<Integer> toPong, Channel<Integer> toPing, int n) {
    int v = 0;
    for (int i = 0; i < n / 2; i++) {
      await(toPong.send(v + 1));
      v = await(toPing.receive());
    }
    return v;
  }

  /** Pong: receives, answers v + 1; n / 2 rounds. */
  @Async
  public static void pong(Channel<Integer> toPong, Channel<Integer> toPing, int n) {
    for (int i = 0; i < n / 2; i++) {
      int v = await(toPong.receive());
      await(toPing.send(v + 1));
    }
  }

  /** Two frames on a single-threaded loop, the counter through two rendezvous channels. */
  static int channelPingPong(int n) {
    EventLoop loop = new EventLoop();
    Channel<Integer> toPong = Channel.rendezvous(loop);
    Channel<Integer> toPing = Channel.rendezvous(loop);
    return loop.run(
        () -> {
          loop.spawn(() -> LoopRowsAsync.pong(toPong, toPing, n));
          return LoopRowsAsync.ping(toPong, toPing, n);
        });
  }
}
