package dev.stackless.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** {@link Outer}'s nested owners against their plain twins. */
class OuterTest {

  @Test
  void anInnerClassUsesItsEnclosingInstanceAndItsPrivateMembers() {
    Outer plainOuter = new Outer("p");
    Outer.Inner plainInner = plainOuter.new Inner();
    Outer asyncOuter = new Outer("p");
    Outer.Inner asyncInner = asyncOuter.new Inner();
    for (int n = 1; n <= 3; n++) {
      Sched plain = new Sched();
      String expected = plainInner.visitPlain(plain, n);
      Sched async = new Sched();
      assertEquals(expected, async.drive(Outer_InnerAsync.visit(asyncInner, async, n)));
      assertEquals(plain.log, async.log);
    }
    assertEquals(plainOuter.total, asyncOuter.total);
    assertEquals(106, asyncOuter.total);
    Sched s = new Sched();
    assertEquals("p#4 hits=4 total=110 own=10 outer=p",
        s.drive(Outer_InnerAsync.visit(asyncInner, s, 4)));
  }

  @Test
  void twoLevelsOut() {
    Outer outer = new Outer("q");
    Outer.Inner inner = outer.new Inner();
    Sched first = new Sched();
    first.drive(Outer_InnerAsync.visit(inner, first, 5));
    Outer.Inner.Deeper deeper = inner.new Deeper();
    Sched plain = new Sched();
    int expected = deeper.reachPlain(plain);
    Sched async = new Sched();
    assertEquals(expected, async.drive(Outer_Inner_DeeperAsync.reach(deeper, async)));
    assertEquals(plain.log, async.log);
    assertEquals(1 + 1 + 105, expected);
  }

  @Test
  void privateFieldsOfAGenericClass() {
    Outer.Box<String> plainBox = new Outer.Box<>();
    Outer.Box<String> asyncBox = new Outer.Box<>();
    for (String item : new String[] {"b", "a", "c"}) {
      Sched plain = new Sched();
      String expected = plainBox.addPlain(plain, item);
      Sched async = new Sched();
      assertEquals(expected, async.drive(Outer_BoxAsync.add(asyncBox, async, item)));
      assertEquals(plain.log, async.log);
    }
    Sched s = new Sched();
    assertEquals("c", s.drive(Outer_BoxAsync.add(asyncBox, s, "a")));
  }

  @Test
  void enumRecordAndInterfaceOwners() {
    Sched s = new Sched();
    assertEquals(42, s.drive(Outer_OpAsync.applyLater(Outer.Op.MUL, s, 6, 7)));
    assertEquals(13, s.drive(Outer_OpAsync.applyLater(Outer.Op.ADD, s, 6, 7)));
    assertEquals(7, s.drive(Outer_PointAsync.sumLater(new Outer.Point(3, 4), s)));
    Outer.Shape square = () -> 4.0;
    assertEquals(4.0, s.drive(Outer_ShapeAsync.areaLater(square, s)));
    assertEquals(2, s.drive(Outer_ShapeAsync.countLater(s, java.util.List.of(square, square))));
    assertEquals(java.util.List.of("later MUL 6", "later ADD 6", "later x 3", "later area 0",
        "later count 2"), s.log);
  }

  @Test
  void privateGenericAndVarargsMethods() {
    Outer outer = new Outer("g");
    assertEquals("[w, w] 0 12 w 6", Sched.sameAsPlain(
        s -> OuterAsync.privateGenerics(outer, s, "w"), s -> outer.privateGenericsPlain(s, "w")));
  }

  @Test
  void anInnerClassCallsItsEnclosingInstancesAsyncMethods() {
    Outer.Inner inner = new Outer("o").new Inner();
    assertEquals("hello a from o0 / hello b from o0", Sched.sameAsPlain(
        s -> Outer_InnerAsync.greetBoth(inner, s), inner::greetBothPlain));
  }

  @Test
  void privateMembersOfAnotherInstance() {
    Outer plainA = new Outer("a");
    Outer plainB = new Outer("b");
    Outer asyncA = new Outer("a");
    Outer asyncB = new Outer("b");
    int result = Sched.sameAsPlain(s -> OuterAsync.transfer(asyncA, s, asyncB, 5),
        s -> plainA.transferPlain(s, plainB, 5));
    assertEquals(500 - 5 + 3, result);
  }
}
