package demo;

import static dev.stackless.Keywords.*;
import dev.stackless.*;

/**
 * Frames of the {@code @Async} methods of {@link demo.Chain}: a factory per method that starts it, and its frame class.
 */
@javax.annotation.processing.Generated(
    value = "dev.stackless.processor.AsyncProcessor",
    comments = "Stackless frames; see processor/docs/lowering.md"
)
@SuppressWarnings({"cast", "deprecation", "dep-ann", "divzero", "empty", "fallthrough", "finally", "lossy-conversions", "overloads", "overrides", "rawtypes", "removal", "serial", "static", "synchronization", "this-escape", "try", "unchecked", "varargs"})
public final class ChainAsync {
  private ChainAsync() {
  }

  /**
   * Starts {@code demo.Chain.id} and runs it to its first suspension point (Zig's {@code async id(...)}).
   */
  static <T> Id<T> id(T value) {
    Id<T> $frame = new Id<T>();
    $frame.value = value;
    return dev.stackless.internal.Launch.launch($frame);
  }

  /**
   * Starts {@code demo.Chain.twice} and runs it to its first suspension point (Zig's {@code async twice(...)}).
   */
  static Twice twice(java.lang.String s) {
    Twice $frame = new Twice();
    $frame.s = s;
    return dev.stackless.internal.Launch.launch($frame);
  }

  /**
   * The frame of {@code demo.Chain.id} (line 5): Zig's {@code @Frame(id)}.
   */
  public static final class Id<T> extends dev.stackless.Frame<T> {
    /**
     * Whether the owner is initialized, as Java does before it runs a static method of it (a race initializes twice, which is harmless).
     */
    private static boolean ownerInitialized;

    /**
     * Parameter {@code value}.
     */
    private T value;

    /**
     * A frame to {@link #start} (Zig's {@code var f: @Frame(...) = undefined}).
     */
    public Id() {
      if (!ownerInitialized) {
        dev.stackless.internal.Launch.initialize(Chain.class);
        ownerInitialized = true;
      }
    }

    /**
     * Runs {@code id} from its beginning to its first suspension point; a frame that has completed may be started again.
     */
    public Id<T> start(T value) {
      checkStartable();
      this.value = value;
      begin();
      return this;
    }

    @Override
    protected java.lang.String asyncMethodName() {
      return "demo.Chain.id";
    }

    @Override
    @SuppressWarnings({"unchecked", "all"})
    protected Object step() throws Throwable {
      dispatch:
      while (true) {
        switch (this.label) {
          case 0: {
            this.label = 1;
            return suspendHere();
          }
          // resumes after line 5
          case 1: {
            return (T) (value);
          }
          default:
            throw unknownLabel();
        }
      }
    }

    @Override
    protected int sourceLine(int generatedLine) {
      return ChainAsync.sourceLine$(generatedLine);
    }

    @Override
    protected java.lang.String sourceFile() {
      return "Chain.java";
    }

    @Override
    protected int suspensionLine() {
      switch (this.label) {
        case 1: return 5;
        default: return 0;
      }
    }
  }

  /**
   * The frame of {@code demo.Chain.twice} (line 6): Zig's {@code @Frame(twice)}.
   */
  public static final class Twice extends dev.stackless.Frame<java.lang.String> {
    /**
     * Whether the owner is initialized, as Java does before it runs a static method of it (a race initializes twice, which is harmless).
     */
    private static boolean ownerInitialized;

    /**
     * Parameter {@code s}.
     */
    private java.lang.String s;

    /**
     * Local {@code b}, live across suspension points.
     */
    private java.lang.String b;

    /**
     * A frame to {@link #start} (Zig's {@code var f: @Frame(...) = undefined}).
     */
    public Twice() {
      if (!ownerInitialized) {
        dev.stackless.internal.Launch.initialize(Chain.class);
        ownerInitialized = true;
      }
    }

    /**
     * Runs {@code twice} from its beginning to its first suspension point; a frame that has completed may be started again.
     */
    public Twice start(java.lang.String s) {
      checkStartable();
      this.s = s;
      begin();
      return this;
    }

    @Override
    protected java.lang.String asyncMethodName() {
      return "demo.Chain.twice";
    }

    @Override
    @SuppressWarnings({"unchecked", "all"})
    protected Object step() throws Throwable {
      dispatch:
      while (true) {
        switch (this.label) {
          case 0: {
            this.label = 1;
            if (awaitSuspends(dev.stackless.internal.Awaitables.of(demo.ChainAsync.id(s)))) return SUSPEND;
          }
          // resumes after line 7
          case 1: {
            String a = (String) this.awaitedResult();
            this.label = 2;
            if (awaitSuspends(dev.stackless.internal.Awaitables.of(demo.ChainAsync.id(a + s)))) return SUSPEND;
          }
          // resumes after line 8
          case 2: {
            b = (java.lang.String) this.awaitedResult();
            this.label = 3;
            if (awaitSuspends(dev.stackless.internal.Awaitables.of(demo.ChainAsync.id(b.isEmpty())))) return SUSPEND;
          }
          // resumes after line 9
          case 3: {
            if (dev.stackless.internal.Results.asBoolean(this.awaitedResult())) return (String) ("");
            return (String) (b);
          }
          default:
            throw unknownLabel();
        }
      }
    }

    @Override
    protected int sourceLine(int generatedLine) {
      return ChainAsync.sourceLine$(generatedLine);
    }

    @Override
    protected java.lang.String sourceFile() {
      return "Chain.java";
    }

    @Override
    protected int suspensionLine() {
      switch (this.label) {
        case 1: return 7;
        case 2: return 8;
        case 3: return 9;
        default: return 0;
      }
    }
  }

  /** Generated line, source line: pairs for the frames' stack traces. */
  private static final int[] LINES = {87, 5, 166, 7, 170, 7, 172, 8, 176, 8, 178, 9, 182, 9, 183, 10};

  /** The source line of a line of this file, or 0. */
  static int sourceLine$(int generatedLine) {
    int line = 0;
    for (int i = 0; i < LINES.length && LINES[i] <= generatedLine; i += 2) {
      line = LINES[i + 1];
    }
    return line;
  }
}
