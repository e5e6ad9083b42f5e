package dev.stackless.fuzz.rt;

/**
 * A resource for try-with-resources in generated programs: logs when it opens and closes, and
 * throws from {@code close()} when asked to, so that the order of closing and the suppressed
 * exceptions show in the trace.
 */
public final class Res implements AutoCloseable {
  private final Sink out;
  private final String name;
  private final boolean failOnClose;

  private Res(Sink out, String name, boolean failOnClose) {
    this.out = out;
    this.name = name;
    this.failOnClose = failOnClose;
  }

  /** Opens (logs) a resource; {@code close()} will throw if {@code failOnClose}. */
  public static Res open(Sink out, String name, boolean failOnClose) {
    out.log("open " + name);
    return new Res(out, name, failOnClose);
  }

  public String name() {
    return name;
  }

  @Override
  public void close() {
    out.log("close " + name);
    if (failOnClose) {
      throw new IllegalStateException("close " + name);
    }
  }
}
