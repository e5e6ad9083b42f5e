package dev.stackless.fuzz.rt;

import dev.stackless.AnyFrame;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;

/**
 * Drives the transformed run of a program. Parked frames go to a list; the scheduler resumes them
 * in an order drawn from its seed: a random one of those parked, sometimes on another thread, and
 * sometimes at once from inside the suspend block that parked a frame (that frame or another).
 * One run is sequential: while the other thread resumes a frame, the driver waits for it.
 */
public final class Scheduler {
  private final Random random;
  private final ExecutorService otherThread;
  private final List<AnyFrame> parked = new ArrayList<>();
  private int nesting;
  private Throwable driverError;
  private int resumes;
  private int crossThread;
  private int inBlock;

  public Scheduler(long seed, ExecutorService otherThread) {
    this.random = new Random(seed);
    this.otherThread = otherThread;
  }

  /** Called from a suspend block: the frame is already suspended. */
  void parked(AnyFrame frame) {
    parked.add(frame);
    if (nesting < 6 && random.nextInt(5) == 0) {
      AnyFrame next = parked.remove(random.nextInt(parked.size()));
      nesting++;
      inBlock++;
      try {
        resume(next);
      } finally {
        nesting--;
      }
    }
  }

  /** Resumes parked frames until none is left. */
  public void drain() {
    while (!parked.isEmpty() && driverError == null) {
      resume(parked.remove(random.nextInt(parked.size())));
    }
  }

  private void resume(AnyFrame frame) {
    resumes++;
    try {
      if (otherThread != null && random.nextInt(4) == 0) {
        crossThread++;
        otherThread.submit(frame::resume).get();
      } else {
        frame.resume();
      }
    } catch (ExecutionException e) {
      record(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      record(e);
    } catch (RuntimeException | Error e) {
      record(e);
    }
  }

  private void record(Throwable e) {
    if (driverError == null) {
      driverError = e;
    }
  }

  /** A resume that threw: the runtime refused a legal resume, or the frame escaped its body. */
  public Throwable driverError() {
    return driverError;
  }

  public String stats() {
    return resumes + " resumes, " + crossThread + " on another thread, " + inBlock + " in a block";
  }

  public int resumes() {
    return resumes;
  }

  public int crossThread() {
    return crossThread;
  }

  public int inBlock() {
    return inBlock;
  }
}
