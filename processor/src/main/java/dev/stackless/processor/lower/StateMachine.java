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

  StateMachine(
      AsyncMethod method,
      List<State> states,
      Map<JumpTarget, State> breakStates,
      Map<JumpTarget, State> continueStates) {
    this.method = method;
    this.states = List.copyOf(states);
    this.breakStates = breakStates;
    this.continueStates = continueStates;
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
