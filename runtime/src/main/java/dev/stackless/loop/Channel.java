package dev.stackless.loop;

import dev.stackless.Frame;
import java.util.ArrayDeque;

/**
 * A channel between frames on one {@link EventLoop}, as {@code std.event.Channel}: {@code
 * await(channel.send(v))} and {@code T v = await(channel.receive())}. A bounded channel holds up
 * to its capacity; a rendezvous channel (capacity 0) hands each value straight to a receiver; an
 * unbounded one never makes a sender wait. Waiting senders and receivers are served first come,
 * first served, so none starves. No thread ever blocks.
 *
 * <p>Thread-safe: the loop's frames may use it from any of the loop's threads.
 */
public final class Channel<T> {
  private final EventLoop loop;
  private final int capacity;
  private final ArrayDeque<T> buffer = new ArrayDeque<>();
  private final ArrayDeque<Send> senders = new ArrayDeque<>();
  private final ArrayDeque<Receive> receivers = new ArrayDeque<>();
  private boolean closed;

  private Channel(EventLoop loop, int capacity) {
    this.loop = loop;
    this.capacity = capacity;
  }

  /** A channel that holds up to {@code capacity} values; 0 makes it a rendezvous channel. */
  public static <T> Channel<T> bounded(EventLoop loop, int capacity) {
    if (capacity < 0) {
      throw new IllegalArgumentException("capacity must not be negative: " + capacity);
    }
    return new Channel<>(loop, capacity);
  }

  /** A channel where each send waits for its receive. */
  public static <T> Channel<T> rendezvous(EventLoop loop) {
    return new Channel<>(loop, 0);
  }

  /** A channel whose senders never wait. */
  public static <T> Channel<T> unbounded(EventLoop loop) {
    return new Channel<>(loop, Integer.MAX_VALUE);
  }

  /** Sends {@code value}; the frame completes once the value is buffered or received. */
  public Frame<Void> send(T value) {
    return new Send(value).start();
  }

  /** Receives the next value, waiting for one if there is none. */
  public Frame<T> receive() {
    return new Receive().start();
  }

  /**
   * Closes the channel: waiting and later senders fail with {@link ChannelClosedException};
   * receivers get what is buffered, then fail the same way.
   */
  public synchronized void close() {
    closed = true;
    for (Send send; (send = senders.poll()) != null; ) {
      send.fail();
    }
    if (buffer.isEmpty()) {
      for (Receive receive; (receive = receivers.poll()) != null; ) {
        receive.fail();
      }
    }
  }

  public synchronized boolean isClosed() {
    return closed;
  }

  /** A send: done at once if a receiver waits or there is room, else parked in order. */
  private final class Send extends Frame<Void> {
    private final T value;
    private boolean failed;

    Send(T value) {
      this.value = value;
    }

    Send start() {
      begin();
      return this;
    }

    void fail() {
      failed = true;
      loop.ready(this::resume);
    }

    @Override
    protected Object step() {
      switch (label) {
        case 0:
          synchronized (Channel.this) {
            return offer();
          }
        case 1:
          if (failed) {
            throw closedError();
          }
          return null;
        default:
          throw unknownLabel();
      }
    }

    /** Under the channel's lock: hands the value on, buffers it, or parks this send. */
    private Object offer() {
      if (closed) {
        throw closedError();
      }
      Receive receiver = receivers.poll();
      if (receiver != null) {
        receiver.deliver(value);
        return null;
      }
      if (buffer.size() < capacity) {
        buffer.add(value);
        return null;
      }
      label = 1;
      if (suspendForBlock()) {
        senders.add(this);
      }
      return SUSPEND;
    }

    @Override
    protected String asyncMethodName() {
      return "dev.stackless.loop.Channel.send";
    }
  }

  /** A receive: takes from the buffer or a waiting sender, else parks in order. */
  private final class Receive extends Frame<T> {
    private T value;
    private boolean failed;

    Receive start() {
      begin();
      return this;
    }

    void deliver(T delivered) {
      value = delivered;
      loop.ready(this::resume);
    }

    void fail() {
      failed = true;
      loop.ready(this::resume);
    }

    @Override
    protected Object step() {
      switch (label) {
        case 0:
          synchronized (Channel.this) {
            return take();
          }
        case 1:
          if (failed) {
            throw closedError();
          }
          return value;
        default:
          throw unknownLabel();
      }
    }

    /** Under the channel's lock: takes a buffered or waiting value, or parks this receive. */
    private Object take() {
      if (!buffer.isEmpty()) {
        T taken = buffer.poll();
        Send sender = senders.poll();
        if (sender != null) {
          buffer.add(sender.value); // its turn: the sender's value takes the freed place
          loop.ready(sender::resume);
        }
        return taken;
      }
      Send sender = senders.poll();
      if (sender != null) {
        loop.ready(sender::resume); // rendezvous: straight from the waiting sender
        return sender.value;
      }
      if (closed) {
        throw closedError();
      }
      label = 1;
      if (suspendForBlock()) {
        receivers.add(this);
      }
      return SUSPEND;
    }

    @Override
    protected String asyncMethodName() {
      return "dev.stackless.loop.Channel.receive";
    }
  }

  private static ChannelClosedException closedError() {
    return new ChannelClosedException("the channel is closed");
  }
}
