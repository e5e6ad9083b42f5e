package dev.stackless.processor.model;

/** One piece of a {@link Code} fragment. */
public interface Part {

  /**
   * At the start of a catch block of a try statement that stays plain Java: a jump that was
   * leaving through that statement's finally code did not happen, since that code threw and this
   * block caught it (see {@link Jump#leavesPlainFinally()}); printed only where jumps are deferred.
   */
  final class CancelDeferredJump implements Part {
    @Override
    public String toString() {
      return "";
    }
  }

  /** Literal source text. */
  final class Text implements Part {
    private final String text;

    public Text(String text) {
      this.text = text;
    }

    public String text() {
      return text;
    }

    @Override
    public String toString() {
      return text;
    }
  }

  /**
   * A use of a local of the async body, printed with its final name. A use inside a lambda or a
   * class body is a capture: if the local became a field, the statement first copies the field
   * into a local, so the lambda keeps the value it would have captured (the next loop iteration
   * overwrites the field, not the copy).
   */
  final class LocalRef implements Part {
    private final Local local;
    private final boolean captured;
    private final boolean read;

    public LocalRef(Local local) {
      this(local, false);
    }

    public LocalRef(Local local, boolean captured) {
      this(local, captured, false);
    }

    /** {@code read}: the user's code reads the value here (no assignment's target). */
    public LocalRef(Local local, boolean captured, boolean read) {
      this.local = local;
      this.captured = captured;
      this.read = read;
    }

    public Local local() {
      return local;
    }

    public boolean isCaptured() {
      return captured;
    }

    /** Whether the user's code reads the value here, as an expression of the local's type. */
    public boolean isRead() {
      return read;
    }

    @Override
    public String toString() {
      return local.name();
    }
  }

  /**
   * The declaration of a local of the async body, {@code T x = init;}: printed as a declaration
   * when the local stays a Java local, as an assignment when it is hoisted into a field.
   */
  final class LocalDecl implements Part {
    private final Local local;
    private final Code init;

    public LocalDecl(Local local, Code init) {
      this.local = local;
      this.init = init;
    }

    public Local local() {
      return local;
    }

    /** The initializer, or null. */
    public Code init() {
      return init;
    }

    @Override
    public String toString() {
      return local.name() + (init == null ? ";" : " = " + init + ";");
    }
  }

  /** A {@code break} or {@code continue} to a statement the lowering turns into states. */
  final class Jump implements Part {
    private final JumpTarget target;
    private final boolean isContinue;
    private final boolean leavesPlainFinally;

    public Jump(JumpTarget target, boolean isContinue, boolean leavesPlainFinally) {
      this.target = target;
      this.isContinue = isContinue;
      this.leavesPlainFinally = leavesPlainFinally;
    }

    /**
     * Whether the jump leaves a try statement that stays plain Java and runs a finally block or
     * closes resources on the way: the frame's state may change only once that code has run,
     * since it may throw, and the exception belongs to the state the jump leaves.
     */
    public boolean leavesPlainFinally() {
      return leavesPlainFinally;
    }

    public JumpTarget target() {
      return target;
    }

    public boolean isContinue() {
      return isContinue;
    }

    @Override
    public String toString() {
      return (isContinue ? "continue " : "break ") + target + ";";
    }
  }

  /**
   * {@code return value;} ({@code value} null in a void method): printed as a return, or, inside a
   * try statement with a finally that the lowering took apart, as a jump into that finally with
   * the value kept pending.
   */
  final class Return implements Part {
    private final Code value;
    private final boolean leavesPlainFinally;

    public Return(Code value) {
      this(value, false);
    }

    public Return(Code value, boolean leavesPlainFinally) {
      this.value = value;
      this.leavesPlainFinally = leavesPlainFinally;
    }

    /** As {@link Jump#leavesPlainFinally()}. */
    public boolean leavesPlainFinally() {
      return leavesPlainFinally;
    }

    /** The value, already cast to the method's return type; null for {@code return;}. */
    public Code value() {
      return value;
    }

    @Override
    public String toString() {
      return value == null ? "return null;" : "return " + value + ";";
    }
  }
}
