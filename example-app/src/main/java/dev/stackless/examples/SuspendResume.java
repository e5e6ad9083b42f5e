package dev.stackless.examples;

import static dev.stackless.Keywords.*;

import dev.stackless.Async;
import java.io.PrintStream;

/** Seed 001, "Suspend / Resume": a suspend with no resume, and one with a resume. */
public final class SuspendResume {
  static int foo = 1;
  static int bar = 1;

  @Async
  static void func() {
    foo += 1; // 2
    suspend(); // 3
    foo += 1; // never reached!
  }

  @Async
  static void func2() {
    bar += 1; // 2
    suspend(); // 3
    bar += 1; // 5
  }

  static void suspendWithNoResume(PrintStream out) {
    foo = 1;
    SuspendResumeAsync.func(); // 1
    out.println("suspend with no resume: foo == " + foo); // 4
  }

  static void suspendWithResume(PrintStream out) {
    bar = 1;
    var frame = SuspendResumeAsync.func2(); // 1
    resume(frame); // 4
    out.println("suspend with resume: bar == " + bar); // 6
  }

  private SuspendResume() {}
}
