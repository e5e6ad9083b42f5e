package dev.stackless.processor.lower;

import dev.stackless.processor.model.AsyncMethod;
import dev.stackless.processor.model.JumpTarget;
import java.util.List;
import java.util.Map;

/** The lowered method: its states in order, and where jumps out of plain code go. */
public final class StateMachine {
  public final AsyncMethod method;
  public final List<State> states;
  final Map<JumpTarget, State> breakStates;
  final Map<JumpTarget, State> continueStates;
  /** Fields the lowering adds: what try statements keep pending while a finally runs. */
  public final List<dev.stackless.processor.model.Local> fields;
  /** Whether any catch clause was taken apart, so step() needs the caught-exception local. */
  public final boolean catches;

  StateMachine(
      AsyncMethod method,
      List<State> states,
      Map<JumpTarget, State> breakStates,
      Map<JumpTarget, State> continueStates,
      List<dev.stackless.processor.model.Local> fields,
      boolean catches) {
    this.method = method;
    this.states = List.copyOf(states);
    this.breakStates = breakStates;
    this.continueStates = continueStates;
    this.fields = List.copyOf(fields);
    this.catches = catches;
  }

  /** Whether states lie in try statements, so step() needs an exception dispatcher. */
  public boolean hasRegions() {
    for (State state : states) {
      if (!state.chain.isEmpty()) {
        return true;
      }
    }
    return false;
  }

  /** The state a {@code break} (or {@code continue}) to {@code target} goes to. */
  public State jumpState(JumpTarget target, boolean isContinue) {
    State state = (isContinue ? continueStates : breakStates).get(target);
    if (state == null) {
      throw new AssertionError("no state for " + (isContinue ? "continue " : "break ") + target);
    }
    return state;
  }
}
