package programs;

import static dev.stackless.Keywords.*;
import static dev.stackless.tests.diff.Trace.*;

import dev.stackless.Async;

/**
 * An inner class of a generic class ({@code Tree<T>.Node}) as the type of a private field, a
 * parameter and a local that lives across suspension points of the generic class's methods.
 */
public class InnerOfGeneric {
  static class Tree<T extends Comparable<T>> {
    class Node {
      final T value;
      Node left;
      Node right;

      Node(T value) {
        this.value = value;
      }
    }

    private Node root;
    private int size;

    @Async
    void add(T value) {
      suspend(PARK);
      Node fresh = new Node(log(value));
      if (root == null) {
        root = fresh;
      } else {
        insert(root, fresh);
      }
      size++;
    }

    @Async
    void insert(Node at, Node fresh) {
      Node current = at;
      suspend(PARK);
      if (fresh.value.compareTo(current.value) < 0) {
        if (current.left == null) {
          current.left = fresh;
        } else {
          insert(current.left, fresh);
        }
      } else if (current.right == null) {
        current.right = fresh;
      } else {
        insert(current.right, fresh);
      }
    }

    @Async
    String inOrder(Node at) {
      if (at == null) {
        return "";
      }
      String left = inOrder(at.left);
      suspend(PARK);
      return left + at.value + " " + inOrder(at.right);
    }
  }

  @Async
  public static Object run() {
    Tree<String> tree = new Tree<>();
    for (String word : new String[] {"m", "c", "x", "a", "e"}) {
      tree.add(word);
    }
    return tree.inOrder(tree.root) + tree.size;
  }
}
