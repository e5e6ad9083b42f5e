package dev.stackless.tests;

import static dev.stackless.Keywords.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stackless.AnyFrame;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The frame of an overridden @Async method stands for the override that runs: resuming it,
 * reading its state, awaiting it and reusing it behave as for the override's own frame.
 */
class DispatchTest {

  private static AnyFrame takeParked() {
    AnyFrame frame = Dispatch.parked;
    Dispatch.parked = null;
    return frame;
  }

  @Test
  void theFactoryOfAnAbstractMethodRunsTheOverride() {
    var frame = Dispatch_AnimalAsync.sound(new Dispatch.Dog(), 2);
    assertFalse(frame.isDone());
    assertTrue(frame.isSuspended(), "the override is suspended, so this frame may be resumed");
    assertTrue(frame.toString().startsWith("dev.stackless.tests.Dispatch.Animal.sound{dispatched to"
        + " dev.stackless.tests.Dispatch.Dog.sound{SUSPENDED at Dispatch.java:26}"), frame.toString());
    AnyFrame override = takeParked();
    frame.resume(); // forwarded to the override's frame, which frame() handed out
    assertTrue(frame.isDone());
    assertEquals("woofwoof", nosuspend(frame));
    assertThrows(IllegalStateException.class, override::resume, "it has returned");
  }

  @Test
  void nosuspendOfADispatchedFrameNamesTheSuspendedOverride() {
    var frame = Dispatch_AnimalAsync.sound(new Dispatch.Dog(), 2);
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> nosuspend(frame));
    assertEquals("async function called in nosuspend scope suspended:"
        + " dev.stackless.tests.Dispatch.Animal.sound has not completed"
        + " (dispatched to dev.stackless.tests.Dispatch.Dog.sound, SUSPENDED)", e.getMessage());
    takeParked().resume();
    assertEquals("woofwoof", nosuspend(frame));
  }

  @Test
  void resumingTheOverridesOwnFrameCompletesTheDispatchingOne() {
    var frame = Dispatch_AnimalAsync.greet(new Dispatch.Dog());
    takeParked().resume();
    assertEquals("I say woofwoof", nosuspend(frame));
  }

  @Test
  void anOrdinaryOverrideRunsWithoutSuspending() {
    var frame = Dispatch_AnimalAsync.sound(new Dispatch.Cat(), 3);
    assertTrue(frame.isDone());
    assertEquals("meowmeowmeow", nosuspend(frame));
    assertEquals("I say meowmeow", nosuspend(Dispatch_AnimalAsync.greet(new Dispatch.Cat())));
  }

  @Test
  void aFrameToStartDispatchesEachTimeItStarts() {
    var frame = new Dispatch_AnimalAsync.Sound();
    frame.start(new Dispatch.Cat(), 1);
    assertEquals("meow", nosuspend(frame));
    frame.start(new Dispatch.Dog(), 1); // reused for another receiver class
    assertFalse(frame.isDone());
    takeParked().resume();
    assertEquals("woof", nosuspend(frame));
  }

  @Test
  void superCallsRunTheSuperclassBodyAndItsCallsDispatch() {
    var frame = Dispatch_AnimalAsync.greet(new Dispatch.Puppy());
    takeParked().resume(); // Dog.sound, called by Animal.greet's body, run through super.greet()
    assertFalse(frame.isDone());
    frame.resume(); // Puppy.greet's own suspension, reached through the dispatching frame
    assertEquals("I say woofwoof!", nosuspend(frame));
  }

  @Test
  void aResumeOfADispatchedFrameWhoseOverrideRunsIsIllegal() {
    var frame = Dispatch_AnimalAsync.sound(new Dispatch.Dog(), 1);
    takeParked().resume();
    var e = assertThrows(IllegalStateException.class, frame::resume);
    assertTrue(e.getMessage().startsWith("resumed an async function which already returned"),
        e.getMessage());
  }

  private static List<String> trace(Throwable e) {
    return TraceElements.of(e);
  }

  @Test
  void anExceptionOfAnAsyncOverrideNamesItAndItsCallersOnly() {
    var frame = DispatchAsync.listen(new Dispatch.Dog(), -1);
    takeParked().resume();
    var e = assertThrows(IllegalArgumentException.class, () -> nosuspend(frame));
    List<String> elements = trace(e);
    String owner = "dev.stackless.tests.Dispatch";
    assertEquals(owner + "$Dog.sound(Dispatch.java:28)", elements.get(0)); // as the JVM names it
    assertEquals(owner + ".listen(Dispatch.java:58)", elements.get(1), String.join("\n", elements));
    assertTrue(elements.stream().noneMatch(s -> s.contains("Animal")), String.join("\n", elements));
  }

  @Test
  void anExceptionOfAnOrdinaryOverrideIsItsOwn() {
    var frame = DispatchAsync.listen(new Dispatch.Cat(), -1);
    var e = assertThrows(IllegalArgumentException.class, () -> nosuspend(frame));
    List<String> elements = trace(e);
    // the dispatching frame's step() is not among them: the call was Cat.sound's
    assertEquals("dev.stackless.tests.Dispatch$Cat.sound(Dispatch.java:39)", elements.get(0));
    assertEquals("dev.stackless.tests.Dispatch.listen(Dispatch.java:58)", elements.get(1),
        String.join("\n", elements));
  }

  @Test
  void theOverrideSeesTheSameArgumentsAndReceiver() {
    Dispatch.Dog dog = new Dispatch.Dog();
    var frame = DispatchAsync.listen(dog, 0);
    takeParked().resume();
    assertEquals(".", nosuspend(frame));
    assertSame(null, Dispatch.parked);
  }
}
