package programs;

import static dev.stackless.Keywords.*;
import static dev.stackless.tests.diff.Trace.*;

import dev.stackless.Async;
import java.util.List;

/** A library of @Async methods, compiled before the program that calls them (Receivers). */
public class ReceiversLib {
  public static class K {
    final String name;

    public K(String name) {
      this.name = name;
    }

    @Async
    public String nm(int n) {
      suspend(PARK);
      return log(name + n);
    }

    @Async
    public static String st(String s) {
      suspend(PARK);
      return log("K.st " + s);
    }

    public static K[] ks() {
      return new K[] {new K("ks")};
    }
  }

  /** Hides K.st: SubK.st calls this one. */
  public static class SubK extends K {
    public SubK(String name) {
      super(name);
    }

    @Async
    public static String st(String s) {
      suspend(PARK);
      return log("SubK.st " + s);
    }
  }

  public static class Box<T> {
    public T value;

    public Box(T value) {
      this.value = value;
    }

    public static <U> U idp(U u) {
      return u;
    }
  }

  /** Overloads of a generic class: on a Shelf<Object>, put("s") is put(String). */
  public static class Shelf<T> {
    @Async
    public String put(T item) {
      suspend(PARK);
      return log("item " + item);
    }

    @Async
    public String put(String label) {
      suspend(PARK);
      return log("label " + label);
    }
  }

  public interface Greeter {
    @Async
    default String greet(String who) {
      suspend(PARK);
      return log("hello " + who);
    }
  }

  public static class G<T> {
    public class In {
      @Async
      public String both(T t) {
        suspend(PARK);
        return log("in " + t);
      }
    }
  }

  public static List<K> some() {
    return List.of(new K("some"));
  }
}
