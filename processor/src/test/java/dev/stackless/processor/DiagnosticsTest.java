package dev.stackless.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.stackless.processor.Sources.assertOnlyError;
import static dev.stackless.processor.Sources.compile;
import static dev.stackless.processor.Sources.file;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * One test per diagnostic, at its line and column (line 1-3 of each file are the package and the
 * imports {@link Sources#file} adds, so the body's first line is line 4).
 */
class DiagnosticsTest {

  @Test
  void suspendOutsideAsyncIsAnError() {
    JavaFileObject src = file("Plain", String.join("\n",
        "class Plain {",                 // 4
        "  static void run() {",         // 5
        "    suspend();",                // 6
        "  }",
        "}"));
    Compilation c = compile(src);
    assertThat(c).hadErrorContaining("[SuspendOutsideAsync] suspend() is a suspension point")
        .inFile(src).onLine(6).atColumn(5);
    assertThat(c).hadNoteContaining("the enclosing method run is not @Async")
        .inFile(src).onLine(5).atColumn(15);
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void aVarThatJavacsEarlyAttributionCannotTypeIsAnErrorAtItsName() {
    // javac 17's Trees.getScope fails on `c ? 5L : half(n)` in an instance method (BodyReader)
    JavaFileObject src = file("Owner", String.join("\n",
        "class Owner {",                                // 4
        "  @Async int half(int n) { return n / 2; }",
        "  @Async long run(int n) {",
        "    long v = n < 1 ? 5L : half(n);",
        "    var list = java.util.List.of(n, \"a\");",    // 8: Integer and String, no plain type
        "    suspend();",
        "    return v + list.size();",
        "  }",
        "}"));
    if (Runtime.version().feature() >= 21) {
      // javac 21+ attributes the copy without failing: the var has javac's type, a List of an
      // intersection, each read typed by its initializer again (Results.typedAs)
      assertThat(compile(src)).succeededWithoutWarnings();
      return;
    }
    assertOnlyError(src, "[Unsupported] this var, which javac could not type", 8, 9);
  }

  @Test
  void aProtectedSuperFieldOfAClassInAnotherPackageGoesThroughAnAccessor() {
    JavaFileObject base = com.google.testing.compile.JavaFileObjects.forSourceString("other.Base",
        "package other;\npublic class Base { protected int count; public int open; }");
    JavaFileObject src = file("Owner", String.join("\n",
        "class Owner extends other.Base {",            // 4
        "  @Async int run() {",
        "    suspend();",
        "    return super.open + super.count;",         // 7
        "  }",
        "}"));
    Compilation c = compile(base, src);
    assertThat(c).succeeded(); // ProtectedsTest runs such fields against plain Java
    assertThat(c).generatedSourceFile("demo.OwnerAsync").contentsAsUtf8String()
        .contains("OwnerAsync.Base$count$get($this)");
  }

  @Test
  void aProtectedClassOfAnotherPackageIsAnErrorAtItsFirstUse() {
    JavaFileObject base = com.google.testing.compile.JavaFileObjects.forSourceString("other.Base",
        "package other;\npublic class Base { protected interface Visitor { String visit(); } }");
    JavaFileObject src = file("Owner", String.join("\n",
        "class Owner extends other.Base {",            // 4
        "  @Async String run() {",
        "    Visitor v = () -> \"v\";",                  // 6: the frame's field could not name it
        "    suspend();",
        "    return v.visit();",
        "  }",
        "}"));
    Compilation c = compile(base, src);
    assertThat(c).hadErrorContaining("[Unsupported] the protected class"
        + " other.Base.Visitor of another package, which the generated class (no subclass of"
        + " Base) cannot name,").inFile(src).onLine(6).atColumn(5);
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void aProtectedClassOfAnotherPackageMadeInOneStatementIsAnErrorToo() {
    JavaFileObject base = com.google.testing.compile.JavaFileObjects.forSourceString("other.Base",
        "package other;\npublic class Base { protected static class Meta { public String v = \"m\";"
            + " public Meta() {} } }");
    JavaFileObject src = file("Owner", String.join("\n",
        "class Owner extends other.Base {",            // 4
        "  @Async String run() {",
        "    suspend();",
        "    return new Meta().v;",                     // 7: the generated class may not name it
        "  }",
        "}"));
    Compilation c = compile(base, src);
    assertThat(c).hadErrorContaining("[Unsupported] the protected class other.Base.Meta")
        .inFile(src).onLine(7).atColumn(16);
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void aLambdaOfAnInterfaceWhoseMethodTakesAPrivateClassIsAnErrorAtTheLambda() {
    JavaFileObject src = file("Owner", String.join("\n",
        "class Owner {",                                 // 4
        "  private record Op(int amount) {}",
        "  interface Audit { String audit(Op op); }",
        "  static String describe(Op op) { return \"d\" + op.amount(); }",
        "  @Async static String run() {",
        "    java.util.function.Function<Op, Integer> fine = op -> op.amount();", // 9: stand-in
        "    Audit au = op -> \"amt\" + op.amount();",     // 10
        "    suspend();",
        "    Audit ref = Owner::describe;",               // 12
        "    return au.audit(new Op(fine.apply(new Op(2)))) + ref.audit(new Op(3));",
        "  }",
        "}"));
    Compilation c = compile(src);
    assertThat(c).hadErrorContaining("[Unsupported] a lambda of Audit, whose audit takes or"
        + " returns a private class,").inFile(src).onLine(10).atColumn(16);
    assertThat(c).hadErrorContaining("[Unsupported] a method reference of Audit")
        .inFile(src).onLine(12).atColumn(17);
    assertThat(c).hadErrorCount(2);
  }

  @Test
  void aLambdaPassedAsATypeVariableWithoutATargetIsAnErrorAtTheLambda() {
    JavaFileObject src = file("Untyped", String.join("\n",
        "class Untyped {",                                       // 4
        "  static <T> T id(T t) { return t; }",
        "  @Async static <T> T later(T v) { suspend(); return v; }",
        "  @Async static String run() {",
        "    java.util.function.Supplier<String> s = id(later(() -> \"x\"));", // typed: id's target
        "    return String.valueOf(id(later(() -> \"y\")).get()) + s.get();", // 9, at 36
        "  }",
        "}"));
    assertOnlyError(src, "[Unsupported] a lambda or method reference passed as the type variable"
        + " T of later, where the call's target", 9, 36);
  }

  @Test
  void awaitOutsideAsyncIsAnError() {
    JavaFileObject src = file("Plain", String.join("\n",
        "class Plain {",
        "  static int run(Frame<Integer> f) {",
        "    return await(f) + 1;",      // 6
        "  }",
        "}"));
    assertOnlyError(src, "[SuspendOutsideAsync] await()", 6, 12);
  }

  @Test
  void frameOutsideAsyncIsAnError() {
    JavaFileObject src = file("Plain", String.join("\n",
        "class Plain {",
        "  static AnyFrame run() {",
        "    return frame();",           // 6
        "  }",
        "}"));
    assertOnlyError(src, "[SuspendOutsideAsync] frame()", 6, 12);
  }

  @Test
  void suspendInFieldInitializerIsAnError() {
    JavaFileObject src = file("Plain", String.join("\n",
        "class Plain {",
        "  static AnyFrame f = frame();",  // 5
        "}"));
    assertOnlyError(src, "[SuspendOutsideAsync] frame()", 5, 23);
  }

  @Test
  void suspendInConstructorIsAnError() {
    JavaFileObject src = file("Ctor", String.join("\n",
        "class Ctor {",
        "  Ctor() {",
        "    suspend();",                // 6
        "  }",
        "}"));
    assertOnlyError(src, "[SuspendOutsideAsync] suspend() is a suspension point and may only"
        + " appear in an @Async method; a constructor cannot suspend", 6, 5);
  }

  @Test
  void suspendInALambdaOfAPlainMethodIsALambdaError() {
    JavaFileObject src = file("Plain", String.join("\n",
        "class Plain {",
        "  static Runnable run() {",
        "    return () -> suspend();",   // 6
        "  }",
        "}"));
    assertOnlyError(src, "[SuspendInLambda] cannot suspend inside a lambda body", 6, 18);
  }

  @Test
  void suspendInStaticInitializerIsAnError() {
    JavaFileObject src = file("Init", String.join("\n",
        "class Init {",
        "  static {",
        "    suspend();",                // 6
        "  }",
        "}"));
    assertOnlyError(src, "[SuspendOutsideAsync] suspend() is a suspension point and may only"
        + " appear in an @Async method; an initializer cannot suspend", 6, 5);
  }

  @Test
  void directCallOfAsyncMethodFromPlainCodeIsAnError() {
    JavaFileObject src = file("Calls", String.join("\n",
        "class Calls {",
        "  @Async static int work() { suspend(); return 1; }",
        "  static void run() {",
        "    int x = work();",           // 7
        "  }",
        "}"));
    assertOnlyError(src, 
        "[AsyncCallOutsideAsync] work is an @Async method and may only be called directly"
            + " from an @Async method; start it with CallsAsync.work(..)", 7, 13);
  }

  @Test
  void aMethodReferenceToAnAsyncMethodIsAnErrorThatNamesTheFactory() {
    JavaFileObject src = file("Refs", String.join("\n",
        "class Refs {",
        "  @Async static int work(int n) { suspend(); return n; }",
        "  @Async int mine(int n) { suspend(); return n; }",
        "  static void run(Refs refs) {",
        "    java.util.function.IntUnaryOperator f = Refs::work;",                   // 8
        "    java.util.function.IntUnaryOperator g = refs::mine;",                   // 9
        "    java.util.function.IntFunction<Frame<Integer>> ok = RefsAsync::work;",
        "  }",
        "  @Async static void inside() {",
        "    java.util.function.IntUnaryOperator h = Refs::work;",                   // 13
        "  }",
        "}"));
    Compilation c = compile(src);
    assertThat(c).hadErrorContaining("[AsyncMethodReference] work is an @Async method: a method"
        + " reference to it would run its body without a frame, which fails where it suspends;"
        + " use RefsAsync::work, which starts a frame").inFile(src).onLine(8).atColumn(45);
    assertThat(c).hadErrorContaining("[AsyncMethodReference] mine is an @Async method")
        .inFile(src).onLine(9).atColumn(45);
    assertThat(c).hadErrorContaining("use a lambda calling RefsAsync.mine(refs, ..)")
        .inFile(src).onLine(9).atColumn(45);
    assertThat(c).hadErrorContaining("[AsyncMethodReference] work is an @Async method")
        .inFile(src).onLine(13).atColumn(45);
    assertThat(c).hadErrorCount(3);
  }

  @Test
  void theMessagesNameCallsForOverloadsOfAGenericClassWhoseFactoriesWouldBeAmbiguous() {
    JavaFileObject src = file("Shelf", String.join("\n",
        "class Shelf<T> {",
        "  @Async int put(T item) { suspend(); return 1; }",
        "  @Async int put(String label) { suspend(); return 2; }",
        "  static void run(Shelf<Object> any) {",
        "    java.util.function.Function<String, Frame<Integer>> f = any::put;",    // 8
        "    int n = any.put(\"s\");",                                            // 9
        "  }",
        "}"));
    Compilation c = compile(src);
    assertThat(c).hadErrorContaining("use a lambda calling new ShelfAsync.Calls<>(any).put(..),"
        + " which starts a frame").inFile(src).onLine(8).atColumn(61);
    assertThat(c).hadErrorContaining("start it with new ShelfAsync.Calls<>(any).put(..) or run it"
        + " with nosuspend(new ShelfAsync.Calls<>(any).put(..))").inFile(src).onLine(9).atColumn(16);
    assertThat(c).hadErrorCount(2);
  }

  @Test
  void aLocalClassThatDeclaresAMethodItAlsoInheritsAsAsyncIsAnErrorAtTheCall() {
    JavaFileObject src = file("Loc", String.join("\n",
        "class Loc {",
        "  static class K { @Async String nm(int n) { suspend(); return \"k\" + n; } }",
        "  @Async static String run() {",
        "    class Fine extends K {}",
        "    class Odd extends K { String nm(String s) { return s; } }",
        "    Fine fine = new Fine();",
        "    Odd odd = new Odd();",
        "    return fine.nm(1) + odd.nm(2);",                                   // 11, at the dot
        "  }",
        "}"));
    assertOnlyError(src, "[Unsupported] this call is not supported yet by the Stackless"
        + " processor; the local class Odd declares nm and inherits an @Async nm; call it on a"
        + " local of the supertype's class, or rename the class's method", 11, 28);
  }

  @Test
  void aCallOfALibrarysAsyncMethodCompiledWithoutTheProcessorIsAnErrorAtTheCall()
      throws Exception {
    java.io.File library = Sources.compiledLibrary(false, file("K", String.join("\n",
        "public class K { @Async public String nm() { suspend(); return \"nm\"; } }")));
    JavaFileObject src = file("App", String.join("\n",
        "class App {",
        "  @Async static String run(K k) {",
        "    return k.nm() + k.nm();",                                           // 6, at the dot
        "  }",
        "}"));
    Compilation c = Sources.compileAgainst(library, src);
    assertThat(c).hadErrorContaining("[MissingFrames] nm is @Async, but its class demo.K was"
        + " compiled without the Stackless processor: there is no demo.KAsync to start its frames;"
        + " compile it with dev.stackless.processor on javac's processor path")
        .inFile(src).onLine(6).atColumn(13);
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void aCallOfALibrarysAsyncMethodOnAReceiverTheProcessorCannotTypeIsAnError() throws Exception {
    java.io.File library = Sources.compiledLibrary(true, file("Lib", String.join("\n",
        "public class Lib {",
        "  public static class Base { @Async public String m() { suspend(); return \"m\"; } }",
        "  public static class Sub extends Base {}",
        "  public static class Other extends Base {}",
        "}")));
    JavaFileObject src = file("App", String.join("\n",
        "class App {",
        "  @Async static String run(boolean c) {",
        "    return (c ? new Lib.Sub() : new Lib.Other()).m();",                  // 6, at the dot
        "  }",
        "}"));
    Compilation c = Sources.compileAgainst(library, src);
    assertThat(c).hadErrorContaining("[Unsupported] this call is not supported yet by the"
        + " Stackless processor; cannot tell whether this call of m calls an @Async method")
        .inFile(src).onLine(6).atColumn(49);
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void callsOnALocalsValueAreFoundOutsideAsyncBodiesToo() {
    JavaFileObject src = file("Recv", String.join("\n",
        "class Recv {",
        "  static class In { @Async int peek() { suspend(); return 'c'; } }",
        "  static abstract class P { abstract int parse(In in); }",
        "  static int plain(In in) { return in.peek(); }",                          // 7, at 38
        "  @Async static int lam(In in) {",
        "    java.util.function.IntSupplier s = () -> in.peek();",                 // 9, at 48
        "    return s.getAsInt();",
        "  }",
        "  static P anon() {",
        "    return new P() { @Async int parse(In in) { return 0; } };",           // 13, at 33
        "  }",
        "}"));
    Compilation c = compile(src);
    assertThat(c).hadErrorContaining("[AsyncCallOutsideAsync] peek is an @Async method")
        .inFile(src).onLine(7).atColumn(38);
    assertThat(c).hadErrorContaining("[SuspendInLambda] cannot suspend inside a lambda body")
        .inFile(src).onLine(9).atColumn(48);
    assertThat(c).hadErrorContaining("[AsyncOwner] @Async methods of an anonymous or local class")
        .inFile(src).onLine(13).atColumn(33);
    assertThat(c).hadErrorCount(3);
  }

  @Test
  void anAsyncCallOnAnImplicitlyTypedLambdaParameterIsAnError() {
    JavaFileObject src = file("Implicit", String.join("\n",
        "class Implicit {",
        "  static class Box { @Async String get() { suspend(); return \"v\"; } String plain() { return \"p\"; } }",
        "  @Async static String run(java.util.List<Box> boxes) {",
        "    java.util.function.Function<Box, String> f = b -> b.get();",        // 7, at 56
        "    boxes.forEach(b -> b.get());",                                      // 8, at 25
        "    java.util.function.BiFunction<String, ? super Box, String> g = (s, b) -> s + b.get();", // 9, at 83
        "    boxes.forEach(b -> b.plain());",                                    // a plain method
        "    return f.apply(boxes.get(0));",
        "  }",
        "  static void plain(java.util.List<Box> boxes) {",
        "    boxes.forEach(b -> b.get());",                                      // 14, at 25
        "  }",
        "}"));
    Compilation c = compile(src);
    assertThat(c).hadErrorContaining("[SuspendInLambda] cannot suspend inside a lambda body")
        .inFile(src).onLine(7).atColumn(56);
    assertThat(c).hadErrorContaining("[SuspendInLambda] cannot suspend inside a lambda body")
        .inFile(src).onLine(8).atColumn(25);
    assertThat(c).hadErrorContaining("[SuspendInLambda] cannot suspend inside a lambda body")
        .inFile(src).onLine(9).atColumn(83);
    assertThat(c).hadErrorContaining("[AsyncCallOutsideAsync] get is an @Async method")
        .inFile(src).onLine(14).atColumn(25);
    assertThat(c).hadErrorCount(4);
  }

  @Test
  void suspendInsideLambdaIsAnError() {
    JavaFileObject src = file("Lambdas", String.join("\n",
        "class Lambdas {",
        "  @Async static void run(Frame<Integer> f) {",
        "    Runnable r = () -> {",      // 6
        "      await(f);",               // 7
        "    };",
        "  }",
        "}"));
    Compilation c = compile(src);
    assertThat(c).hadErrorContaining("[SuspendInLambda] cannot suspend inside a lambda body")
        .inFile(src).onLine(7).atColumn(7);
    assertThat(c).hadNoteContaining("inside this lambda").inFile(src).onLine(6).atColumn(18);
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void suspendInsideAnonymousClassIsAnError() {
    JavaFileObject src = file("Anon", String.join("\n",
        "class Anon {",
        "  @Async static void run() {",
        "    Runnable r = new Runnable() {",
        "      public void run() {",
        "        suspend();",            // 8
        "      }",
        "    };",
        "  }",
        "}"));
    assertOnlyError(src, "[SuspendInClass] cannot suspend inside an anonymous or local", 8, 9);
  }

  @Test
  void suspendInsideLocalClassIsAnError() {
    JavaFileObject src = file("Local", String.join("\n",
        "class Local {",
        "  @Async static void run() {",
        "    class Helper {",
        "      void go() { suspend(); }",  // 7
        "    }",
        "  }",
        "}"));
    Compilation c = compile(src);
    assertThat(c).hadErrorContaining("[SuspendInClass]").inFile(src).onLine(7).atColumn(19);
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void suspendInsideSuspendBlockIsAnError() {
    JavaFileObject src = file("Blocks", String.join("\n",
        "class Blocks {",
        "  @Async static void run() {",
        "    suspend(self -> {",
        "      suspend();",              // 7
        "    });",
        "  }",
        "}"));
    assertOnlyError(src, "[SuspendInSuspendBlock] cannot suspend inside suspend block", 7, 7);
  }

  @Test
  void suspendInsideSynchronizedIsAnError() {
    JavaFileObject src = file("Sync", String.join("\n",
        "class Sync {",
        "  @Async static void run(Object lock) {",
        "    synchronized (lock) {",     // 6
        "      suspend();",              // 7
        "    }",
        "  }",
        "}"));
    Compilation c = compile(src);
    assertThat(c).hadErrorContaining("[SuspendInSynchronized] cannot suspend inside synchronized")
        .inFile(src).onLine(7).atColumn(7);
    assertThat(c).hadNoteContaining("inside this synchronized statement")
        .inFile(src).onLine(6).atColumn(5);
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void frameInsideSynchronizedIsAllowedForItDoesNotSuspend() {
    JavaFileObject src = file("Waiters", String.join("\n",
        "class Waiters {",
        "  static final java.util.List<AnyFrame> waiting = new java.util.ArrayList<>();",
        "  @Async static void park(Object lock) {",
        "    suspend(() -> { synchronized (lock) { waiting.add(frame()); } });",
        "    synchronized (lock) { waiting.remove(frame()); }",
        "  }",
        "}"));
    assertThat(compile(src)).succeededWithoutWarnings();
  }

  @Test
  void asyncInAnEnumConstantsBodyIsAnErrorThatSaysWhereTheMethodCanGo() {
    JavaFileObject src = file("Op", String.join("\n",
        "enum Op {",
        "  PLUS {",
        "    @Async int apply(int a) { suspend(); return a + 1; }", // 6
        "  };",
        "  abstract int apply(int a);",
        "}"));
    assertOnlyError(src, "[AsyncOwner] @Async methods of an enum constant's body cannot be"
        + " transformed: no generated class can name it; declare the @Async method in the enum",
        6, 16);
  }

  @Test
  void aPrivateExceptionCaughtBeforeAnotherClauseOfATryThatDoesNotSuspendIsAnError() {
    // caught as its stand-in and rethrown otherwise, a later clause would not see it
    JavaFileObject src = file("Retries", String.join("\n",
        "class Retries {",
        "  private static final class Retry extends RuntimeException {}",
        "  @Async static int run(boolean fail) {",
        "    suspend();",
        "    try { if (fail) throw new Retry(); } catch (Retry e) { return 1; }",
        "    try {",
        "      if (fail) throw new Retry();",
        "    } catch (Retry e) {",                 // 11
        "      return 2;",
        "    } catch (IllegalStateException e) {",
        "      return 3;",
        "    }",
        "    return 0;",
        "  }",
        "}"));
    assertOnlyError(src, "[Unsupported] the private class Retry here", 11, 14);
  }

  @Test
  void asyncConstructorIsAnError() {
    JavaFileObject src = file("Ctor", String.join("\n",
        "class Ctor {",
        "  @Async Ctor() {}",            // 5
        "}"));
    assertOnlyError(src, "[AsyncConstructor] a constructor cannot be @Async", 5, 10);
  }

  @Test
  void asyncSynchronizedMethodIsAnError() {
    JavaFileObject src = file("Locked", String.join("\n",
        "class Locked {",
        "  @Async synchronized int bump() { suspend(); return 1; }", // 5: the lock would be lost
        "}"));
    assertOnlyError(src, "[AsyncSynchronized] a synchronized method cannot be @Async", 5, 27);
  }

  @Test
  void asyncNativeMethodIsAnError() {
    JavaFileObject src = file("Shape", String.join("\n",
        "class Shape {",
        "  @Async native int area();",          // 5
        "}"));
    assertOnlyError(src, "[AsyncAbstract] a native method cannot be @Async", 5, 21);
  }

  @Test
  void abstractAsyncMethodsAndTheirOverridesCompile() {
    JavaFileObject src = file("Shape", String.join("\n",
        "interface Shape {",
        "  @Async int area(int scale);",
        "  @Async default int twice() { return area(2) + area(2); }",
        "  final class Square implements Shape {",
        "    @Async public int area(int scale) { suspend(); return scale * 4; }",
        "  }",
        "  abstract class Base<T> {",
        "    @Async abstract T next(T seed);",
        "  }",
        "  class Inc extends Base<Integer> {",
        "    @Async Integer next(Integer seed) { suspend(); return seed + 1; }",
        "    @Async Integer both(Integer seed) { return next(seed) + 1; }",
        "  }",
        "  class Plain extends Base<String> {",
        "    String next(String seed) { return seed; }",
        "  }",
        "}"));
    Compilation compilation = compile(src);
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("demo.ShapeAsync")
        .contentsAsUtf8String().contains("throw new java.lang.AbstractMethodError(\"demo.Shape.area\")");
    // the entry Base's frame starts Inc.next through takes Base's erasure, Object
    assertThat(compilation).generatedSourceFile("demo.Shape_IncAsync")
        .contentsAsUtf8String().contains("next$override(Shape.Inc receiver, java.lang.Object a0)");
  }

  @Test
  void instanceofPatternAroundASuspensionCompiles() {
    JavaFileObject src = file("Patterns", String.join("\n",
        "class Patterns {",
        "  @Async static int run(Frame<Object> f) {",
        "    if (await(f) instanceof String s) {",
        "      suspend();",
        "      return s.length();",
        "    }",
        "    return 0;",
        "  }",
        "}"));
    assertThat(compile(src)).succeededWithoutWarnings();
  }

  @Test
  void switchExpressionWithASuspendingBlockWhoseTypeIsNotKnownIsAnError() {
    // the state machine runs the switch, yielding into a field: it needs the switch's type
    JavaFileObject src = file("Switches", String.join("\n",
        "class Switches {",
        "  @Async static int run(int k, Frame<Integer> f, java.util.List<Integer> xs) {",
        "    int v = 1 + switch (k) {",
        "      case 1 -> {",
        "        int a = await(f);",       // 8
        "        yield xs.stream().map(x -> x + a).findFirst().get();", // 9
        "      }",
        "      default -> 0;",
        "    };",
        "    return v;",
        "  }",
        "}"));
    assertOnlyError(src, "[Unsupported] a switch expression nested in a larger expression,"
        + " whose case suspends in a block, a throw or a guard, and whose type is not known"
        + " here (the value xs.stream().map(x -> x + a).findFirst().get()),", 9, 58);
  }

  @Test
  void narrowSwitchValuesAsAnArgumentTakeTheParametersTypeAndAreAnError() {
    // alone, 'a' beside 66 is a char; as an argument, each value meets the parameter's type
    JavaFileObject src = file("Narrow", String.join("\n",
        "class Narrow {",
        "  static String ty(char c) { return \"char\"; }",
        "  static String ty(int c) { return \"int\"; }",
        "  @Async static String run(int k) {",
        "    return ty(switch (k) { case 1 -> 'a'; default -> { suspend(); yield 66; } });", // 8
        "  }",
        "}"));
    assertOnlyError(src, "[Unsupported] a switch expression nested in a larger expression,"
        + " whose case suspends in a block, a throw or a guard, and whose type is not known"
        + " here (the value 66),", 8, 73);
  }

  @Test
  void asyncCallOnAReceiverWhoseClassNeedsInferenceIsAnError() {
    JavaFileObject src = file("Recv", String.join("\n",
        "class Recv {",
        "  @Async int add(int x) { return x; }",
        "  Recv next() { return this; }",
        "  static <T> T first(java.util.List<T> xs) { return xs.get(0); }",
        "  @Async static int run(java.util.List<Recv> all, Recv[] some) {",
        // fine: an element, a result, a result typed by the receiver's type arguments
        "    int a = some[0].add(1) + some[0].next().add(2) + all.get(0).add(3);",
        // and first(all), first(List.of(x)): T is Recv, as the arguments' types say
        "    return a + first(all).add(4) + first(java.util.List.of(some[0])).add(5)",
        "        + first(java.util.Arrays.stream(some).map(r -> r).toList()).add(6);", // 11: map's R
        "  }",
        "}"));
    assertOnlyError(src, 
        "[Unsupported] this call is not supported yet by the Stackless processor; cannot tell"
            + " whether this call of add calls an @Async method", 11, 68);
  }

  @Test
  void privateFieldOfAValueWhoseClassIsNotKnownIsAnError() {
    JavaFileObject src = file("Accounts", String.join("\n",
        "class Accounts {",
        "  private int balance;",
        "  static Accounts make() { return new Accounts(); }",
        "  @Async static int run(Accounts other, Accounts[] all, java.util.List<Accounts> list,",
        "      Frame<Integer> f) {",
        "    other.balance += await(f);",                        // 9: a local's field is fine
        "    all[0].balance += await(f) + make().balance++;",    // an element's, a result's too
        "    int first = list.get(0).balance;",                  // a typed call's result too
        "    int found = list.stream().findFirst().get().balance;", // through type arguments too
        "    return list.stream().map(a -> a).findFirst().get().balance;", // 13: map's R inferred
        "  }",
        "}"));
    assertOnlyError(src, "[Unsupported] the private field balance of a value whose"
        + " class is not known here", 13, 55);
  }

  @Test
  void explicitTypeArgumentsOnAReceiverOfUnknownTypeArgumentsAreAnError() {
    JavaFileObject src = file("Cups", String.join("\n",
        "class Cups {",
        "  static class Cup<T> {",
        "    T content;",
        "    @Async <R> R map(java.util.function.Function<T, R> f) { return f.apply(content); }",
        "  }",
        "  @Async static int run(Cup<String> cup, Cup<?> some) {",
        "    int n = cup.<Integer>map(String::length);",         // the receiver's T is String
        "    return n + some.<Integer>map(Object::hashCode);",   // 11: ? is no type argument
        "  }",
        "}"));
    assertOnlyError(src, "[Unsupported] explicit type arguments for a generic @Async method of a"
        + " generic class, on a receiver whose type arguments are not known here,", 11, 20);
  }

  @Test
  void privateFieldOfANestedClassOnATypedCallsResultCompiles() {
    JavaFileObject src = file("Nodes", String.join("\n",
        "class Nodes {",
        "  static class Node { private int v; }",
        "  @Async static int run(java.util.function.IntFunction<Node> make, Frame<Integer> f) {",
        "    int k = await(f);",
        "    return make.apply(k).v;",                          // the function's R is Node
        "  }",
        "}"));
    assertThat(compile(src)).succeededWithoutWarnings();
  }

  @Test
  void methodReferencesToPrivateMethodsThatNameNoSingleMethodAreAnError() {
    JavaFileObject src = file("Refs", String.join("\n",
        "class Refs {",
        "  private int twice(int x) { return 2 * x; }",
        "  private int twice(int x, int y) { return 2 * x + y; }",
        "  @Async int run(Frame<Integer> f) {",
        "    java.util.function.IntUnaryOperator op = this::twice;", // 8
        "    return op.applyAsInt(await(f));",
        "  }",
        "}"));
    assertOnlyError(src, "[Unsupported] a method reference to the private method twice"
        + " (overloaded, generic or of variable arity) is not supported yet", 8, 46);
  }

  @Test
  void varsOfTypesNoFieldCanHaveCompileWhenTheyDoNotLiveAcrossASuspension() {
    JavaFileObject src = file("Vars", String.join("\n",
        "class Vars {",
        "  @Async static int run(Frame<Integer> f) {",
        "    int n = await(f);",
        "    var both = n > 0 ? 1 : \"x\";",            // Serializable & Comparable<..> & ..
        "    var counter = new Object() { int hits; };", // an anonymous class
        "    counter.hits += both.hashCode();",
        "    return n + counter.hits;",
        "  }",
        "}"));
    assertThat(compile(src)).succeededWithoutWarnings();
  }

  @Test
  void varTypedByThePrimitiveOverloadJavaPicksCompiles() {
    JavaFileObject src = file("Mods", String.join("\n",
        "class Mods {",
        "  @Async static int m(int x) { return x; }",
        "  @Async static int run(Frame<Integer> f) {",
        // the own generated class makes javac's type an error: the processor types the var,
        // floorMod(int, int) among floorMod(long, int) and floorMod(long, long)
        "    var v = Math.floorMod(m(await(ModsAsync.m(1))), 8);",
        "    var w = Math.max(m(2), 3L) + Math.abs(await(ModsAsync.m(-4)));",
        "    await(f);",
        "    long both = w;",
        "    return v + (int) both;",
        "  }",
        "}"));
    assertThat(compile(src)).succeededWithoutWarnings();
  }

  @Test
  void asyncMethodOfAnAnonymousClassIsAnError() {
    JavaFileObject src = file("Anon", String.join("\n",
        "class Anon {",
        "  static Object make() {",
        "    return new Object() {",
        "      @Async int f() { suspend(); return 1; }", // 7
        "    };",
        "  }",
        "}"));
    assertOnlyError(src, "[AsyncOwner] @Async methods of an anonymous or local class"
        + " cannot be transformed: no generated class can name it", 7, 18);
  }

  @Test
  void varTypedThroughASwitchExpressionWhoseRuleYieldsFromABlockCompiles() {
    JavaFileObject src = file("Sw", String.join("\n",
        "class Sw {",
        "  @Async static int m(int x) { return x; }",
        "  @Async static int run(int n, Frame<Integer> f) {",
        "    var v = n > 0 ? (\"\" + await(SwAsync.m(1))).length()",
        "        : switch (n) { case 0 -> 1; default -> { int w = 17; yield w ^ n; } };",
        "    await(f);",
        "    return v;",
        "  }",
        "}"));
    assertThat(compile(src)).succeededWithoutWarnings();
  }

  @Test
  void aLocalSubclassInALoopCapturingLocalsUsedAfterASuspensionPointCompiles() {
    Compilation c = compile(file("Locals", String.join("\n",
        "class Locals {",
        "  static class Base {}",
        "  @Async static int run(int n) {",
        "    int t = 0;",
        "    for (int i = 0; i < n; i++) {",
        "      int k = i;",
        "      class Acc extends Base { int get() { return k; } }",
        "      suspend();",
        "      t += new Acc().get();",
        "    }",
        "    return t;",
        "  }",
        "}")));
    assertThat(c).succeededWithoutWarnings();
  }

  @Test
  void aLocalClassUsedAfterASuspensionPointCompiles() {
    Compilation c = compile(file("Locals", String.join("\n",
        "class Locals {",
        "  @Async static int run(Frame<Integer> f, int a) {",
        "    class Acc { int get() { return a; } }",
        "    int before = new Acc().get();",
        "    await(f);",
        "    return before + new Acc().get();",
        "  }",
        "}")));
    assertThat(c).succeededWithoutWarnings();
  }

  @Test
  void switchExpressionNestedInALargerExpressionCompiles() {
    JavaFileObject src = file("Switches", String.join("\n",
        "class Switches {",
        "  @Async static long run(int k, Frame<Integer> f) {",
        "    return 1 + switch (k) { case 1 -> await(f); case 2 -> 2L; default -> { yield 3; } };",
        "  }",
        "}"));
    assertThat(compile(src)).succeededWithoutWarnings();
  }

  @Test
  void suspendingConditionalInsideALargerExpressionCompiles() {
    JavaFileObject src = file("Exprs", String.join("\n",
        "class Exprs {",
        "  @Async static long run(boolean c, Frame<Integer> f) {",
        "    return 1 + (c ? await(f) : 0L) + (c ? 2 : await(f));",
        "  }",
        "}"));
    assertThat(compile(src)).succeededWithoutWarnings();
  }

  @Test
  void tooManySuspendingConditionalsInOneExpressionAreAnError() {
    String seven = String.join(" + ", java.util.Collections.nCopies(7, "(c ? await(f) : 0)"));
    JavaFileObject src = file("Exprs", String.join("\n",
        "class Exprs {",
        "  @Async static int run(boolean c, Frame<Integer> f) {",
        "    return " + seven + ";",  // 6
        "  }",
        "}"));
    assertOnlyError(src, 
        "[Unsupported] an expression whose suspending conditionals (?:) make more than 64"
            + " paths", 6, 17);
  }

  @Test
  void suspensionInsideAnExpressionCompiles() {
    JavaFileObject src = file("Exprs", String.join("\n",
        "class Exprs {",
        "  static int note(int v) { return v; }",
        "  @Async static int run(Frame<Integer> f) {",
        "    return note(1) + await(f) * note(2);",
        "  }",
        "}"));
    assertThat(compile(src)).succeededWithoutWarnings();
  }

  @Test
  void privateNestedClassesOfTheOwnerCompile() {
    JavaFileObject src = file("Secret", String.join("\n",
        "class Secret {",
        "  private static class Hidden { int v; Hidden(int v) { this.v = v; } int get() { return v; } }",
        "  private record Pair(int a, int b) {}",
        "  @Async static int run() {",
        "    Hidden h = new Hidden(1);",
        "    var p = new Pair(2, 3);",
        "    java.util.List<Hidden> all = new java.util.ArrayList<>();",
        "    suspend();",
        "    all.add(h);",
        "    h.v += p.a();",
        "    return h.get() + p.b() + all.size();",
        "  }",
        "}"));
    assertThat(compile(src)).succeededWithoutWarnings();
  }

  @Test
  void aPatternOfAPrivateClassIsAnError() {
    JavaFileObject src = file("Secret", String.join("\n",
        "class Secret {",
        "  private static class Hidden { int v; }",
        "  @Async static int run(Object o) {",
        "    suspend();",
        "    int cast = ((Hidden) o).v;",     // a cast and a test work
        "    boolean is = o instanceof Hidden;",
        "    return o instanceof Hidden h ? h.v : cast;",     // 10, Hidden at 25
        "  }",
        "}"));
    assertOnlyError(src, "[Unsupported] the private class Hidden here (the generated frame can"
        + " use a private class as the type of a variable or a type argument, in new, and"
        + " through its members) is not supported yet", 10, 25);
  }

  @Test
  void aCastToAnArrayOfAPrivateClassIsAnError() {
    JavaFileObject src = file("Secret", String.join("\n",
        "class Secret {",
        "  private static class Hidden { int v; }",
        "  @Async static int run(Object o) {",
        "    Hidden[] all = {new Hidden()};", // made as a Hidden[]: supported
        "    suspend();",
        "    return all.length + ((Hidden[]) o).length;", // 9, Hidden at 27
        "  }",
        "}"));
    assertOnlyError(src, "[Unsupported] the private class Hidden here", 9, 27);
  }

  @Test
  void aPrivateExceptionClassInACatchOfATryThatSuspendsCompiles() {
    JavaFileObject src = file("Secret", String.join("\n",
        "class Secret {",
        "  private static class Oops extends RuntimeException {}",
        "  @Async static int run() {",
        "    try {",
        "      suspend();",
        "    } catch (Oops e) {",     // caught as RuntimeException, tested by Oops's own test
        "      return 1;",
        "    }",
        "    return 0;",
        "  }",
        "}"));
    assertThat(compile(src)).succeededWithoutWarnings();
  }

  @Test
  void aPrivateClassWithTwoSupertypesIsAnError() {
    JavaFileObject src = file("Secret", String.join("\n",
        "class Secret {",
        "  private static class Both implements Runnable, java.io.Serializable {",
        "    public void run() {}",
        "  }",
        "  @Async static int run() {",
        "    var b = new Both();",     // 9, Both at 17
        "    suspend();",
        "    return b.hashCode();",
        "  }",
        "}"));
    assertOnlyError(src, "[Unsupported] the private class Both (a private class with more than"
        + " one supertype besides Object) is not supported yet", 9, 17);
  }

  @Test
  void twoOwnersWhoseGeneratedClassesWouldShareANameAreAnError() {
    JavaFileObject nested = file("Owner", String.join("\n",
        "class Owner {",
        "  static class Inner { @Async static int a() { suspend(); return 1; } }",
        "}"));
    JavaFileObject flat = file("Owner_Inner", String.join("\n",
        "class Owner_Inner {",     // 4, the name at 7
        "  @Async static int b() { suspend(); return 2; }",
        "}"));
    Compilation c = compile(nested, flat);
    assertThat(c).hadErrorContaining("[AsyncOwner] @Async methods of demo.Owner_Inner cannot be"
            + " transformed: its generated class demo.Owner_InnerAsync is already the generated"
            + " class of demo.Owner.Inner; rename one of the classes")
        .inFile(flat).onLine(4).atColumn(1);
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void anOverloadedCallWhereAnOverloadTakesAPrivateClassIsAnError() {
    JavaFileObject src = file("Secret", String.join("\n",
        "class Secret {",
        "  private static class Node {}",
        "  static String desc(Node n) { return \"node\"; }",
        "  static String desc(Object o) { return \"object\"; }",
        "  @Async static String run(boolean c) {",
        "    Node n = new Node();",
        "    suspend();",
        "    return desc(n) + desc((Object) n) + desc(c ? n : n)",   // the arguments' classes tell
        "        + desc(java.util.List.of(n).get(0))",                  // List.of(n): a List<Node>
        "        + desc(java.util.List.of(n).stream().map(x -> x).findFirst().get());", // 13
        "  }",
        "}"));
    assertOnlyError(src, "[Unsupported] a call of desc(..), overloaded, where an overload takes"
        + " a private class", 13, 11);
  }

  @Test
  void aPrivateOverloadBesideOthersIsAnErrorWhereTheArgumentsDoNotTellWhich() {
    JavaFileObject src = file("Mixed", String.join("\n",
        "class Mixed {",
        "  private static int pm(int a) { return a; }",
        "  static int pm(String s) { return s.length(); }",
        "  @Async static int run() {",
        "    suspend();",
        "    return pm(1);",                  // 9, the name at 12
        "  }",
        "}"));
    assertOnlyError(src, "[Unsupported] a call of pm(..), overloaded where some overloads are"
        + " private and others not", 9, 12);
  }

  @Test
  void aPrivateConstructorBesideOthersIsAnErrorWhereTheArgumentsDoNotTellWhich() {
    JavaFileObject src = file("Mixed", String.join("\n",
        "class Mixed {",
        "  private Mixed(int a) {}",
        "  Mixed(String s) {}",
        "  @Async static Object run() {",
        "    suspend();",
        "    return new Mixed(1);",           // 9, the class name at 16
        "  }",
        "}"));
    assertOnlyError(src, "[Unsupported] a call of new Mixed(..), overloaded where some overloads"
        + " are private and others not", 9, 16);
  }

  @Test
  void aPrivateEnumWithInterfacesIsAnErrorWhereItsMembersAreUsed() {
    JavaFileObject src = file("Secret", String.join("\n",
        "class Secret {",
        "  private enum Mode implements Runnable { A, B; public void run() {} }",
        "  @Async static int run() {",
        "    suspend();",
        "    return Mode.B.ordinal();",     // 8, the select at 16
        "  }",
        "}"));
    assertOnlyError(src, "[Unsupported] the private class Mode (a private enum that implements"
        + " interfaces), which B names, is not supported yet", 8, 16);
  }

  @Test
  void aSuperReferenceToAnAsyncMethodNamesItsSuperFactory() {
    JavaFileObject src = file("Sup", String.join("\n",
        "class Sup {",
        "  static class P { @Async String m() { suspend(); return \"p\"; } }",
        "  static class C extends P {",
        "    @Async @Override String m() { return \"c\"; }",
        "    String ref() { java.util.function.Supplier<String> s = super::m; return s.get(); }", // 8
        "  }",
        "}"));
    assertOnlyError(src, "[AsyncMethodReference] m is an @Async method: a method reference to it"
        + " would run its body without a frame, which fails where it suspends; use a lambda"
        + " calling Sup_PAsync.m$super(this, ..), which starts a frame", 8, 60);
  }

  @Test
  void aPrivateOwnerWithoutAStandInIsAnErrorThatSaysWhy() {
    JavaFileObject src = file("Owners", String.join("\n",
        "class Owners {",
        "  static class Base {}",
        "  private static class Both extends Base implements Runnable {",
        "    public void run() {}",
        "    @Async int work(int n) { suspend(); return n; }",          // 8, the name at 16
        "  }",
        "  private static class Fine implements Runnable {",
        "    public void run() {}",
        "    @Async int work(int n) { suspend(); return n; }",          // a stand-in: Runnable
        "  }",
        "  private interface Face {",
        "    @Async default int d() { suspend(); return 1; }",          // 15, the name at 24
        "  }",
        "}"));
    Compilation c = compile(src);
    assertThat(c).hadErrorContaining("[AsyncOwner] @Async methods of demo.Owners.Both cannot be"
        + " transformed: it is a private class with more than one supertype besides Object, which"
        + " the generated class cannot hold; make it package-private")
        .inFile(src).onLine(8).atColumn(16);
    assertThat(c).hadErrorContaining("[AsyncOwner] @Async methods of demo.Owners.Face cannot be"
        + " transformed: it is a private interface").inFile(src).onLine(15).atColumn(24);
    assertThat(c).hadErrorCount(2);
  }

  @Test
  void aSuperMethodReferenceToAnOverloadedMethodIsAnError() {
    JavaFileObject src = file("Refs", String.join("\n",
        "class Base { String tag(int n) { return \"i\"; } String tag(String s) { return s; } }",
        "class Refs extends Base {",
        "  @Async String run() {",
        "    suspend();",
        "    java.util.function.IntFunction<String> f = super::tag;", // 8, super at 48
        "    return f.apply(1);",
        "  }",
        "}"));
    assertOnlyError(src, "[Unsupported] super::tag of an overloaded method is not supported yet"
        + " by the Stackless processor; write the lambda: x -> super.tag(x)", 8, 48);
  }

  @Test
  void anOuterClassSuperCallIsAnError() {
    JavaFileObject src = file("Outer", String.join("\n",
        "class Base { String s() { return \"s\"; } }",
        "class Outer extends Base {",
        "  class In {",
        "    @Async String run() { suspend(); return Outer.super.s(); }", // 7, .super at 50
        "  }",
        "}"));
    assertOnlyError(src, "[Unsupported] Outer.super (an outer class's superclass) in an @Async"
        + " body is not supported yet by the Stackless processor; call a method of Outer that"
        + " calls super", 7, 50);
  }

  @Test
  void mixedOverloadsTheArgumentsDoNotChooseAreAnError() {
    JavaFileObject src = file("Mixed", String.join("\n",
        "class Mixed {",
        "  static int f(long x) { return 1; }",
        "  @Async static int f(Integer x) { suspend(); return 2; }",
        "  @Async static int run(String s) {",
        "    int a = f(s.isEmpty() ? null : 5);", // 8: f at 13; Integer, as javac's lub tells
        "    return a + f(5L) + f(s.length());", // the long, then the int decide: plain f(long)
        "  }",
        "}"));
    assertOnlyError(src, "[Unsupported] this call is not supported yet by the Stackless"
        + " processor; overloads of f with 1 arguments are both @Async and not, and the"
        + " arguments' types, as the declarations tell them, do not choose one", 8, 13);
  }

  @Test
  void aPrivateEnumAsABoundedTypeArgumentIsAnError() {
    JavaFileObject src = file("Sets", String.join("\n",
        "import java.util.EnumSet;",
        "class Sets {",
        "  private enum Color { RED, GREEN }",
        "  @Async static String written() {",
        "    EnumSet<Color> warm = EnumSet.of(Color.RED);", // 8, Color at 13
        "    suspend();",
        "    return warm.toString();",
        "  }",
        "}"));
    assertOnlyError(src, "[Unsupported] the private class Color as a type argument of EnumSet,"
        + " whose bound java.lang.Enum<E> only the class itself meets, is not supported yet", 8, 13);
  }

  @Test
  void aVarOfAPrivateEnumSetAcrossASuspensionIsAnError() {
    JavaFileObject src = file("Sets", String.join("\n",
        "import java.util.EnumSet;",
        "class Sets {",
        "  private enum Color { RED, GREEN }",
        "  @Async static String inferred() {",
        "    var warm = EnumSet.of(Color.RED);",   // 8, warm at 9
        "    int now = warm.size();",              // within one state: fine
        "    suspend();",
        "    return warm.toString() + now;",
        "  }",
        "}"));
    assertOnlyError(src, "[Unsupported] a local of type java.util.EnumSet<demo.Sets.Color>, living"
        + " across a suspension point, whose type argument Color (a private class) its stand-in"
        + " cannot replace, is not supported yet", 8, 9);
  }

  @Test
  void aSwitchOnAPrivateEnumCompiles() {
    Compilation c = compile(file("Secret", String.join("\n",
        "class Secret {",
        "  private enum Mode { A, B }",
        "  private static final int B = 2;",
        "  @Async static int run(int i) {",
        "    Mode m = i == 0 ? Mode.A : Mode.B;",
        "    suspend();",
        "    int k = switch (m) { case A -> 1; case B -> 2; };",
        "    switch (i) { case B: return k; default: return -k; }",
        "  }",
        "}")));
    assertThat(c).succeededWithoutWarnings();
  }

  @Test
  void aPrivateInnerClassOfAGenericClassIsAnError() {
    JavaFileObject src = file("Secret", String.join("\n",
        "class Secret<T> {",
        "  private class Inner { T v; }",
        "  @Async int run() {",
        "    var i = new Inner();",     // 7, Inner at 17
        "    suspend();",
        "    return i.hashCode();",
        "  }",
        "}"));
    assertOnlyError(src, "[Unsupported] the private class Inner (a private inner class of a"
        + " generic class) is not supported yet", 7, 17);
  }

  @Test
  void aMemberOfAPrivateClassOnALambdaParameterIsAnError() {
    JavaFileObject src = file("Secret", String.join("\n",
        "class Secret {",
        "  private static class Hidden { int count; }",
        "  @Async static int run(java.util.List<Integer> xs) {",
        "    java.util.List<Hidden> all = new java.util.ArrayList<>();",
        "    suspend();",
        "    all.forEach(h -> h.count++);",     // a lambda's parameter: javac's scope types it
        "    return all.stream().map(h -> h).findFirst().get().count;", // 10: map's R is inferred
        "  }",
        "}"));
    assertOnlyError(src, "[Unsupported] the member count of a value whose class is not known"
        + " here (it may be the private class Hidden) is not supported yet", 10, 54);
  }

  @Test
  void privateFieldsAndMethodsOfTheOwnerCompile() {
    JavaFileObject src = file("Secret", String.join("\n",
        "class Secret {",
        "  private static int hidden;",
        "  private int mine;",
        "  private static int twice(int x) { return 2 * x; }",
        "  @Async int run() {",
        "    suspend();",
        "    hidden += twice(mine++);",
        "    return hidden;",
        "  }",
        "}"));
    assertThat(compile(src)).succeededWithoutWarnings();
  }

  @Test
  void varAwaitingAnotherOwnersFrameCompiles() {
    // javac types `total` only once OtherAsync exists: the owner waits for the next round
    JavaFileObject other = file("Other", String.join("\n",
        "class Other {",
        "  @Async static java.util.List<String> names() { suspend(); return java.util.List.of(); }",
        "}"));
    JavaFileObject src = file("User", String.join("\n",
        "class User {",
        "  @Async static int run() {",
        "    var names = await(OtherAsync.names());",
        "    var first = java.util.List.copyOf(await(OtherAsync.names()));",
        "    suspend();",
        "    return names.size() + first.size();",
        "  }",
        "}"));
    assertThat(compile(src, other)).succeededWithoutWarnings();
  }

  @Test
  void varOfOwnFrameResultCompiles() {
    JavaFileObject src = file("Own", String.join("\n",
        "class Own {",
        "  @Async static long big() { suspend(); return 1L << 40; }",
        "  @Async static String run() {",
        "    var n = await(OwnAsync.big());",
        "    var text = \"n=\" + await(OwnAsync.big());",
        "    var twice = await(OwnAsync.big()) * 2;",
        "    suspend();",
        "    return text + (n + twice);",
        "  }",
        "}"));
    assertThat(compile(src)).succeededWithoutWarnings();
  }

  @Test
  void theOwnersOwnFrameClassesCanBeParameterAndResultTypes() {
    JavaFileObject src = file("Own", String.join("\n",
        "class Own {",
        "  @Async static long big() { suspend(); return 1L << 40; }",
        "  @Async static long twice(OwnAsync.Big frame) { return 2 * await(frame); }",
        "  @Async static OwnAsync.Big spawn() { suspend(); return OwnAsync.big(); }",
        "}"));
    assertThat(compile(src)).succeededWithoutWarnings();
  }

  @Test
  void aContinueToABlocksLabelIsJavacsErrorAlone() {
    JavaFileObject src = file("Own", String.join("\n",
        "class Own {",
        "  @Async static int id(int x) { suspend(); return x; }",
        "  @Async static void f() { lbl: { id(1); continue lbl; } }", // 6
        "}"));
    Compilation c = compile(src);
    assertThat(c).hadErrorContaining("not a loop label: lbl").inFile(src).onLine(6).atColumn(42);
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void aParameterOfAFrameClassTheOwnerDoesNotHaveIsJavacsErrorAndNoGeneratedCode() {
    JavaFileObject src = file("Own", String.join("\n",
        "class Own {",
        "  @Async static long big() { suspend(); return 1L; }",
        "  @Async static long twice(OwnAsync.Small frame) { return 2 * await(frame); }", // 6
        "}"));
    Compilation c = compile(src);
    assertThat(c).hadErrorContaining("package OwnAsync does not exist")
        .inFile(src).onLine(6).atColumn(36);
    assertThat(c).hadErrorContaining("[UnresolvedType] the signature of demo.Own mentions a type that"
        + " never became available").inFile(src).onLine(4).atColumn(1);
    assertThat(c).hadErrorCount(2);
  }

  @Test
  void varWhoseTypeNeedsTheOwnersOwnFrameIsAnError() {
    JavaFileObject src = file("Own", String.join("\n",
        "class Own {",
        "  @Async static String name() { suspend(); return \"a\"; }",
        "  @Async static int run() {",
        "    var most = java.util.Collections.max(java.util.List.of(await(OwnAsync.name())));", // 7
        "    suspend();",
        "    return most.length();",
        "  }",
        "}"));
    Compilation c = compile(src);
    assertThat(c).hadErrorContaining(
            "[UnresolvedType] javac cannot give this var a type: it mentions a class that never"
                + " became available; declare the variable with an explicit type")
        .inFile(src).onLine(7).atColumn(9);
  }

  @Test
  void aVarOfAnOverloadedFactorysFrameSaysWhichCallAndWhatToWrite() {
    JavaFileObject src = file("Ov", String.join("\n",
        "class Ov {",
        "  @Async static int ov(int n) { suspend(); return n; }",
        "  @Async static String ov(String s) { suspend(); return s; }",
        "  static <T> T make(java.util.function.Supplier<T> s) { return s.get(); }",
        "  @Async static String run() {",
        "    var known = OvAsync.ov(1);",                            // the arguments tell: ov(int)
        "    var f = OvAsync.ov(make(() -> \"x\"));",                 // 10
        "    suspend();",
        "    return await(f) + await(known);",
        "  }",
        "}"));
    Compilation c = compile(src);
    assertThat(c).hadErrorContaining("[UnresolvedType] javac cannot give this var a type: it is"
            + " the frame of one of the overloaded @Async methods Ov.ov, and which one the"
            + " arguments select is javac's to tell (write Frame<R>, R that method's result);"
            + " declare the variable with an explicit type")
        .inFile(src).onLine(10).atColumn(9);
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void aVarOfAnIntersectionWithABoundThatCannotBeWrittenLivingAcrossASuspensionIsAnError() {
    JavaFileObject src = file("Mixed", String.join("\n",
        "class Mixed {",
        "  @Async static String run(boolean f) {",
        "    var fine = f ? new java.util.ArrayList<String>() : new java.util.LinkedList<String>();",
        "    var x = f ? 1 : \"s\";",             // lub(Integer, String): read through Results.lub
        "    var nums = java.util.List.of(1, 2.5);", // typed by its initializer again, typedAs
        // 9, the name at 9: a lambda in the initializer, which the reads could not repeat
        "    var both = java.util.List.of(1, java.util.Objects.requireNonNull(\"s\", () -> \"m\"));",
        "    suspend();",
        "    return x + \" \" + fine + both + nums.get(0).intValue();",
        "  }",
        "}"));
    assertOnlyError(src, "[Unsupported] this var, whose type cannot be written as a field type"
        + " (an intersection or a type with one whose bounds cannot all be written), is not"
        + " supported yet", 9, 9);
  }

  @Test
  void aVarOfAnAnonymousClassMadeWithArgumentsLivingAcrossASuspensionIsAnError() {
    JavaFileObject src = file("Locals", String.join("\n",
        "class Locals {",
        "  @Async static int run(int a) {",
        "    var p = new Object() { int x = a; };", // no arguments: the frame declares the class
        "    var t = new Thread(\"t\" + a) { int x = a; };", // 7, the name at 9
        "    suspend();",
        "    return p.x + t.x;",
        "  }",
        "}"));
    assertOnlyError(src, "[Unsupported] this var of an anonymous class, living across a"
        + " suspension point, which the frame declares as a class of its own only when it is made"
        + " without arguments or a diamond, extends a class or interface the frame can name, and"
        + " declares no variable named like a local it uses, is not supported yet", 7, 9);
  }

  @Test
  void localRecordsEnumsAndInterfacesLiveAcrossSuspensionPoints() {
    JavaFileObject src = file("Locals", String.join("\n",
        "class Locals {",
        "  @Async static int run(int a) {",
        "    record Pair(int x, int y) {}",
        "    enum Side { LEFT, RIGHT }",
        "    interface Area { int of(Pair p); }",
        "    Pair p = new Pair(a, a);",
        "    var q = new Pair(a, a);",
        "    java.util.List<Pair> all = java.util.List.of(p, q);",
        "    Side side = Side.RIGHT;",
        "    Area area = r -> r.x() * r.y();",
        "    suspend();",
        "    return p.x() + q.y() + all.size() + side.ordinal() + area.of(p);",
        "  }",
        "}"));
    assertThat(compile(src)).succeededWithoutWarnings();
  }

  @Test
  void aLocalRecordNamedLikeAClassInScopeIsAnError() {
    JavaFileObject src = file("Locals", String.join("\n",
        "class Locals {",
        "  static class Pair {}",
        "  @Async static int run(int a) {",
        "    record Pair(int x, int y) {}",       // 7, the record at 5
        "    Pair p = new Pair(a, a);",
        "    suspend();",
        "    return p.x();",
        "  }",
        "}"));
    assertOnlyError(src, "[Unsupported] the local record Pair, named like a class in scope, is"
        + " not supported yet", 7, 5);
  }

  @Test
  void aLocalClassNamedLikeAFrameClassIsAnError() {
    JavaFileObject src = file("Locals", String.join("\n",
        "class Locals {",
        "  @Async static int counter(int a) {",
        "    class Counter { int n = a; }",          // 6, the class at 5
        "    Counter c = new Counter();",
        "    suspend();",
        "    return c.n;",
        "  }",
        "}"));
    assertOnlyError(src, "[Unsupported] the local class Counter, named like a generated class (the"
        + " frame class of an @Async method, or the owner's generated class), is not supported"
        + " yet", 6, 5);
  }

  @Test
  void aLocalOfALocalClassTypeWithinOneStateCompiles() {
    JavaFileObject src = file("Locals", String.join("\n",
        "class Locals {",
        "  @Async static int run(int a) {",
        "    suspend();",
        "    record Pair(int x, int y) {}",
        "    var p = new Pair(a, a);",
        "    return p.x() + p.y();",
        "  }",
        "}"));
    assertThat(compile(src)).succeededWithoutWarnings();
  }

  @Test
  void aSuperCallOfAnOverloadedMethodIsAnError() {
    JavaFileObject src = file("Kid", String.join("\n",
        "class Kid extends Parent {",
        "  @Async int run() {",
        "    suspend();",
        "    return super.pick(1) + super.only();",   // 7: javac puts super.pick at its dot, 17
        "  }",
        "}",
        "class Parent {",
        "  int pick(int a) { return a; }",
        "  int pick(String a) { return 0; }",
        "  int only() { return 2; }",
        "}"));
    assertOnlyError(src, "[Unsupported] super.pick(..) of an overloaded method is not"
        + " supported yet", 7, 17);
  }

  @Test
  void anAsyncMethodOverridingAPlainOneIsAnError() {
    JavaFileObject src = file("Zoo", String.join("\n",
        "class Zoo {",
        "  static class Animal { String name() { return \"animal\"; } }",
        "  static class Dog extends Animal {",
        "    @Async @Override String name() { suspend(); return \"dog\"; }",   // 7, the name at 29
        "  }",
        "}"));
    assertOnlyError(src, "[AsyncOverride] Dog.name is @Async and overrides Animal.name, which"
        + " is not: a plain call of Animal.name would run the @Async body outside a frame; make"
        + " Animal.name @Async too, or give", 7, 29);
  }

  @Test
  void anAsyncToStringIsAnError() {
    JavaFileObject src = file("Zoo", String.join("\n",
        "class Zoo {",
        "  @Async public String toString() { suspend(); return \"zoo\"; }",   // 5, the name at 24
        "}"));
    assertOnlyError(src, "[AsyncOverride] Zoo.toString is @Async and overrides Object.toString,"
        + " which is not: a plain call of Object.toString would run the @Async body outside a"
        + " frame; give the @Async method a name of its own and let the overriding method call it"
        + " (Object.toString is compiled already: it cannot become @Async)", 5, 24);
  }

  @Test
  void aPlainOverrideOfAnAsyncMethodCompiles() {
    JavaFileObject src = file("Zoo", String.join("\n",
        "class Zoo {",
        "  static class Animal { @Async String name() { suspend(); return \"animal\"; } }",
        "  static class Dog extends Animal {",
        "    @Override String name() { return \"dog\"; }",
        "  }",
        "}"));
    assertThat(compile(src)).succeededWithoutWarnings();
  }

  @Test
  void aPrivateClassAsTheResultOrAParameterCompilesAndInAResultsTypeArgumentIsAnError() {
    JavaFileObject src = file("Tree", String.join("\n",
        "class Tree {",
        "  private static final class Node { int v; }",
        "  @Async static int walk(Node n) { suspend(); return n.v; }",    // a parameter: its stand-in
        "  @Async int visit(Node n) { suspend(); return n.v + 1; }",      // overridable too
        "  @Async static Node make(int v) { suspend(); return new Node(); }", // the result: too
        "  @Async Node copy(Node n) { suspend(); return n; }",
        "  @Async static java.util.List<Node> all() { suspend(); return null; }", // 10, at 38
        "}"));
    assertOnlyError(src, "[Unsupported] the private class Node in a type argument of an @Async"
        + " method's result or in a bound of its type variables is not supported yet", 10, 38);
  }

  @Test
  void aMethodTypeVariableHidingTheClassesIsAnError() {
    JavaFileObject src = file("Box", String.join("\n",
        "class Box<T> {",
        "  @Async <T> T echo(T x) { suspend(); return x; }",   // 5, the name at 16
        "}"));
    assertOnlyError(src, "[Unsupported] the method's type variable T, which hides a type"
        + " variable T of its class, is not supported yet", 5, 16);
  }

  @Test
  void aRefusedMethodIsNotEmittedWithItsOwnersOtherMethods() {
    JavaFileObject src = file("Box", String.join("\n",
        "class Box<T> {",
        "  T v;",
        "  @Async <T> T echo(T x) { suspend(); return x; }",   // 6, the name at 16
        "  @Async T get() { suspend(); return v; }",          // emitted, alone
        "}"));
    assertOnlyError(src, "[Unsupported] the method's type variable T, which hides a type"
        + " variable T of its class, is not supported yet", 6, 16);
  }

  @Test
  void anInstanceMethodWhoseFactoryWouldBeAStaticOnesIsAnError() {
    JavaFileObject src = file("Twice", String.join("\n",
        "class Twice {",
        "  @Async int f(int x) { suspend(); return x; }",                 // 5, the name at 14
        "  @Async static int f(Twice o, int x) { suspend(); return -x; }",
        "}"));
    assertOnlyError(src, "[AsyncOwner] @Async methods of Twice cannot be transformed: the factory"
        + " of the instance method f would be TwiceAsync.f(demo.Twice, int), as is the static"
        + " one's; rename one of them", 5, 14);
  }

  @Test
  void anInnerClassTypeVariableHidingAnEnclosingClassesIsAnError() {
    JavaFileObject src = file("Box", String.join("\n",
        "class Box<T> {",
        "  T value;",
        "  class In<T> { @Async T get(T t) { suspend(); return t; } }",   // 6, the name at 26
        "}"));
    assertOnlyError(src, "[Unsupported] the method's type variable T, which hides a type"
        + " variable T of its class, is not supported yet", 6, 26);
  }
}
