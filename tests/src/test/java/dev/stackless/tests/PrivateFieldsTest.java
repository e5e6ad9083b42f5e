package dev.stackless.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** {@link PrivateFields} against its plain twins. */
class PrivateFieldsTest {

  @Test
  void staticPrivateFieldsTakeTheValuesOfSuspensionPoints() {
    for (int k = 1; k <= 3; k++) {
      int n = k;
      String got = Sched.sameAsPlain(
          s -> PrivateFieldsAsync.assignStatic(s, n), s -> PrivateFields.assignStaticPlain(s, n));
      assertEquals(expectedStatic(k), got);
    }
  }

  @Test
  void instancePrivateFieldsToo() {
    for (int k = 1; k <= 4; k++) {
      int n = k;
      PrivateFields plain = new PrivateFields();
      PrivateFields async = new PrivateFields();
      long got = Sched.sameAsPlain(
          s -> PrivateFieldsAsync.assignInstance(async, s, n), s -> plain.assignInstancePlain(s, n));
      assertEquals(k % 2 == 0 ? k + 7 : k * 30 + 7, got);
    }
  }

  /** What Java computes, written out: the twin comparison alone would pass if both were wrong. */
  private static String expectedStatic(int k) {
    int count = k * 10;
    String label = "L" + count;
    count = k > 1 ? count + 1 : count - 1;
    label = k == 1 ? "one" : k == 2 ? label + 2 : label + "/" + k;
    return label + ":" + (count + 5);
  }
}
