package dev.stackless.tests;

import static dev.stackless.tests.Sched.sameAsPlain;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** {@link Supers} against plain Java. */
class SupersTest {

  @Test
  void superCallsTheSuperclassMethod() {
    Supers.Derived derived = new Supers.Derived();
    assertEquals("hi x / hello x / 3", sameAsPlain(
        s -> Supers_DerivedAsync.both(derived, s, "x"), s -> derived.bothPlain(s, "x")));
    Supers.Derived more = new Supers.MoreDerived();
    assertEquals("yo x / hello x / 3", sameAsPlain(
        s -> Supers_DerivedAsync.both(more, s, "x"), s -> more.bothPlain(s, "x")));
  }

  @Test
  void superFieldsAreTheSuperclassesEvenWhenHidden() {
    Supers.Counting plain = new Supers.Counting();
    Supers.Counting async = new Supers.Counting();
    assertEquals("9 9 7 100 base3", sameAsPlain(
        s -> Supers_CountingAsync.fields(async, s, 3), s -> plain.fieldsPlain(s, 3)));
    assertEquals(9, ((Supers.Counted) async).count);
    assertEquals(7, async.count);
  }

  @Test
  void asyncCallsThroughSuperACastAndATypeVariable() {
    Supers.Receivers receivers = new Supers.Receivers();
    Supers.AsyncBase other = new Supers.AsyncBase();
    assertEquals(12, (int) sameAsPlain(
        s -> Supers_ReceiversAsync.all(receivers, s, other, other),
        s -> receivers.allPlain(s, other, other)));
  }
}
