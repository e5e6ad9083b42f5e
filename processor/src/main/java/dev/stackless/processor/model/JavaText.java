package dev.stackless.processor.model;

/** Where Java source text has literals and comments, which rewrites of the code must skip. */
public final class JavaText {
  private JavaText() {}

  /**
   * The end of the comment, string, character literal or text block that starts at {@code i}
   * (for a line comment, its newline), or {@code i} if none does; at most {@code limit}.
   */
  public static int literalOrCommentEnd(CharSequence source, int i, int limit) {
    if (startsWith(source, "//", i, limit)) {
      int end = indexOf(source, "\n", i, limit);
      return end;
    }
    if (startsWith(source, "/*", i, limit)) {
      return Math.min(limit, indexOf(source, "*/", i + 2, limit) + 2);
    }
    if (startsWith(source, "\"\"\"", i, limit)) {
      int at = i + 3;
      while (at < limit && !startsWith(source, "\"\"\"", at, limit)) {
        at += source.charAt(at) == '\\' ? 2 : 1;
      }
      return Math.min(limit, at + 3);
    }
    char c = i < limit ? source.charAt(i) : 0;
    if (c == '"' || c == '\'') {
      int at = i + 1;
      while (at < limit && source.charAt(at) != c && source.charAt(at) != '\n') {
        at += source.charAt(at) == '\\' ? 2 : 1;
      }
      return Math.min(limit, at + 1);
    }
    return i;
  }

  /** The source with each comment and literal blanked out, its lines and positions kept. */
  public static String withoutCommentsAndLiterals(CharSequence source) {
    StringBuilder out = new StringBuilder(source.length());
    for (int i = 0; i < source.length(); ) {
      int end = literalOrCommentEnd(source, i, source.length());
      if (end == i) {
        out.append(source.charAt(i++));
        continue;
      }
      for (; i < end; i++) {
        out.append(source.charAt(i) == '\n' ? '\n' : ' ');
      }
    }
    return out.toString();
  }

  private static boolean startsWith(CharSequence source, String what, int at, int limit) {
    if (at + what.length() > limit) {
      return false;
    }
    for (int k = 0; k < what.length(); k++) {
      if (source.charAt(at + k) != what.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  /** The index of {@code what} at or after {@code from}, or {@code limit}. */
  private static int indexOf(CharSequence source, String what, int from, int limit) {
    for (int i = from; i < limit; i++) {
      if (startsWith(source, what, i, limit)) {
        return i;
      }
    }
    return limit;
  }
}
