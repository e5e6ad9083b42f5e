package dev.stackless.processor.model;

/**
 * A statement that {@code break} or {@code continue} can target (a loop or a labelled statement)
 * and that contains a suspension point, so the lowering turns it into states. Identity matters:
 * the reader creates one per statement and jumps point at it.
 */
public final class JumpTarget {
  private final String description;

  public JumpTarget(String description) {
    this.description = description;
  }

  @Override
  public String toString() {
    return description;
  }
}
