package dev.stackless.tests;

import static dev.stackless.Keywords.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Exceptions from frames point at the user's source, with awaiting frames below, innermost first. */
class StackTraceTest {

  @Test
  void exceptionNamesTheUsersMethodsAndLines() {
    var frame = TracesAsync.outer(5);
    resume(Traces.parked);
    var e = assertThrows(IllegalStateException.class, () -> nosuspend(frame));
    List<String> elements = TraceElements.of(e);
    String owner = "dev.stackless.tests.Traces.";
    int fail = elements.indexOf(owner + "fail(Traces.java:13)");
    int inner = elements.indexOf(owner + "inner(Traces.java:22)");
    int outer = elements.indexOf(owner + "outer(Traces.java:27)");
    assertTrue(fail >= 0 && inner == fail + 1 && outer == inner + 1, String.join("\n", elements));
  }

  @Test
  void theFramesThatResumedTheFailedOneAreAtTheUsersLinesFurtherDown() throws Exception {
    var frame = TracesAsync.outer(5);
    var resumer = TracesAsync.resumesTheParked(); // resumes outer's inner, which fails
    var e = assertThrows(IllegalStateException.class, () -> nosuspend(frame));
    List<String> elements = TraceElements.of(e);
    String owner = "dev.stackless.tests.Traces.";
    int outer = elements.indexOf(owner + "outer(Traces.java:27)");
    int resumes = elements.indexOf(owner + "resumesTheParked(Traces.java:"
        + lineOf("RESUMES THE PARKED") + ")");
    assertTrue(outer >= 0 && resumes > outer, String.join("\n", elements));
    assertTrue(elements.stream().noneMatch(element -> element.contains(".step(")),
        String.join("\n", elements));
    assertTrue(resumer.isSuspended());
  }

  @Test
  void aCalleeThatFailsBeforeItSuspendsHasItsCallerBelowItOnceWithoutTheFactory()
      throws Exception {
    assertCallerOnceBelowTheCallee(TracesAsync.callsOneThatFailsAtOnce(),
        "Traces.failsAtOnce(Traces.java:" + lineOf("FAILS AT ONCE") + ")",
        "Traces.callsOneThatFailsAtOnce(Traces.java:" + lineOf("CALLS IT") + ")");
  }

  @Test
  void anOverloadOfAGenericClassCalledThroughItsCallsIsNoPlumbingInTheTrace() throws Exception {
    assertCallerOnceBelowTheCallee(TracesAsync.callsAnOverloadThatFailsAtOnce(),
        "Traces$Bin.put(Traces.java:" + lineOf("OVERLOAD FAILS AT ONCE") + ")",
        "Traces.callsAnOverloadThatFailsAtOnce(Traces.java:" + lineOf("CALLS THE OVERLOAD") + ")");
  }

  @Test
  void aFrameAwaitingInAStatementOverSeveralLinesIsAtTheLineOfTheCall() throws Exception {
    var frame = TracesAsync.awaitsOnTheSecondLineOfAStatement();
    int call = lineOf("AWAITS ON THE SECOND LINE");
    assertTrue(frame.toString().contains("at Traces.java:" + call), frame.toString());
    resume(Traces.parked); // inner fails
    var e = assertThrows(IllegalStateException.class, () -> nosuspend(frame));
    List<String> elements = TraceElements.of(e);
    String line = "dev.stackless.tests.Traces.awaitsOnTheSecondLineOfAStatement(Traces.java:"
        + call + ")";
    assertTrue(elements.contains(line), String.join("\n", elements));
  }

  @Test
  void anExceptionTheBodyCatchesIsAtTheUsersLinesThereAndStillGainsItsAwaitersWhenRethrown()
      throws Exception {
    Traces.caught.clear();
    var frame = TracesAsync.awaitsCatches(1);
    resume(Traces.parked); // fails after its suspension, then awaits inner
    resume(Traces.parked); // inner fails, catches rethrows
    var e = assertThrows(IllegalStateException.class, () -> nosuspend(frame));
    String owner = "dev.stackless.tests.Traces.";
    String fail = owner + "fail(Traces.java:13)";
    List<List<String>> seen = new java.util.ArrayList<>();
    Traces.caught.forEach(t -> seen.add(TraceElements.of(t)));
    assertEquals(3, seen.size());
    String[] lines = {"CAUGHT IN A PLAIN TRY", "CAUGHT AFTER A SUSPENSION"};
    for (int i = 0; i < lines.length; i++) {
      List<String> elements = seen.get(i);
      int thrown = elements.indexOf(fail);
      String at = owner + "catches(Traces.java:" + lineOf(lines[i]) + ")";
      assertTrue(thrown >= 0 && elements.indexOf(at) == thrown + 1, String.join("\n", elements));
      assertTrue(elements.stream().noneMatch(element -> element.contains(".step(")),
          String.join("\n", elements));
    }
    // the first ran as awaitsCatches started it: its caller is further down, at its line
    assertTrue(seen.get(0).indexOf(owner + "awaitsCatches(Traces.java:" + lineOf("AWAITS CATCHES")
        + ")") > seen.get(0).indexOf(fail) + 1, String.join("\n", seen.get(0)));
    List<String> escaped = TraceElements.of(e);
    int inner = escaped.indexOf(owner + "inner(Traces.java:22)");
    int catches = escaped.indexOf(owner + "catches(Traces.java:"
        + lineOf("CAUGHT FROM AN AWAITED FRAME") + ")");
    int awaits = escaped.indexOf(owner + "awaitsCatches(Traces.java:" + lineOf("AWAITS CATCHES")
        + ")");
    assertTrue(inner >= 0 && catches == inner + 1 && awaits == catches + 1,
        String.join("\n", escaped));
  }

  @Test
  void aReturnOverSeveralLinesIsAtTheLineThatThrows() throws Exception {
    var frame = TracesAsync.failsOnTheLastLineOfAReturn();
    resume(Traces.parked);
    var e = assertThrows(IllegalStateException.class, () -> nosuspend(frame));
    List<String> elements = TraceElements.of(e);
    String line = "dev.stackless.tests.Traces.failsOnTheLastLineOfAReturn(Traces.java:"
        + lineOf("RETURN'S LAST LINE") + ")";
    assertTrue(elements.contains(line), String.join("\n", elements));
  }

  /** Runs the parked frame, whose callee fails at once; its caller is right below it, once. */
  private static void assertCallerOnceBelowTheCallee(
      dev.stackless.Frame<Integer> frame, String callee, String caller) {
    resume(Traces.parked);
    var e = assertThrows(IllegalStateException.class, () -> nosuspend(frame));
    List<String> elements = TraceElements.of(e);
    String pkg = "dev.stackless.tests.";
    assertEquals(List.of(pkg + callee, pkg + caller), elements.subList(0, 2),
        String.join("\n", elements));
    assertEquals(1, elements.stream().filter((pkg + caller)::equals).count(),
        String.join("\n", elements));
    assertTrue(elements.stream().noneMatch(element -> element.contains("TracesAsync")
        || element.contains("dev.stackless.internal.Launch")), String.join("\n", elements));
  }

  @Test
  void anExceptionTheFrameMadeAndAStageBroughtBackLaterIsAtTheLineThatMadeIt() throws Exception {
    var frame = TracesAsync.awaitsWhatItMade();
    Traces.pending.completeExceptionally(Traces.made); // the frame resumes on this thread now
    var e = assertThrows(IllegalStateException.class, () -> nosuspend(frame));
    List<String> elements = TraceElements.of(e);
    assertEquals("dev.stackless.tests.Traces.awaitsWhatItMade(Traces.java:" + lineOf("MADE HERE")
        + ")", elements.get(0), String.join("\n", elements));
    assertTrue(elements.stream().noneMatch(element -> element.contains(".step(")),
        String.join("\n", elements));
  }

  @Test
  void aMethodOfALocalClassOfTheBodyIsAtTheUsersLine() throws Exception {
    var frame = TracesAsync.localClassThrows();
    resume(Traces.parked);
    var e = assertThrows(IllegalStateException.class, () -> nosuspend(frame));
    List<String> elements = TraceElements.of(e);
    String owner = "dev.stackless.tests.Traces";
    assertEquals(List.of(owner + "$Checker.check(Traces.java:" + lineOf("LOCAL THROWS") + ")",
            owner + ".localClassThrows(Traces.java:" + lineOf("CALLS THE LOCAL") + ")"),
        elements.subList(0, 2), String.join("\n", elements));
  }

  @Test
  void aForEachOverNullThrowsJavasExceptionAtTheLoopsLine() throws Exception {
    var overArray = assertThrows(NullPointerException.class,
        () -> nosuspend(TracesAsync.sumOf(null, null)));
    assertEquals("dev.stackless.tests.Traces.sumOf(Traces.java:" + lineOf("ITERATES NULL") + ")",
        TraceElements.of(overArray).get(0));
    assertTrue(overArray.getMessage().startsWith("Cannot read the array length"),
        overArray.getMessage());
    var overList = assertThrows(NullPointerException.class,
        () -> nosuspend(TracesAsync.sumOf(new int[0], null)));
    assertEquals("dev.stackless.tests.Traces.sumOf(Traces.java:" + lineOf("ITERATES A NULL LIST")
        + ")", TraceElements.of(overList).get(0));
    assertTrue(overList.getMessage().startsWith("Cannot invoke \"java.lang.Iterable.iterator()\""),
        overList.getMessage());
  }

  @Test
  void anExceptionMadeOnceKeepsItsStackTraceThroughEveryRun() {
    List<StackTraceElement> before = List.of(Traces.CLOSED.getStackTrace());
    for (int run = 0; run < 3; run++) {
      var frame = TracesAsync.handlesClosed();
      resume(Traces.parked);
      assertThrows(IllegalStateException.class, () -> nosuspend(frame));
    }
    assertEquals(before, List.of(Traces.CLOSED.getStackTrace()));
  }

  @Test
  void aFailedFramesAwaitersAddTheirLinesOnceWhenItsOutcomeIsReadAgain() {
    var frame = TracesAsync.outer(5);
    var first = TracesAsync.awaitsAgain(frame);
    resume(Traces.parked); // outer fails, and its awaiter with it: its line is added
    var e = assertThrows(IllegalStateException.class, () -> nosuspend(first));
    int length = e.getStackTrace().length;
    var again = TracesAsync.awaitsAgain(frame); // reads the outcome again: no caller of the throw
    assertThrows(IllegalStateException.class, () -> nosuspend(again));
    assertEquals(length, e.getStackTrace().length);
  }

  @Test
  void unboxingANullResultThrowsJavasExceptionAtTheUsersLine() {
    var frame = TracesAsync.unboxesNothing();
    resume(Traces.parked);
    var e = assertThrows(NullPointerException.class, () -> nosuspend(frame));
    assertTrue(e.getMessage().startsWith("Cannot invoke \"java.lang.Integer.intValue()\""),
        e.getMessage());
    StackTraceElement top = e.getStackTrace()[0];
    assertEquals("dev.stackless.tests.Traces.unboxesNothing(Traces.java:135)",
        top.getClassName() + "." + top.getMethodName() + "(" + top.getFileName() + ":"
            + top.getLineNumber() + ")");
  }

  @Test
  void aNestedOwnerIsNamedByItsBinaryName() {
    var frame = Traces_NestedAsync.fails();
    resume(Traces.parked);
    var e = assertThrows(IllegalStateException.class, () -> nosuspend(frame));
    StackTraceElement top = e.getStackTrace()[0];
    assertEquals("dev.stackless.tests.Traces$Nested.fails", top.getClassName() + "."
        + top.getMethodName());
    assertTrue(frame.toString().startsWith("dev.stackless.tests.Traces.Nested.fails"),
        frame.toString()); // messages keep the name as the source writes it
  }

  @Test
  void anExceptionInTheRestOfAnExpressionIsAtTheUsersLineOnTop() {
    var frame = TracesAsync.dividedAfterASuspension(0);
    resume(Traces.parked);
    var e = assertThrows(ArithmeticException.class, () -> nosuspend(frame));
    StackTraceElement[] trace = e.getStackTrace();
    assertEquals("dev.stackless.tests.Traces.dividedAfterASuspension(Traces.java:41)",
        trace[0].getClassName() + "." + trace[0].getMethodName() + "(" + trace[0].getFileName()
            + ":" + trace[0].getLineNumber() + ")");
    // the continuation's plumbing is gone, and the line is there once
    assertTrue(!trace[1].getClassName().startsWith("dev.stackless.internal.Spill")
        && !trace[1].equals(trace[0]), trace[1].toString());
  }

  @Test
  void aSwitchBlockTheFrameRunsInsideAnExpressionIsAtTheUsersLines() throws Exception {
    var frame = TracesAsync.switchBlock(0);
    assertTrue(frame.toString().contains("at Traces.java:" + lineOf("SWITCH SUSPENDS")),
        frame.toString());
    resume(Traces.parked);
    var e = assertThrows(ArithmeticException.class, () -> nosuspend(frame));
    StackTraceElement top = e.getStackTrace()[0];
    assertEquals("dev.stackless.tests.Traces.switchBlock(Traces.java:" + lineOf("SWITCH THROWS")
        + ")", top.getClassName() + "." + top.getMethodName() + "(" + top.getFileName() + ":"
            + top.getLineNumber() + ")");
  }

  /** The line of Traces.java that holds {@code marker}. */
  private static int lineOf(String marker) throws java.io.IOException {
    List<String> lines = java.nio.file.Files.readAllLines(
        java.nio.file.Path.of("src/test/java/dev/stackless/tests/Traces.java"));
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains("// " + marker)) {
        return i + 1;
      }
    }
    throw new AssertionError("no line with " + marker);
  }

  @ParameterizedTest
  @CsvSource({"0, 49", "1, 51", "2, 57", "3, 61", "4, 68"})
  void aStatementNestedInOneOverLinesIsAtItsOwnLine(int which, int line) {
    var frame = TracesAsync.nested(which);
    resume(Traces.parked);
    var e = assertThrows(IllegalStateException.class, () -> nosuspend(frame));
    StackTraceElement user = null;
    for (StackTraceElement element : e.getStackTrace()) {
      if (element.getMethodName().startsWith("nested") || element.getMethodName().contains("lambda")
          && element.getClassName().equals("dev.stackless.tests.Traces")) {
        user = element;
        break;
      }
    }
    assertEquals("Traces.java:" + line, user.getFileName() + ":" + user.getLineNumber(),
        java.util.Arrays.toString(e.getStackTrace()));
  }

  @Test
  void theCauseOfAnExceptionIsAtTheUsersLineToo() {
    var frame = TracesAsync.wrapped(null);
    resume(Traces.parked);
    var e = assertThrows(IllegalStateException.class, () -> nosuspend(frame));
    StackTraceElement cause = e.getCause().getStackTrace()[0];
    assertEquals("dev.stackless.tests.Traces.wrapped(Traces.java:81)", cause.getClassName() + "."
        + cause.getMethodName() + "(" + cause.getFileName() + ":" + cause.getLineNumber() + ")");
  }

  @Test
  void anOwnerWhoseInitializerFailsFailsAsAStaticCallWould() {
    assertThrows(ExceptionInInitializerError.class, () -> Traces_BrokenAsync.value());
    var again = assertThrows(NoClassDefFoundError.class, () -> Traces_BrokenAsync.value());
    assertTrue(again.getMessage().contains("dev.stackless.tests.Traces$Broken"), again.getMessage());
  }

  @Test
  void toStringNamesTheSuspensionPoint() {
    var frame = TracesAsync.inner(1);
    assertTrue(frame.toString().startsWith(
        "dev.stackless.tests.Traces.inner{SUSPENDED at Traces.java:18}@"), frame.toString());
    var outer = TracesAsync.outer(1);
    assertTrue(outer.toString().startsWith(
        "dev.stackless.tests.Traces.outer{AWAITING at Traces.java:27}@"), outer.toString());
    resume(Traces.parked); // inner throws
    assertTrue(outer.toString().startsWith(
        "dev.stackless.tests.Traces.outer{FAILED with java.lang.IllegalStateException}@"),
        outer.toString());
    var zero = TracesAsync.zero();
    resume(Traces.parked);
    assertEquals("COMPLETED", zero.toString().replaceAll(".*\\{(\\w+)\\}.*", "$1"));
  }
}
