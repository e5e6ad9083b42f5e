package dev.stackless.tests.loop;

import static dev.stackless.Keywords.*;

import dev.stackless.Async;
import dev.stackless.loop.Channel;
import dev.stackless.loop.ChannelClosedException;
import java.util.List;

class ChannelPrograms {

  @Async
  static void produce(Channel<Integer> channel, List<String> log, String name, int from, int count) {
    for (int i = from; i < from + count; i++) {
      log.add(name + " sends " + i);
      await(channel.send(i));
      log.add(name + " sent " + i);
    }
  }

  @Async
  static int consume(Channel<Integer> channel, List<String> log, int count) {
    int sum = 0;
    for (int i = 0; i < count; i++) {
      int value = await(channel.receive());
      log.add("got " + value);
      sum += value;
    }
    return sum;
  }

  @Async
  static int pipeline(Channel<Integer> channel, List<String> log, int count) {
    var producer = ChannelProgramsAsync.produce(channel, log, "p", 1, count);
    int sum = consume(channel, log, count);
    await(producer);
    return sum;
  }

  @Async
  static int twoProducers(Channel<Integer> channel, List<String> log) {
    var first = ChannelProgramsAsync.produce(channel, log, "a", 10, 2);
    var second = ChannelProgramsAsync.produce(channel, log, "b", 20, 2);
    int sum = consume(channel, log, 4);
    await(first);
    await(second);
    return sum;
  }

  @Async
  static String drainAfterClose(Channel<Integer> channel, List<String> log) {
    await(channel.send(1));
    await(channel.send(2));
    channel.close();
    String out = "";
    try {
      while (true) {
        int value = await(channel.receive());
        out += value;
      }
    } catch (ChannelClosedException e) {
      out += " closed";
    }
    return out;
  }

  /** Receives once; a closed channel ends it with the exception's message. */
  @Async
  static String receiveOrClosed(Channel<Integer> channel, List<String> log, String name) {
    try {
      int value = await(channel.receive());
      log.add(name + " got " + value);
      return name + value;
    } catch (ChannelClosedException e) {
      log.add(name + " closed");
      return name + " closed";
    }
  }

  /** Sends once; a closed channel ends it with the exception's message. */
  @Async
  static String sendOrClosed(Channel<Integer> channel, int value) {
    try {
      await(channel.send(value));
      return "sent " + value;
    } catch (ChannelClosedException e) {
      return "closed " + value;
    }
  }
}
