package dev.stackless.internal;

/**
 * The table from a generated file's lines to the user's, for a file too large for an array
 * initializer (each element costs bytecode in the class initializer, whose size is limited to
 * 64 KiB): written as strings of comma-separated numbers, read once when the class initializes.
 */
public final class LineTable {
  private LineTable() {}

  /** The numbers in {@code chunks}, in order: {@code "86,5,165,7"} is {@code {86, 5, 165, 7}}. */
  public static int[] decode(String... chunks) {
    int count = 0;
    for (String chunk : chunks) {
      count += chunk.isEmpty() ? 0 : chunk.split(",", -1).length;
    }
    int[] numbers = new int[count];
    int at = 0;
    for (String chunk : chunks) {
      if (chunk.isEmpty()) {
        continue;
      }
      for (String number : chunk.split(",", -1)) {
        numbers[at++] = Integer.parseInt(number);
      }
    }
    return numbers;
  }
}
