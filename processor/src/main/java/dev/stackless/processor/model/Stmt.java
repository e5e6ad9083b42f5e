package dev.stackless.processor.model;

import java.util.List;

/**
 * The statements of an async body that contain suspension points, as the lowering sees them.
 * Statements without suspension points are {@link Plain}: the user's code, rewritten only where
 * names or jumps must change.
 */
public interface Stmt {

  /** A statement without suspension points. */
  final class Plain implements Stmt {
    public final Code code;
    /** Whether control can reach the end of it (JLS 14.22), so code may follow. */
    public final boolean completesNormally;

    public Plain(Code code, boolean completesNormally) {
      this.code = code;
      this.completesNormally = completesNormally;
    }
  }

  /** {@code { ... }} */
  final class Block implements Stmt {
    public final List<Stmt> statements;

    public Block(List<Stmt> statements) {
      this.statements = List.copyOf(statements);
    }
  }

  /**
   * A suspension point as a whole statement, or whose value goes to a target: {@code sp;}, {@code
   * T x = sp;}, {@code x = sp;}, {@code return sp;}.
   */
  final class AtSuspension implements Stmt {
    public final Suspension suspension;
    public final ResultTarget target;
    /** The source line of the suspension point, for the comment atop its resume state. */
    public final long line;

    public AtSuspension(Suspension suspension, ResultTarget target, long line) {
      this.suspension = suspension;
      this.target = target;
      this.line = line;
    }
  }

  /** {@code if (cond) then else otherwise}; otherwise may be null. */
  final class If implements Stmt {
    public final Condition condition;
    public final Stmt then;
    public final Stmt otherwise;

    public If(Condition condition, Stmt then, Stmt otherwise) {
      this.condition = condition;
      this.then = then;
      this.otherwise = otherwise;
    }
  }

  /** {@code while}, {@code do}/{@code while} and {@code for}. */
  final class Loop implements Stmt {
    public enum Kind {
      WHILE,
      DO_WHILE,
      FOR
    }

    public final Kind kind;
    public final JumpTarget target;
    /** For {@code for}: the init statements; empty otherwise. */
    public final List<Stmt> init;
    /** Null for {@code for (;;)}. */
    public final Condition condition;
    /** For {@code for}: the update expressions, as statements. */
    public final List<Stmt> updates;
    public final Stmt body;

    public Loop(
        Kind kind,
        JumpTarget target,
        List<Stmt> init,
        Condition condition,
        List<Stmt> updates,
        Stmt body) {
      this.kind = kind;
      this.target = target;
      this.init = List.copyOf(init);
      this.condition = condition;
      this.updates = List.copyOf(updates);
      this.body = body;
    }
  }

  /** {@code for (T x : iterable) body}, over an array or an {@code Iterable}. */
  final class ForEach implements Stmt {
    public final JumpTarget target;
    public final Local variable;
    public final Code iterable;
    /** The array type as source when iterating an array, null for an Iterable. */
    public final String arrayType;
    /**
     * When the iterable suspends: its value taken apart, ending in {@code ForEachCursor.of(v)};
     * {@link #iterable} is then null.
     */
    public AtSuspension iterableSuspension;
    /** Hidden locals: the iterator or array, and the index. */
    public final Local iterator;
    public final Local index;
    public final Stmt body;

    public ForEach(
        JumpTarget target,
        Local variable,
        Code iterable,
        String arrayType,
        Local iterator,
        Local index,
        Stmt body) {
      this.target = target;
      this.variable = variable;
      this.iterable = iterable;
      this.arrayType = arrayType;
      this.iterator = iterator;
      this.index = index;
      this.body = body;
    }
  }

  /** A labelled statement that is not a loop: {@code name: { ... break name; ... }}. */
  final class Labeled implements Stmt {
    public final JumpTarget target;
    public final Stmt body;

    public Labeled(JumpTarget target, Stmt body) {
      this.target = target;
      this.body = body;
    }
  }

  /** A condition: plain code, or a suspension point whose boolean result decides. */
  final class Condition {
    public final Code code;
    public final AtSuspension suspension;

    private Condition(Code code, AtSuspension suspension) {
      this.code = code;
      this.suspension = suspension;
    }

    public static Condition of(Code code) {
      return new Condition(code, null);
    }

    public static Condition suspending(Suspension suspension, long line) {
      return new Condition(null, new AtSuspension(suspension, ResultTarget.CONDITION, line));
    }
  }

  /** {@code try { } catch (...) { } finally { }} with a suspension point somewhere inside. */
  final class Try implements Stmt {
    public final Stmt body;
    public final java.util.List<Catch> catches;
    /** Null without finally. */
    public final Stmt finallyBlock;

    public Try(Stmt body, java.util.List<Catch> catches, Stmt finallyBlock) {
      this.body = body;
      this.catches = java.util.List.copyOf(catches);
      this.finallyBlock = finallyBlock;
    }
  }

  /** {@code catch (A | B e) { body }}. */
  final class Catch {
    public final Local parameter;
    /** The caught types as source, one per alternative. */
    public final java.util.List<String> types;
    /**
     * Per alternative, the static method that tests for it, or null for {@code instanceof}: a
     * private class's test ({@code OwnerAsync.Owner_Retry$is}), its type then its stand-in.
     */
    public final java.util.List<String> tests;
    public final Stmt body;

    public Catch(Local parameter, java.util.List<String> types, Stmt body) {
      this(parameter, types, java.util.Collections.nCopies(types.size(), null), body);
    }

    public Catch(Local parameter, java.util.List<String> types, java.util.List<String> tests,
        Stmt body) {
      this.parameter = parameter;
      this.types = java.util.List.copyOf(types);
      this.tests = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(tests));
      this.body = body;
    }
  }

  /**
   * A switch statement with a suspension point: {@code selector} is an expression whose value is
   * the index of the case group to enter ({@code switch (s) { case A -> 0; ... default -> 2; }}),
   * computed first; then the groups run in order, falling through as Java's do.
   */
  final class Switch implements Stmt {
    public final JumpTarget target;
    public final Condition selector;
    public final java.util.List<java.util.List<Stmt>> groups;
    /** Whether the cases are {@code case X ->} rules, which do not fall through. */
    public final boolean rules;

    public Switch(
        JumpTarget target,
        Condition selector,
        java.util.List<java.util.List<Stmt>> groups,
        boolean rules) {
      this.target = target;
      this.selector = selector;
      this.groups = java.util.List.copyOf(groups);
      this.rules = rules;
    }
  }
}
