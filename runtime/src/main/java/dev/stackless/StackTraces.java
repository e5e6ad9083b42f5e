package dev.stackless;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Makes an exception thrown in a frame read like one thrown in the user's method: the generated
 * {@code OwnerAsync$F.step} lines become {@code Owner.method(Owner.java:42)}, and each frame that
 * awaits the failed one appears below it, innermost first, as callers do in a plain stack trace.
 */
final class StackTraces {
  private StackTraces() {}

  /**
   * Rewrites the elements of {@code frame}'s {@code step()}, and of the lambdas in it that carry
   * the rest of an expression past a suspension point, into the user's source lines; the {@code
   * Spill} calls between those lambdas and {@code step()} go, and so does a user line repeated
   * right below itself (the lambda's and step()'s, of one statement). True if {@code e}'s own
   * trace had such elements: it was made while the frame ran.
   */
  static boolean relocate(Throwable e, Frame<?> frame) {
    // and its causes and suppressed exceptions, thrown (and caught) in the body too
    java.util.Set<Throwable> seen =
        java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    java.util.ArrayDeque<Throwable> pending = new java.util.ArrayDeque<>(List.of(e));
    boolean relocated = false;
    while (!pending.isEmpty()) {
      Throwable next = pending.pop();
      if (seen.add(next) && seen.size() <= MAX_DEPTH) {
        relocated |= relocateOne(next, frame) && next == e;
        if (next.getCause() != null) {
          pending.push(next.getCause());
        }
        for (Throwable suppressed : next.getSuppressed()) {
          pending.push(suppressed);
        }
      }
    }
    return relocated;
  }

  /**
   * Whether {@code e}'s trace had lines of {@code frame}'s (now the user's lines); those of other
   * frames further down the stack are rewritten too, but do not count.
   */
  private static boolean relocateOne(Throwable e, Frame<?> frame) {
    StackTraceElement[] trace = e.getStackTrace();
    String generated = frame.getClass().getName();
    boolean changed = false;
    boolean hadOurs = false;
    List<StackTraceElement> out = new ArrayList<>(trace.length);
    StackTraceElement previousUser = null;
    // an ordinary override threw while the frame dispatched to it: the call was the override's
    boolean dispatching = frame.label == Frame.VIRTUAL_CALL;
    // the frames further down this thread's stack (which started or resumed this one) are at
    // the slots below this frame's
    Frame<?>[] running = Trampoline.current().running;
    int below = slotOf(frame, running);
    for (StackTraceElement element : trace) {
      boolean step = isStep(element.getMethodName());
      boolean ours = step && element.getClassName().equals(generated);
      int caller = step && !ours ? runningFrame(running, below, element.getClassName()) : -1;
      if (caller >= 0) {
        below = caller + 1; // what follows is this frame's or further down
        Frame<?> callerFrame = running[caller];
        int line = callerFrame.sourceLine(element.getLineNumber());
        if (line > 0) {
          changed = true;
          previousUser = addOnce(out, userElement(callerFrame, line), previousUser);
          continue;
        }
        if (previousUser != null && element.getMethodName().equals("step")) {
          changed = true; // the step() that called the part
          continue;
        }
      } else if (element.getClassName().startsWith(generated + "$")
          && frame.sourceLine(element.getLineNumber()) > 0) {
        // a method of a local or anonymous class of the body, which the frame class declares:
        // at the user's line, in a class named below the user's ({@code Owner$Checker})
        out.add(new StackTraceElement(
            frame.sourceClass() + element.getClassName().substring(generated.length()),
            element.getMethodName(), frame.sourceFile(),
            frame.sourceLine(element.getLineNumber())));
        changed = true;
        previousUser = null;
        continue;
      } else if (ours) {
        hadOurs = true;
        int line = frame.sourceLine(element.getLineNumber());
        if (line == 0 && previousUser != null && element.getMethodName().equals("step")) {
          changed = true; // the step() that called the part: plumbing
          continue;
        }
        if (line > 0) {
          changed = true;
          previousUser = addOnce(out, userElement(frame, line), previousUser);
          continue;
        }
        if (dispatching) {
          changed = true;
          continue;
        }
      } else if (out.isEmpty() && element.getClassName().equals(FOR_EACH)) {
        changed = true; // a for-each over null: Java's NPE is at the loop's line, on top
        continue;
      } else if (element.getClassName().startsWith(SPILL) && previousUser != null) {
        changed = true; // the plumbing between a continuation and step()
        continue;
      }
      previousUser = null;
      out.add(element);
    }
    if (changed) {
      e.setStackTrace(out.toArray(new StackTraceElement[0]));
    }
    return hadOurs;
  }

  /**
   * Adds the user's element unless it repeats the one right above it (the lambda's and step()'s
   * of one statement); returns it, the element above the next.
   */
  private static StackTraceElement addOnce(List<StackTraceElement> out, StackTraceElement user,
      StackTraceElement previous) {
    if (!user.equals(previous)) {
      out.add(user);
    }
    return user;
  }

  private static final String SPILL = "dev.stackless.internal.Spill";
  private static final String FOR_EACH = "dev.stackless.internal.ForEachCursor";

  /** Whether a method of a frame class is its {@code step()}, a part of it, or a lambda in it. */
  private static boolean isStep(String method) {
    return method.equals("step")
        || method.startsWith("step$") // a part of a split step()
        || method.startsWith("lambda$step$");
  }

  /** The slot of the innermost run stepping {@code frame} on this thread, or 0 if none is. */
  private static int slotOf(Frame<?> frame, Frame<?>[] running) {
    for (int i = running.length - 1; i >= 0; i--) {
      if (running[i] == frame) {
        return i;
      }
    }
    return 0;
  }

  /** The slot below {@code limit} of the innermost running frame of that class, or -1. */
  private static int runningFrame(Frame<?>[] running, int limit, String frameClass) {
    for (int i = limit - 1; i >= 0; i--) {
      if (running[i] != null && running[i].getClass().getName().equals(frameClass)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * The depth past which no awaiter is added: the JVM's default for the stack traces it records
   * ({@code -XX:MaxJavaStackTraceDepth}). Each addition copies the trace, so without a bound an
   * exception passing a chain of n awaiters would take time quadratic in n.
   */
  static final int MAX_DEPTH = 1024;

  /**
   * Adds the awaiting frame, at the line of its await, after the last element that belongs to
   * frames (the thrower's and earlier awaiters'), so awaiting frames read as its callers.
   */
  static void addAwaiter(Throwable e, Frame<?> awaiter) {
    int line = awaiter.suspensionLine();
    if (line <= 0 || awaiter.sourceFile() == null) {
      return;
    }
    StackTraceElement[] trace = e.getStackTrace();
    if (trace.length == 0 || trace.length >= MAX_DEPTH) {
      return; // stack traces are not writable for this exception, or it is deep enough
    }
    int at = 0;
    for (int i = 0; i < trace.length; i++) {
      String file = trace[i].getFileName();
      String type = trace[i].getClassName();
      if (type.equals(Frame.class.getName())) {
        break; // below here is whoever ran the frames
      }
      if (file != null && !type.startsWith("dev.stackless.internal.") && !type.contains("Async$")) {
        at = i + 1;
      }
    }
    List<StackTraceElement> out = new ArrayList<>(Arrays.asList(trace));
    StackTraceElement user = userElement(awaiter, line);
    int already = out.indexOf(user);
    if (already >= at && onlyPlumbingBetween(out, at, already)) {
      // the awaiter called the frame and is still below it on the stack (the frame failed before
      // it first suspended): its line is there already, with the start of the call above it
      out.subList(at, already).clear();
    } else {
      out.add(at, user);
    }
    e.setStackTrace(out.toArray(new StackTraceElement[0]));
  }

  /** Whether the elements from {@code from} to {@code to} are the runtime's and the factories'. */
  private static boolean onlyPlumbingBetween(List<StackTraceElement> trace, int from, int to) {
    for (StackTraceElement element : trace.subList(from, to)) {
      String type = element.getClassName();
      if (!type.startsWith("dev.stackless.") && !isFactoryClass(type)) {
        return false;
      }
    }
    return true;
  }

  /**
   * A generated class ({@code OwnerAsync}) or its {@code Calls} (a generic owner's overloads
   * called on one receiver; {@code CallsFrame}... when a name in scope is {@code Calls}).
   */
  private static boolean isFactoryClass(String type) {
    int calls = type.lastIndexOf("Async$Calls");
    return type.endsWith("Async") || calls >= 0
        && type.substring(calls + "Async$Calls".length()).replace("Frame", "").isEmpty();
  }

  private static StackTraceElement userElement(Frame<?> frame, int line) {
    String name = frame.asyncMethodName();
    return new StackTraceElement(frame.sourceClass(), name.substring(name.lastIndexOf('.') + 1),
        frame.sourceFile(), line);
  }
}
