package dev.stackless.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import javax.tools.JavaFileObject;

/** Compiles test sources with the processor. */
final class Sources {
  private Sources() {}

  /** A file {@code demo/Name.java} with the keyword imports every async test needs. */
  static JavaFileObject file(String name, String body) {
    return JavaFileObjects.forSourceString(
        "demo." + name,
        "package demo;\n"
            + "import static dev.stackless.Keywords.*;\n"
            + "import dev.stackless.*;\n"
            + body);
  }

  static Compilation compile(JavaFileObject... files) {
    return javac().withProcessors(new AsyncProcessor()).compile(files);
  }

  /** Compiles {@code src}: one error, containing {@code message}, at its line and column. */
  static void assertOnlyError(JavaFileObject src, String message, int line, int column) {
    Compilation c = compile(src);
    assertThat(c).hadErrorContaining(message).inFile(src).onLine(line).atColumn(column);
    assertThat(c).hadErrorCount(1);
  }
}
