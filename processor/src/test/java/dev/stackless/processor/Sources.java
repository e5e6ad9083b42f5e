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

  /**
   * Compiles {@code library} (with the processor, or without it) into a directory of class files,
   * for a later compilation's classpath that sees the library's classes, not its sources.
   */
  static java.io.File compiledLibrary(boolean withProcessor, JavaFileObject... library)
      throws java.io.IOException {
    Compilation c = withProcessor ? compile(library)
        : javac().withOptions("-proc:none").compile(library);
    assertThat(c).succeeded();
    java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("stackless-library");
    for (JavaFileObject output : c.generatedFiles()) {
      if (output.getKind() == JavaFileObject.Kind.CLASS) {
        // CLASS_OUTPUT/demo/K.class
        String path = output.toUri().getPath();
        java.nio.file.Path file = dir.resolve(path.substring(path.indexOf('/', 1) + 1));
        java.nio.file.Files.createDirectories(file.getParent());
        try (java.io.InputStream in = output.openInputStream()) {
          java.nio.file.Files.copy(in, file);
        }
      }
    }
    return dir.toFile();
  }

  /** Compiles {@code files} with the processor, against the class files in {@code library}. */
  static Compilation compileAgainst(java.io.File library, JavaFileObject... files) {
    java.util.List<java.io.File> classpath = new java.util.ArrayList<>(java.util.List.of(library));
    for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
      classpath.add(new java.io.File(entry));
    }
    return javac().withProcessors(new AsyncProcessor()).withClasspath(classpath).compile(files);
  }

  /** Compiles {@code src}: one error, containing {@code message}, at its line and column. */
  static void assertOnlyError(JavaFileObject src, String message, int line, int column) {
    Compilation c = compile(src);
    assertThat(c).hadErrorContaining(message).inFile(src).onLine(line).atColumn(column);
    assertThat(c).hadErrorCount(1);
  }
}
