package dev.stackless.tests;

import static dev.stackless.Keywords.nosuspend;
import static dev.stackless.Keywords.resume;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.stackless.Frame;
import org.junit.jupiter.api.Test;

class ProtectedsTest {
  @Test
  void inheritedProtectedMembersOfAnotherPackageBehaveAsInPlainJava() {
    String plain = new Protecteds().runPlain(3);
    Frame<String> frame = ProtectedsAsync.run(new Protecteds(), 3);
    while (!frame.isDone()) {
      resume(Protecteds.parked);
    }
    String transformed = nosuspend(frame);
    assertEquals("[x6]6", plain.substring(0, plain.indexOf(' ')));
    assertEquals(plain.substring(0, plain.indexOf(' ')),
        transformed.substring(0, transformed.indexOf(' ')));
    // the static protected counter: one more instance made since the plain run read it
    assertEquals(Integer.parseInt(plain.substring(plain.indexOf(' ') + 1)) + 1,
        Integer.parseInt(transformed.substring(transformed.indexOf(' ') + 1)));
  }

  @Test
  void inheritedProtectedFieldsAssignedFromSuspendingValuesBehaveAsInPlainJava() {
    String plain = new SuspendingProtecteds().runPlain();
    Frame<String> frame = SuspendingProtectedsAsync.run(new SuspendingProtecteds());
    while (!frame.isDone()) {
      resume(Protecteds.parked);
    }
    assertEquals("24 s24", plain);
    assertEquals(plain, nosuspend(frame));
  }

  @Test
  void qualifiedInheritedProtectedFieldsAssignedFromSuspendingValuesBehaveAsInPlainJava() {
    String plain = new SuspendingProtecteds().qualifiedPlain(new SuspendingProtecteds());
    Frame<String> frame =
        SuspendingProtectedsAsync.qualified(new SuspendingProtecteds(), new SuspendingProtecteds());
    while (!frame.isDone()) {
      resume(Protecteds.parked);
    }
    assertEquals("counting7-2 counting/1818 50", plain);
    assertEquals(plain, nosuspend(frame));
  }

  @Test
  void qualifiedProtectedMembersOfAnotherPackageBehaveAsInPlainJava() {
    String plain = new QualifiedProtecteds().runPlain(new QualifiedProtecteds());
    var frame = QualifiedProtectedsAsync.run(new QualifiedProtecteds(), new QualifiedProtecteds());
    Protecteds.parked.resume();
    assertEquals("2 1 true t2 o1", plain);
    assertEquals(plain, nosuspend(frame));
  }

  @Test
  void protectedMembersOfJdkClassesBehaveAsInPlainJava() {
    String plain = new JdkProtecteds().runPlain();
    var frame = JdkProtectedsAsync.run(new JdkProtecteds());
    Protecteds.parked.resume();
    assertEquals(plain, nosuspend(frame));
  }

  @Test
  void aFieldHidingAnInheritedProtectedOneIsTheOwnersOwn() {
    var frame = HidingAsync.names(new Hiding());
    Protecteds.parked.resume();
    assertEquals("hiding/hiding<q><z>", nosuspend(frame));
  }

  @Test
  void protectedMethodsOfAGenericSuperclassOfAnotherPackageAreTypedAsTheSubclassSeesThem() {
    String plain = new HeldStrings().runPlain();
    Frame<String> frame = HeldStringsAsync.run(new HeldStrings());
    while (!frame.isDone()) {
      resume(Protecteds.parked);
    }
    assertEquals("3 A12 a12!", plain);
    assertEquals(plain, nosuspend(frame));
  }

  @Test
  void protectedMethodsOfAGenericSuperclassAreTypedInAGenericSubclass() {
    Frame<String> frame = HeldAsync.run(new Held<Integer>(), 12, 345);
    resume(Protecteds.parked);
    assertEquals("12,345,3", nosuspend(frame));
  }
}
