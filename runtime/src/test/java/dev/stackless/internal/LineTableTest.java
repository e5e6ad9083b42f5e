package dev.stackless.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class LineTableTest {

  @Test
  void decodesEveryChunkInOrder() {
    assertArrayEquals(new int[] {86, 5, 165, 7, 70000, 12},
        LineTable.decode("86,5", "165,7,70000,12"));
  }

  @Test
  void anEmptyTableHasNoNumbers() {
    assertArrayEquals(new int[0], LineTable.decode());
  }
}
