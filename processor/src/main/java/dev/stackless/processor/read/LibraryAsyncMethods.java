package dev.stackless.processor.read;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ImportTree;
import com.sun.source.util.Trees;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * The {@code @Async} methods of compiled classes (a library's, which the sources do not show) that
 * a compilation unit can name: its package's and its imports', nested classes included. With
 * their names, a call whose receiver's class the declarations do not tell is questioned as one of
 * the sources' would be ({@code h.item.m()} with {@code m} in a jar), rather than taken for a plain
 * call. JDK packages are skipped: no {@code @Async} method is in them.
 */
public final class LibraryAsyncMethods {
  private LibraryAsyncMethods() {}

  /** Adds the unit's library {@code @Async} methods to {@code byName}. */
  public static void collect(Elements elements, Trees trees, CompilationUnitTree unit,
      TypeElement owner, Map<String, List<ExecutableElement>> byName) {
    Set<TypeElement> types = new LinkedHashSet<>();
    try {
      types.addAll(ElementFilter.typesIn(elements.getPackageOf(owner).getEnclosedElements()));
      for (ImportTree imported : unit.getImports()) {
        String name = imported.getQualifiedIdentifier().toString();
        if (imported.isStatic() || name.startsWith("java.") || name.startsWith("javax.")) {
          continue;
        }
        if (name.endsWith(".*")) {
          String container = name.substring(0, name.length() - 2);
          PackageElement pkg = elements.getPackageElement(container);
          TypeElement type = pkg == null ? elements.getTypeElement(container) : null;
          types.addAll(ElementFilter.typesIn(pkg != null ? pkg.getEnclosedElements()
              : type != null ? type.getEnclosedElements() : List.of()));
        } else {
          TypeElement type = elements.getTypeElement(name);
          if (type != null) {
            types.add(type);
          }
        }
      }
    } catch (RuntimeException unreadable) {
      return; // a class file javac cannot complete: what was found so far is not all, use none
    }
    List<TypeElement> all = new ArrayList<>(types);
    for (int i = 0; i < all.size(); i++) {
      TypeElement type = all.get(i);
      if (trees.getPath(type) != null) {
        continue; // a source: its methods are the sources' own
      }
      for (Element member : type.getEnclosedElements()) {
        if (member instanceof TypeElement) {
          all.add((TypeElement) member);
        } else if (member instanceof ExecutableElement && Intrinsics.isAsync(member)) {
          List<ExecutableElement> named = byName.computeIfAbsent(
              member.getSimpleName().toString(), k -> new ArrayList<>());
          if (!named.contains(member)) {
            named.add((ExecutableElement) member);
          }
        }
      }
    }
  }
}
