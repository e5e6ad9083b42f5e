package dev.stackless.processor.analyse;

import dev.stackless.processor.lower.State;
import dev.stackless.processor.lower.StateMachine;
import dev.stackless.processor.model.Code;
import dev.stackless.processor.model.Local;
import dev.stackless.processor.model.Part;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides which locals live across a suspension point and so become fields of the frame: a local
 * is hoisted when code in more than one state uses it (a state is entered only at its start, so
 * a local used in one state only is declared and used within one run of {@code step()}).
 * Parameters and the reader's cursors always are fields. Hoisted locals that share a name get a
 * suffix; the others keep the user's names. A hoisted constant variable is declared again at the
 * top of {@code step()} instead of being a field (see {@link Local#setConstant}).
 *
 * <p>Returns the hoisted locals in a deterministic order: parameters, then first use.
 */
public final class HoistingAnalysis {
  private HoistingAnalysis() {}

  /**
   * As described above; {@code shadowingNames} are names no local may keep, hoisted or not (they
   * would hide a package the generated code names): such a local gets a suffix too. {@code
   * repeatedNames} are names the method declares more than once: a local of such a name that
   * stays in {@code step()} gets a suffix as well, since the state it is declared in is its scope
   * there, wider than its block ({@code { int a = f(); } String a = "x";} in one state, or a
   * hoisted {@code a} that the local would hide).
   */
  public static List<Local> hoist(StateMachine machine, Set<String> reservedNames,
      Set<String> shadowingNames, Set<String> repeatedNames) {
    Map<Local, Set<State>> uses = new IdentityHashMap<>();
    Map<Local, Boolean> order = new LinkedHashMap<>();
    for (Local parameter : machine.method.parameters) {
      order.put(parameter, true);
    }
    for (State state : machine.states) {
      for (Code line : state.lines()) {
        for (Local local : line.locals()) {
          uses.computeIfAbsent(local, k -> new HashSet<>()).add(state);
          order.put(local, true);
        }
      }
    }
    // a constant naming a local that is no constant any more (a class body reads it) is none
    boolean changed = true;
    while (changed) {
      changed = false;
      for (Local local : order.keySet()) {
        if (local.isConstant()
            && local.constantInit().locals().stream().anyMatch(named -> !named.isConstant())) {
          local.keepAsVariable();
          changed = true;
        }
      }
    }
    // a constant declared at the top of step() needs the constants its initializer names there
    // too (final int d = 2; final int v = d;): they count as hoisted, declared before it
    boolean grew = true;
    while (grew) {
      grew = false;
      for (Local local : order.keySet()) {
        if (local.isConstant() && (local.isHoisted() || uses.getOrDefault(local, Set.of()).size() > 1)) {
          for (Local named : local.constantInit().locals()) {
            if (!named.isHoisted() && uses.getOrDefault(named, Set.of()).size() <= 1) {
              named.hoist();
              grew = true;
            }
          }
        }
      }
    }
    List<Local> hoisted = new ArrayList<>();
    Set<String> taken = new HashSet<>(reservedNames);
    taken.addAll(shadowingNames);
    for (Local local : order.keySet()) {
      Set<State> states = uses.getOrDefault(local, Set.of());
      if (!local.isHoisted() && states.size() <= 1 && shadowingNames.contains(local.sourceName())) {
        local.rename(local.sourceName() + "$local"); // stays a local of step()
      }
      if (local.isHoisted() || states.size() > 1) {
        local.hoist();
        // a constant is a local of step(), where code written as the user wrote it may declare
        // its name again (a block copied whole into a switch written again): a name of its own
        String base = local.isConstant() ? local.sourceName() + "$k" : local.sourceName();
        String name = base;
        for (int n = 2; taken.contains(name); n++) {
          name = base + "$" + n;
        }
        taken.add(name);
        local.rename(name);
        hoisted.add(local);
      }
    }
    for (Local local : order.keySet()) {
      if (!local.isHoisted() && !local.isParameter()
          && repeatedNames.contains(local.sourceName())) {
        String name = local.sourceName() + "$2";
        for (int n = 3; taken.contains(name); n++) {
          name = local.sourceName() + "$" + n;
        }
        taken.add(name);
        local.rename(name);
      }
    }
    return hoisted;
  }
}
