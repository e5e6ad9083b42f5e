package dev.stackless.loop;

import dev.stackless.AnyFrame;

/** A frame to resume at a deadline; ties go in the order the timers were set. */
final class Timer implements Comparable<Timer> {
  final long deadline;
  final long sequence;
  final AnyFrame frame;

  Timer(long deadline, long sequence, AnyFrame frame) {
    this.deadline = deadline;
    this.sequence = sequence;
    this.frame = frame;
  }

  @Override
  public int compareTo(Timer other) {
    int byDeadline = Long.compare(deadline, other.deadline);
    return byDeadline != 0 ? byDeadline : Long.compare(sequence, other.sequence);
  }
}
