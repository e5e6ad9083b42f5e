package dev.stackless.loop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.ClosedChannelException;
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
 * <p>The poller thread and its selector are made by the first registration and end when nothing
 * is registered, so an idle loop holds no thread and no file descriptor. The thread closes its
 * selector itself: it is the only one that touches it, and closing it is also what frees the file
 * descriptors of channels closed while registered (Java defers that to the selector).
 * {@link #release} waits for that, so that a loop whose {@code run} has returned holds nothing.
 * Several frames may wait on one channel (for different operations, or the same): the key's
 * interest is the union of theirs.
 *
 * <p>THREAD-SAFE: {@link #register} may be called from any thread.
 */
final class IoPoller {
  private final EventLoop loop;
  private final ArrayDeque<LoopFrames.Io> incoming = new ArrayDeque<>();
  /** The poller thread, while one runs; guarded by {@code this}. */
  private Thread thread;
  /** The running thread's selector; guarded by {@code this}. */
  private Selector selector;
  private boolean closed;
  /** Waiters registered with the selector; touched only by the poller thread. */
  private int waiting;
  /** The keys that have waiters; touched only by the poller thread. */
  private final java.util.Set<SelectionKey> watched = new java.util.HashSet<>();

  /** How long a frame waiting on a channel that another closes waits at most to hear of it. */
  static final long CLOSE_CHECK_MILLIS = 100;

  IoPoller(EventLoop loop) {
    this.loop = loop;
  }

  /** Queues {@code io} for the poller, starting a poller thread if none is running. */
  void register(LoopFrames.Io io) {
    Selector running;
    synchronized (this) {
      if (closed) {
        io.failed(new IllegalStateException("the event loop has been shut down"));
        return;
      }
      if (thread == null) {
        Selector fresh;
        try {
          fresh = Selector.open();
        } catch (IOException e) {
          io.failed(e);
          return;
        }
        selector = fresh;
        incoming.add(io);
        thread = new Thread(() -> poll(fresh), "event-loop-io");
        thread.setDaemon(true);
        thread.start();
        return;
      }
      incoming.add(io);
      running = selector;
    }
    running.wakeup(); // the thread takes io before it may end: the selector is still open
  }

  /** Shuts the poller down: waiting frames are never resumed (the loop has shut down). */
  void close() {
    Selector running;
    synchronized (this) {
      closed = true;
      running = selector;
    }
    if (running != null) {
      running.wakeup(); // the thread sees closed, and closes its selector
    }
  }

  /**
   * Waits until the poller thread, if one runs, has ended and closed its selector. Only for a loop
   * that has run out of work (or shut down): nothing waits for readiness then, so the thread ends
   * at its next look.
   */
  void release() {
    Thread running;
    Selector itsSelector;
    synchronized (this) {
      running = thread;
      itsSelector = selector;
    }
    if (running == null) {
      return;
    }
    itsSelector.wakeup();
    boolean interrupted = false;
    while (true) {
      try {
        running.join();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /** The poller thread: selects until nothing is registered, handing ready frames to the loop. */
  private void poll(Selector selector) {
    try {
      while (takeIncoming(selector)) {
        // a close cancels the channel's key but wakes no selector: look for those now and then
        selector.select(CLOSE_CHECK_MILLIS);
        Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
        while (keys.hasNext()) {
          SelectionKey key = keys.next();
          keys.remove();
          dispatch(key);
        }
        failWaitersOfClosedChannels();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a selector failure: printed by the thread's handler
    } finally {
      synchronized (this) {
        if (thread == Thread.currentThread()) { // not yet cleared by takeIncoming
          thread = null;
          this.selector = null;
        }
      }
      try {
        selector.close();
      } catch (IOException ignored) {
        // its channels' descriptors are freed all the same
      }
    }
  }

  /**
   * Registers the queued frames; false when the poller is closed or nothing is left to wait for:
   * the thread ends, and the next registration starts another.
   */
  private boolean takeIncoming(Selector selector) {
    List<LoopFrames.Io> batch = new ArrayList<>();
    synchronized (this) {
      if (closed || (incoming.isEmpty() && waiting == 0)) {
        thread = null;
        this.selector = null;
        return false;
      }
      batch.addAll(incoming);
      incoming.clear();
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
        watched.add(key);
        waiting++;
      } catch (ClosedChannelException closedSinceTheCall) {
        io.failed(new AsynchronousCloseException()); // as if closed while it was registered
      } catch (RuntimeException e) {
        io.failed(e); // blocking mode, unsupported operation ...
      }
    }
    return true;
  }

  /**
   * Hands the frames whose operations are ready to the loop; keeps the rest registered. The key's
   * interest is narrowed first: once a frame is handed over it may close the channel at once,
   * which cancels the key under the poller's feet.
   */
  private void dispatch(SelectionKey key) {
    List<LoopFrames.Io> waiters = waitersOf(key);
    int ready;
    try {
      ready = key.readyOps();
    } catch (CancelledKeyException closed) {
      return; // failWaitersOfClosedChannels tells its waiters
    }
    List<LoopFrames.Io> readyWaiters = new ArrayList<>(waiters.size());
    int stillWanted = 0;
    for (Iterator<LoopFrames.Io> it = waiters.iterator(); it.hasNext(); ) {
      LoopFrames.Io io = it.next();
      if ((io.ops & ready) != 0) {
        it.remove();
        io.readyOps = ready & io.ops;
        readyWaiters.add(io);
      } else {
        stillWanted |= io.ops;
      }
    }
    try {
      key.interestOps(stillWanted);
    } catch (CancelledKeyException closedMeanwhile) {
      // a frame closed the channel meanwhile; any waiters left are of a closed channel, which a
      // close does not wake (EventLoop.whenReady says so)
    }
    waiting -= readyWaiters.size();
    for (LoopFrames.Io io : readyWaiters) {
      loop.externalArrived(io);
    }
  }

  /**
   * Fails the waiters of the channels that were closed while they waited with an {@link
   * AsynchronousCloseException}, as a blocking read of a channel another thread closes fails.
   */
  private void failWaitersOfClosedChannels() {
    for (Iterator<SelectionKey> it = watched.iterator(); it.hasNext(); ) {
      SelectionKey key = it.next();
      List<LoopFrames.Io> waiters = waitersOf(key);
      if (waiters.isEmpty()) {
        it.remove();
      } else if (!key.isValid()) {
        it.remove();
        waiting -= waiters.size();
        List<LoopFrames.Io> failed = new ArrayList<>(waiters);
        waiters.clear();
        for (LoopFrames.Io io : failed) {
          io.failed(new AsynchronousCloseException());
        }
      }
    }
  }

  @SuppressWarnings("unchecked") // the attachment is always this list
  private static List<LoopFrames.Io> waitersOf(SelectionKey key) {
    return (List<LoopFrames.Io>) key.attachment();
  }
}
