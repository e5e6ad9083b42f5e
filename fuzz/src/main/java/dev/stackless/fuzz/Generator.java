package dev.stackless.fuzz;

import dev.stackless.fuzz.Program.Block;
import dev.stackless.fuzz.Program.Method;
import dev.stackless.fuzz.Program.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Generates a random, well-typed, terminating {@code @Async} program from a seed (the same seed
 * always gives the same program). The program is a class with a root {@code run(Sink out)}, a few
 * more {@code @Async} methods (each calls only later ones, or itself with a decreasing depth), and
 * helpers that log. Every method writes its effects into the sink it is given and touches no static
 * state, so a frame started and awaited later (a fork) logs into a sink of its own.
 *
 * <p>Termination: every loop runs on a counter bounded by a small constant, incremented in the loop
 * header (so no statement the shrinker removes can make a loop infinite); calls form a DAG plus
 * self-recursion on a depth parameter; calls to {@code @Async} methods are not generated inside
 * doubly nested loops. A sink also cuts any run off after 50,000 effects, identically in both runs.
 */
final class Generator {
  enum T {
    INT("int"), LONG("long"), BOOL("boolean"), STR("String"), VOID("void"),
    ARR("int[]"), LIST("List<Integer>"), MAP("Map<String, Integer>"), COLOR("Color"),
    FORK("var"), LAM_INT("IntBinaryOperator"), LAM_STR("Supplier<String>"), RES("Res");

    final String java;

    T(String java) {
      this.java = java;
    }
  }

  static final class Var {
    final String name;
    final T type;
    /** Effectively final: a lambda may capture it. */
    final boolean fin;
    /** The program may assign it. */
    final boolean mutable;
    /** For a fork: the awaited method's result type and the fork's sink. */
    T forkType;
    String sink;
    boolean joined;
    /** Declared with var from an expression that may be boxed (a pattern's Integer n). */
    boolean mayBeBoxed;

    Var(String name, T type, boolean fin, boolean mutable) {
      this.name = name;
      this.type = type;
      this.fin = fin;
      this.mutable = mutable;
    }
  }

  static final class Sig {
    final int index;
    final String name;
    final T ret;
    final List<T> params = new ArrayList<>();
    /** An instance method: called on {@code this}, or on {@code self} from a static method. */
    boolean instance;

    Sig(int index, String name, T ret) {
      this.index = index;
      this.name = name;
      this.ret = ret;
    }
  }

  /** A break or continue target: a loop (with its label, if any), a switch or a labelled block. */
  static final class Target {
    final String label;
    final boolean loop;
    /** A labelled block: only {@code break label;} reaches it. */
    final boolean block;

    Target(String label, boolean loop) {
      this(label, loop, false);
    }

    Target(String label, boolean loop, boolean block) {
      this.label = label;
      this.loop = loop;
      this.block = block;
    }
  }

  private final SplittableRandom rnd;
  private final List<Sig> sigs = new ArrayList<>();
  private final List<Var> vars = new ArrayList<>();
  private final List<Target> targets = new ArrayList<>();
  /** Declarations of the private fields {@link #privateFields} made, for the program's helpers. */
  private final List<String> helperFields = new ArrayList<>();
  private final List<Var> runFields = new ArrayList<>();
  private Sig current;
  private int names;
  /**
   * Per block being generated, innermost first: names of locals whose scope has ended in its
   * statements so far, which its later declarations may take again.
   */
  private final java.util.Deque<List<String>> closedNames = new java.util.ArrayDeque<>();
  private int budget;
  private int depth;
  private int loopDepth;
  private boolean allowSuspend = true;
  private boolean lambdaOnly;
  private boolean mayThrowChecked;
  private int exprDepth;
  /** Inside a switch expression's block, where return is not allowed. */
  private boolean noReturn;
  /**
   * Inside a block of a switch expression nested in a larger expression: javac (17 to 25)
   * crashes on a try statement there when a long operand is on its stack ({@code 1L + switch (k)
   * { case 0 -> { try { .. } finally { .. } yield 1L; } ..}}), so the plain twin would not compile.
   */
  private boolean noTry;
  /** Conditionals with suspending branches in the statement being generated. */
  private int suspendingConditionals;
  private static final int MAX_SUSPENDING_CONDITIONALS = 3;
  /**
   * The paths the processor writes through the current statement's expression: a conditional
   * whose branch may suspend doubles them, as does {@code &&} or {@code ||} whose right side may,
   * and a switch whose rules may suspend multiplies them by its rules. The processor's limit is
   * {@value #MAX_PATHS} (beyond it, a clear error the README documents, not a program to test).
   */
  private int paths = 1;
  private static final int MAX_PATHS = 64;

  /** Whether a construct that multiplies the paths by {@code factor} may suspend; counts it. */
  private boolean takePaths(int factor) {
    if (paths * factor > MAX_PATHS) {
      return false;
    }
    paths *= factor;
    return true;
  }

  /**
   * Steer around the processor bugs the fuzzer found that are still open (each one has a reproducer
   * under src/test/resources/regressions): see {@link KnownBugs}.
   */
  private final boolean avoidKnownBugs;

  private Generator(long seed, boolean avoidKnownBugs) {
    this.rnd = new SplittableRandom(seed);
    this.avoidKnownBugs = avoidKnownBugs;
  }

  static Program generate(long seed) {
    return generate(seed, KnownBugs.avoid);
  }

  static Program generate(long seed, boolean avoidKnownBugs) {
    return new Generator(seed, avoidKnownBugs).program(seed);
  }

  /** expr(t), with no suspension point in it when a known bug says so. */
  private String exprAvoiding(T t, boolean bug) {
    if (!(bug && avoidKnownBugs)) return expr(t);
    boolean saved = allowSuspend;
    allowSuspend = false;
    String r = expr(t);
    allowSuspend = saved;
    return r;
  }

  // ---------------------------------------------------------------------------------------------
  // program, methods

  private Program program(long seed) {
    Program p = new Program(seed);
    int k1 = lit(2, 9);
    int k2 = lit(1, 40);
    // private now and then: the frames then call them through the generated accessors
    String hidden = rnd.nextBoolean() ? "private " : "";
    p.helpers.add(hidden + "static int hi(Sink out, int a, int b) { return log(out, a * " + k1 + " - b + " + k2 + "); }");
    p.helpers.add("static long hl(Sink out, long a) { return log(out, a * " + lit(3, 1000) + "L + " + k2 + "); }");
    p.helpers.add("static boolean hb(Sink out, int a) { return log(out, Math.floorMod(a, " + lit(2, 4) + ") == 0); }");
    p.helpers.add(hidden + "static String hs(Sink out, String s, int a) { log(out, \"hs\"); return s + \"" + (char) ('a' + lit(0, 25)) + "\" + a; }");
    // the owner's own bf hides its superclass's (Program renders OwnerBase)
    // takes a lambda or a method reference made before its argument, which may suspend
    p.helpers.add("static int ap(java.util.function.IntUnaryOperator f, int x) { return f.applyAsInt(x); }");
    p.helpers.add("int bf = 17;");
    p.helpers.add("int bm(Sink out, int x) { return log(out, x * 5 - 2); }");
    // a generic @Async method: inference, explicit type arguments, boxes in and out
    p.helpers.add("@Async static <V> V pass(Sink out, V value) throws Checked { suspend(park(out)); return value; }");
    // a private exception for control flow: thrown, and caught where a try's last clause is
    p.helpers.add("private static final class Oops extends RuntimeException { Oops(String m) { super(m); } }");
    if (rnd.nextInt(3) == 0) {
      // hides the imported rt.Color: the frames hold it as java.lang.Enum, switch on ordinal()
      p.helpers.add("private enum Color { RED, GREEN, BLUE }");
    }
    int n = 1 + rnd.nextInt(4);
    sigs.add(new Sig(0, "run", T.STR));
    T[] rets = {T.INT, T.INT, T.LONG, T.BOOL, T.STR, T.STR, T.VOID};
    T[] ptypes = {T.INT, T.INT, T.LONG, T.BOOL, T.STR};
    for (int i = 1; i <= n; i++) {
      Sig s = new Sig(i, "m" + i, rets[rnd.nextInt(rets.length)]);
      s.instance = rnd.nextInt(3) == 0;
      int np = rnd.nextInt(3);
      for (int j = 0; j < np; j++) {
        s.params.add(ptypes[rnd.nextInt(ptypes.length)]);
      }
      sigs.add(s);
    }
    if (sigs.stream().anyMatch(x -> x.instance) && rnd.nextBoolean()) {
      p.helpers.add(subclass());
      withSubclass = true;
    }
    for (Sig s : sigs) {
      p.methods.add(method(s));
    }
    p.helpers.addAll(helperFields);
    return p;
  }

  /** Whether the program has a {@code Sub} that overrides instance methods; see {@link #subclass}. */
  private boolean withSubclass;

  /**
   * {@code static class Sub extends Owner}, which overrides some instance methods with an {@code
   * @Async} method that logs, suspends and calls {@code super}, and some with an ordinary method:
   * a static method's {@code self} may be one, so calls dispatch as Java's do. Its annotation is
   * written in full, so that {@link Program#asyncHeaders} (the plain twin's factories) skips it.
   */
  private String subclass() {
    StringBuilder sub = new StringBuilder("static class Sub extends " + Program.OWNER + " {\n");
    for (Sig s : sigs) {
      if (!s.instance || rnd.nextInt(3) == 0) {
        continue;
      }
      StringBuilder header = new StringBuilder(s.ret.java + " " + s.name + "(Sink out, int d");
      List<String> args = new ArrayList<>(List.of("out", "d"));
      for (int i = 0; i < s.params.size(); i++) {
        header.append(", ").append(s.params.get(i).java).append(" p").append(i);
        args.add("p" + i);
      }
      header.append(") throws Checked");
      String ret = s.ret == T.VOID ? "" : "return ";
      if (rnd.nextInt(3) != 0) {
        sub.append("    @dev.stackless.Async @Override ").append(header).append(" { log(out, \"sub ")
            .append(s.name).append("\"); suspend(park(out)); ").append(ret).append("super.")
            .append(s.name).append("(").append(String.join(", ", args)).append("); }\n");
      } else {
        String value = s.ret == T.INT ? "d + 1" : s.ret == T.LONG ? "d * 3L" : s.ret == T.BOOL
            ? "d > 0" : s.ret == T.STR ? "\"p\" + d" : null;
        sub.append("    @Override ").append(header).append(" { log(out, \"plain ").append(s.name)
            .append("\");").append(value == null ? "" : " return " + value + ";").append(" }\n");
      }
    }
    return sub.append("  }").toString();
  }

  private Method method(Sig s) {
    current = s;
    vars.clear();
    targets.clear();
    depth = 0;
    loopDepth = 0;
    Method m;
    vars.add(new Var("out", T.VOID, true, false));
    if (s.index == 0) {
      m = new Method("public static String run(Sink out) throws Checked");
      m.body.stmts.add(new Node().add("final int d = " + rnd.nextInt(3) + ";"));
      privateFields(m);
      budget = 8 + rnd.nextInt(24);
    } else {
      StringBuilder h = new StringBuilder(
          (s.instance ? "" : "static ") + s.ret.java + " " + s.name + "(Sink out, int d");
      for (int i = 0; i < s.params.size(); i++) {
        h.append(", ").append(s.params.get(i).java).append(" p").append(i);
        vars.add(new Var("p" + i, s.params.get(i), true, false));
      }
      h.append(") throws Checked");
      m = new Method(h.toString());
      budget = 3 + rnd.nextInt(12);
    }
    vars.add(new Var("d", T.INT, true, false));
    if (!s.instance && sigs.stream().anyMatch(x -> x.instance)) {
      // the receiver of the instance methods a static method calls, live across its suspensions
      m.body.stmts.add(new Node().add(Program.OWNER + " self = new " + Program.OWNER
          + (withSubclass && rnd.nextInt(3) != 0 ? ".Sub" : "") + "();"));
    }
    block(m.body, budget);
    if (s.ret != T.VOID) {
      m.body.stmts.add(new Node().add("return " + expr(s.ret) + ";"));
    }
    return m;
  }

  /**
   * Private static fields of the owner, which the frames reach through the processor's private
   * accessors. Only {@code run} uses them (no other frame is live before it starts or after it
   * ends, so the plain and the transformed run see the same values), and it sets them first,
   * since both runs share the class.
   */
  private void privateFields(Method run) {
    int n = rnd.nextInt(3);
    T[] types = {T.INT, T.INT, T.LONG, T.STR};
    for (int i = 0; i < n; i++) {
      T t = types[rnd.nextInt(types.length)];
      String name = fresh("pf");
      helperFields.add("private static " + t.java + " " + name + ";");
      String init = t == T.STR ? "\"" + (char) ('a' + lit(0, 25)) + "\"" : t == T.LONG ? lit(0, 99) + "L" : Integer.toString(lit(0, 99));
      run.body.stmts.add(new Node().add(name + " = " + init + ";"));
      runFields.add(new Var(name, t, false, true));
    }
    vars.addAll(runFields);
  }

  // ---------------------------------------------------------------------------------------------
  // statements

  private void block(Block b, int n) {
    int mark = vars.size();
    closedNames.push(new ArrayList<>());
    for (int i = 0; i < n && budget > 0; i++) {
      stmt(b);
    }
    closedNames.pop();
    while (vars.size() > mark) {
      Var gone = vars.remove(vars.size() - 1);
      if (gone.name.startsWith("v") && !closedNames.isEmpty()) {
        closedNames.peek().add(gone.name); // the enclosing block's later statements may take it
      }
    }
  }

  /**
   * A name for a new local: now and then one whose scope has ended in an earlier statement of
   * this block ({@code { int v3 = ..; } String v3 = ..;}), which Java allows and the frame, whose
   * states hold several blocks, must keep apart. (Only this block's: the generator makes some
   * code before code that precedes it, a guarded block's statements after its last one.)
   */
  private String localName() {
    List<String> here = closedNames.peek();
    if (here != null && !here.isEmpty() && rnd.nextInt(3) == 0) {
      return here.remove(rnd.nextInt(here.size()));
    }
    return fresh("v");
  }

  private Block body(int max) {
    Block b = new Block();
    depth++;
    block(b, 1 + rnd.nextInt(max));
    depth--;
    return b;
  }

  private void stmt(Block b) {
    budget--;
    suspendingConditionals = 0;
    paths = 1;
    boolean nest = depth < 3;
    while (true) {
      switch (rnd.nextInt(23)) {
        case 0: case 1: case 2:
          decl(b);
          return;
        case 3: case 4:
          if (assign(b)) return;
          break;
        case 5:
          if (rnd.nextInt(4) == 0) {
            // fails now and then: an AssertionError with the detail as its message
            b.stmts.add(new Node().add("assert " + expr(T.BOOL)
                + (rnd.nextBoolean() ? " : " + expr(T.STR) : "") + ";"));
            return;
          }
          b.stmts.add(new Node().add("log(out, " + expr(any()) + ");"));
          return;
        case 6:
          if (allowSuspend) {
            b.stmts.add(new Node().add("suspend(park(out));"));
            return;
          }
          break;
        case 7:
          if (callStmt(b)) return;
          break;
        case 8:
          if (fork(b) || join(b)) return;
          break;
        case 9:
          if (collection(b)) return;
          break;
        case 10: case 11:
          if (nest) {
            ifStmt(b);
            return;
          }
          break;
        case 12: case 13:
          if (nest) {
            loop(b);
            return;
          }
          break;
        case 14:
          if (nest) {
            switchStmt(b);
            return;
          }
          break;
        case 15: case 16:
          if (nest && !noTry) {
            tryStmt(b);
            return;
          }
          break;
        case 17:
          if (jump(b)) return;
          break;
        case 18:
          throwStmt(b);
          return;
        case 19:
          if (!noReturn && rnd.nextInt(3) == 0) {
            earlyReturn(b);
            return;
          }
          break;
        case 20:
          if (rnd.nextInt(3) == 0) {
            localClass(b);
          } else {
            lambda(b);
          }
          return;
        case 21:
          if (recurse(b)) return;
          break;
        case 22:
          if (nest) {
            labelledBlock(b);
            return;
          }
          break;
        default:
          throw new AssertionError();
      }
    }
  }

  private T any() {
    T[] ts = {T.INT, T.INT, T.LONG, T.BOOL, T.STR};
    return ts[rnd.nextInt(ts.length)];
  }

  private String fresh(String prefix) {
    return prefix + (++names);
  }

  private void decl(Block b) {
    String name;
    switch (rnd.nextInt(12)) {
      case 0: case 1: case 2: case 3: case 4: case 5: {
        T t = any();
        boolean fin = rnd.nextInt(4) == 0;
        name = localName();
        boolean special = t != T.BOOL && allowSuspend && rnd.nextInt(6) == 0;
        if (special && depth < 3 && rnd.nextBoolean()) {
          // decided before anything is generated: what is generated changes the generator's state
          b.stmts.add(switchWithBlocks((fin ? "final " : "") + t.java + " " + name + " = ", t));
        } else {
          String init = special ? topLevel(t) : expr(t);
          // javac cannot infer a var from an initializer holding a block with a lambda
          boolean block = init.contains("-> {\n");
          String type = !special && !fin && !block && t != T.LONG && rnd.nextInt(3) == 0
              ? "var" : t.java;
          b.stmts.add(new Node().add((fin ? "final " : "") + type + " " + name + " = " + init + ";"));
          if (type.equals("var")) {
            Var declared = new Var(name, t, fin, !fin);
            declared.mayBeBoxed = true; // Integer += long is no Java: no long operand for it
            vars.add(declared);
            return;
          }
        }
        vars.add(new Var(name, t, fin, !fin));
        return;
      }
      case 6: case 7: {
        name = fresh("a");
        int n = 1 + rnd.nextInt(4);
        String init;
        if (rnd.nextBoolean()) {
          List<String> elems = new ArrayList<>();
          for (int i = 0; i < n; i++) elems.add(expr(T.INT));
          init = "new int[] {" + String.join(", ", elems) + "}";
        } else {
          init = "new int[" + n + "]";
        }
        b.stmts.add(new Node().add("int[] " + name + " = " + init + ";"));
        vars.add(new Var(name, T.ARR, false, false));
        return;
      }
      case 8: case 9: {
        name = fresh("l");
        b.stmts.add(new Node().add("List<Integer> " + name + " = new ArrayList<>(List.of("
            + expr(T.INT) + (rnd.nextBoolean() ? ", " + expr(T.INT) : "") + "));"));
        vars.add(new Var(name, T.LIST, false, false));
        return;
      }
      case 10: {
        name = fresh("m");
        b.stmts.add(new Node().add("Map<String, Integer> " + name + " = new TreeMap<>();"));
        vars.add(new Var(name, T.MAP, false, false));
        return;
      }
      default: {
        name = fresh("c");
        b.stmts.add(new Node().add("Color " + name + " = Color.values()[Math.floorMod(" + expr(T.INT) + ", 3)];"));
        vars.add(new Var(name, T.COLOR, false, true));
      }
    }
  }

  /**
   * An initializer, assigned value or returned value in a top-level position, where the README
   * allows a conditional whose branch suspends and a switch expression whose rules suspend.
   */
  private String topLevel(T t) {
    boolean saved = allowSuspend;
    if (rnd.nextBoolean()) {
      String c = expr(T.BOOL);
      allowSuspend = saved && takePaths(2);
      String r = c + " ? " + expr(t) + " : " + expr(t);
      allowSuspend = saved;
      return r;
    }
    StringBuilder sb = new StringBuilder("switch (Math.floorMod(" + expr(T.INT) + ", 3)) { ");
    allowSuspend = saved && takePaths(3);
    sb.append("case 0 -> ").append(expr(t)).append("; ");
    sb.append("case 1 -> ").append(expr(t)).append("; ");
    sb.append("default -> ").append(expr(t)).append("; }");
    allowSuspend = saved;
    return sb.toString();
  }

  /**
   * {@code head switch (sel) { case 0 -> { ...; yield e; } case 1 -> e; default -> ... };}: a
   * switch expression whose blocks run statements (suspending ones too) and yield. Inside them
   * no return, and no break or continue to a statement outside.
   */
  private Node switchWithBlocks(String head, T t) {
    Node n = new Node().add(head + "switch (Math.floorMod(" + expr(T.INT) + ", 3)) { ");
    String[] labels = {"case 0 -> ", "case 1 -> ", "default -> "};
    for (String label : labels) {
      if (rnd.nextInt(3) == 0) {
        n.add(label + expr(t) + "; ");
        continue;
      }
      n.add(label).add(armBlock(t)).add(" ");
    }
    return n.add("};");
  }

  /**
   * A switch expression inside a larger expression, on an int or a Color: its selector, its
   * rules' values and its blocks' statements may suspend. Of type long, some cases are ints,
   * which the switch promotes.
   */
  private String nestedSwitch(T t) {
    if (PATTERN_SWITCHES && rnd.nextInt(4) == 0) {
      return nestedPatternSwitch(t);
    }
    Var color = pick(T.COLOR, false);
    StringBuilder sb = new StringBuilder("(switch (");
    List<String> labels;
    if (color != null && rnd.nextBoolean()) {
      sb.append(color.name);
      labels = rnd.nextBoolean()
          ? List.of("case RED -> ", "case GREEN, BLUE -> ")
          : List.of("case BLUE -> ", "case RED -> ", "case GREEN -> "); // exhaustive, no default
    } else {
      sb.append("Math.floorMod(").append(expr(T.INT)).append(", 3)");
      labels = List.of("case 0 -> ", "case 1 -> ", "default -> ");
    }
    sb.append(") { ");
    boolean savedSuspend = allowSuspend;
    allowSuspend = savedSuspend && takePaths(labels.size()); // the rules' values and blocks
    for (String label : labels) {
      sb.append(label);
      if (allowSuspend && !lambdaOnly && depth < 3 && rnd.nextInt(5) == 0) {
        boolean savedNoTry = noTry;
        noTry = true;
        sb.append(Program.inline(armBlock(t))).append(" ");
        noTry = savedNoTry;
      } else if (rnd.nextInt(4) == 0) {
        boolean saved = allowSuspend;
        allowSuspend = false;
        String local = fresh("w");
        sb.append("{ int ").append(local).append(" = ").append(expr(T.INT)).append("; ")
            .append(yieldOf(t == T.INT ? local + " ^ " + expr(T.INT) : expr(t))).append(" } ");
        allowSuspend = saved;
      } else {
        sb.append(expr(t == T.LONG && rnd.nextBoolean() ? T.INT : t)).append("; ");
      }
    }
    allowSuspend = savedSuspend;
    return sb.append("})").toString();
  }

  /**
   * A switch rule's block of statements, which may suspend, ending in {@code yield e;}: no
   * return in it, and no break or continue to a statement outside. Its statements count their
   * own suspending conditionals, apart from the expression around the switch.
   */
  private Block armBlock(T t) {
    List<Target> outside = new ArrayList<>(targets);
    boolean savedNoReturn = noReturn;
    int savedConditionals = suspendingConditionals;
    int savedPaths = paths;
    targets.clear();
    noReturn = true;
    Block arm = body(2);
    arm.stmts.add(new Node().add(yieldOf(expr(t))));
    targets.addAll(outside);
    noReturn = savedNoReturn;
    suspendingConditionals = savedConditionals;
    paths = savedPaths;
    return arm;
  }

  /**
   * {@code (switch ((Object) e) { case Integer n -> n + e1; case String s -> s.length() + e2;
   * default -> e3; })} inside a larger expression (Java 21): the rules' values use the pattern
   * variables and may suspend.
   */
  private String nestedPatternSwitch(T t) {
    String n = fresh("n");
    String text = fresh("s");
    String sel = "(Object) " + (rnd.nextBoolean() ? expr(T.INT) : expr(T.STR));
    StringBuilder sb = new StringBuilder("(switch (" + sel + ") { ");
    boolean savedSuspend = allowSuspend;
    allowSuspend = savedSuspend && takePaths(3); // the rules' values
    vars.add(new Var(n, T.INT, true, false));
    sb.append("case Integer ").append(n).append(" -> (").append(n).append(" + ")
        .append(expr(T.INT)).append("); ");
    vars.remove(vars.size() - 1);
    vars.add(new Var(text, T.STR, true, false));
    sb.append("case String ").append(text).append(" -> (").append(text).append(".length() ^ ")
        .append(expr(T.INT)).append("); ");
    vars.remove(vars.size() - 1);
    sb.append("default -> ").append(expr(t == T.LONG && rnd.nextBoolean() ? T.INT : t))
        .append("; })");
    allowSuspend = savedSuspend;
    return sb.toString();
  }

  /**
   * {@code yield e;}. javac reads {@code yield (switch (c) { case A, B -> ...});} as a call of a
   * method named yield (a comma inside the first parentheses), so a nested switch (int or long)
   * gets a unary plus.
   */
  private static String yieldOf(String e) {
    return "yield " + (e.startsWith("(switch") ? "+" : "") + e + ";";
  }

  private Var pick(T t, boolean mutable) {
    List<Var> c = new ArrayList<>();
    for (Var v : vars) {
      if (v.type == t && (!mutable || v.mutable) && (!lambdaOnly || v.fin)) c.add(v);
    }
    return c.isEmpty() ? null : c.get(rnd.nextInt(c.size()));
  }

  private boolean assign(Block b) {
    T t = any();
    if (rnd.nextInt(5) == 0) {
      Var a = pick(T.ARR, false);
      if (a == null) return false;
      String op = rnd.nextBoolean() ? " = " : " += ";
      // the array part may suspend before an index that does not: Java still goes left to right
      String array = allowSuspend && rnd.nextInt(3) == 0 ? "pass(out, " + a.name + ")" : a.name;
      b.stmts.add(new Node().add(array + "[Math.floorMod(" + expr(T.INT) + ", " + a.name + ".length)]" + op + expr(T.INT) + ";"));
      return true;
    }
    Var v = pick(t, true);
    if (v == null) return false;
    String s;
    switch (t) {
      case INT: {
        String[] ops = {" = ", " += ", " -= ", " *= ", " ^= ", " += "};
        int k = rnd.nextInt(ops.length + 2);
        if (k == ops.length) s = v.name + (rnd.nextBoolean() ? "++;" : "--;");
        else if (k == ops.length + 1 && allowSuspend) s = v.name + " = " + topLevel(T.INT) + ";";
        else s = v.name + ops[k % ops.length] + expr(k == 5 && !v.mayBeBoxed ? T.LONG : T.INT) + ";";
        break;
      }
      case LONG: {
        String[] ops = {" = ", " += ", " *= ", " -= "};
        s = v.name + ops[rnd.nextInt(ops.length)] + expr(T.LONG) + ";";
        break;
      }
      case BOOL: {
        String[] ops = {" = ", " &= ", " |= "};
        s = v.name + ops[rnd.nextInt(ops.length)] + expr(T.BOOL) + ";";
        break;
      }
      default: {
        // no string is appended to itself or to another string variable: strings grow linearly
        if (rnd.nextBoolean()) s = v.name + " += " + expr(rnd.nextBoolean() ? T.INT : T.BOOL) + ";";
        else if (allowSuspend && rnd.nextInt(4) == 0) s = v.name + " = " + topLevel(T.STR) + ";";
        else s = v.name + " = " + expr(T.STR) + ";";
      }
    }
    b.stmts.add(new Node().add(s));
    return true;
  }

  private List<Sig> callees(boolean needValue) {
    List<Sig> c = new ArrayList<>();
    for (Sig s : sigs) {
      if (s.index > current.index && (!needValue || s.ret != T.VOID)) c.add(s);
    }
    return c;
  }

  /** A call's name and arguments, for a direct call or a factory {@code OwnerAsync.m(..)}. */
  /** A direct call of {@code s}: on {@code this} (written or not) or {@code self} if it is an instance method. */
  private String direct(Sig s, String sink, String depthArg) {
    String receiver = !s.instance ? "" : !current.instance ? "self." : rnd.nextBoolean() ? "this." : "";
    return receiver + args(s, sink, depthArg);
  }

  /** {@code OwnerAsync.m(..)}, the receiver first for an instance method. */
  private String factory(Sig s, String sink, String depthArg) {
    String call = args(s, sink, depthArg);
    if (s.instance) {
      int open = call.indexOf('(');
      call = call.substring(0, open + 1) + (current.instance ? "this" : "self") + ", " + call.substring(open + 1);
    }
    return Program.OWNER + "Async." + call;
  }

  private String args(Sig s, String sink, String depthArg) {
    StringBuilder sb = new StringBuilder(s.name + "(" + sink + ", " + depthArg);
    for (T p : s.params) sb.append(", ").append(expr(p));
    return sb.append(")").toString();
  }

  private boolean callsAllowed() {
    return allowSuspend && loopDepth < 2;
  }

  private boolean callStmt(Block b) {
    if (!callsAllowed()) return false;
    List<Sig> c = callees(false);
    if (c.isEmpty()) return false;
    Sig s = c.get(rnd.nextInt(c.size()));
    mayThrowChecked = true;
    b.stmts.add(new Node().add(direct(s, "out", "d") + ";"));
    return true;
  }

  private boolean fork(Block b) {
    if (!callsAllowed() || rnd.nextBoolean()) return false;
    List<Sig> c = callees(false);
    if (c.isEmpty()) return false;
    Sig s = c.get(rnd.nextInt(c.size()));
    String sink = fresh("s");
    String f = fresh("f");
    b.stmts.add(new Node().add("Sink " + sink + " = out.fork(); var " + f + " = "
        + factory(s, sink, "d") + ";"));
    Var v = new Var(f, T.FORK, false, false);
    v.forkType = s.ret;
    v.sink = sink;
    vars.add(v);
    return true;
  }

  /** Awaits a fork unconditionally, then appends its effects: one statement, never split. */
  private boolean join(Block b) {
    if (!allowSuspend) return false;
    for (Var v : vars) {
      if (v.type == T.FORK && !v.joined) {
        v.joined = true;
        b.stmts.add(new Node().add("log(out, await(" + v.name + ")); out.join(" + v.sink + ");"));
        return true;
      }
    }
    return false;
  }

  private boolean collection(Block b) {
    switch (rnd.nextInt(3)) {
      case 0: {
        Var l = pick(T.LIST, false);
        if (l == null) return false;
        b.stmts.add(new Node().add(l.name + ".add(" + expr(T.INT) + ");"));
        return true;
      }
      case 1: {
        Var m = pick(T.MAP, false);
        if (m == null) return false;
        b.stmts.add(new Node().add(m.name + ".merge(" + expr(T.STR) + ", " + expr(T.INT) + ", Integer::sum);"));
        return true;
      }
      default: {
        Var l = pick(T.LIST, false);
        if (l == null) return false;
        String x = fresh("x");
        boolean saved = lambdaOnly;
        boolean savedSuspend = allowSuspend;
        lambdaOnly = true;
        allowSuspend = false;
        vars.add(new Var(x, T.INT, true, false));
        String body = expr(T.INT);
        vars.remove(vars.size() - 1);
        lambdaOnly = saved;
        allowSuspend = savedSuspend;
        b.stmts.add(new Node().add(l.name + ".forEach(" + x + " -> log(out, " + body + "));"));
        return true;
      }
    }
  }

  private void ifStmt(Block b) {
    Node n = new Node().add("if (" + expr(T.BOOL) + ") ").add(body(4));
    if (rnd.nextBoolean()) {
      n.add(" else ").add(body(3));
    }
    b.stmts.add(n);
  }

  private void loop(Block b) {
    String label = rnd.nextInt(3) == 0 ? fresh("L") : null;
    String prefix = label == null ? "" : label + ": ";
    int bound = 1 + rnd.nextInt(4);
    boolean withCond = rnd.nextBoolean();
    int kind = rnd.nextInt(4);
    // a for-each has no condition: generate none (it might set mayThrowChecked for nothing)
    String cond = !withCond || kind == 3 ? "" : " && " + expr(T.BOOL);
    Node n = new Node();
    Var counter = null;
    switch (kind) {
      case 0: {
        String i = fresh("i");
        if (rnd.nextInt(4) == 0) { // for (i = 0; ..): an init of expression statements
          b.stmts.add(new Node().add("int " + i + ";"));
          n.add(prefix + "for (" + i + " = 0; " + i + " < " + bound + cond + "; " + i + "++) ");
        } else {
          n.add(prefix + "for (int " + i + " = 0; " + i + " < " + bound + cond + "; " + i + "++) ");
        }
        counter = new Var(i, T.INT, false, false);
        break;
      }
      case 1: {
        String w = fresh("w");
        b.stmts.add(new Node().add("int " + w + " = 0;"));
        vars.add(new Var(w, T.INT, false, false));
        n.add(prefix + "while (" + w + "++ < " + bound + cond + ") ");
        break;
      }
      case 2: {
        String w = fresh("w");
        b.stmts.add(new Node().add("int " + w + " = 0;"));
        vars.add(new Var(w, T.INT, false, false));
        enterLoop(label);
        n.add(prefix + "do ").add(body(4)).add(" while (++" + w + " < " + bound + cond + ");");
        exitLoop();
        b.stmts.add(n);
        return;
      }
      default: {
        String x = fresh("e");
        T et;
        String src;
        int k = rnd.nextInt(4);
        Var arr = pick(T.ARR, false);
        Var list = pick(T.LIST, false);
        Var map = pick(T.MAP, false);
        if (k == 0 && arr != null) {
          et = T.INT;
          src = arr.name;
        } else if (k == 1 && list != null) {
          et = T.INT;
          src = "new ArrayList<>(" + list.name + ")";
        } else if (k == 2 && map != null) {
          et = T.STR;
          src = "new ArrayList<>(" + map.name + ".keySet())";
        } else {
          et = T.COLOR;
          src = "Color.values()";
        }
        n.add(prefix + "for (" + (rnd.nextBoolean() ? "var" : et.java) + " " + x + " : " + src + ") ");
        counter = new Var(x, et, true, false);
      }
    }
    if (counter != null) vars.add(counter);
    enterLoop(label);
    n.add(body(4));
    exitLoop();
    if (counter != null) vars.remove(counter);
    b.stmts.add(n);
  }

  /** {@code B7: { ... if (c) break B7; ... }}: a block that a break leaves early. */
  private void labelledBlock(Block b) {
    if (rnd.nextBoolean()) {
      b.stmts.add(new Node().add(body(4))); // a bare block: its locals' scope ends with it
      return;
    }
    String label = fresh("B");
    targets.add(new Target(label, false, true));
    Node n = new Node().add(label + ": ").add(body(4));
    targets.remove(targets.size() - 1);
    b.stmts.add(n);
  }

  private void enterLoop(String label) {
    targets.add(new Target(label, true));
    loopDepth++;
  }

  private void exitLoop() {
    targets.remove(targets.size() - 1);
    loopDepth--;
  }

  private void switchStmt(Block b) {
    String sel;
    List<String> labels = new ArrayList<>();
    int kind = rnd.nextInt(PATTERN_SWITCHES ? 4 : 3);
    if (kind == 3) {
      patternSwitch(b);
      return;
    }
    if (kind == 0) {
      sel = rnd.nextBoolean() ? "Math.floorMod(" + expr(T.INT) + ", 4)" : expr(T.INT);
      for (int i = 0; i < 4; i++) labels.add(String.valueOf(i));
    } else if (kind == 1) {
      Var s = pick(T.STR, false);
      sel = s != null && rnd.nextBoolean() ? s.name : "\"k\" + Math.floorMod(" + expr(T.INT) + ", 3)";
      for (int i = 0; i < 3; i++) labels.add("\"k" + i + "\"");
      if (s != null) labels.add("\"a\"");
    } else {
      Var c = pick(T.COLOR, false);
      sel = c != null && rnd.nextBoolean() ? c.name : "Color.values()[Math.floorMod(" + expr(T.INT) + ", 3)]";
      labels.add("RED");
      labels.add("GREEN");
      labels.add("BLUE");
    }
    boolean arrow = rnd.nextBoolean();
    Block groups = new Block();
    targets.add(new Target(null, false));
    int n = 1 + rnd.nextInt(labels.size());
    int used = 0;
    for (int g = 0; g < n && used < labels.size(); g++) {
      int take = 1 + (rnd.nextInt(3) == 0 ? 1 : 0);
      List<String> these = new ArrayList<>();
      for (int i = 0; i < take && used < labels.size(); i++) these.add(labels.get(used++));
      if (used > 0 && rnd.nextInt(3) == 0) used++; // skip a label now and then
      if (arrow) {
        groups.stmts.add(new Node().add("case " + String.join(", ", these) + " -> ").add(body(3)));
      } else {
        StringBuilder h = new StringBuilder();
        for (String l : these) h.append("case ").append(l).append(": ");
        groups.stmts.add(new Node().add(h.toString()).add(body(3)));
        if (rnd.nextInt(3) != 0) groups.stmts.add(new Node().add("break;"));
      }
    }
    if (rnd.nextBoolean()) {
      groups.stmts.add(new Node().add(arrow ? "default -> " : "default: ").add(body(3)));
    }
    targets.remove(targets.size() - 1);
    b.stmts.add(new Node().add("switch (" + sel + ") ").add(groups));
  }

  /**
   * Whether the javac running the fuzzer compiles pattern switches (Java 21+). On JDK 17 the
   * generator makes the programs it always made.
   */
  private static final boolean PATTERN_SWITCHES = Runtime.version().feature() >= 21;

  /**
   * {@code switch ((Object) e) { case Integer n when guard -> ...; case Integer n -> ...; case
   * String s -> ...; case null -> ...; default -> ...; }}: cases tested in order, guards that do
   * not suspend, bodies that do and use the pattern variables (Java 21).
   */
  private void patternSwitch(Block b) {
    String sel;
    switch (rnd.nextInt(3)) {
      case 0:
        sel = "(Object) " + expr(T.INT);
        break;
      case 1:
        sel = "(Object) " + expr(T.STR);
        break;
      default:
        sel = "(" + expr(T.BOOL) + " ? null : (Object) " + expr(rnd.nextBoolean() ? T.INT : T.STR) + ")";
    }
    boolean suspendingGuard = allowSuspend && !lambdaOnly && rnd.nextBoolean();
    if (suspendingGuard) {
      // a guard that suspends needs a selector that is a local (matching may start again)
      String local = fresh("o");
      b.stmts.add(new Node().add("Object " + local + " = " + sel + ";"));
      sel = local;
    }
    Block groups = new Block();
    targets.add(new Target(null, false));
    if (rnd.nextBoolean()) {
      String n = fresh("n");
      vars.add(new Var(n, T.INT, true, false));
      // not constant (javac rejects it), and assigning nothing (a guard may not)
      String guard = rnd.nextBoolean()
          ? n + " > " + lit(-5, 20)
          : "Math.floorMod(" + n + ", 3) == " + lit(0, 2);
      if (suspendingGuard) {
        guard += " && " + n + " != ((Integer) await(" + Program.OWNER + "Async.pass(out, "
            + lit(-3, 3) + ")))";
      }
      groups.stmts.add(new Node().add("case Integer " + n + " when " + guard + " -> ").add(body(3)));
      vars.remove(vars.size() - 1);
    }
    String[][] patterns = {{"Integer ", "n"}, {"String ", "s"}};
    for (String[] pattern : patterns) {
      if (rnd.nextInt(4) == 0) continue;
      String name = fresh(pattern[1]);
      vars.add(new Var(name, pattern[1].equals("n") ? T.INT : T.STR, true, false));
      groups.stmts.add(new Node().add("case " + pattern[0] + name + " -> ").add(body(3)));
      vars.remove(vars.size() - 1);
    }
    switch (rnd.nextInt(3)) {
      case 0:
        groups.stmts.add(new Node().add("case null -> ").add(body(2)));
        groups.stmts.add(new Node().add("default -> ").add(body(2)));
        break;
      case 1:
        groups.stmts.add(new Node().add("case null, default -> ").add(body(2)));
        break;
      default:
        groups.stmts.add(new Node().add("default -> ").add(body(2))); // a null selector throws
    }
    targets.remove(targets.size() - 1);
    b.stmts.add(new Node().add("switch (" + sel + ") ").add(groups));
  }

  private void tryStmt(Block b) {
    boolean saved = mayThrowChecked;
    mayThrowChecked = false;
    // try-with-resources a third of the time: 1 or 2 resources, opened in order (their
    // initializers may suspend), visible in the body, closed in reverse order, some failing
    String resources = "";
    int mark = vars.size();
    if (rnd.nextInt(3) == 0) {
      List<String> declared = new ArrayList<>();
      int count = 1 + rnd.nextInt(2);
      for (int i = 0; i < count; i++) {
        String name = fresh("r");
        String fails = rnd.nextInt(3) == 0 ? expr(T.BOOL) : "false";
        declared.add((rnd.nextBoolean() ? "var " : "Res ") + name + " = Res.open(out, \"" + name
            + "\", " + fails + ")");
        vars.add(new Var(name, T.RES, true, false));
      }
      resources = "(" + String.join("; ", declared) + ") ";
    }
    Block tryBody = body(5);
    while (vars.size() > mark) {
      vars.remove(vars.size() - 1);
    }
    boolean checked = mayThrowChecked;
    mayThrowChecked = saved;
    boolean caught = false;
    Node n = new Node().add("try " + resources).add(tryBody);
    int catches = 0;
    String[] unrelated = {"IllegalStateException", "IllegalArgumentException", "ArithmeticException",
        "ArrayIndexOutOfBoundsException"};
    if (rnd.nextInt(3) != 0) {
      List<String> alts = new ArrayList<>();
      for (String u : unrelated) if (rnd.nextInt(3) == 0) alts.add(u);
      if (alts.isEmpty()) alts.add(unrelated[rnd.nextInt(unrelated.length)]);
      n.add(" catch (" + String.join(" | ", alts) + " " + catchVar() + ") ").add(catchBody());
      catches++;
    }
    if (checked && rnd.nextBoolean()) {
      n.add(" catch (Checked " + catchVar() + ") ").add(catchBody());
      catches++;
      caught = true;
    }
    if (rnd.nextInt(3) == 0) {
      boolean all = rnd.nextBoolean();
      n.add(" catch (" + (all ? "Exception" : "RuntimeException") + " " + catchVar() + ") ").add(catchBody());
      catches++;
      caught |= all;
    } else if (rnd.nextInt(3) == 0) {
      // the private class's clause last: caught as its stand-in, tested by its own test
      n.add(" catch (Oops " + catchVar() + ") ").add(catchBody());
      catches++;
    }
    if (checked && !caught) {
      mayThrowChecked = true;
    }
    if ((catches == 0 && resources.isEmpty()) || rnd.nextBoolean()) {
      n.add(" finally ").add(body(3));
    }
    b.stmts.add(n);
  }

  private String lastCatch;

  private String catchVar() {
    lastCatch = fresh("x");
    return lastCatch;
  }

  private Block catchBody() {
    String e = lastCatch;
    Block c = new Block();
    c.stmts.add(new Node().add("log(out, \"caught \" + " + e + ".getClass().getSimpleName() + \": \" + " + e + ".getMessage()"
        + " + \" +\" + " + e + ".getSuppressed().length);"));
    if (rnd.nextBoolean()) {
      depth++;
      block(c, 1 + rnd.nextInt(3));
      depth--;
    }
    return c;
  }

  private boolean jump(Block b) {
    if (targets.isEmpty()) return false;
    Target t = targets.get(rnd.nextInt(targets.size()));
    Target breakable = null; // what an unlabelled break leaves: the innermost loop or switch
    for (Target x : targets) if (!x.block) breakable = x;
    String j;
    if (t.block) {
      j = "break " + t.label + ";";
    } else if (t.loop && rnd.nextBoolean()) {
      // continue: unlabelled only to the innermost loop
      Target inner = null;
      for (Target x : targets) if (x.loop) inner = x;
      if (t == inner && (t.label == null || rnd.nextBoolean())) j = "continue;";
      else if (t.label != null) j = "continue " + t.label + ";";
      else return false;
    } else {
      if (t == breakable && (t.label == null || rnd.nextBoolean())) j = "break;";
      else if (t.label != null) j = "break " + t.label + ";";
      else return false;
    }
    guarded(b, j);
    return true;
  }

  /** {@code if (cond) { ...; jump }}: the only place a statement completes abruptly. */
  private void guarded(Block b, String last) {
    guarded(b, last, expr(T.BOOL));
  }

  private void guarded(Block b, String last, String cond) {
    Block inner = new Block();
    if (rnd.nextInt(3) == 0) {
      depth++;
      block(inner, 1 + rnd.nextInt(2));
      depth--;
    }
    inner.stmts.add(new Node().add(last));
    b.stmts.add(new Node().add("if (" + cond + ") ").add(inner));
  }

  /** A condition that holds less often than a random one: exceptions should not end most runs early. */
  private String rare() {
    return "(" + expr(T.BOOL) + " && " + expr(T.BOOL) + ")";
  }

  private void throwStmt(Block b) {
    switch (rnd.nextInt(5)) {
      case 4:
        guarded(b, "throw new Oops(\"o\" + " + expr(T.INT) + ");", rare());
        return;
      case 0:
        guarded(b, "throw new IllegalStateException(\"t\" + " + expr(T.INT) + ");", rare());
        return;
      case 1:
        guarded(b, "throw new IllegalArgumentException(" + expr(T.STR) + ");", rare());
        return;
      case 2:
        mayThrowChecked = true;
        guarded(b, "throw new Checked(\"k\" + " + expr(T.INT) + ");", rare());
        return;
      default:
        mayThrowChecked = true;
        b.stmts.add(new Node().add("check(out, " + expr(T.INT) + ", " + rare() + ");"));
    }
  }

  private void earlyReturn(Block b) {
    if (current.ret == T.VOID) guarded(b, "return;");
    else guarded(b, "return " + expr(current.ret) + ";");
  }

  private void lambda(Block b) {
    String cap = fresh("v");
    b.stmts.add(new Node().add("final int " + cap + " = " + expr(T.INT) + ";"));
    vars.add(new Var(cap, T.INT, true, false));
    boolean saved = lambdaOnly;
    boolean savedSuspend = allowSuspend;
    lambdaOnly = true;
    allowSuspend = false;
    String name;
    String text;
    if (rnd.nextBoolean()) {
      name = fresh("g");
      String x = fresh("x");
      String y = fresh("y");
      vars.add(new Var(x, T.INT, true, false));
      vars.add(new Var(y, T.INT, true, false));
      text = "IntBinaryOperator " + name + " = (" + x + ", " + y + ") -> " + expr(T.INT) + ";";
      vars.remove(vars.size() - 1);
      vars.remove(vars.size() - 1);
      lambdaOnly = saved;
      allowSuspend = savedSuspend;
      vars.add(new Var(name, T.LAM_INT, true, false));
    } else {
      name = fresh("g");
      text = "Supplier<String> " + name + " = () -> " + expr(T.STR) + ";";
      lambdaOnly = saved;
      allowSuspend = savedSuspend;
      vars.add(new Var(name, T.LAM_STR, true, false));
    }
    b.stmts.add(new Node().add(text));
  }

  /**
   * A block with a local class whose object lives across a suspension point (the frame class then
   * declares it as an inner class): its field starts at a captured final, and its method adds an
   * expression over captured finals and logs through the captured sink. In a loop it captures no
   * local of the iteration (the README's rule), only the sink.
   */
  private void localClass(Block b) {
    Block inner = new Block();
    String start = String.valueOf(lit(1, 9));
    Var captured = null;
    if (loopDepth == 0) {
      start = fresh("v");
      inner.stmts.add(new Node().add("final int " + start + " = " + expr(T.INT) + ";"));
      captured = new Var(start, T.INT, true, false);
      vars.add(captured);
    }
    String cls = "K" + (++names);
    String field = fresh("f");
    String param = fresh("q");
    String step = String.valueOf(lit(1, 9));
    if (loopDepth == 0) {
      boolean saved = lambdaOnly;
      boolean savedSuspend = allowSuspend;
      lambdaOnly = true;
      allowSuspend = false;
      step = expr(T.INT);
      lambdaOnly = saved;
      allowSuspend = savedSuspend;
    }
    String members = "{ int " + field + " = " + start + "; int next(int " + param + ") { " + field
        + " += " + param + " + " + step + "; return log(out, " + field + "); } }";
    String object = fresh("k");
    if (rnd.nextBoolean()) {
      inner.stmts.add(new Node().add("class " + cls + " " + members));
      inner.stmts.add(new Node().add(cls + " " + object + " = new " + cls + "();"));
    } else {
      // an anonymous class in a var: the frame declares a class for it when it lives on
      inner.stmts.add(new Node().add("var " + object + " = new Object() " + members + ";"));
    }
    if (allowSuspend) {
      inner.stmts.add(new Node().add("suspend(park(out));"));
    }
    inner.stmts.add(new Node().add("log(out, " + object + ".next(" + expr(T.INT) + "));"));
    vars.remove(captured); // the block's own local
    b.stmts.add(new Node().add(inner));
  }

  private boolean recurse(Block b) {
    if (current.index == 0 || loopDepth > 0 || !allowSuspend) return false;
    mayThrowChecked = true;
    String call = args(current, "out", "d - 1");
    b.stmts.add(new Node().add("if (d > 0) ").add(single(current.ret == T.VOID ? call + ";" : "log(out, " + call + ");")));
    return true;
  }

  private static Block single(String text) {
    Block b = new Block();
    b.stmts.add(new Node().add(text));
    return b;
  }

  // ---------------------------------------------------------------------------------------------
  // expressions

  private int lit(int lo, int hi) {
    return lo + rnd.nextInt(hi - lo + 1);
  }

  private String expr(T t) {
    exprDepth++;
    try {
      if (exprDepth > 3 || rnd.nextInt(3) == 0) return leaf(t);
      if (allowSuspend && rnd.nextInt(5) == 0) {
        String s = suspending(t);
        if (s != null) return s;
      }
      switch (t) {
        case INT: return intExpr();
        case LONG: return longExpr();
        case BOOL: return boolExpr();
        default: return strExpr();
      }
    } finally {
      exprDepth--;
    }
  }

  private String leaf(T t) {
    Var v = pick(t, false);
    if (v != null && rnd.nextInt(3) != 0) return v.name;
    switch (t) {
      case INT: {
        int k = rnd.nextInt(10);
        if (k == 9 && current != null && current.instance && !lambdaOnly) {
          // the superclass's members, the hidden field and the overridden method among them
          String[] members = {"super.bf", "bf", "this.bf", "super.bs", "super.bm(out, " + lit(0, 9) + ")", "bm(out, d)"};
          return members[rnd.nextInt(members.length)];
        }
        if (k == 0) return "Integer.MAX_VALUE";
        if (k == 1) return "(Integer.MIN_VALUE + " + lit(0, 9) + ")";
        if (k == 2) return String.valueOf(lit(100000, 2000000000));
        if (k == 3) return "(" + (-lit(1, 50)) + ")";
        return String.valueOf(lit(0, 20));
      }
      case LONG: {
        int k = rnd.nextInt(5);
        if (k == 0) return "Long.MAX_VALUE";
        if (k == 1) return lit(1, 9) + "000000000L";
        return lit(0, 30) + "L";
      }
      case BOOL:
        return rnd.nextBoolean() ? "true" : "false";
      default:
        return "\"" + (char) ('a' + lit(0, 25)) + lit(0, 9) + "\"";
    }
  }

  /** A suspension point of type t, or null if none fits. */
  private String suspending(T t) {
    if (!callsAllowed()) return null;
    int k = rnd.nextInt(4);
    if (k == 0) {
      // await of a fork started earlier
      List<Var> forks = new ArrayList<>();
      for (Var v : vars) {
        if (v.type == T.FORK && fits(v.forkType, t)) forks.add(v);
      }
      if (!forks.isEmpty()) {
        Var f = forks.get(rnd.nextInt(forks.size()));
        return convert("await(" + f.name + ")", f.forkType, t, true);
      }
    }
    if (k == 2 && t != T.VOID && rnd.nextBoolean()) {
      return genericCall(t);
    }
    List<Sig> c = new ArrayList<>();
    for (Sig s : callees(true)) if (fits(s.ret, t)) c.add(s);
    if (c.isEmpty()) return null;
    Sig s = c.get(rnd.nextInt(c.size()));
    mayThrowChecked |= k != 1;
    if (k == 1) {
      // await(OwnerAsync.m(..)): an async call and its await in one expression
      return convert("await(" + factory(s, "out", "d") + ")", s.ret, t, true);
    }
    return convert(direct(s, "out", "d"), s.ret, t, false);
  }

  /**
   * A call of the generic {@code pass}: direct or awaited, its type argument inferred or written
   * out; the box it returns is cast back, as awaited values are.
   */
  private String genericCall(T t) {
    int form = rnd.nextInt(4);
    // a direct call declares Checked; an awaited factory does not (as for the other methods)
    mayThrowChecked |= form < 2;
    String arg = expr(t);
    String box = Program.box(t.java);
    if (t == T.LONG) {
      arg = "(long) (" + arg + ")"; // a long expression may be an int one: Long takes no int
    }
    switch (form) {
      case 0:
        return convert("pass(out, " + arg + ")", t, t, true);
      case 1:
        return convert(Program.OWNER + ".<" + box + ">pass(out, " + arg + ")", t, t, true);
      case 2:
        return convert("await(" + Program.OWNER + "Async.pass(out, " + arg + "))", t, t, true);
      default:
        return convert("await(" + Program.OWNER + "Async.<" + box + ">pass(out, " + arg + "))", t, t, true);
    }
  }

  private static boolean fits(T from, T to) {
    if (from == T.VOID) return false;
    return from == to || to == T.STR || (to == T.LONG && from == T.INT);
  }

  /** A value of type from as type to; awaited values are boxes, cast them so == never compares boxes. */
  private static String convert(String e, T from, T to, boolean boxed) {
    if (to == T.STR && from != T.STR) return "(\"\" + " + e + ")";
    if (boxed && to != T.STR) return "((" + to.java + ") " + e + ")";
    return e;
  }

  private String intExpr() {
    while (true) {
      switch (rnd.nextInt(17)) {
        case 0: case 1: case 2: {
          String[] ops = {" + ", " - ", " * ", " + ", " ^ ", " & ", " | "};
          return "(" + expr(T.INT) + ops[rnd.nextInt(ops.length)] + expr(T.INT) + ")";
        }
        case 3:
          return "Math.floorMod(" + expr(T.INT) + ", " + lit(1, 9) + ")";
        case 4: {
          String[] ops = {" / ", " % ", " << ", " >> ", " >>> "};
          String op = ops[rnd.nextInt(ops.length)];
          if (rnd.nextInt(6) == 0 && !op.contains("<") && !op.contains(">")) {
            return "(" + expr(T.INT) + op + expr(T.INT) + ")"; // may divide by zero
          }
          return "(" + expr(T.INT) + op + (op.contains("<") || op.contains(">") ? lit(0, 31) : lit(1, 7)) + ")";
        }
        case 5:
          return "hi(out, " + expr(T.INT) + ", " + expr(T.INT) + ")";
        case 6: {
          Var a = pick(T.ARR, false);
          if (a == null) break;
          return rnd.nextBoolean() ? a.name + "[Math.floorMod(" + expr(T.INT) + ", " + a.name + ".length)]" : a.name + ".length";
        }
        case 7: {
          Var l = pick(T.LIST, false);
          if (l == null) break;
          return rnd.nextBoolean() ? "((int) " + l.name + ".get(Math.floorMod(" + expr(T.INT) + ", " + l.name + ".size())))" : l.name + ".size()";
        }
        case 8:
          return "(int) " + "(" + expr(T.LONG) + ")";
        case 9:
          return conditional(T.INT, T.INT);
        case 10:
          return nestedSwitch(T.INT);
        case 11: {
          Var g = pick(T.LAM_INT, false);
          if (g == null) break;
          return g.name + ".applyAsInt(" + expr(T.INT) + ", " + expr(T.INT) + ")";
        }
        case 12: {
          if (lambdaOnly) break;
          Var v = pick(T.INT, true);
          if (v == null) break;
          String[] f = {"++", "--"};
          return rnd.nextBoolean() ? "(" + v.name + f[rnd.nextInt(2)] + ")" : "(" + f[rnd.nextInt(2)] + v.name + ")";
        }
        case 13: {
          Var s = pick(T.STR, false);
          if (s == null) return "(" + expr(T.STR) + ").length()";
          return s.name + (rnd.nextBoolean() ? ".length()" : ".hashCode()");
        }
        case 14: {
          Var m = pick(T.MAP, false);
          if (m != null && rnd.nextBoolean()) return "((int) " + m.name + ".getOrDefault(" + expr(T.STR) + ", " + lit(0, 5) + "))";
          Var c = pick(T.COLOR, false);
          if (c != null) return c.name + ".ordinal()";
          break;
        }
        case 15: {
          // a lambda or method reference before an argument that may suspend
          String q = fresh("q");
          Var captured = pick(T.INT, false);
          String body = captured != null && captured.fin ? q + " ^ " + captured.name
              : q + " * " + lit(2, 9) + " + " + lit(0, 9);
          String[] functions = {q + " -> " + body, "Math::abs", "Integer::reverse"};
          return "ap(" + functions[rnd.nextInt(functions.length)] + ", " + expr(T.INT) + ")";
        }
        default: {
          if (lambdaOnly || !allowSuspend) break;
          mayThrowChecked = true;
          return "check(out, " + expr(T.INT) + ", " + rare() + ")";
        }
      }
    }
  }

  private String longExpr() {
    switch (rnd.nextInt(8)) {
      case 0: case 1: {
        String[] ops = {" + ", " - ", " * ", " ^ "};
        return "(" + expr(T.LONG) + ops[rnd.nextInt(ops.length)] + expr(rnd.nextBoolean() ? T.LONG : T.INT) + ")";
      }
      case 2:
        return "hl(out, " + expr(T.LONG) + ")";
      case 3:
        return "Math.floorMod(" + expr(T.LONG) + ", " + lit(1, 9) + "L)";
      case 4:
        return "(" + expr(T.INT) + " * 1000000007L)";
      case 5:
        // int and long branches: binary numeric promotion of the int one
        return rnd.nextBoolean() ? conditional(T.INT, T.LONG) : conditional(T.LONG, T.INT);
      case 6:
        return nestedSwitch(T.LONG);
      default:
        return "(long) " + expr(T.INT);
    }
  }

  /** The right side of {@code &&} or {@code ||}: if it may suspend, it doubles the paths. */
  private String rightOfShortCircuit() {
    boolean saved = allowSuspend;
    allowSuspend = saved && takePaths(2);
    String right = expr(T.BOOL);
    allowSuspend = saved;
    return right;
  }

  private String boolExpr() {
    while (true) {
      switch (rnd.nextInt(11)) {
        case 10: {
          // an instanceof pattern whose variable the right side of && uses (both may suspend)
          boolean text = rnd.nextBoolean();
          T t = text ? T.STR : T.INT;
          String name = fresh("p");
          String matched = "((Object) " + expr(t) + ") instanceof " + (text ? "String " : "Integer ")
              + name;
          vars.add(new Var(name, t, true, false));
          String rhs = rightOfShortCircuit();
          vars.remove(vars.size() - 1);
          return "(" + matched + " && " + rhs + ")";
        }
        case 0: case 1: {
          String[] ops = {" < ", " > ", " == ", " != ", " <= ", " >= "};
          T t = rnd.nextInt(3) == 0 ? T.LONG : T.INT;
          String op = ops[rnd.nextInt(ops.length)];
          return "(" + expr(t) + op + expr(T.INT) + ")";
        }
        case 2: case 3: {
          String left = expr(T.BOOL);
          return "(" + left + (rnd.nextBoolean() ? " && " : " || ") + rightOfShortCircuit() + ")";
        }
        case 4:
          return "!" + expr(T.BOOL);
        case 5:
          return "hb(out, " + expr(T.INT) + ")";
        case 6: {
          Var s = pick(T.STR, false);
          if (s == null) break;
          return rnd.nextBoolean() ? s.name + ".isEmpty()" : s.name + ".equals(" + expr(T.STR) + ")";
        }
        case 7: {
          Var l = pick(T.LIST, false);
          if (l == null) break;
          return l.name + ".contains(" + expr(T.INT) + ")";
        }
        case 8: {
          Var m = pick(T.MAP, false);
          if (m == null) break;
          return m.name + ".containsKey(" + expr(T.STR) + ")";
        }
        default: {
          Var c = pick(T.COLOR, false);
          if (c == null) break;
          return "(" + c.name + " == Color." + new String[] {"RED", "GREEN", "BLUE"}[rnd.nextInt(3)] + ")";
        }
      }
    }
  }

  private String strExpr() {
    while (true) {
      switch (rnd.nextInt(10)) {
        case 0: case 1: case 2:
          return "(" + expr(T.STR) + " + " + expr(rnd.nextBoolean() ? T.INT : rnd.nextBoolean() ? T.LONG : T.BOOL) + ")";
        case 3:
          return "hs(out, " + expr(T.STR) + ", " + expr(T.INT) + ")";
        case 4: {
          // the cast keeps a switch expression out of valueOf's overload resolution (ambiguous)
          T t = rnd.nextBoolean() ? T.INT : T.LONG;
          return "String.valueOf((" + t.java + ") (" + expr(t) + "))";
        }
        case 5:
          return expr(T.STR) + ".toUpperCase()";
        case 6: {
          Var r = pick(T.RES, false);
          if (r != null && rnd.nextBoolean()) return r.name + ".name()";
          Var c = pick(T.COLOR, false);
          if (c != null) return c.name + ".name()";
          Var a = pick(T.ARR, false);
          if (a != null) return "Arrays.toString(" + a.name + ")";
          break;
        }
        case 7: {
          Var l = pick(T.LIST, false);
          if (l != null && rnd.nextBoolean()) return l.name + ".toString()";
          Var m = pick(T.MAP, false);
          if (m != null) return m.name + ".toString()";
          break;
        }
        case 8: {
          Var g = pick(T.LAM_STR, false);
          if (g == null) break;
          return g.name + ".get()";
        }
        default:
          return conditional(T.STR, T.STR);
      }
    }
  }

  /**
   * {@code (c ? a : b)} inside an expression, with branches that may suspend: at most {@link
   * #MAX_SUSPENDING_CONDITIONALS} per statement, as each one doubles the paths the processor
   * writes through the rest of the expression (its limit is 64).
   */
  private String conditional(T whenTrue, T whenFalse) {
    boolean saved = allowSuspend;
    String c = expr(T.BOOL);
    boolean suspending = saved && suspendingConditionals < MAX_SUSPENDING_CONDITIONALS
        && rnd.nextBoolean() && takePaths(2);
    if (suspending) {
      suspendingConditionals++;
    }
    allowSuspend = suspending;
    String r = "(" + c + " ? " + expr(whenTrue) + " : " + expr(whenFalse) + ")";
    allowSuspend = saved;
    return r;
  }
}
