package dev.stackless.processor.lower;

import dev.stackless.processor.model.Local;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A try statement the lowering took apart. States know which parts of which regions they lie in
 * (innermost first), so that an exception, a {@code return} or a jump leaving a region can be
 * routed through its catch clauses and its finally block.
 *
 * <p>A region with a finally keeps what is pending while the finally runs (it may suspend) in two
 * fields: {@code $pendingN} says what ({@link #NORMAL}, {@link #THROW}, {@link #RETURN}, or
 * {@link #JUMP} plus the target state's number) and {@code $pendingValueN} holds the exception or
 * the return value.
 */
public final class Region {
  public static final int NORMAL = 0;
  public static final int THROW = 1;
  public static final int RETURN = 2;
  public static final int JUMP = 1000;

  /** Which part of a try statement a state lies in. */
  public enum Part {
    TRY,
    CATCH,
    FINALLY
  }

  /** A region and the part of it a state lies in. */
  public static final class Membership {
    public final Region region;
    public final Part part;

    Membership(Region region, Part part) {
      this.region = region;
      this.part = part;
    }

    /** Whether leaving this part runs the region's finally block. */
    boolean leavingRunsFinally() {
      return region.finallyState != null && part != Part.FINALLY;
    }
  }

  /** A catch clause: what it catches, and the state its body starts in. */
  static final class Handler {
    final List<String> types;
    /** See {@link dev.stackless.processor.model.Stmt.Catch#tests}. */
    final List<String> tests;
    final State state;

    Handler(List<String> types, List<String> tests, State state) {
      this.types = types;
      this.tests = tests;
      this.state = state;
    }
  }

  final int id;
  final List<Handler> handlers = new ArrayList<>();
  /** The finally block's first state, or null. */
  final State finallyState;
  final Local pending;
  final Local pendingValue;
  /** The states that jumps through the finally go to afterwards, in order of first use. */
  final Set<State> jumpTargets = new LinkedHashSet<>();

  Region(int id, boolean hasFinally) {
    this.id = id;
    this.finallyState = hasFinally ? new State() : null;
    this.pending = hasFinally ? synthetic("$pending" + id, "int") : null;
    this.pendingValue = hasFinally ? synthetic("$pendingValue" + id, "java.lang.Object") : null;
  }

  private static Local synthetic(String name, String type) {
    Local local = new Local(name, false, type);
    local.hoist();
    return local;
  }
}
