package dev.stackless.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The spill nodes generated code builds: values, and entries the state machine runs. */
class SpillTest {

  @Test
  void anEntryWaitsForTheStatesItNamesAndThenRunsTheRestOnce() throws Throwable {
    List<String> ran = new ArrayList<>();
    Spill<?> spill = Spill.<Integer>enter(2).bind(v -> {
      ran.add("rest " + v);
      return Spill.now(v * 10);
    });
    assertFalse(spill.isDone());
    assertEquals(2, spill.entry());
    assertEquals(List.of(), ran); // nothing after the switch runs before it yields
    assertThrows(IllegalStateException.class, spill::frame);
    assertThrows(IllegalStateException.class, spill::value);
    Spill<?> resumed = spill.resume(4);
    assertTrue(resumed.isDone());
    assertEquals(40, resumed.value());
    assertEquals(List.of("rest 4"), ran);
  }

  @Test
  void anEntryAfterAValueAndBeforeAnotherEntryKeepsTheOrder() throws Throwable {
    Spill<?> spill = Spill.now(1).bind(a -> Spill.<Integer>enter(0)
        .bind(b -> Spill.<Integer>enter(1).bind(c -> Spill.now(a + "," + b + "," + c))));
    assertEquals(0, spill.entry());
    spill = spill.resume(2);
    assertEquals(1, spill.entry());
    spill = spill.resume(3);
    assertEquals("1,2,3", spill.value());
  }

  @Test
  void valuesAndFramesEnterNoStates() {
    assertEquals(-1, Spill.now(5).entry());
    assertEquals(-1, Spill.await(java.util.concurrent.CompletableFuture.completedFuture(5)).entry());
  }
}
