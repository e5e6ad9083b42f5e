package dev.stackless.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** See {@link ProcessorGaps}. */
class ProcessorGapsTest {

  @Test
  void varOfAwait() {
    Sched plain = new Sched();
    int expected = ProcessorGaps.varOfAwaitPlain(plain, 4);
    Sched async = new Sched();
    int actual = async.drive(ProcessorGapsAsync.varOfAwait(async, 4));
    assertEquals(plain.log, async.log);
    assertEquals(expected, actual);
    assertEquals(54, actual);
  }
}
