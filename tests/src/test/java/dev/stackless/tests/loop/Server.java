package dev.stackless.tests.loop;

// The README's event-loop example, verbatim: ReadmeExampleTest runs it.
import static dev.stackless.Keywords.*;

import dev.stackless.Async;
import dev.stackless.loop.Channel;
import dev.stackless.loop.EventLoop;
import java.time.Duration;

class Server {
  @Async
  static String fetch(EventLoop loop, String name, long millis) {
    await(loop.sleep(Duration.ofMillis(millis)));          // a timer, no thread
    return name;
  }

  @Async
  static void produce(Channel<Integer> channel) {
    for (int i = 1; i <= 3; i++) {
      await(channel.send(i));                               // waits while the channel is full
    }
    channel.close();
  }

  @Async
  static String both(EventLoop loop) {
    var slow = ServerAsync.fetch(loop, "slow", 200);         // both run concurrently
    var fast = ServerAsync.fetch(loop, "fast", 100);
    Channel<Integer> numbers = Channel.bounded(loop, 1);
    loop.spawn(() -> ServerAsync.produce(numbers));          // a detached frame
    int sum = 0;
    for (int i = 0; i < 3; i++) {
      int n = await(numbers.receive());
      sum += n;
    }
    return await(fast) + "," + await(slow) + "," + sum;
  }

  public static void main(String[] args) {
    EventLoop loop = new EventLoop();
    System.out.println(loop.run(() -> ServerAsync.both(loop))); // fast,slow,6 after 200 ms
  }
}
