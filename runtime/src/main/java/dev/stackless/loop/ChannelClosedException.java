package dev.stackless.loop;

/** Thrown by a send to, or a receive from, a channel that is closed (and, for receive, empty). */
public final class ChannelClosedException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  public ChannelClosedException(String message) {
    super(message);
  }
}
