package dev.stackless.tests;

import static dev.stackless.Keywords.*;

import dev.stackless.Async;
import dev.stackless.Frame;

/**
 * {@code instanceof} patterns whose variables live across suspension points, next to their plain
 * twins ({@link PatternsTest}).
 */
class Patterns {

  @Async
  static int inCondition(Sched s, Object o) {
    if (o instanceof String text && Flows.later(s, "len", text.length()) > 1) {
      return text.length() * 10 + Flows.later(s, "again", text.length());
    }
    return -1;
  }

  static int inConditionPlain(Sched s, Object o) {
    if (o instanceof String text && Flows.laterPlain(s, "len", text.length()) > 1) {
      return text.length() * 10 + Flows.laterPlain(s, "again", text.length());
    }
    return -1;
  }

  /** The binding's flow scope reaches past the if, and past a suspension point. */
  @Async
  static String flowScope(Sched s, Object o) {
    if (!(o instanceof Integer number)) {
      return "not a number";
    }
    Flows.later(s, "number", number);
    return "number " + (number + 1);
  }

  static String flowScopePlain(Sched s, Object o) {
    if (!(o instanceof Integer number)) {
      return "not a number";
    }
    Flows.laterPlain(s, "number", number);
    return "number " + (number + 1);
  }

  /** The matched value is awaited. */
  @Async
  static String ofAwaited(Sched s, Frame<Object> f, Object fallback) {
    Object other = fallback;
    if (await(f) instanceof String text && other instanceof Integer number) {
      Flows.later(s, "text", number);
      return "text " + text + number;
    }
    return "none";
  }

  static String ofAwaitedPlain(Sched s, Object awaited, Object fallback) {
    Object other = fallback;
    if (awaited instanceof String text && other instanceof Integer number) {
      Flows.laterPlain(s, "text", number);
      return "text " + text + number;
    }
    return "none";
  }

  /** A lambda made where the binding is in scope captures that iteration's value, as in Java. */
  @Async
  static String captured(Sched s, java.util.List<Object> items) {
    java.util.List<java.util.function.Supplier<String>> later = new java.util.ArrayList<>();
    for (Object o : items) {
      if (o instanceof String text) {
        later.add(() -> text + "!");
      }
      Flows.later(s, "item", 0);
    }
    StringBuilder out = new StringBuilder();
    for (java.util.function.Supplier<String> supplier : later) {
      out.append(supplier.get());
    }
    return out.toString();
  }

  static String capturedPlain(Sched s, java.util.List<Object> items) {
    java.util.List<java.util.function.Supplier<String>> later = new java.util.ArrayList<>();
    for (Object o : items) {
      if (o instanceof String text) {
        later.add(() -> text + "!");
      }
      Flows.laterPlain(s, "item", 0);
    }
    StringBuilder out = new StringBuilder();
    for (java.util.function.Supplier<String> supplier : later) {
      out.append(supplier.get());
    }
    return out.toString();
  }
}
