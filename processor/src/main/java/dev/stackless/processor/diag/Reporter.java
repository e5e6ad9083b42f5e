package dev.stackless.processor.diag;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.Trees;
import javax.annotation.processing.Messager;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic.Kind;

/**
 * Reports diagnostics on trees, so that line and column are the offending construct itself.
 * Records whether an error was reported, so that a method with errors is not emitted.
 */
public final class Reporter {
  private final Trees trees;
  private final Messager messager;
  private int errors;

  public Reporter(Trees trees, Messager messager) {
    this.trees = trees;
    this.messager = messager;
  }

  public void error(Tree tree, CompilationUnitTree unit, Diagnostic diagnostic, Object... args) {
    errors++;
    trees.printMessage(Kind.ERROR, diagnostic.format(args), tree, unit);
  }

  public void note(Tree tree, CompilationUnitTree unit, Diagnostic diagnostic, Object... args) {
    trees.printMessage(Kind.NOTE, diagnostic.format(args), tree, unit);
  }

  public void error(Element element, Diagnostic diagnostic, Object... args) {
    errors++;
    messager.printMessage(Kind.ERROR, diagnostic.format(args), element);
  }

  public int errorCount() {
    return errors;
  }
}
