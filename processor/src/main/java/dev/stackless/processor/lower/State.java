package dev.stackless.processor.lower;

import dev.stackless.processor.model.Code;
import java.util.ArrayList;
import java.util.List;

/**
 * One {@code case} of the generated {@code step()} switch: code that runs from a resume point, a
 * loop head or a jump target up to the next suspension or jump. Numbered only once all exist.
 */
public final class State {
  final List<Code> lines = new ArrayList<>();
  /** How deep each line is nested in the code the lowering adds around it. */
  final List<Integer> depths = new ArrayList<>();
  int number = -1;
  boolean referenced;
  /** The try statements this state lies in, innermost first (empty outside any). */
  List<Region.Membership> chain = List.of();
  /** The source line this state resumes at, or 0 if it is not a resume point. */
  long resumesAtLine;

  public List<Code> lines() {
    return lines;
  }

  /** The nesting depth of line {@code i}, for indentation. */
  public int depth(int i) {
    return depths.get(i);
  }

  public List<Region.Membership> chain() {
    return chain;
  }

  public int number() {
    return number;
  }

  public long resumesAtLine() {
    return resumesAtLine;
  }

  /** A reference to this state's number, filled in when states are numbered. */
  public static final class Ref implements dev.stackless.processor.model.Part {
    public final State state;

    Ref(State state) {
      this.state = state;
    }

    @Override
    public String toString() {
      return String.valueOf(state.number);
    }
  }
}
