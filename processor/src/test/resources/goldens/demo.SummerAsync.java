package demo;

import static dev.stackless.Keywords.*;
import dev.stackless.*;
import java.util.List;

/**
 * Frames of the {@code @Async} methods of {@link demo.Summer}: a factory per method that starts it, and its frame class.
 */
@javax.annotation.processing.Generated(
    value = "dev.stackless.processor.AsyncProcessor",
    comments = "Stackless frames; see processor/docs/lowering.md"
)
@SuppressWarnings({"cast", "deprecation", "dep-ann", "divzero", "empty", "fallthrough", "finally", "lossy-conversions", "overloads", "overrides", "rawtypes", "removal", "serial", "static", "synchronization", "this-escape", "try", "unchecked", "varargs"})
public final class SummerAsync {
  private SummerAsync() {
  }

  /**
   * Starts {@code demo.Summer.sum} and runs it to its first suspension point (Zig's {@code async sum(...)}).
   */
  static Sum sum(Summer $this, int limit) {
    Sum $frame = new Sum();
    $frame.$this = java.util.Objects.requireNonNull($this);
    $frame.limit = limit;
    return dev.stackless.internal.Launch.launch($frame.callVirtually());
  }

  /**
   * Starts the body of {@code demo.Summer.sum} itself, never an override, as {@code super.sum(..)} calls it.
   */
  static Sum sum$super(Summer $this, int limit) {
    Sum $frame = new Sum();
    $frame.$this = java.util.Objects.requireNonNull($this);
    $frame.limit = limit;
    return dev.stackless.internal.Launch.launch($frame);
  }

  /**
   * Java's virtual call of {@code demo.Summer.sum} on a {@code Summer}: starts this method.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static dev.stackless.Frame<?> sum$override(Summer receiver, int a0) {
    Sum $frame = new Sum();
    $frame.$this = receiver;
    $frame.limit = (int) a0;
    return dev.stackless.internal.Launch.launch($frame.callVirtually());
  }

  /**
   * The frame of {@code demo.Summer.sum} (line 8): Zig's {@code @Frame(sum)}.
   */
  public static final class Sum extends dev.stackless.Frame<java.lang.Integer> {
    /**
     * Which method a call on a receiver of each class runs: Java's dispatch.
     */
    private static final dev.stackless.internal.Overrides $overrides = new dev.stackless.internal.Overrides(java.lang.invoke.MethodHandles.lookup(), Summer.class, "sum", int.class, int.class);

    /**
     * The receiver of the call.
     */
    private Summer $this;

    /**
     * Parameter {@code limit}.
     */
    private int limit;

    /**
     * Local {@code total}, live across suspension points.
     */
    private int total;

    /**
     * Local {@code $each1}, live across suspension points.
     */
    private dev.stackless.internal.ForEachCursor $each1;

    /**
     * A frame to {@link #start} (Zig's {@code var f: @Frame(...) = undefined}).
     */
    public Sum() {
    }

    /**
     * Makes the frame look for its receiver's override before it runs the body.
     */
    private Sum callVirtually() {
      this.label = VIRTUAL_CALL;
      return this;
    }

    /**
     * Runs {@code sum} from its beginning to its first suspension point; a frame that has completed may be started again.
     */
    public Sum start(Summer $this, int limit) {
      checkStartable();
      this.$this = java.util.Objects.requireNonNull($this);
      this.limit = limit;
      begin(VIRTUAL_CALL);
      return this;
    }

    @Override
    protected String asyncMethodName() {
      return "demo.Summer.sum";
    }

    @Override
    @SuppressWarnings({"unchecked", "all"})
    protected Object step() throws Throwable {
      if (this.label == VIRTUAL_CALL) {
        java.lang.Class<?> $class = this.$this.getClass();
        dev.stackless.internal.Overrides.Target $override = $class == Summer.class ? null : $overrides.get($class);
        if ($override == null) {
          this.label = 0;
        } else if (!$override.isAsync()) {
          return $override.handle().invokeExact(this.$this, this.limit);
        } else {
          java.lang.Object $started = $override.handle().invokeExact(this.$this, this.limit);
          return dispatchSuspends((dev.stackless.Frame<?>) $started) ? SUSPEND : awaitedResult();
        }
      }
      if (this.label == DISPATCHED) {
        return awaitedResult();
      }
      dispatch:
      while (true) {
        switch (this.label) {
          case 0: {
            total = 0;
            $each1 = dev.stackless.internal.ForEachCursor.of($this.xs);
          }
          case 1: {
            if (!$each1.hasNext()) { this.label = 3; continue dispatch; }
            int x = dev.stackless.internal.Results.asInt($each1.next());
            if (total > limit) { this.label = 3; continue dispatch; }
            total += x;
            this.label = 2;
            return suspendHere();
          }
          // resumes after line 13
          case 2: {
            this.label = 1;
            continue dispatch;
          }
          case 3: {
            return (int) (total);
          }
          default:
            throw unknownLabel();
        }
      }
    }

    @Override
    protected int sourceLine(int generatedLine) {
      return SummerAsync.sourceLine$(generatedLine);
    }

    @Override
    protected String sourceFile() {
      return "Summer.java";
    }

    @Override
    protected int suspensionLine() {
      switch (this.label) {
        case 2: return 13;
        default: return 0;
      }
    }
  }

  /** Generated line, source line: pairs for the frames' stack traces. */
  private static final int[] LINES = {131, 9, 132, 10, 137, 11, 138, 12, 148, 15};

  /** The source line of a line of this file, or 0. */
  static int sourceLine$(int generatedLine) {
    int line = 0;
    for (int i = 0; i < LINES.length && LINES[i] <= generatedLine; i += 2) {
      line = LINES[i + 1];
    }
    return line;
  }
}
