package dev.stackless.tests;

import java.util.ArrayList;
import java.util.List;

/** An exception's stack trace as {@code Class.method(File:line)} strings, for assertions. */
final class TraceElements {
  private TraceElements() {}

  static List<String> of(Throwable e) {
    List<String> elements = new ArrayList<>();
    for (StackTraceElement element : e.getStackTrace()) {
      elements.add(element.getClassName() + "." + element.getMethodName() + "("
          + element.getFileName() + ":" + element.getLineNumber() + ")");
    }
    return elements;
  }
}
