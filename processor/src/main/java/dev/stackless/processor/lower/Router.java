package dev.stackless.processor.lower;

import java.util.List;

/**
 * Writes how control leaves a point of the state machine, given the regions (try statements) the
 * point lies in, innermost first: a {@code return} or a jump that leaves a region with a finally
 * block goes into that finally with itself pending; an exception goes to the first catch clause
 * that matches, or pending into a finally, or out of {@code step()}.
 */
public final class Router {
  private Router() {}

  /** The local that holds a deferred jump's state until the loop comes round (see below). */
  public static final String DEFERRED_LABEL = "$jump";

  /** {@code return value;} ({@code value} null for a void method) from a point in {@code chain}. */
  public static String returning(List<Region.Membership> chain, String value) {
    return returning(chain, value, false);
  }

  /**
   * As {@link #returning(List, String)}; {@code deferred} for a return from inside a try statement
   * that stays plain Java and runs code on the way out (a finally block, closing resources): the
   * state changes in {@link #DEFERRED_LABEL}, which the dispatch loop moves into {@code label}
   * when it comes round, so that an exception that code throws is handled as thrown where the
   * return was, not where it was going.
   */
  public static String returning(List<Region.Membership> chain, String value, boolean deferred) {
    String result = value == null ? "null" : value;
    for (Region.Membership m : chain) {
      if (m.leavingRunsFinally()) {
        return pend(m.region, Region.RETURN, result, deferred);
      }
    }
    return "return " + result + ";";
  }

  /** A jump to {@code target} from a point in {@code chain}. */
  public static String jumping(List<Region.Membership> chain, State target) {
    return jumping(chain, target, false);
  }

  /** As {@link #jumping(List, State)}; {@code deferred} as for {@link #returning}. */
  public static String jumping(List<Region.Membership> chain, State target, boolean deferred) {
    for (Region.Membership m : chain) {
      if (target.chain.contains(m)) {
        break; // the target lies in this part too: nothing more is left
      }
      if (m.leavingRunsFinally()) {
        m.region.jumpTargets.add(target);
        return pend(m.region, Region.JUMP + target.number, null, deferred);
      }
    }
    return "{ " + labelStore(deferred) + target.number + "; continue dispatch; }";
  }

  private static String labelStore(boolean deferred) {
    return deferred ? DEFERRED_LABEL + " = " : "this.label = ";
  }

  /** The catch clause's body for an exception {@code e} thrown at a point in {@code chain}. */
  public static String handling(List<Region.Membership> chain, String e) {
    StringBuilder out = new StringBuilder();
    for (Region.Membership m : chain) {
      if (m.part == Region.Part.TRY) {
        for (Region.Handler handler : m.region.handlers) {
          StringBuilder test = new StringBuilder();
          for (int i = 0; i < handler.types.size(); i++) {
            String own = handler.tests.get(i); // a private class's: Owner_Retry$is(e)
            test.append(test.length() == 0 ? "" : " || ").append(own != null
                ? own + "(" + e + ")" : e + " instanceof " + handler.types.get(i));
          }
          out.append("if (").append(test).append(") { $caught = ").append(e)
              .append("; this.label = ").append(handler.state.number).append("; continue dispatch; }\n");
        }
      }
      if (m.leavingRunsFinally()) {
        return out.append(pend(m.region, Region.THROW, e, false)).toString();
      }
    }
    return out.append("throw ").append(e).append(";").toString();
  }

  /** The end of a finally block: carries on with what was pending. */
  public static String finallyExit(Region region, List<Region.Membership> chain, State after) {
    String pending = region.pending.name();
    String value = region.pendingValue.name();
    StringBuilder out = new StringBuilder();
    out.append("if (").append(pending).append(" == ").append(Region.THROW).append(") throw (java.lang.Throwable) ")
        .append(value).append(";\n");
    out.append("if (").append(pending).append(" == ").append(Region.RETURN).append(") ")
        .append(braced(returning(outside(chain, region), value))).append("\n");
    for (State target : region.jumpTargets) {
      out.append("if (").append(pending).append(" == ").append(Region.JUMP + target.number).append(") ")
          .append(braced(jumping(outside(chain, region), target))).append("\n");
    }
    out.append("{ this.label = ").append(after.number).append("; continue dispatch; }");
    return out.toString();
  }

  private static List<Region.Membership> outside(List<Region.Membership> chain, Region region) {
    for (int i = 0; i < chain.size(); i++) {
      if (chain.get(i).region == region) {
        return chain.subList(i + 1, chain.size());
      }
    }
    return chain;
  }

  /** {@code $pendingN = what; $pendingValueN = value; this.label = FINALLY; continue dispatch;} */
  private static String pend(Region region, int what, String value, boolean deferred) {
    return "{ " + region.pending.name() + " = " + what + "; "
        + region.pendingValue.name() + " = " + (value == null ? "null" : value) + "; "
        + labelStore(deferred) + region.finallyState.number + "; continue dispatch; }";
  }

  private static String braced(String statement) {
    return statement.startsWith("{") ? statement : "{ " + statement + " }";
  }
}
