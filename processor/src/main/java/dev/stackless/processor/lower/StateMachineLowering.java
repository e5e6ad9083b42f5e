package dev.stackless.processor.lower;

import dev.stackless.processor.model.AsyncMethod;
import dev.stackless.processor.model.Code;
import dev.stackless.processor.model.JumpTarget;
import dev.stackless.processor.model.Part;
import dev.stackless.processor.model.ResultTarget;
import dev.stackless.processor.model.Stmt;
import dev.stackless.processor.model.Suspension;
import dev.stackless.processor.model.TypeSource;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns structured statements with suspension points into the states of a {@code step()} switch.
 *
 * <pre>
 *   int n = 0;                         case 0: { n = 0; }              // falls through
 *   while (n &lt; 3) {                    case 1: { if (!(n &lt; 3)) { this.label = 3; continue dispatch; }
 *     suspend();             ===&gt;                this.label = 2; return suspendHere(); }
 *     n++;                             case 2: { n++; this.label = 1; continue dispatch; }
 *   }                                  case 3: { return null; }
 * </pre>
 *
 * Plain statements stay as written inside a state. States are created as needed, started in
 * source order (a state started while the previous one is still open is entered by falling
 * through), numbered last, and dropped if nothing enters them.
 */
public final class StateMachineLowering {
  private static final String RESULTS = "dev.stackless.internal.Results";

  private final AsyncMethod method;
  private final List<State> started = new ArrayList<>();
  private final Map<JumpTarget, State> breakStates = new IdentityHashMap<>();
  private final Map<JumpTarget, State> continueStates = new IdentityHashMap<>();
  private State current;
  /** The try statements being lowered, innermost first. */
  private List<Region.Membership> chain = List.of();
  private final List<dev.stackless.processor.model.Local> fields = new ArrayList<>();
  private int regions;
  private boolean catches;

  private StateMachineLowering(AsyncMethod method) {
    this.method = method;
  }

  public static StateMachine lower(AsyncMethod method) {
    StateMachineLowering lowering = new StateMachineLowering(method);
    State entry = new State();
    entry.referenced = true;
    lowering.start(entry);
    lowering.lower(method.body);
    if (lowering.current != null) {
      // return null;  (the end of a void method; unreachable otherwise, javac checked that)
      lowering.emit(method.isVoid()
          ? new Code(List.of(new Part.Return(null)))
          : Code.text("throw unknownLabel();"));
      lowering.current = null;
    }
    List<State> states = new ArrayList<>();
    for (State state : lowering.started) {
      if (state.referenced) {
        state.number = states.size();
        states.add(state);
      }
    }
    return new StateMachine(method, states, lowering.breakStates, lowering.continueStates,
        lowering.fields, lowering.catches);
  }

  // --- statements -------------------------------------------------------------------------------

  private void lower(Stmt stmt) {
    if (stmt instanceof Stmt.Plain) {
      Stmt.Plain plain = (Stmt.Plain) stmt;
      emit(plain.code);
      if (!plain.completesNormally) {
        current = null;
      }
    } else if (stmt instanceof Stmt.Block) {
      for (Stmt child : ((Stmt.Block) stmt).statements) {
        lower(child);
      }
    } else if (stmt instanceof Stmt.AtSuspension) {
      lowerSuspension((Stmt.AtSuspension) stmt);
    } else if (stmt instanceof Stmt.If) {
      lowerIf((Stmt.If) stmt);
    } else if (stmt instanceof Stmt.Loop) {
      lowerLoop((Stmt.Loop) stmt);
    } else if (stmt instanceof Stmt.ForEach) {
      lowerForEach((Stmt.ForEach) stmt);
    } else if (stmt instanceof Stmt.Switch) {
      lowerSwitch((Stmt.Switch) stmt);
    } else if (stmt instanceof Stmt.Try) {
      lowerTry((Stmt.Try) stmt);
    } else if (stmt instanceof Stmt.Labeled) {
      Stmt.Labeled labeled = (Stmt.Labeled) stmt;
      State exit = new State();
      breakStates.put(labeled.target, exit);
      lower(labeled.body);
      start(exit);
    } else {
      throw new AssertionError("unknown statement " + stmt);
    }
  }

  private void lowerIf(Stmt.If stmt) {
    Code condition = condition(stmt.condition);
    if (isPlain(stmt.then) && (stmt.otherwise == null || isPlain(stmt.otherwise))) {
      // if (c) plain else plain: stays one statement of the current state
      Stmt.Plain then = (Stmt.Plain) stmt.then;
      Stmt.Plain otherwise = (Stmt.Plain) stmt.otherwise;
      emit(otherwise == null
          ? Code.concat("if (", condition, ") ", then.code)
          : Code.concat("if (", condition, ") ", then.code, " else ", otherwise.code));
      if (otherwise != null && !then.completesNormally && !otherwise.completesNormally) {
        current = null;
      }
      return;
    }
    State otherwise = stmt.otherwise == null ? null : new State();
    State after = new State();
    // if (!(c)) { this.label = ELSE; continue dispatch; }   then falls through into THEN
    emit(Code.concat("if (!(", condition, ")) ", jump(otherwise != null ? otherwise : after)));
    start(new State());
    lower(stmt.then);
    if (otherwise != null) {
      jumpIfOpen(after);
      start(otherwise);
      lower(stmt.otherwise);
    }
    start(after);
  }

  private void lowerLoop(Stmt.Loop loop) {
    State exit = new State();
    breakStates.put(loop.target, exit);
    switch (loop.kind) {
      case WHILE: {
        State head = new State();
        continueStates.put(loop.target, head);
        start(head);
        exitUnless(loop.condition, exit);
        lower(loop.body);
        jumpIfOpen(head);
        break;
      }
      case DO_WHILE: {
        State body = new State();
        State check = new State();
        continueStates.put(loop.target, check);
        start(body);
        lower(loop.body);
        start(check);
        Code condition = condition(loop.condition);
        // if (c) { this.label = BODY; continue dispatch; }
        emit(Code.concat("if (", condition, ") ", jump(body)));
        break;
      }
      case FOR: {
        for (Stmt init : loop.init) {
          lower(init);
        }
        State head = new State();
        State update = new State();
        continueStates.put(loop.target, update);
        start(head);
        if (loop.condition != null) {
          exitUnless(loop.condition, exit);
        }
        lower(loop.body);
        start(update);
        for (Stmt step : loop.updates) {
          lower(step);
        }
        jumpIfOpen(head);
        break;
      }
    }
    start(exit);
  }

  private void lowerForEach(Stmt.ForEach loop) {
    State head = new State();
    State exit = new State();
    breakStates.put(loop.target, exit);
    continueStates.put(loop.target, head);
    if (loop.iterableSuspension != null) {
      Code cursor = lowerSuspension(loop.iterableSuspension);
      emit(Code.concat(new Part.LocalRef(loop.iterator),
          " = (dev.stackless.internal.ForEachCursor) ", cursor, ";"));
    } else {
      // $each1 = ForEachCursor.of(iterable);
      emit(Code.concat(new Part.LocalRef(loop.iterator),
          " = dev.stackless.internal.ForEachCursor.of(", loop.iterable, ");"));
    }
    start(head);
    emit(Code.concat("if (!", new Part.LocalRef(loop.iterator), ".hasNext()) ", jump(exit)));
    String type = loop.variable.resolvedType();
    emit(new Code(List.of(new Part.LocalDecl(loop.variable,
        convert(type, Code.concat(new Part.LocalRef(loop.iterator), ".next()"))))));
    lower(loop.body);
    jumpIfOpen(head);
    start(exit);
  }

  /**
   * {@code try { body } catch (E e) { handler } finally { cleanup }} with suspension points: each
   * part's states know they lie in this region; the exception dispatcher of {@code step()} sends
   * an exception from the body to the matching handler, and what leaves the body or a handler
   * goes through the finally block with itself pending ({@link Router}).
   */
  private void lowerTry(Stmt.Try stmt) {
    Region region = new Region(++regions, stmt.finallyBlock != null);
    if (region.pending != null) {
      fields.add(region.pending);
      fields.add(region.pendingValue);
      region.finallyState.referenced = true; // returns and jumps pend into it when printed
    }
    List<Region.Membership> outer = chain;
    State after = new State();
    chain = inside(outer, region, Region.Part.TRY);
    start(new State());
    lower(stmt.body);
    leaveNormally(region, after);
    for (Stmt.Catch handler : stmt.catches) {
      catches = true;
      State entry = new State();
      region.handlers.add(new Region.Handler(handler.types, handler.tests, entry));
      chain = inside(outer, region, Region.Part.CATCH);
      entry.referenced = true;
      start(entry);
      // E e = (E) $caught; caught(e);  (the exception at the user's lines, Frame.caught)
      // (of a private class, the stand-in it is caught as)
      String caughtAs = handler.types.size() == 1 ? handler.types.get(0)
          : handler.parameter.resolvedType();
      emit(new Code(List.of(new Part.LocalDecl(handler.parameter,
          Code.concat("(", caughtAs, ") $caught")))));
      emit(Code.concat("caught(", new Part.LocalRef(handler.parameter), ");"));
      lower(handler.body);
      leaveNormally(region, after);
    }
    if (region.finallyState != null) {
      chain = inside(outer, region, Region.Part.FINALLY);
      start(region.finallyState);
      lower(stmt.finallyBlock);
      if (current != null) {
        emit(new Code(List.of(new FinallyExit(region, after))));
        after.referenced = true;
        current = null;
      }
    }
    chain = outer;
    start(after);
  }

  /**
   * {@code switch (s) { ... }}: the selector's index picks the group's state; groups fall through
   * into the next, rules ({@code case X ->}) do not; {@code break} leaves for the exit.
   */
  private void lowerSwitch(Stmt.Switch stmt) {
    Code index = stmt.selector.suspension == null
        ? stmt.selector.code
        : convert("int", lowerSuspension(stmt.selector.suspension));
    State exit = new State();
    breakStates.put(stmt.target, exit);
    List<State> groups = new ArrayList<>();
    List<Object> dispatch = new ArrayList<>();
    dispatch.add("switch (");
    dispatch.add(index);
    dispatch.add(") { ");
    for (int i = 0; i < stmt.groups.size(); i++) {
      State group = new State();
      groups.add(group);
      dispatch.add("case " + i + ": ");
      dispatch.add(jump(group));
      dispatch.add(" ");
    }
    dispatch.add("default: ");
    dispatch.add(jump(exit));
    dispatch.add(" }");
    emit(Code.concat(dispatch.toArray()));
    current = null;
    for (int i = 0; i < stmt.groups.size(); i++) {
      if (stmt.rules) {
        jumpIfOpen(exit);
      }
      start(groups.get(i));
      for (Stmt body : stmt.groups.get(i)) {
        lower(body);
      }
    }
    start(exit);
  }

  /** The end of a try body or handler: to the finally block with nothing pending, or on. */
  private void leaveNormally(Region region, State after) {
    if (current == null) {
      return;
    }
    if (region.finallyState != null) {
      emit(Code.concat(region.pending.name(), " = ", String.valueOf(Region.NORMAL), ";"));
      jumpIfOpen(region.finallyState);
    } else {
      jumpIfOpen(after);
    }
  }

  private static List<Region.Membership> inside(
      List<Region.Membership> outer, Region region, Region.Part part) {
    List<Region.Membership> chain = new ArrayList<>();
    chain.add(new Region.Membership(region, part));
    chain.addAll(outer);
    return List.copyOf(chain);
  }

  /** The end of a finally block, written by {@link Router#finallyExit} once states are numbered. */
  public static final class FinallyExit implements Part {
    public final Region region;
    public final State after;

    FinallyExit(Region region, State after) {
      this.region = region;
      this.after = after;
    }
  }

  /** {@code if (!(c)) { this.label = EXIT; continue dispatch; }} */
  private void exitUnless(Stmt.Condition condition, State exit) {
    emit(Code.concat("if (!(", condition(condition), ")) ", jump(exit)));
  }

  /** The condition's code; a suspending condition is lowered first, its value read after. */
  private Code condition(Stmt.Condition condition) {
    if (condition.suspension == null) {
      return condition.code;
    }
    return convert("boolean", lowerSuspension(condition.suspension));
  }

  // --- suspension points ------------------------------------------------------------------------

  /** Lowers a suspension point; returns the code that reads its value in the state after it. */
  private Code lowerSuspension(Stmt.AtSuspension at) {
    State resume = new State();
    resume.resumesAtLine = at.line;
    Suspension suspension = at.suspension;
    resume.referenced = true;
    if (!(suspension instanceof Suspension.Spilled)) {
      // this.label = RESUME;
      emit(Code.concat("this.label = ", new State.Ref(resume), ";"));
    }
    if (suspension instanceof Suspension.Suspend) {
      emit(Code.text("return suspendHere();"));
      current = null;
      start(resume);
      return null;
    }
    if (suspension instanceof Suspension.SuspendBlock) {
      Suspension.SuspendBlock block = (Suspension.SuspendBlock) suspension;
      // the block's number tells its exception whether the frame has been resumed since
      emit(Code.text("int $block = suspendForBlockNumbered();"));
      emit(Code.text("if ($block != 0) {"));
      emit(Code.text("try {"), 1);
      if (block.selfName != null) {
        emit(Code.text("dev.stackless.AnyFrame " + block.selfName + " = this;"), 2);
      }
      emit(Code.concat(block.blockLabel, ": ", block.body), 2);
      emit(Code.text("} catch (java.lang.Throwable $failure) {"), 1);
      emit(Code.text("throw suspendBlockFailed($failure, $block);"), 2);
      emit(Code.text("}"), 1);
      emit(Code.text("}"));
      emit(Code.text("return SUSPEND;"));
      current = null;
      start(resume);
      return null;
    }
    if (suspension instanceof Suspension.SuspendCallback) {
      Suspension.SuspendCallback callback = (Suspension.SuspendCallback) suspension;
      // the block's number tells its exception whether the frame has been resumed since
      emit(Code.text("int $block = suspendForBlockNumbered();"));
      emit(Code.text("if ($block != 0) {"));
      emit(Code.text("try {"), 1);
      emit(Code.concat("callSuspendBlock(", callback.callback, ");"), 2);
      emit(Code.text("} catch (java.lang.Throwable $failure) {"), 1);
      emit(Code.text("throw suspendBlockFailed($failure, $block);"), 2);
      emit(Code.text("}"), 1);
      emit(Code.text("}"));
      emit(Code.text("return SUSPEND;"));
      current = null;
      start(resume);
      return null;
    }
    Code result;
    if (suspension instanceof Suspension.Spilled) {
      result = lowerSpilled((Suspension.Spilled) suspension, resume);
    } else {
      Suspension.Await await = (Suspension.Await) suspension;
      // if (awaitSuspends(frame)) return SUSPEND;   and, once the frame is done:
      // Awaitables.of: javac picks the frame itself, or a frame for a CompletionStage
      emit(Code.concat("if (awaitSuspends(dev.stackless.internal.Awaitables.of(", await.frame,
          "))) return SUSPEND;"));
      start(resume);
      result = Code.text("this.awaitedResult()");
    }
    ResultTarget target = at.target;
    switch (target.kind) {
      case DISCARD:
        emit(atLine(Code.concat(result, ";"), at.line));
        break;
      case DECLARE:
        emit(new Code(List.of(new Part.LocalDecl(target.local,
            convert(target.local.resolvedType(), result))), at.line));
        break;
      case ASSIGN_LOCAL:
        emit(atLine(Code.concat(new Part.LocalRef(target.local), " = ",
            convert(target.local.resolvedType(), result), ";"), at.line));
        break;
      case ASSIGN_FIELD:
        emit(atLine(target.fieldAssignment(convert(target.type, result)), at.line));
        break;
      case RETURN:
        if (method.isVoid()) {
          emit(atLine(Code.concat(result, ";"), at.line));
          emit(new Code(List.of(new Part.Return(null))));
        } else {
          emit(new Code(List.of(new Part.Return(convert(method.returnType, result))), at.line));
        }
        current = null;
        break;
      case THROW:
        emit(atLine(Code.concat("throw (java.lang.Throwable) ", result, ";"), at.line));
        current = null;
        break;
      case CONDITION:
        break;
    }
    return result;
  }

  /**
   * A spilled expression: evaluates its first operands, then awaits the spill's frames one after
   * another until it has a value, which the returned code reads.
   *
   * <pre>
   *   var $t1 = note();  $spill = Spill.await(f).bind($r2 -&gt; Spill.now($t1 + $r2));
   *   case LOOP:   if ($spill.isDone()) jump AFTER;  this.label = RESUME;
   *                if (awaitSuspends($spill.frame())) return SUSPEND;
   *   case RESUME: $spill = $spill.resume(this.awaitedResult());  jump LOOP;
   *   case AFTER:  ... $spill.value() ...
   * </pre>
   *
   * A switch expression the chain enters ({@code Spill.enter(0)}) runs in states of its own, in
   * the loop: {@code if ($spill.entry() == 0) jump ENTRY0;}, where the switch yields {@code $y},
   * then {@code $spill = $spill.resume($y); jump LOOP;}.
   */
  private Code lowerSpilled(Suspension.Spilled spilled, State resume) {
    Part spill = new Part.LocalRef(spilled.spill);
    for (Code statement : spilled.prefix) {
      emit(statement);
    }
    emit(Code.concat(spill, " = ", spilled.chain, ";"));
    State loop = new State();
    State after = new State();
    List<State> entries = new ArrayList<>();
    start(loop);
    emit(Code.concat("if (", spill, ".isDone()) ", jump(after)));
    for (int i = 0; i < spilled.entries.size(); i++) {
      State entry = new State();
      entries.add(entry);
      emit(Code.concat("if (", spill, ".entry() == " + i + ") ", jump(entry)));
    }
    emit(Code.concat("this.label = ", new State.Ref(resume), ";"));
    emit(Code.concat("if (awaitSuspends(", spill, ".frame())) return SUSPEND;"));
    start(resume);
    emit(Code.concat(spill, " = ", spill, ".resume(this.awaitedResult());"));
    jumpIfOpen(loop);
    for (int i = 0; i < entries.size(); i++) {
      Suspension.Entry entry = spilled.entries.get(i);
      current = null; // entered only by the jump above
      start(entries.get(i));
      lower(entry.body);
      emit(Code.concat(spill, " = ", spill, ".resume(", new Part.LocalRef(entry.value), ");"));
      jumpIfOpen(loop);
    }
    current = null;
    start(after);
    return Code.concat(spill, ".value()");
  }

  /** The awaited value as the target type: a cast, or a widening unboxing for primitives. */
  private static Code convert(String type, Code value) {
    if (type == null) {
      return value;
    }
    if (TypeSource.isPrimitive(type)) {
      String helper = "as" + Character.toUpperCase(type.charAt(0)) + type.substring(1);
      return Code.concat(RESULTS + "." + helper + "(", value, ")");
    }
    return Code.concat("(", type, ") ", value);
  }

  // --- the builder ------------------------------------------------------------------------------

  /** Starts emitting into {@code state}; if the current state is open, it falls through. */
  private void start(State state) {
    if (current != null && current.chain != chain) {
      // no falling through into another try statement's part: this.label must say where we are
      jumpIfOpen(state);
    }
    if (current != null) {
      state.referenced = true;
    }
    state.chain = chain;
    started.add(state);
    current = state;
  }

  private void emit(Code code) {
    emit(code, 0);
  }

  /**
   * The code that takes an awaited result, at the line of its suspension point: a conversion
   * there that throws (unboxing a null result) is at the user's line in a stack trace.
   */
  private static Code atLine(Code code, long line) {
    return code.line() != 0 ? code : new Code(code.parts(), line);
  }

  private void emit(Code code, int depth) {
    if (current == null) {
      return; // unreachable, as javac judged the original: nothing enters here
    }
    for (Part part : code.parts()) {
      if (part instanceof Part.Jump) {
        Part.Jump jump = (Part.Jump) part;
        State target = (jump.isContinue() ? continueStates : breakStates).get(jump.target());
        if (target != null) {
          target.referenced = true;
        }
      }
    }
    current.lines.add(code);
    current.depths.add(depth);
  }

  /** {@code { this.label = N; continue dispatch; }} */
  private static Code jump(State state) {
    state.referenced = true;
    return Code.concat("{ this.label = ", new State.Ref(state), "; continue dispatch; }");
  }

  /** {@code this.label = N; continue dispatch;} unless the current state has ended already. */
  private void jumpIfOpen(State state) {
    if (current != null) {
      state.referenced = true;
      emit(Code.concat("this.label = ", new State.Ref(state), ";"));
      emit(Code.text("continue dispatch;"));
      current = null;
    }
  }

  private static boolean isPlain(Stmt stmt) {
    return stmt instanceof Stmt.Plain;
  }
}
