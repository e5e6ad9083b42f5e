package dev.stackless.tests.loop;

import static dev.stackless.Keywords.nosuspend;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stackless.loop.Channel;
import dev.stackless.loop.TestLoop;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(120) // a lost wakeup fails the test instead of hanging the build
class ChannelTest {

  @Test
  void rendezvousHandsEachValueStraightToTheReceiver() {
    TestLoop loop = new TestLoop();
    List<String> log = new ArrayList<>();
    Channel<Integer> channel = Channel.rendezvous(loop);
    assertEquals(6, loop.run(() -> ChannelProgramsAsync.pipeline(channel, log, 3)));
    // a send completes when a receiver has the value: at most one value is ever in flight, so
    // "p sends 3" parks until "got 2" has happened and the receiver comes back for 3
    assertEquals(List.of(
        "p sends 1", "got 1", "p sent 1", "p sends 2", "p sent 2", "p sends 3", "got 2", "got 3",
        "p sent 3"), log);
  }

  @Test
  void boundedChannelLetsTheSenderRunAheadByItsCapacity() {
    TestLoop loop = new TestLoop();
    List<String> log = new ArrayList<>();
    Channel<Integer> channel = Channel.bounded(loop, 2);
    assertEquals(10, loop.run(() -> ChannelProgramsAsync.pipeline(channel, log, 4)));
    // two sends complete before anything is received; the third waits for room
    assertEquals(List.of("p sends 1", "p sent 1", "p sends 2", "p sent 2", "p sends 3", "got 1"),
        log.subList(0, 6));
  }

  @Test
  void unboundedChannelNeverMakesTheSenderWait() {
    TestLoop loop = new TestLoop();
    List<String> log = new ArrayList<>();
    Channel<Integer> channel = Channel.unbounded(loop);
    assertEquals(15, loop.run(() -> ChannelProgramsAsync.pipeline(channel, log, 5)));
    assertEquals("p sent 5", log.get(9)); // all ten producer lines before the first receive
    assertEquals("got 1", log.get(10));
  }

  @Test
  void waitingSendersAreServedFirstComeFirstServed() {
    TestLoop loop = new TestLoop();
    List<String> log = new ArrayList<>();
    Channel<Integer> channel = Channel.rendezvous(loop);
    assertEquals(62, loop.run(() -> ChannelProgramsAsync.twoProducers(channel, log)));
    List<String> got = new ArrayList<>();
    for (String line : log) {
      if (line.startsWith("got")) {
        got.add(line);
      }
    }
    assertEquals(List.of("got 10", "got 20", "got 11", "got 21"), got);
  }

  @Test
  void closedChannelDrainsThenRefuses() {
    TestLoop loop = new TestLoop();
    Channel<Integer> channel = Channel.unbounded(loop);
    assertEquals("12 closed",
        loop.run(() -> ChannelProgramsAsync.drainAfterClose(channel, new ArrayList<>())));
  }

  @Test
  void waitingReceiversAreServedInArrivalOrder() {
    TestLoop loop = new TestLoop();
    List<String> log = new ArrayList<>();
    Channel<Integer> channel = Channel.rendezvous(loop);
    var first = ChannelProgramsAsync.receiveOrClosed(channel, log, "first");
    var second = ChannelProgramsAsync.receiveOrClosed(channel, log, "second");
    var third = ChannelProgramsAsync.receiveOrClosed(channel, log, "third");
    var one = ChannelProgramsAsync.sendOrClosed(channel, 1);
    var two = ChannelProgramsAsync.sendOrClosed(channel, 2);
    loop.runCurrent();
    assertEquals(List.of("first got 1", "second got 2"), log);
    assertTrue(one.isDone() && two.isDone()); // a receiver was waiting: no suspension at all
    channel.close();
    loop.runCurrent();
    assertEquals("third closed", nosuspend(third));
    assertEquals("first1", nosuspend(first));
    assertEquals("second2", nosuspend(second));
  }

  @Test
  void closeFailsWaitingAndLaterSendersButLetsReceiversDrainTheBuffer() {
    TestLoop loop = new TestLoop();
    List<String> log = new ArrayList<>();
    Channel<Integer> channel = Channel.bounded(loop, 1);
    var buffered = ChannelProgramsAsync.sendOrClosed(channel, 1);
    var waiting = ChannelProgramsAsync.sendOrClosed(channel, 2);
    assertTrue(buffered.isDone());
    assertFalse(waiting.isDone());
    channel.close();
    assertTrue(channel.isClosed());
    loop.runCurrent();
    assertEquals("sent 1", nosuspend(buffered));
    assertEquals("closed 2", nosuspend(waiting));
    assertEquals("closed 3", nosuspend(ChannelProgramsAsync.sendOrClosed(channel, 3)));
    assertEquals("r1", nosuspend(ChannelProgramsAsync.receiveOrClosed(channel, log, "r")));
    assertEquals("r closed", nosuspend(ChannelProgramsAsync.receiveOrClosed(channel, log, "r")));
  }

  @Test
  void aNegativeCapacityIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> Channel.bounded(new TestLoop(), -1));
  }
}
