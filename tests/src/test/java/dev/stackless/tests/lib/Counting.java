package dev.stackless.tests.lib;

/** A superclass in another package, whose protected members a subclass's @Async body uses. */
public class Counting {
  protected int hits;
  protected static int created;
  protected String name = "counting";

  protected Counting() {
    created++;
  }

  protected static String tag(String s) {
    return "<" + s + ">";
  }

  protected String hook(String s) {
    return s + hits;
  }
}
