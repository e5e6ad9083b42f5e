package dev.stackless.processor.diag;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.Trees;
import java.util.ArrayList;
import java.util.List;
import javax.annotation.processing.Messager;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic.Kind;

/**
 * Reports diagnostics on trees, so that line and column are the offending construct itself.
 * Records whether an error was reported, so that a method with errors is not emitted. A
 * {@linkplain #held() held} reporter keeps its messages until {@link #flush()}, for an attempt
 * that may be dropped and retried in a later round.
 */
public final class Reporter {
  private final Trees trees;
  private final Messager messager;
  /** Messages not printed yet, or null when messages print at once. */
  private final List<Runnable> held;
  private int errors;
  /** The errors reported on trees, by place and text: a construct read twice reports once. */
  private final java.util.Set<String> printed = new java.util.HashSet<>();

  public Reporter(Trees trees, Messager messager) {
    this(trees, messager, null);
  }

  private Reporter(Trees trees, Messager messager, List<Runnable> held) {
    this.trees = trees;
    this.messager = messager;
    this.held = held;
  }

  /** A reporter to the same place that prints nothing until {@link #flush()}. */
  public Reporter held() {
    return new Reporter(trees, messager, new ArrayList<>());
  }

  /** Prints what a held reporter kept. */
  public void flush() {
    if (held != null) {
      held.forEach(Runnable::run);
      held.clear();
    }
  }

  public void error(Tree tree, CompilationUnitTree unit, Diagnostic diagnostic, Object... args) {
    errors++;
    String message = diagnostic.format(args);
    long at = trees.getSourcePositions().getStartPosition(unit, tree);
    if (printed.add(unit.getSourceFile().toUri() + ":" + at + ":" + message)) { // said once
      print(() -> trees.printMessage(Kind.ERROR, message, tree, unit));
    }
  }

  public void note(Tree tree, CompilationUnitTree unit, Diagnostic diagnostic, Object... args) {
    print(() -> trees.printMessage(Kind.NOTE, diagnostic.format(args), tree, unit));
  }

  public void error(Element element, Diagnostic diagnostic, Object... args) {
    errors++;
    print(() -> messager.printMessage(Kind.ERROR, diagnostic.format(args), element));
  }

  public int errorCount() {
    return errors;
  }

  private void print(Runnable message) {
    if (held == null) {
      message.run();
    } else {
      held.add(message);
    }
  }
}
