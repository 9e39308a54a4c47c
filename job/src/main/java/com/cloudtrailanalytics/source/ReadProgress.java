package com.cloudtrailanalytics.source;

import java.time.Duration;
import java.util.Locale;

/**
 * How far a bounded run has read, as a line for the log: the files read of those found, the events
 * in them, the rate since the start, and the time left at that rate once listing is done.
 */
final class ReadProgress {

  private final long startedNanos;
  private long filesFound;
  private long filesRead;
  private long events;

  /**
   * @param filesAlreadyFound files found before this start (a restored schedule's), counted as
   *     found and not yet read
   */
  ReadProgress(long startedNanos, long filesAlreadyFound) {
    this.startedNanos = startedNanos;
    this.filesFound = filesAlreadyFound;
  }

  void found(long files) {
    filesFound += files;
  }

  void read(long files, long eventsInThem) {
    filesRead += files;
    events += eventsInThem;
  }

  /** Whether there is something to say: files found and not all of them read. */
  boolean isUnderWay() {
    return filesFound > 0 && filesRead < filesFound;
  }

  /**
   * @param listingDone whether every file of the run has been found, so that the time left can be
   *     told
   */
  String line(long nowNanos, boolean listingDone) {
    double seconds = Math.max(1e-3, (nowNanos - startedNanos) / 1e9);
    String done =
        String.format(
            Locale.ROOT,
            "Progress: %,d of %,d files read (%d%%), %,d events, %,.0f events/s",
            filesRead,
            filesFound,
            filesFound == 0 ? 0 : filesRead * 100 / filesFound,
            events,
            events / seconds);
    if (!listingDone) {
      return done + "; still listing";
    }
    if (filesRead == 0) {
      return done;
    }
    double secondsLeft = (filesFound - filesRead) * seconds / filesRead;
    return done + "; about " + readable(Duration.ofSeconds(Math.round(secondsLeft))) + " left";
  }

  private static String readable(Duration left) {
    if (left.toMinutes() == 0) {
      return left.toSeconds() + " s";
    }
    if (left.toHours() == 0) {
      return left.toMinutes() + " min " + left.toSecondsPart() + " s";
    }
    return left.toHours() + " h " + left.toMinutesPart() + " min";
  }
}
