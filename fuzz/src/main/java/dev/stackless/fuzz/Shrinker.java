package dev.stackless.fuzz;

import dev.stackless.fuzz.Program.Method;
import dev.stackless.fuzz.Program.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Delta debugging over statements: removes methods, then chunks of statements (halves, quarters,
 * ... single statements, outer before inner), then replaces compound statements by their first
 * block, for as long as the program still fails the same way and time is left. A candidate that no
 * longer compiles as plain Java simply fails the test and is put back.
 */
final class Shrinker {
  private Shrinker() {}

  static void shrink(Program p, Predicate<Program> fails, long millis) {
    long deadline = System.currentTimeMillis() + millis;
    boolean progress = true;
    while (progress && System.currentTimeMillis() < deadline) {
      progress = false;
      for (Method m : p.methods) {
        if (m.removed || m.header.contains(" run(") || System.currentTimeMillis() > deadline) {
          continue;
        }
        m.removed = true;
        if (fails.test(p)) {
          progress = true;
        } else {
          m.removed = false;
        }
      }
      List<Node> nodes = p.nodes();
      for (int chunk = Math.max(1, nodes.size() / 2); chunk >= 1; chunk /= 2) {
        nodes = p.nodes();
        for (int start = 0; start < nodes.size() && System.currentTimeMillis() < deadline; start += chunk) {
          List<Node> part = new ArrayList<>();
          for (Node n : nodes.subList(start, Math.min(nodes.size(), start + chunk))) {
            if (!n.removed) part.add(n);
          }
          if (part.isEmpty()) continue;
          part.forEach(n -> n.removed = true);
          if (fails.test(p)) {
            progress = true;
          } else {
            part.forEach(n -> n.removed = false);
          }
        }
        if (chunk == 1) break;
      }
      for (Node n : p.nodes()) {
        if (System.currentTimeMillis() > deadline) break;
        if (n.flattened || n.blocks().isEmpty() || n.removed) continue;
        n.flattened = true;
        if (fails.test(p)) {
          progress = true;
        } else {
          n.flattened = false;
        }
      }
    }
  }
}
