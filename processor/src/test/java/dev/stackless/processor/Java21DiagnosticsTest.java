package dev.stackless.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.stackless.processor.Sources.assertOnlyError;
import static dev.stackless.processor.Sources.compile;
import static dev.stackless.processor.Sources.file;

import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;

/**
 * Diagnostics for pattern switches and record patterns, which need a Java 21 javac: {@code
 * .ci/run} runs this class on JDK 25 as well (line numbers as in {@link DiagnosticsTest}).
 */
@EnabledForJreRange(min = JRE.JAVA_21)
class Java21DiagnosticsTest {

  @Test
  void aPatternSwitchOnPrivateClassesWithACaseThatMayMatchAllIsAnError() {
    // the private class's case is guarded now: a default would be needed, and may not follow
    JavaFileObject src = file("Shapes", String.join("\n",
        "class Shapes {",
        "  private record Square(int side) {}",
        "  @Async static int run(Object o) {",
        "    suspend();",
        "    return switch (o) {",
        "      case Square s -> s.side();",
        "      case Object other -> 0;",      // 10, the type at 12
        "    };",
        "  }",
        "}"));
    assertOnlyError(src, "[Unsupported] a pattern switch on private classes with a case that may"
        + " match every value is not supported yet", 10, 12);
  }

  @Test
  void patternSwitchesWithSuspendingCasesCompile() {
    JavaFileObject src = file("Shapes", String.join("\n",
        "class Shapes {",
        "  record Square(int side) {}",
        "  @Async static int run(Object o, Frame<Integer> f) {",
        "    int r = switch (o) {",
        "      case Square(var side) when side > 1 -> side * await(f);",
        "      case Integer i -> { await(f); yield i; }",
        "      case null, default -> 0;",
        "    };",
        "    if (o instanceof Square(int side)) {",
        "      return await(f) + side;",
        "    }",
        "    return r;",
        "  }",
        "}"));
    assertThat(compile(src)).succeededWithoutWarnings();
  }

  @Test
  void aPrivateEnumConstantLabellingASwitchOnAnotherTypeIsAnError() {
    JavaFileObject src = file("Labels", String.join("\n",
        "class Labels {",
        "  private enum Color { RED, GREEN }",
        "  @Async static String run(Object o) {",
        "    suspend();",
        "    return switch (o) {",
        "      case Color.RED -> \"red\";",   // 9, the select at 17
        "      default -> \"other\";",
        "    };",
        "  }",
        "}"));
    assertOnlyError(src, "[Unsupported] a constant of the private enum Color as the label of a"
        + " switch on another type is not supported yet", 9, 17);
  }

  @Test
  void aVarTypedByAPatternSwitchOverThisOwnersFramesCompiles() {
    // javac cannot type v before PatternsAsync exists; the processor types it from the rules,
    // each pattern variable with its written type (fuzzer program seed -6558572079216037186)
    JavaFileObject src = file("Patterns", String.join("\n",
        "class Patterns {",
        "  @Async static int value(int v) { suspend(); return v; }",
        "  @Async static int run(Object o, int d) {",
        "    var v = switch (o) {",
        "      case Integer n -> n + (\"\" + await(PatternsAsync.value(d))).length();",
        "      case String s -> s.length() ^ d;",
        "      default -> d * d;",
        "    };",
        "    suspend();",
        "    return v;",
        "  }",
        "}"));
    assertThat(compile(src)).succeededWithoutWarnings();
  }

  @Test
  void suspensionInACaseGuardOfASwitchOnALocalCompiles() {
    JavaFileObject src = file("Guards", String.join("\n",
        "class Guards {",
        "  @Async static int run(Object o, Frame<Integer> f) {",
        "    switch (o) {",
        "      case Integer i when i > await(f) -> { return i; }",
        "      default -> { return 0; }",
        "    }",
        "  }",
        "}"));
    assertThat(compile(src)).succeededWithoutWarnings();
  }

  @Test
  void varInARawRecordPatternOfAGenericRecordIsAnErrorWhereAGenericSupertypeIsMatched() {
    JavaFileObject src = file("Boxes", String.join("\n",
        "class Boxes {",
        "  interface Holder<T> {}",
        "  record Box<T>(T content) implements Holder<T> {}",
        "  @Async static int run(Holder<String> box, Box<String> own, Object any) {",
        "    if (box instanceof Box<String>(var s)) { suspend(); return s.length(); }", // written
        "    if (own instanceof Box(var b)) { suspend(); return b.length(); }", // the selector's
        "    if (any instanceof Box(var o)) { suspend(); return o.hashCode(); }", // the bound
        "    if (box instanceof Box(var t)) { suspend(); return t.length(); }", // 11: Holder's T
        "    return 0;",
        "  }",
        "}"));
    assertOnlyError(src, "[Unsupported] the pattern variable t declared with var, whose record"
        + " component's type is not known here", 11, 32);
  }

  @Test
  void suspensionInACaseGuardOfASwitchOnAnExpressionIsAnError() {
    JavaFileObject src = file("Guards", String.join("\n",
        "class Guards {",
        "  static Object make() { return 1; }",
        "  @Async static int run(Frame<Integer> f) {",
        "    int made = switch (make()) {",                       // typed: its value is kept
        "      case Integer i when i > await(f) -> i;",
        "      default -> 0;",
        "    };",
        "    switch (java.util.List.of(made).stream().map(x -> x).findFirst().get()) {", // 11
        "      case Integer i when i > await(f) -> { return i; }",
        "      default -> { return 0; }",
        "    }",
        "  }",
        "}"));
    assertOnlyError(src, "[Unsupported] a suspension point in a case's guard, in a"
        + " switch whose selector is not a local variable and whose type is not known here,",
        11, 73);
  }

  @Test
  void varInAGenericRecordPatternIsAnError() {
    JavaFileObject src = file("Boxes", String.join("\n",
        "class Boxes {",
        "  record Box<T>(T content) {}",
        "  @Async static String run(java.util.List<Box<String>> b, Frame<Integer> f) {",
        "    switch (b.stream().map(x -> x).findFirst().get()) {", // javac's inference tells it
        "      case Box(var content) -> { await(f); return content; }", // 8
        "    }",
        "  }",
        "}"));
    assertOnlyError(src, "[Unsupported] the pattern variable content declared with"
        + " var, whose record component's type is not known here", 8, 20);
  }

  @Test
  void patternSwitchWithAGuardNestedInALargerExpressionNeedsItsType() {
    JavaFileObject src = file("Nested", String.join("\n",
        "class Nested {",
        "  static <T> T pick(java.util.function.Supplier<T> s) { return s.get(); }",
        "  @Async static int run(Object o, Frame<Integer> f, java.util.List<Integer> xs) {",
        "    return 1 + switch (o) {",
        "      case Integer i when i > 0 -> xs.stream().findFirst().get() + await(pick(() -> f));", // 8
        "      default -> 0;",
        "    };",
        "  }",
        "}"));
    assertOnlyError(src, "[Unsupported] a switch expression nested in a larger expression,"
        + " whose case suspends in a block, a throw or a guard, and whose type is not known"
        + " here (the value xs.stream().findFirst().get() + await(pick(() -> f))),", 8, 68);
  }
}
