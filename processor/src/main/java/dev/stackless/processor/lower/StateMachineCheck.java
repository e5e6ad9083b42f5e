package dev.stackless.processor.lower;

import dev.stackless.processor.model.Code;
import dev.stackless.processor.model.Part;
import java.util.HashSet;
import java.util.Set;

/**
 * The lowering's postcondition, checked before emitting: every state a jump or a resume point
 * names is one of the machine's numbered states, and every region's finally block and handlers
 * are too. A failure is a processor bug, reported on the user's method as such.
 */
public final class StateMachineCheck {
  private StateMachineCheck() {}

  public static void check(StateMachine machine) {
    Set<State> states = new HashSet<>(machine.states);
    for (State state : machine.states) {
      for (Code line : state.lines()) {
        check(line, machine, states);
      }
      for (Region.Membership m : state.chain()) {
        if (m.region.finallyState != null) {
          require(states.contains(m.region.finallyState), "finally block without a state");
        }
        for (Region.Handler handler : m.region.handlers) {
          require(states.contains(handler.state), "catch clause without a state");
        }
      }
    }
  }

  private static void check(Code code, StateMachine machine, Set<State> states) {
    for (Part part : code.parts()) {
      if (part instanceof State.Ref) {
        require(states.contains(((State.Ref) part).state), "a jump to a dropped state");
      } else if (part instanceof Part.Jump) {
        Part.Jump jump = (Part.Jump) part;
        require(states.contains(machine.jumpState(jump.target(), jump.isContinue())),
            "a break or continue to a dropped state");
      } else if (part instanceof Part.LocalDecl && ((Part.LocalDecl) part).init() != null) {
        check(((Part.LocalDecl) part).init(), machine, states);
      } else if (part instanceof Part.Return && ((Part.Return) part).value() != null) {
        check(((Part.Return) part).value(), machine, states);
      } else if (part instanceof StateMachineLowering.FinallyExit) {
        require(states.contains(((StateMachineLowering.FinallyExit) part).after),
            "the end of a finally block leads to a dropped state");
      }
    }
  }

  private static void require(boolean condition, String what) {
    if (!condition) {
      throw new AssertionError("state machine check failed: " + what);
    }
  }
}
