package dev.stackless.tests;

import static dev.stackless.Keywords.*;

import dev.stackless.Async;
import dev.stackless.Frame;

/**
 * Values whose types the processor must get right although javac cannot give them while it
 * processes: {@code var} locals that mention a generated class (another owner's, or this owner's
 * own {@code TypingAsync}), and the results of direct {@code @Async} calls inside expressions,
 * which have the method's primitive type where {@code await} of the frame has the box. Each
 * {@code @Async} method has a plain twin, compared by {@link TypingTest}.
 */
class Typing {

  /** Another owner's frame: javac types these once {@code FlowsAsync} exists (a later round). */
  @Async
  static int varOfAnotherOwnersFrame(Sched s, int n) {
    var early = FlowsAsync.later(s, "early", n);
    var direct = await(FlowsAsync.later(s, "direct", n + 1));
    var viaVar = await(early);
    Flows.later(s, "between", 0);
    return direct * 10 + viaVar;
  }

  static int varOfAnotherOwnersFramePlain(Sched s, int n) {
    var early = Flows.laterPlain(s, "early", n);
    var direct = Flows.laterPlain(s, "direct", n + 1);
    var viaVar = early;
    Flows.laterPlain(s, "between", 0);
    return direct * 10 + viaVar;
  }

  @Async
  static long big(Sched s, String tag, long value) {
    s.log("big " + tag + " " + value);
    suspend(self -> s.ready.add(self));
    return value;
  }

  static long bigPlain(Sched s, String tag, long value) {
    s.log("big " + tag + " " + value);
    return value;
  }

  /**
   * This owner's own frames: no later round can type these before {@code TypingAsync} is written,
   * so the processor reads their types off the initializer. Every local lives across a suspension.
   */
  @Async
  static String varOfOwnFrame(Sched s, int n) {
    var boxed = await(TypingAsync.big(s, "boxed", n));
    var early = TypingAsync.big(s, "early", 3);
    var viaVar = await(early);
    var text = "n=" + await(TypingAsync.big(s, "text", n));
    var sum = await(TypingAsync.big(s, "sum", n)) * 2 + n;
    var less = await(TypingAsync.big(s, "less", n)) < n + 1;
    var cast = (int) (long) await(TypingAsync.big(s, "cast", n));
    Flows.later(s, "between", 0);
    return boxed.getClass().getSimpleName() + " " + boxed + " " + viaVar + " " + text + " "
        + sum + " " + less + " " + cast;
  }

  static String varOfOwnFramePlain(Sched s, int n) {
    Long boxed = bigPlain(s, "boxed", n);
    var early = bigPlain(s, "early", 3);
    var viaVar = early;
    var text = "n=" + bigPlain(s, "text", n);
    var sum = bigPlain(s, "sum", n) * 2 + n;
    var less = bigPlain(s, "less", n) < n + 1;
    var cast = (int) (long) bigPlain(s, "cast", n);
    Flows.laterPlain(s, "between", 0);
    return boxed.getClass().getSimpleName() + " " + boxed + " " + viaVar + " " + text + " "
        + sum + " " + less + " " + cast;
  }

  @Async
  static String tagged(Sched s, String tag, String value) {
    s.log("tagged " + tag + " " + value);
    suspend(self -> s.ready.add(self));
    return value;
  }

  static String taggedPlain(Sched s, String tag, String value) {
    s.log("tagged " + tag + " " + value);
    return value;
  }

  /** An overload of tagged(.., String): the frames of both, chosen by the arguments' types. */
  @Async
  static long tagged(Sched s, String tag, long value) {
    return big(s, tag, value + 1);
  }

  static long taggedPlain(Sched s, String tag, long value) {
    return bigPlain(s, tag, value + 1);
  }

  /**
   * Frames of a generic method held in vars (their type arguments inferred from the arguments,
   * or written) and in a {@code Frame<Integer>} local, awaited in a switch block inside an
   * expression.
   */
  @Async
  static int varsOfGenericOwnFrames(Sched s, int k) {
    var inferred = TypingAsync.pass(s, java.util.List.of("a", "b"));
    var written = new TypingAsync.Pass<java.util.List<String>>();
    written.start(s, java.util.List.of("c"));
    Frame<Long> framed = TypingAsync.big(s, "framed", 4);
    Flows.later(s, "between", 0);
    long sum = 1 + switch (k) {
      case 1 -> {
        long q = await(framed);
        yield q + 10;
      }
      default -> 0L;
    };
    return await(inferred).size() * 100 + await(written).get(0).length() * 10 + (int) sum;
  }

  static int varsOfGenericOwnFramesPlain(Sched s, int k) {
    var inferred = passPlain(s, java.util.List.of("a", "b"));
    var written = passPlain(s, java.util.List.of("c"));
    long framed = bigPlain(s, "framed", 4);
    Flows.laterPlain(s, "between", 0);
    long sum = 1 + switch (k) {
      case 1 -> {
        long q = framed;
        yield q + 10;
      }
      default -> 0L;
    };
    return inferred.size() * 100 + written.get(0).length() * 10 + (int) sum;
  }

  @Async
  static <T> T quiet(Sched s, T value) {
    s.log("quiet");
    suspend(self -> s.ready.add(self));
    return value;
  }

  static <T> T quietPlain(Sched s, T value) {
    s.log("quiet");
    return value;
  }

  /** A factory call written in await, whose lambda argument only the target types. */
  @Async
  static String awaitedFactoryOfALambda(Sched s) {
    java.util.function.Supplier<String> made = await(TypingAsync.quiet(s, () -> "made"));
    Flows.later(s, "between", 0);
    return made.get();
  }

  static String awaitedFactoryOfALambdaPlain(Sched s) {
    java.util.function.Supplier<String> made = quietPlain(s, () -> "made");
    Flows.laterPlain(s, "between", 0);
    return made.get();
  }

  @Async
  static String varsOfOverloadedOwnFrames(Sched s, int n) {
    var number = TypingAsync.tagged(s, "number", n);
    var text = TypingAsync.tagged(s, "text", "t" + n);
    Flows.later(s, "between", 0);
    return (await(number) + 1) + " " + await(text).length();
  }

  static String varsOfOverloadedOwnFramesPlain(Sched s, int n) {
    var number = taggedPlain(s, "number", n);
    var text = taggedPlain(s, "text", "t" + n);
    Flows.laterPlain(s, "between", 0);
    return (number + 1) + " " + text.length();
  }

  /**
   * Direct calls of an {@code int} method compare as ints: equal values outside the Integer cache
   * are equal ({@code await} of two frames would compare boxes, as plain Java does).
   */
  @Async
  static String primitiveResults(Sched s, int n) {
    String out = "";
    if (Flows.later(s, "x", n) != Flows.later(s, "y", n)) {
      out += "differ ";
    }
    if (Flows.later(s, "x", n) == Flows.later(s, "y", n)) {
      out += "equal ";
    }
    int narrowed = (int) (big(s, "narrow", 3_000_000_000L)) + 1;
    short shorter = (short) big(s, "short", 70_000);
    return out + narrowed + " " + shorter;
  }

  static String primitiveResultsPlain(Sched s, int n) {
    String out = "";
    if (Flows.laterPlain(s, "x", n) != Flows.laterPlain(s, "y", n)) {
      out += "differ ";
    }
    if (Flows.laterPlain(s, "x", n) == Flows.laterPlain(s, "y", n)) {
      out += "equal ";
    }
    int narrowed = (int) (bigPlain(s, "narrow", 3_000_000_000L)) + 1;
    short shorter = (short) bigPlain(s, "short", 70_000);
    return out + narrowed + " " + shorter;
  }

  /** A factory call whose argument suspends: the generated class is a type, not a value. */
  @Async
  static int factoryArgumentSuspends(Sched s, int n) {
    int viaAwait = await(FlowsAsync.later(s, "outer", Flows.later(s, "inner", n)));
    var frame = TypingAsync.big(s, "frame", Flows.later(s, "arg", n + 1));
    return viaAwait * 100 + (int) (long) await(frame);
  }

  static int factoryArgumentSuspendsPlain(Sched s, int n) {
    int viaAwait = Flows.laterPlain(s, "outer", Flows.laterPlain(s, "inner", n));
    var frame = bigPlain(s, "frame", Flows.laterPlain(s, "arg", n + 1));
    return viaAwait * 100 + (int) (long) frame;
  }

  // --- return values that take their type from the method's return type ------------------------

  @Async
  static java.util.List<String> returnsDiamond(Sched s, int n) {
    Flows.later(s, "diamond", n);
    if (n > 0) {
      return new java.util.ArrayList<>(java.util.List.of("n" + n));
    }
    return java.util.List.of();
  }

  static java.util.List<String> returnsDiamondPlain(Sched s, int n) {
    Flows.laterPlain(s, "diamond", n);
    if (n > 0) {
      return new java.util.ArrayList<>(java.util.List.of("n" + n));
    }
    return java.util.List.of();
  }

  @Async
  static java.util.function.IntSupplier returnsLambda(Sched s, int n) {
    int k = Flows.later(s, "lambda", n);
    return n > 1 ? () -> k * 2 : () -> k;
  }

  static java.util.function.IntSupplier returnsLambdaPlain(Sched s, int n) {
    int k = Flows.laterPlain(s, "lambda", n);
    return n > 1 ? () -> k * 2 : () -> k;
  }

  @SuppressWarnings("unchecked")
  static <T> T unchecked(Object value) {
    return (T) value;
  }

  /** {@code String} is the inferred type of {@code unchecked(..)}: the return checks it, as Java does. */
  @Async
  static String returnsUnchecked(Sched s, Object value) {
    Flows.later(s, "unchecked", 0);
    return unchecked(value);
  }

  static String returnsUncheckedPlain(Sched s, Object value) {
    Flows.laterPlain(s, "unchecked", 0);
    return unchecked(value);
  }

  /**
   * A generic method: what {@code var} of its result is depends on Java's inference. In this
   * owner on purpose (it is {@code Flows.echo} otherwise): a var of another owner's await is
   * typed by javac a round later, one of this owner's own must be typed by the processor.
   */
  @Async
  static <V> V pass(Sched s, V value) {
    s.log("pass " + value);
    suspend(self -> s.ready.add(self));
    return value;
  }

  static <V> V passPlain(Sched s, V value) {
    s.log("pass " + value);
    return value;
  }

  /** Vars of generic results: inferred from an argument, or from a written type argument. */
  @Async
  static String varOfGenericResult(Sched s, int n) {
    var text = await(TypingAsync.pass(s, "t")) + n;          // String + int: String
    var number = pass(s, n) + 1;                              // Integer unboxed: int
    var explicit = await(TypingAsync.<Long>pass(s, 5L)) * 2;  // long
    var again = await(TypingAsync.pass(s, text));             // String
    return text + " " + number + " " + explicit + " " + again.length()
        + " " + ((Object) number).getClass().getSimpleName()
        + " " + ((Object) explicit).getClass().getSimpleName();
  }

  static String varOfGenericResultPlain(Sched s, int n) {
    var text = passPlain(s, "t") + n;
    var number = passPlain(s, n) + 1;
    var explicit = Typing.<Long>passPlain(s, 5L) * 2;
    var again = passPlain(s, text);
    return text + " " + number + " " + explicit + " " + again.length()
        + " " + ((Object) number).getClass().getSimpleName()
        + " " + ((Object) explicit).getClass().getSimpleName();
  }

  /**
   * Vars holding this owner's own frames in collections, typed by the processor: a generic
   * factory's inference from its arguments ({@code List.of}, {@code Map.of}, {@code Optional.of}),
   * array creation, and for-each variables over both. Every local lives across a suspension.
   */
  @Async
  static String varsOfCollectedOwnFrames(Sched s, int n) {
    var list = java.util.List.of(TypingAsync.big(s, "a", n), TypingAsync.big(s, "b", n + 1));
    var array = new TypingAsync.Big[] {TypingAsync.big(s, "c", n + 2)};
    var grid = new TypingAsync.Big[2][];
    var byName = java.util.Map.of("d", TypingAsync.big(s, "d", n + 3));
    var maybe = java.util.Optional.of(TypingAsync.big(s, "e", n + 4));
    var entry = java.util.Map.entry(n, TypingAsync.pass(s, "f"));
    var asList = java.util.Arrays.asList(TypingAsync.big(s, "g", 1), TypingAsync.big(s, "h", 2));
    var boxes = java.util.List.of(pass(s, n), 7);
    long sum = 0;
    for (var frame : list) {
      sum += await(frame);
    }
    for (var frame : array) {
      sum += await(frame);
    }
    for (var frame : asList) {
      sum = sum * 10 + await(frame);
    }
    return sum + " " + grid.length + " " + await(byName.get("d")) + " " + await(maybe.get())
        + " " + entry.getKey() + await(entry.getValue()) + " " + boxes;
  }

  static String varsOfCollectedOwnFramesPlain(Sched s, int n) {
    var list = java.util.List.of(bigPlain(s, "a", n), bigPlain(s, "b", n + 1));
    var array = new long[] {bigPlain(s, "c", n + 2)};
    var grid = new long[2][];
    var byName = java.util.Map.of("d", bigPlain(s, "d", n + 3));
    var maybe = java.util.Optional.of(bigPlain(s, "e", n + 4));
    var entry = java.util.Map.entry(n, passPlain(s, "f"));
    var asList = java.util.Arrays.asList(bigPlain(s, "g", 1), bigPlain(s, "h", 2));
    var boxes = java.util.List.of(passPlain(s, n), 7);
    long sum = 0;
    for (var value : list) {
      sum += value;
    }
    for (var value : array) {
      sum += value;
    }
    for (var value : asList) {
      sum = sum * 10 + value;
    }
    return sum + " " + grid.length + " " + byName.get("d") + " " + maybe.get()
        + " " + entry.getKey() + entry.getValue() + " " + boxes;
  }

  // --- this owner's own frame classes in signatures (Zig's *@Frame(big)) -------------------------

  /** A parameter of this owner's frame class, which javac cannot type before it is generated. */
  @Async
  static long awaitsGivenFrame(Sched s, TypingAsync.Big frame, int n) {
    var same = frame;
    long first = await(frame);
    Flows.later(s, "between", n);
    return first * 10 + await(same) + n;
  }

  static long awaitsGivenFramePlain(Sched s, long frame, int n) {
    var same = frame;
    long first = frame;
    Flows.laterPlain(s, "between", n);
    return first * 10 + same + n;
  }

  /** A result of this owner's frame class: a frame that starts another and hands it over. */
  @Async
  static TypingAsync.Big spawns(Sched s, int n) {
    Flows.later(s, "spawn", n);
    return TypingAsync.big(s, "spawned", n);
  }

  static long spawnsPlain(Sched s, int n) {
    Flows.laterPlain(s, "spawn", n);
    return bigPlain(s, "spawned", n);
  }

  @Async
  static long usesSpawned(Sched s, int n) {
    var spawned = await(TypingAsync.spawns(s, n));
    TypingAsync.Big direct = spawns(s, n + 1);
    return await(spawned) * 100 + await(direct) * 10
        + await(TypingAsync.awaitsGivenFrame(s, TypingAsync.big(s, "given", n), n));
  }

  static long usesSpawnedPlain(Sched s, int n) {
    var spawned = spawnsPlain(s, n);
    long direct = spawnsPlain(s, n + 1);
    return spawned * 100 + direct * 10 + awaitsGivenFramePlain(s, bigPlain(s, "given", n), n);
  }

  /** A value an @Async method returns, and whose instance @Async method is then called. */
  static class Named {
    final String name;

    Named(String name) {
      this.name = name;
    }

    @Async
    String greet(Sched s) {
      Flows.later(s, "greet " + name, 0);
      return "hi " + name;
    }

    String greetPlain(Sched s) {
      Flows.laterPlain(s, "greet " + name, 0);
      return "hi " + name;
    }
  }

  @Async
  static Named named(Sched s, String name) {
    Flows.later(s, "named " + name, 0);
    return new Named(name);
  }

  static Named namedPlain(Sched s, String name) {
    Flows.laterPlain(s, "named " + name, 0);
    return new Named(name);
  }

  /** Receivers typed by a frame's result: await(f).m(), nosuspend(f).m(), (c ? null : x).m(). */
  @Async
  static String awaitedReceivers(Sched s, boolean none) {
    dev.stackless.Frame<Named> f = TypingAsync.named(s, "f");
    Named x = new Named("x");
    String first = await(f).greet(s);
    return first + ", " + nosuspend(f).greet(s) + ", " + (none ? null : x).greet(s)
        + ", " + java.util.Optional.of(x).get().greet(s);
  }

  static String awaitedReceiversPlain(Sched s, boolean none) {
    Named f = namedPlain(s, "f");
    Named x = new Named("x");
    String first = f.greetPlain(s);
    return first + ", " + f.greetPlain(s) + ", " + (none ? null : x).greetPlain(s)
        + ", " + java.util.Optional.of(x).get().greetPlain(s);
  }
}
