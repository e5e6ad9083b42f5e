package dev.stackless.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.stackless.processor.Sources.compile;
import static dev.stackless.processor.Sources.file;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The generated source: it compiles without warnings, it is byte-identical from one run to the
 * next, and for a few shapes it matches a golden file that guards readability. Behaviour is
 * tested by running code (module {@code tests}), not here.
 *
 * <p>Regenerate the goldens with {@code -Dstackless.goldens=write}.
 */
class GeneratedSourceTest {
  private static final Path GOLDENS = Paths.get("src/test/resources/goldens");

  private static final String STRAIGHT_LINE = String.join("\n",
      "public class Counter {",
      "  static int count;",
      "  @Async static int tick(int by) {",
      "    count += by;",
      "    suspend();",
      "    int now = count;",
      "    suspend(self -> { count++; });",
      "    return now;",
      "  }",
      "}");

  private static final String LOOP = String.join("\n",
      "import java.util.List;",
      "public class Summer {",
      "  final List<Integer> xs;",
      "  Summer(List<Integer> xs) { this.xs = xs; }",
      "  @Async int sum(int limit) {",
      "    int total = 0;",
      "    for (int x : xs) {",
      "      if (total > limit) break;",
      "      total += x;",
      "      suspend();",
      "    }",
      "    return total;",
      "  }",
      "}");

  private static final String CALLS = String.join("\n",
      "public class Chain {",
      "  @Async static <T> T id(T value) { suspend(); return value; }",
      "  @Async static String twice(String s) {",
      "    String a = id(s);",
      "    var b = id(a + s);",
      "    if (id(b.isEmpty())) return \"\";",
      "    return b;",
      "  }",
      "}");

  @Test
  void straightLineMatchesGolden() {
    assertGolden("Counter", STRAIGHT_LINE, "demo.CounterAsync");
  }

  @Test
  void loopMatchesGolden() {
    assertGolden("Summer", LOOP, "demo.SummerAsync");
  }

  @Test
  void callsMatchGolden() {
    assertGolden("Chain", CALLS, "demo.ChainAsync");
  }

  @Test
  void aBuildWithEveryLintWarningAnErrorCompilesTheGeneratedCode() {
    // (int) (x) returned from step(), fall-through between states, @Async unclaimed: warnings
    JavaFileObject src = file("Linted", String.join("\n",
        "class Linted {",
        "  private int seen;",
        "  @Async static int twice(int x) { suspend(); suspend(); return x; }",
        "  @Async <T> java.util.List<T> collect(int n, T t) {",
        "    java.util.List<T> all = new java.util.ArrayList<>();",
        "    for (int i = 0; i < n; i++) {",
        "      switch (twice(i) % 3) {",
        "        case 0: all.add(t); break;",
        "        case 1: seen++; break;",
        "        default: suspend();",
        "      }",
        "    }",
        "    try { suspend(); } finally { seen += all.size(); }",
        "    return all;",
        "  }",
        "}"));
    Compilation c = com.google.testing.compile.Compiler.javac()
        .withProcessors(new AsyncProcessor()).withOptions("-Xlint:all", "-Werror").compile(src);
    assertThat(c).succeededWithoutWarnings();
  }

  @Test
  void outputIsDeterministic() {
    String first = generated(compile(file("Summer", LOOP)), "demo.SummerAsync");
    String second = generated(compile(file("Summer", LOOP)), "demo.SummerAsync");
    assertThat(second).isEqualTo(first);
  }

  @Test
  void aLargeFilesLineTableIsWrittenAsStringsTheClassInitializerCanHold() {
    StringBuilder body = new StringBuilder("public class Big {\n");
    for (int m = 0; m < 150; m++) {
      body.append("  @Async static int m").append(m).append("(int a) {\n");
      for (int i = 0; i < 20; i++) {
        body.append("    a = a * 3 + ").append(i).append(";\n    suspend();\n");
      }
      body.append("    return a;\n  }\n");
    }
    Compilation c = compile(file("Big", body.append("}").toString()));
    assertThat(c).succeededWithoutWarnings();
    assertThat(generated(c, "demo.BigAsync"))
        .contains("private static final int[] LINES = dev.stackless.internal.LineTable.decode(");
  }

  @Test
  void continuationsOfPrimitiveResultsDeclareTheirParametersType() {
    // javac infers an implicit lambda's types again inside each one around it: a sum of twelve
    // calls took javac minutes; typed parameters take it a second
    Compilation c = compile(file("Sum", String.join("\n",
        "public class Sum {",
        "  @Async static int v(int x) { suspend(); return x; }",
        "  @Async static int run() { return v(1) + v(2) + v(3); }",
        "}")));
    assertThat(c).succeededWithoutWarnings();
    assertThat(generated(c, "demo.SumAsync"))
        .contains(".bind((java.lang.Integer $r1) -> { var $t2 = $r1.intValue();");
  }

  @Test
  void aMethodPastJavacsSixtyFourKilobytesIsSplitIntoStepParts() {
    // 1,500 suspension points: one step() would be javac's "code too large"
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < 1500; i++) {
      body.append("    x += id(").append(i).append(");\n");
    }
    Compilation c = compile(file("Big", String.join("\n",
        "public class Big {",
        "  @Async static int id(int i) { suspend(); return i; }",
        "  @Async static long big() {",
        "    long x = 0;",
        body.toString(),
        "    return x;",
        "  }",
        "}")));
    assertThat(c).succeededWithoutWarnings();
    String generated = generated(c, "demo.BigAsync");
    assertThat(generated).contains("Object step$1() throws Throwable {");
    assertThat(generated).contains("$result = step$2()");
    assertThat(generated).contains("if ($result != NEXT_PART) return $result;");
  }

  @Test
  void safeVarargsCarriesOverSoLintFindsNothingInTheGeneratedCode() {
    Compilation c = com.google.testing.compile.Compiler.javac()
        .withProcessors(new AsyncProcessor())
        .withOptions("-Xlint:unchecked,varargs")
        .compile(file("Bag", String.join("\n",
            "public class Bag {",
            "  @SafeVarargs @Async static <T> int count(T... items) { suspend(); return items.length; }",
            "  @SafeVarargs @Async final <T> int size(T... items) { suspend(); return items.length; }",
            "}")));
    assertThat(c).succeededWithoutWarnings();
    assertThat(generated(c, "demo.BagAsync")).contains("@SafeVarargs");
  }

  @Test
  void nestedOwnerGetsFlattenedName() {
    Compilation c = compile(file("Outer", String.join("\n",
        "public class Outer {",
        "  public static class Inner {",
        "    @Async public static int one() { suspend(); return 1; }",
        "  }",
        "}")));
    assertThat(c).succeededWithoutWarnings();
    assertThat(c).generatedSourceFile("demo.Outer_InnerAsync");
  }

  @Test
  void localsNamedLikeAnImportedPackageDoNotHideItInTheGeneratedCode() {
    JavaFileObject helper = com.google.testing.compile.JavaFileObjects.forSourceString("h.S",
        String.join("\n",
            "package h;",
            "import static dev.stackless.Keywords.*;",
            "import dev.stackless.*;",
            "public class S {",
            "  @Async public static int vi(int v) { suspend(); return v; }",
            "}"));
    JavaFileObject user = com.google.testing.compile.JavaFileObjects.forSourceString("demo.Heights",
        String.join("\n",
            "package demo;",
            "import static dev.stackless.Keywords.*;",
            "import dev.stackless.*;",
            "import h.*;",
            "public class Heights {",
            "  @Async static int heights(int h) {",
            "    int w = 5;",
            "    suspend();",
            "    return S.vi(2) * h + w;", // h, a field of the frame, would hide the package h
            "  }",
            "}"));
    Compilation c = compile(helper, user);
    assertThat(c).succeededWithoutWarnings();
    assertThat(generated(c, "demo.HeightsAsync")).contains("h.SAsync.vi(2)");
  }

  @Test
  void classesOfTheOwnersPackageNamedLikeJavaLangOnesDoNotHideThem() {
    JavaFileObject object = com.google.testing.compile.JavaFileObjects.forSourceString(
        "demo.Object", "package demo; public final class Object { public String s = \"ok\"; }");
    JavaFileObject throwable = com.google.testing.compile.JavaFileObjects.forSourceString(
        "demo.Throwable", "package demo; public final class Throwable { static String boom() {"
            + " return \"!\"; } }");
    JavaFileObject user = file("Uses", String.join("\n",
        "public class Uses {",
        "  @Async static String one() { suspend(); return \"ok\"; }",
        "  @Async static String run() {",
        "    Object o = new Object();",   // demo.Object: the generated code names java.lang.Object in full
        "    String s = one();",
        "    try { return o.s + s + Throwable.boom(); } finally { suspend(); }",
        "  }",
        "}"));
    Compilation c = compile(object, throwable, user);
    assertThat(c).succeededWithoutWarnings();
    assertThat(generated(c, "demo.UsesAsync")).contains("protected java.lang.Object step()");
  }

  @Test
  void overloadsGetFrameClassesNamedByParameters() {
    Compilation c = compile(file("Over", String.join("\n",
        "public class Over {",
        "  @Async static int f(int a) { suspend(); return a; }",
        "  @Async static int f(String s, int a) { suspend(); return a; }",
        "}")));
    assertThat(c).succeededWithoutWarnings();
    String source = generated(c, "demo.OverAsync");
    assertThat(source).contains("public static final class FInt ");
    assertThat(source).contains("public static final class FStringInt ");
  }

  @Test
  void overloadsWhoseFrameClassNamesWouldClashGetDistinctOnes() {
    Compilation c = compile(file("Clash", String.join("\n",
        "public class Clash {",
        "  @Async static int get(int a) { suspend(); return a; }",
        "  @Async static int get(String s) { suspend(); return 1; }",
        "  @Async static int getInt() { suspend(); return 2; }",
        "  @Async static int size(java.util.List<String> a) { suspend(); return 3; }",
        "  @Async static int size(java.awt.List a) { suspend(); return 4; }",
        "}")));
    assertThat(c).succeededWithoutWarnings();
    String source = generated(c, "demo.ClashAsync");
    assertThat(source).contains("public static final class GetInt ");
    assertThat(source).contains("static GetInt getInt()");
    assertThat(source).contains("static GetInt2 get(int a)");
    assertThat(source).contains("public static final class GetString ");
    assertThat(source).contains("static SizeJavaUtilList size(java.util.List<java.lang.String> a)");
    assertThat(source).contains("static SizeJavaAwtList size(java.awt.List a)");
  }

  @Test
  void frameClassesNeverTakeANameTheGeneratedClassMustWrite() {
    Compilation c = compile(file("Names", String.join("\n",
        "public class Names<E> {",
        "  @Async static <T> T t(T x) { suspend(); return x; }",
        "  @Async E e(E x) { suspend(); return x; }",
        "  @Async static int generated() { suspend(); return 1; }",
        "  @Async static int namesAsync() { suspend(); return 2; }",
        "  @Async static int names() { suspend(); return 3; }",
        "}")));
    assertThat(c).succeededWithoutWarnings();
    String source = generated(c, "demo.NamesAsync");
    assertThat(source).contains("public static final class TFrame<T> ");
    assertThat(source).contains("public static final class EFrame<E> ");
    assertThat(source).contains("public static final class GeneratedFrame ");
    assertThat(source).contains("public static final class NamesAsyncFrame ");
    // in a named package the owner's name can be written qualified, so its frame keeps the name
    assertThat(source).contains("public static final class Names ");
  }

  @Test
  void overloadsOfAGenericOwnerAreCalledThroughItsCallsWhereJavacChoosesAsForTheMethods() {
    Compilation c = com.google.testing.compile.Compiler.javac()
        .withProcessors(new AsyncProcessor())
        .withOptions("-Xlint:unchecked,varargs")
        .compile(file("Box", String.join("\n",
            "public class Box<T> {",
            "  @Async int put(T item) { suspend(); return 1; }",
            "  @Async int put(String receiver) { suspend(); return 2; }",
            "  @SafeVarargs @Async final int put(T first, T... more) { suspend(); return 3; }",
            "  @Async int calls() { suspend(); return 4; }",
            "  @Async static int use(Box<Object> any) { return any.put(\"s\") + any.put(5); }",
            "}")));
    assertThat(c).succeededWithoutWarnings();
    String source = generated(c, "demo.BoxAsync");
    assertThat(source).contains("public static final class Calls<T> {");
    assertThat(source).contains("final PutString<T> put(java.lang.String receiver) {");
    assertThat(source).contains("return BoxAsync.<T>put(this.receiver, receiver);");
    assertThat(source).contains("new demo.BoxAsync.Calls<>(any).put(\"s\")");
    // the method calls() keeps clear of the class
    assertThat(source).contains("public static final class CallsFrame<T> ");
  }

  @Test
  void inTheUnnamedPackageFrameClassesNeverHideItsClasses() {
    JavaFileObject src = JavaFileObjects.forSourceString("Shop", String.join("\n",
        "import static dev.stackless.Keywords.*;",
        "import dev.stackless.Async;",
        "class Item { int price = 3; }",
        "public class Shop {",
        "  static int stock = 4;",
        "  @Async static int item(Item i) { suspend(); return new Item().price + i.price; }",
        "  @Async static int shop() { suspend(); return Shop.stock; }",
        "  @Async static int otherAsync() { suspend(); return 1; }",
        "  @Async static int fetch() { suspend(); return 2; }",
        "  static ShopAsync.ItemFrame use() { return ShopAsync.item(new Item()); }",
        "}"));
    Compilation c = compile(src);
    assertThat(c).succeededWithoutWarnings();
    String source = generated(c, "ShopAsync");
    assertThat(source).contains("public static final class ItemFrame ");
    assertThat(source).contains("public static final class ShopFrame ");
    assertThat(source).contains("public static final class OtherAsyncFrame ");
    assertThat(source).contains("public static final class Fetch ");
  }

  private static void assertGolden(String name, String body, String generatedName) {
    JavaFileObject src = file(name, body);
    Compilation c = compile(src);
    assertThat(c).succeededWithoutWarnings();
    String actual = generated(c, generatedName);
    Path golden = GOLDENS.resolve(generatedName + ".java");
    try {
      if ("write".equals(System.getProperty("stackless.goldens"))) {
        Files.createDirectories(golden.getParent());
        Files.writeString(golden, actual, StandardCharsets.UTF_8);
      }
      assertThat(actual).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String generated(Compilation c, String name) {
    try {
      return c.generatedSourceFile(name).orElseThrow().getCharContent(true).toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
