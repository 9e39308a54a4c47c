package com.cloudtrailanalytics.source;

import java.time.Duration;
import java.util.Locale;

/**
 * How far a bounded run has read, as a line for the log: the files read of those found, the time
 * left at the rate so far once listing is done (first, so that a terminal's 80 columns show it),
 * then the events read and the rate since the start.
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

  /** Whether every file found has been read (and there was at least one). */
  boolean isDone() {
    return filesFound > 0 && filesRead >= filesFound;
  }

  /** The line for the end of reading: everything read, in how long, at what rate. */
  String allReadLine(long nowNanos) {
    double seconds = secondsSinceStart(nowNanos);
    return String.format(
        Locale.ROOT,
        "Read all %,d files: %,d events in %s, %,.0f events/s",
        filesRead,
        events,
        readable(Duration.ofSeconds(Math.round(seconds))),
        events / seconds);
  }

  /**
   * @param listingDone whether every file of the run has been found, so that the time left can be
   *     told
   */
  String line(long nowNanos, boolean listingDone) {
    double seconds = secondsSinceStart(nowNanos);
    String files =
        String.format(
            Locale.ROOT,
            "Progress: %,d of %,d files read (%d%%)",
            filesRead,
            filesFound,
            filesFound == 0 ? 0 : filesRead * 100 / filesFound);
    String rate =
        String.format(Locale.ROOT, "%,d events, %,.0f events/s", events, events / seconds);
    if (!listingDone) {
      return files + ", still listing; " + rate;
    }
    if (filesRead == 0) {
      return files + "; " + rate;
    }
    double secondsLeft = (filesFound - filesRead) * seconds / filesRead;
    return files
        + ", about "
        + readable(Duration.ofSeconds(Math.round(secondsLeft)))
        + " left; "
        + rate;
  }

  private double secondsSinceStart(long nowNanos) {
    return Math.max(1e-3, (nowNanos - startedNanos) / 1e9);
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
