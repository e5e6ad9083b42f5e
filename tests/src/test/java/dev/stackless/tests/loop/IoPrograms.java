package dev.stackless.tests.loop;

import static dev.stackless.Keywords.*;

import dev.stackless.Async;
import dev.stackless.Frame;
import dev.stackless.loop.EventLoop;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Pipe;
import java.nio.channels.SelectionKey;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** NIO on the event loop: a line-upper-casing server and its clients, all frames, no threads. */
class IoPrograms {

  /** Accepts {@code clients} connections and serves each in a frame of its own. */
  @Async
  static int serve(EventLoop loop, ServerSocketChannel server, int clients) throws IOException {
    List<Frame<String>> sessions = new ArrayList<>();
    try {
      while (sessions.size() < clients) {
        SocketChannel client = server.accept();
        if (client == null) {
          await(loop.whenReady(server, SelectionKey.OP_ACCEPT));
        } else {
          client.configureBlocking(false);
          sessions.add(IoProgramsAsync.session(loop, client));
        }
      }
    } catch (IOException e) {
      server.close(); // the clients not yet accepted fail too, instead of waiting for answers
      throw e;
    }
    int served = 0;
    for (Frame<String> session : sessions) {
      await(session);
      served++;
    }
    return served;
  }

  /** Reads one line, writes it back upper-cased, closes. */
  @Async
  static String session(EventLoop loop, SocketChannel client) throws IOException {
    ByteBuffer in = ByteBuffer.allocate(256);
    while (!endsLine(in)) {
      await(loop.whenReady(client, SelectionKey.OP_READ));
      if (client.read(in) < 0) {
        break;
      }
    }
    String line = new String(in.array(), 0, in.position(), StandardCharsets.UTF_8);
    ByteBuffer out = ByteBuffer.wrap(line.toUpperCase().getBytes(StandardCharsets.UTF_8));
    while (out.hasRemaining()) {
      await(loop.whenReady(client, SelectionKey.OP_WRITE));
      client.write(out);
    }
    client.close();
    return line;
  }

  /** Connects, sends {@code text} and a newline, reads the answer until the server closes. */
  @Async
  static String ask(EventLoop loop, InetSocketAddress address, String text) throws IOException {
    SocketChannel channel = SocketChannel.open();
    channel.configureBlocking(false);
    boolean connected = channel.connect(address);
    while (!connected) {
      await(loop.whenReady(channel, SelectionKey.OP_CONNECT));
      connected = channel.finishConnect();
    }
    ByteBuffer out = ByteBuffer.wrap((text + "\n").getBytes(StandardCharsets.UTF_8));
    while (out.hasRemaining()) {
      await(loop.whenReady(channel, SelectionKey.OP_WRITE));
      channel.write(out);
    }
    ByteBuffer in = ByteBuffer.allocate(256);
    int n = 0;
    while (n >= 0) {
      await(loop.whenReady(channel, SelectionKey.OP_READ));
      n = channel.read(in);
    }
    channel.close();
    return new String(in.array(), 0, in.position(), StandardCharsets.UTF_8).trim();
  }

  /** A server for {@code clients} and that many clients, on one loop; the answers joined. */
  @Async
  static String conversation(EventLoop loop, ServerSocketChannel server, int clients)
      throws IOException {
    InetSocketAddress address = (InetSocketAddress) server.getLocalAddress();
    var serving = IoProgramsAsync.serve(loop, server, clients);
    List<Frame<String>> asked = new ArrayList<>();
    for (int i = 0; i < clients; i++) {
      asked.add(IoProgramsAsync.ask(loop, address, "hello " + i));
    }
    StringBuilder answers = new StringBuilder();
    for (Frame<String> answer : asked) {
      String text = await(answer);
      answers.append(text).append(';');
    }
    int served = await(serving);
    return served + ":" + answers;
  }

  /** Waits until the pipe has a byte, and reads it. */
  @Async
  static int readOneByte(EventLoop loop, Pipe.SourceChannel source) throws IOException {
    ByteBuffer one = ByteBuffer.allocate(1);
    while (one.hasRemaining()) {
      int ready = await(loop.whenReady(source, SelectionKey.OP_READ));
      if (ready != SelectionKey.OP_READ) {
        throw new IllegalStateException("ready ops " + ready);
      }
      source.read(one);
    }
    return one.get(0);
  }

  /** Waits for a byte that never comes while this frame closes the channel: the wait fails. */
  @Async
  static String closeWhileAnotherWaits(EventLoop loop, Pipe.SourceChannel source) {
    var reader = IoProgramsAsync.readOneByte(loop, source); // waits for readiness now
    await(loop.yieldNow());
    try {
      source.close();
      await(reader);
      return "read";
    } catch (IOException e) {
      return e.getClass().getSimpleName();
    }
  }

  /** Waits for readiness of a channel closed already: the wait fails at once. */
  @Async
  static String waitOnAClosedChannel(EventLoop loop, Pipe.SourceChannel source) {
    try {
      source.close();
      await(loop.whenReady(source, SelectionKey.OP_READ));
      return "ready";
    } catch (IOException e) {
      return e.getClass().getSimpleName();
    }
  }

  static boolean endsLine(ByteBuffer buffer) {
    return buffer.position() > 0 && buffer.get(buffer.position() - 1) == '\n';
  }
}
