package dev.stackless.tests.loop;

import static dev.stackless.Keywords.*;

import dev.stackless.AnyFrame;
import dev.stackless.Async;
import dev.stackless.loop.EventLoop;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/** @Async programs run on event loops by EventLoopTest. */
class LoopPrograms {

  @Async
  static String sleeper(EventLoop loop, List<String> log, String name, long millis) {
    await(loop.sleep(Duration.ofMillis(millis)));
    log.add(name + "@" + loop.nanoTime() / 1_000_000);
    return name;
  }

  @Async
  static String threeSleepers(EventLoop loop, List<String> log) {
    var a = LoopProgramsAsync.sleeper(loop, log, "a", 30);
    var b = LoopProgramsAsync.sleeper(loop, log, "b", 10);
    var c = LoopProgramsAsync.sleeper(loop, log, "c", 20);
    return await(a) + await(b) + await(c);
  }

  /** Hands itself to {@code handOff}, which resumes it through the loop from another thread. */
  @Async
  static Thread comeBack(Consumer<AnyFrame> handOff) {
    suspend(self -> handOff.accept(self));
    return Thread.currentThread();
  }

  @Async
  static <T> T fromStage(EventLoop loop, CompletionStage<T> stage) {
    T value = await(loop.fromStage(stage));
    return value;
  }

  /** The keyword form: {@code await(stage)} directly, in a statement and in an expression. */
  @Async
  static String stageKeyword(CompletionStage<String> first, CompletionStage<Integer> second) {
    String text = await(first);
    return text + (await(second) + 1) + Thread.currentThread().getName();
  }

  @Async
  static void yielder(EventLoop loop, List<String> log, String name) {
    log.add(name + "1");
    await(loop.yieldNow());
    log.add(name + "2");
  }

  @Async
  static void both(EventLoop loop, List<String> log) {
    var a = LoopProgramsAsync.yielder(loop, log, "a");
    var b = LoopProgramsAsync.yielder(loop, log, "b");
    await(a);
    await(b);
  }

  @Async
  static int failLater(EventLoop loop) {
    await(loop.sleep(Duration.ofMillis(1)));
    throw new IllegalStateException("detached failure");
  }

  @Async
  static int spawner(EventLoop loop) {
    loop.spawn(() -> LoopProgramsAsync.failLater(loop));
    return 1;
  }

  @Async
  static void forever() {
    suspend();
  }
}
