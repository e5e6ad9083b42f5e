package dev.stackless.examples;

import static dev.stackless.Keywords.*;

import dev.stackless.Async;
import dev.stackless.loop.Channel;
import dev.stackless.loop.EventLoop;
import java.io.PrintStream;
import java.time.Duration;

/**
 * A producer and a consumer on one {@link EventLoop}, through a bounded {@link Channel}: the
 * producer runs ahead by the channel's capacity, then waits for room; nothing blocks a thread.
 */
public final class ProducerConsumer {

  @Async
  static void produce(EventLoop loop, Channel<String> channel, PrintStream out, int count) {
    for (int i = 1; i <= count; i++) {
      await(loop.sleep(Duration.ofMillis(10)));
      out.println("produced item " + i);
      await(channel.send("item " + i));
    }
    channel.close();
  }

  @Async
  static int consume(EventLoop loop, Channel<String> channel, PrintStream out) {
    int consumed = 0;
    try {
      while (true) {
        String item = await(channel.receive());
        await(loop.sleep(Duration.ofMillis(25)));
        out.println("consumed " + item);
        consumed++;
      }
    } catch (dev.stackless.loop.ChannelClosedException e) {
      out.println("channel closed after " + consumed + " items");
    }
    return consumed;
  }

  @Async
  static int main(EventLoop loop, PrintStream out) {
    Channel<String> channel = Channel.bounded(loop, 2);
    var producer = ProducerConsumerAsync.produce(loop, channel, out, 5);
    int consumed = consume(loop, channel, out);
    await(producer);
    return consumed;
  }

  static void run(PrintStream out, EventLoop loop) {
    loop.run(() -> ProducerConsumerAsync.main(loop, out));
  }

  private ProducerConsumer() {}
}
