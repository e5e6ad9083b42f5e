package dev.stackless.loop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * NIO readiness for one {@link EventLoop}: a {@link Selector} on a thread of its own that only
 * selects. A frame waiting for readiness ({@link LoopFrames.Io}) is registered here; when its
 * channel is ready, the poller hands it back to the loop, which resumes it on a loop thread.
 * Registrations are one-shot, as with epoll's EPOLLONESHOT: the frame awaits again for more.
 *
 * <p>The poller thread is started by the first registration and ends when nothing is registered,
 * so an idle loop holds no thread. Several frames may wait on one channel (for different
 * operations, or the same): the key's interest is the union of theirs.
 *
 * <p>THREAD-SAFE: {@link #register} may be called from any thread.
 */
final class IoPoller {
  private final EventLoop loop;
  private final ArrayDeque<LoopFrames.Io> incoming = new ArrayDeque<>();
  private Selector selector;
  private boolean polling;
  private boolean closed;
  /** Waiters registered with the selector; touched only by the poller thread. */
  private int waiting;

  IoPoller(EventLoop loop) {
    this.loop = loop;
  }

  /** Queues {@code io} for the poller, starting the poller thread if it is not running. */
  void register(LoopFrames.Io io) {
    synchronized (this) {
      if (closed) {
        io.failed(new IllegalStateException("the event loop has been shut down"));
        return;
      }
      if (selector == null) {
        try {
          selector = Selector.open();
        } catch (IOException e) {
          io.failed(e);
          return;
        }
      }
      incoming.add(io);
      if (!polling) {
        polling = true;
        Thread thread = new Thread(this::poll, "event-loop-io");
        thread.setDaemon(true);
        thread.start();
        return;
      }
    }
    selector.wakeup();
  }

  /** Closes the selector; waiting frames are never resumed (the loop has shut down). */
  void close() {
    Selector toClose;
    synchronized (this) {
      closed = true;
      toClose = selector;
    }
    if (toClose != null) {
      try {
        toClose.close();
      } catch (IOException ignored) {
        // nothing more to do: the loop is gone
      }
    }
  }

  /** The poller thread: selects until nothing is registered, handing ready frames to the loop. */
  private void poll() {
    try {
      while (true) {
        if (!takeIncoming()) {
          return;
        }
        selector.select();
        Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
        while (keys.hasNext()) {
          SelectionKey key = keys.next();
          keys.remove();
          dispatch(key);
        }
      }
    } catch (ClosedSelectorException closedLoop) {
      // shut down
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a selector failure: printed by the thread's handler
    }
  }

  /** Registers the queued frames; false when nothing is left to wait for (the thread ends). */
  private boolean takeIncoming() {
    List<LoopFrames.Io> batch = new ArrayList<>();
    synchronized (this) {
      if (closed) {
        polling = false;
        return false;
      }
      batch.addAll(incoming);
      incoming.clear();
      if (batch.isEmpty() && waiting == 0) {
        polling = false;
        return false;
      }
    }
    for (LoopFrames.Io io : batch) {
      try {
        SelectionKey key = io.channel.keyFor(selector);
        if (key == null) {
          key = io.channel.register(selector, io.ops, new ArrayList<LoopFrames.Io>());
        } else {
          key.interestOps(key.interestOps() | io.ops);
        }
        waitersOf(key).add(io);
        waiting++;
      } catch (ClosedChannelException | RuntimeException e) {
        io.failed(e); // closed channel, blocking mode, unsupported operation ...
      }
    }
    return true;
  }

  /** Hands the frames whose operations are ready to the loop; keeps the rest registered. */
  private void dispatch(SelectionKey key) {
    List<LoopFrames.Io> waiters = waitersOf(key);
    int ready;
    try {
      ready = key.readyOps();
    } catch (CancelledKeyException e) {
      ready = -1; // the channel was closed: wake everyone, their next operation will say so
    }
    int stillWanted = 0;
    for (Iterator<LoopFrames.Io> it = waiters.iterator(); it.hasNext(); ) {
      LoopFrames.Io io = it.next();
      if ((io.ops & ready) != 0) {
        it.remove();
        waiting--;
        io.readyOps = ready & io.ops;
        loop.externalArrived(io);
      } else {
        stillWanted |= io.ops;
      }
    }
    if (key.isValid()) {
      key.interestOps(stillWanted);
    }
  }

  @SuppressWarnings("unchecked") // the attachment is always this list
  private static List<LoopFrames.Io> waitersOf(SelectionKey key) {
    return (List<LoopFrames.Io>) key.attachment();
  }
}
