package dev.stackless.tests.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stackless.loop.EventLoop;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.IllegalBlockingModeException;
import java.nio.channels.Pipe;
import java.nio.channels.SelectionKey;
import java.nio.channels.ServerSocketChannel;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** NIO readiness: sockets and pipes served by frames, on one thread and on four. */
@Timeout(120) // a lost wakeup fails the test instead of hanging the build
class IoTest {

  private static ServerSocketChannel listen() throws Exception {
    ServerSocketChannel server = ServerSocketChannel.open();
    server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    server.configureBlocking(false);
    return server;
  }

  @Test
  void aServerAndItsClientTalkOnOneThread() throws Exception {
    EventLoop loop = new EventLoop();
    try (ServerSocketChannel server = listen()) {
      assertEquals("1:HELLO 0;", loop.run(() -> IoProgramsAsync.conversation(loop, server, 1)));
    }
  }

  @Test
  void manyConnectionsOnAFourThreadLoop() throws Exception {
    int clients = 50;
    EventLoop loop = EventLoop.withThreads(4);
    StringBuilder expected = new StringBuilder(clients + ":");
    for (int i = 0; i < clients; i++) {
      expected.append("HELLO ").append(i).append(';');
    }
    try (ServerSocketChannel server = listen()) {
      assertEquals(expected.toString(),
          loop.run(() -> IoProgramsAsync.conversation(loop, server, clients)));
    }
  }

  @Test
  void aLoopThatHasRunHoldsNoFileDescriptor() throws Exception {
    var system = (com.sun.management.UnixOperatingSystemMXBean)
        ManagementFactory.getOperatingSystemMXBean();
    talkOnANewLoop(); // loads what the JVM keeps open
    long before = system.getOpenFileDescriptorCount();
    int loops = 30;
    for (int i = 0; i < loops; i++) {
      talkOnANewLoop();
    }
    // each loop's selector, and the sockets closed while registered, are closed by the time run
    // returns; a leak would be 2 or more per loop (5 per loop before the fix). The JVM and the
    // test runner may open a few of their own meanwhile (5 once, in CI): far fewer than a leak
    long after = system.getOpenFileDescriptorCount();
    assertTrue(after - before < loops, before + " descriptors before, " + after + " after "
        + loops + " loops");
  }

  private static void talkOnANewLoop() throws Exception {
    EventLoop loop = EventLoop.withThreads(4);
    try (ServerSocketChannel server = listen()) {
      assertEquals("5:HELLO 0;HELLO 1;HELLO 2;HELLO 3;HELLO 4;",
          loop.run(() -> IoProgramsAsync.conversation(loop, server, 5)));
    }
  }

  @Test
  void aFrameWaitingOnAChannelThatIsClosedFailsAsABlockingReadWould() throws Exception {
    for (EventLoop loop : List.of(new EventLoop(), EventLoop.withThreads(3))) {
      Pipe pipe = Pipe.open();
      pipe.source().configureBlocking(false);
      assertEquals("AsynchronousCloseException",
          loop.run(() -> IoProgramsAsync.closeWhileAnotherWaits(loop, pipe.source())));
      pipe.sink().close();
    }
  }

  @Test
  void waitingOnAClosedChannelFailsAtOnce() throws Exception {
    EventLoop loop = new EventLoop();
    Pipe pipe = Pipe.open();
    pipe.source().configureBlocking(false);
    assertEquals("ClosedChannelException",
        loop.run(() -> IoProgramsAsync.waitOnAClosedChannel(loop, pipe.source())));
    pipe.sink().close();
  }

  @Test
  void runWaitsForAFrameWaitingOnAPipeThatAPlainThreadFills() throws Exception {
    EventLoop loop = new EventLoop();
    Pipe pipe = Pipe.open();
    pipe.source().configureBlocking(false);
    Thread writer = new Thread(() -> {
      try {
        pipe.sink().write(ByteBuffer.wrap(new byte[] {42}));
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    writer.start();
    assertEquals(42, loop.run(() -> IoProgramsAsync.readOneByte(loop, pipe.source())));
    writer.join(60_000);
    pipe.source().close();
    pipe.sink().close();
  }

  @Test
  void aChannelInBlockingModeOrAWrongOperationIsRefused() throws Exception {
    EventLoop loop = new EventLoop();
    Pipe pipe = Pipe.open();
    assertThrows(IllegalBlockingModeException.class,
        () -> loop.run(() -> IoProgramsAsync.readOneByte(loop, pipe.source())));
    var e = assertThrows(IllegalArgumentException.class,
        () -> loop.whenReady(pipe.source(), SelectionKey.OP_WRITE));
    assertTrue(e.getMessage().startsWith("operations 4 are not valid"), e.getMessage());
    pipe.source().close();
    pipe.sink().close();
  }
}
