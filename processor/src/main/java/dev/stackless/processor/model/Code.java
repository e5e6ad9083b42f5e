package dev.stackless.processor.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A fragment of Java source read from the user's method: text with holes that only later passes
 * can fill (a local whose final name depends on hoisting, a jump whose target state is numbered
 * by the lowering).
 */
public final class Code {
  private final List<Part> parts;
  /** The source line the fragment starts at, or 0 for code the processor made up. */
  private final long line;

  public Code(List<Part> parts) {
    this(parts, 0);
  }

  public Code(List<Part> parts, long line) {
    this.parts = Collections.unmodifiableList(new ArrayList<>(parts));
    this.line = line;
  }

  public long line() {
    return line;
  }

  public static Code text(String text) {
    return new Code(List.of(new Part.Text(text)));
  }

  /** The pieces (Code, Part, or text) in order; the line of the first piece that has one. */
  public static Code concat(Object... pieces) {
    List<Part> parts = new ArrayList<>();
    long line = 0;
    for (Object piece : pieces) {
      if (piece instanceof Code) {
        parts.addAll(((Code) piece).parts);
        if (line == 0) {
          line = ((Code) piece).line;
        }
      } else if (piece instanceof Part) {
        parts.add((Part) piece);
      } else {
        parts.add(new Part.Text(String.valueOf(piece)));
      }
    }
    return new Code(parts, line);
  }

  public List<Part> parts() {
    return parts;
  }

  /** The locals this fragment refers to or declares. */
  public List<Local> locals() {
    List<Local> locals = new ArrayList<>();
    for (Part part : parts) {
      if (part instanceof Part.LocalRef) {
        locals.add(((Part.LocalRef) part).local());
      } else if (part instanceof Part.Return && ((Part.Return) part).value() != null) {
        locals.addAll(((Part.Return) part).value().locals());
      } else if (part instanceof Part.LocalDecl) {
        Part.LocalDecl decl = (Part.LocalDecl) part;
        locals.add(decl.local());
        if (decl.init() != null) {
          locals.addAll(decl.init().locals());
        }
      }
    }
    return locals;
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    for (Part part : parts) {
      out.append(part);
    }
    return out.toString();
  }
}
