package dev.stackless.loop;

import dev.stackless.Frame;
import java.util.ArrayDeque;

/**
 * A channel between frames, as {@code std.event.Channel}: {@code await(channel.send(v))} and
 * {@code T v = await(channel.receive())}. A bounded channel holds up to its capacity; a
 * rendezvous channel (capacity 0) hands each value straight to a receiver, and the send completes
 * then; an unbounded one never makes a sender wait. A send or receive that can complete at once
 * returns a completed frame (the await does not suspend); one that must wait parks its frame, never
 * a thread, and is continued on {@code loop} when its turn comes.
 *
 * <p>FAIR: waiting senders and waiting receivers are each served first come, first served, and a
 * place freed by a receive goes to the longest-waiting sender, so none starves.
 *
 * <p>{@link #close()}: waiting and later sends fail with {@link ChannelClosedException}; receives
 * get what is buffered, then fail the same way.
 *
 * <p>THREAD-SAFE: the frames of a multi-threaded loop may share it (each operation holds the
 * channel's monitor for a few instructions, never across a suspension).
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
  private final class Send extends Frame<Void> implements Runnable {
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
      loop.ready(this);
    }

    /** The loop continues the parked frame. */
    @Override
    public void run() {
      resume();
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
  private final class Receive extends Frame<T> implements Runnable {
    private T value;
    private boolean failed;

    Receive start() {
      begin();
      return this;
    }

    void deliver(T delivered) {
      value = delivered;
      loop.ready(this);
    }

    void fail() {
      failed = true;
      loop.ready(this);
    }

    /** The loop continues the parked frame. */
    @Override
    public void run() {
      resume();
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
          loop.ready(sender);
        }
        return taken;
      }
      Send sender = senders.poll();
      if (sender != null) {
        loop.ready(sender); // rendezvous: straight from the waiting sender
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
