package demo;

import static dev.stackless.Keywords.*;
import dev.stackless.*;

/**
 * Frames of the {@code @Async} methods of {@link demo.Counter}: a factory per method that starts it, and its frame class.
 */
@javax.annotation.processing.Generated(
    value = "dev.stackless.processor.AsyncProcessor",
    comments = "Stackless frames; see processor/docs/lowering.md"
)
@SuppressWarnings({"cast", "deprecation", "dep-ann", "divzero", "empty", "fallthrough", "finally", "lossy-conversions", "overloads", "overrides", "rawtypes", "removal", "serial", "static", "synchronization", "this-escape", "try", "unchecked", "varargs"})
public final class CounterAsync {
  private CounterAsync() {
  }

  /**
   * Starts {@code demo.Counter.tick} and runs it to its first suspension point (Zig's {@code async tick(...)}).
   */
  static Tick tick(int by) {
    Tick $frame = new Tick();
    $frame.by = by;
    return dev.stackless.internal.Launch.launch($frame);
  }

  /**
   * The frame of {@code demo.Counter.tick} (line 6): Zig's {@code @Frame(tick)}.
   */
  public static final class Tick extends dev.stackless.Frame<java.lang.Integer> {
    /**
     * Whether the owner is initialized, as Java does before it runs a static method of it (a race initializes twice, which is harmless).
     */
    private static boolean ownerInitialized;

    /**
     * Parameter {@code by}.
     */
    private int by;

    /**
     * Local {@code now}, live across suspension points.
     */
    private int now;

    /**
     * A frame to {@link #start} (Zig's {@code var f: @Frame(...) = undefined}).
     */
    public Tick() {
      if (!ownerInitialized) {
        dev.stackless.internal.Launch.initialize(Counter.class);
        ownerInitialized = true;
      }
    }

    /**
     * Runs {@code tick} from its beginning to its first suspension point; a frame that has completed may be started again.
     */
    public Tick start(int by) {
      checkStartable();
      this.by = by;
      begin();
      return this;
    }

    @Override
    protected String asyncMethodName() {
      return "demo.Counter.tick";
    }

    @Override
    @SuppressWarnings({"unchecked", "all"})
    protected Object step() throws Throwable {
      dispatch:
      while (true) {
        switch (this.label) {
          case 0: {
            demo.Counter.count += by;
            this.label = 1;
            return suspendHere();
          }
          // resumes after line 8
          case 1: {
            now = demo.Counter.count;
            this.label = 2;
            int $block = suspendForBlockNumbered();
            if ($block != 0) {
              try {
                dev.stackless.AnyFrame self = this;
                suspendBlock1: { demo.Counter.count++; }
              } catch (java.lang.Throwable $failure) {
                throw suspendBlockFailed($failure, $block);
              }
            }
            return SUSPEND;
          }
          // resumes after line 10
          case 2: {
            return (int) (now);
          }
          default:
            throw unknownLabel();
        }
      }
    }

    @Override
    protected int sourceLine(int generatedLine) {
      return CounterAsync.sourceLine$(generatedLine);
    }

    @Override
    protected String sourceFile() {
      return "Counter.java";
    }

    @Override
    protected int suspensionLine() {
      switch (this.label) {
        case 1: return 8;
        case 2: return 10;
        default: return 0;
      }
    }
  }

  /** Generated line, source line: pairs for the frames' stack traces. */
  private static final int[] LINES = {78, 7, 84, 9, 90, 10, 99, 11};

  /** The source line of a line of this file, or 0. */
  static int sourceLine$(int generatedLine) {
    int line = 0;
    for (int i = 0; i < LINES.length && LINES[i] <= generatedLine; i += 2) {
      line = LINES[i + 1];
    }
    return line;
  }
}
