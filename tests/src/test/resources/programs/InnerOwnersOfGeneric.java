package programs;

import static dev.stackless.Keywords.*;
import static dev.stackless.tests.diff.Trace.*;

import dev.stackless.Async;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * {@code @Async} methods of inner classes of generic classes ({@code Registry<K>.Entry<V>}): their
 * frames are generic in the variables of the whole nest, and reach the enclosing instance, its
 * private members and its methods across suspension points.
 */
public class InnerOwnersOfGeneric {
  static class Registry<K extends Comparable<K>> {
    private final List<K> keys = new ArrayList<>();
    private int lookups;

    K largest() {
      K best = null;
      for (K key : keys) {
        best = best == null || key.compareTo(best) > 0 ? key : best;
      }
      return best;
    }

    class Entry<V> {
      final K key;
      private V value;
      final List<String> history = new ArrayList<>();

      Entry(K key, V value) {
        this.key = key;
        this.value = value;
        keys.add(key);
      }

      @Async
      V swap(V next) {
        V old = value;
        suspend(PARK);
        lookups++;
        value = log(next);
        history.add(key + ":" + old + "->" + next);
        return old;
      }

      @Async
      <R> R mapBoth(Function<K, R> ofKey, Function<V, R> ofValue, boolean useKey) {
        K k = key;
        suspend(PARK);
        R fromValue = ofValue.apply(swap(value));
        Registry.this.lookups += 10;
        return useKey ? log(ofKey.apply(k)) : fromValue;
      }

      @Async
      String describe() {
        String top = String.valueOf(largest());
        suspend(PARK);
        return key + "=" + value + " top " + top + " lookups " + lookups + " " + history;
      }

      /** A node of the entry: an inner class two levels down, its frame generic in K and V. */
      class Note {
        final String text;

        Note(String text) {
          this.text = text;
        }

        @Async
        V attach(V extra) {
          suspend(PARK);
          history.add(text);
          V was = swap(extra);
          lookups += 100;
          return was;
        }
      }
    }
  }

  @Async
  public static Object run() {
    Registry<String> registry = new Registry<>();
    Registry<String>.Entry<Integer> one = registry.new Entry<>("b", 1);
    Registry<String>.Entry<List<String>> two = registry.new Entry<>("d", List.of("x"));
    Integer old = one.swap(2);
    String mapped = one.mapBoth(k -> k + "!", v -> "v" + v, false)
        + two.mapBoth(k -> k + "?", v -> "w" + v, true)
        + one.<Object>mapBoth(k -> k.length(), v -> v * 2, true); // a witness: the nest's first
    Registry<String>.Entry<Integer>.Note note = one.new Note("noted");
    Integer attached = note.attach(7) + one.swap(8);
    return old + " " + mapped + " " + attached + " " + one.describe() + " | " + two.describe();
  }
}
