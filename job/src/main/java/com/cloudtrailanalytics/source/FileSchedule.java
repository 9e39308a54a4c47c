package com.cloudtrailanalytics.source;

import com.cloudtrailanalytics.event.TrailFile;
import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import org.apache.flink.connector.file.src.FileSourceSplit;

/**
 * Which file each reader reads next, and how far event time has certainly advanced.
 *
 * <p>Files are handed out in the order of the delivery time in their CloudTrail names, whatever
 * order they were listed in; ties are broken by path. Readers ask for a file when they have
 * finished the previous one, so the schedule always knows which files are still being read.
 *
 * <p>The clock is the delivery time of the oldest file not yet read to the end (or, when every file
 * is done, of the newest file seen), less the maximum delivery delay. CloudTrail delivers an event
 * within that delay, so no event still to come is older than the clock: it is the watermark of the
 * whole trail, the same for every reader, and it never goes back.
 */
final class FileSchedule {

  /** A file waiting to be read, with its delivery time parsed once. */
  private record Pending(long fileTime, String path, FileSourceSplit split) {
    static Pending of(FileSourceSplit split) {
      String path = split.path().toString();
      return new Pending(TrailFile.of(path).orderingTime(), path, split);
    }
  }

  private static final Comparator<Pending> DELIVERY_ORDER =
      Comparator.comparingLong(Pending::fileTime).thenComparing(Pending::path);

  private final long maxDelayMillis;
  private final PriorityQueue<Pending> pending = new PriorityQueue<>(DELIVERY_ORDER);
  private final Map<String, Pending> reading = new HashMap<>();
  private final Map<String, Integer> readerOf = new HashMap<>();
  private final TreeMap<Long, Integer> readingTimes = new TreeMap<>();

  /** Every file seen and not yet forgotten, with its delivery time. */
  private final Map<String, Long> known = new HashMap<>();

  private long newestFileTime = Long.MIN_VALUE;
  private long clock = Long.MIN_VALUE;

  FileSchedule(Duration maxDelay) {
    this.maxDelayMillis = maxDelay.toMillis();
  }

  /** Adds files not seen before; returns how many were new. */
  int add(Collection<FileSourceSplit> files) {
    int added = 0;
    for (FileSourceSplit file : files) {
      if (!known.containsKey(file.splitId())) {
        Pending entry = Pending.of(file);
        known.put(file.splitId(), entry.fileTime());
        pending.add(entry);
        newestFileTime = Math.max(newestFileTime, entry.fileTime());
        added++;
      }
    }
    return added;
  }

  /** Hands the next file to a reader that has finished everything it was given. */
  Optional<FileSourceSplit> next(int reader) {
    Pending next = pending.poll();
    if (next == null) {
      return Optional.empty();
    }
    reading.put(next.split().splitId(), next);
    readerOf.put(next.split().splitId(), reader);
    readingTimes.merge(next.fileTime(), 1, Integer::sum);
    return Optional.of(next.split());
  }

  /** These files have been read to the end. */
  void finished(Collection<String> splitIds) {
    for (String splitId : splitIds) {
      Pending file = reading.remove(splitId);
      readerOf.remove(splitId);
      if (file != null) {
        readingTimes.computeIfPresent(
            file.fileTime(), (time, count) -> count == 1 ? null : count - 1);
      }
    }
  }

  /** How many files a reader has been given and not finished. */
  int heldCount(int reader) {
    int held = 0;
    for (int owner : readerOf.values()) {
      held += owner == reader ? 1 : 0;
    }
    return held;
  }

  /** The files the schedule thinks a reader is reading. */
  Set<String> readingBy(int reader) {
    Set<String> files = new HashSet<>();
    readerOf.forEach(
        (splitId, owner) -> {
          if (owner == reader) {
            files.add(splitId);
          }
        });
    return files;
  }

  /** The files the schedule thinks some reader is reading. */
  Set<String> beingRead() {
    return new HashSet<>(reading.keySet());
  }

  /** Files a failed reader had not finished go back to the queue. */
  void returned(Collection<FileSourceSplit> files) {
    for (FileSourceSplit file : files) {
      Pending entry = reading.remove(file.splitId());
      readerOf.remove(file.splitId());
      if (entry != null) {
        readingTimes.computeIfPresent(
            entry.fileTime(), (time, count) -> count == 1 ? null : count - 1);
      }
      pending.add(Pending.of(file));
    }
  }

  /**
   * A reader that restarted from a checkpoint is reading these files again, whatever the schedule
   * had recorded about them since.
   */
  void readingAgain(int reader, Collection<String> paths) {
    for (String path : paths) {
      Pending file = reading.get(path);
      if (file == null) {
        file = new Pending(TrailFile.of(path).orderingTime(), path, null);
        reading.put(path, file);
        readingTimes.merge(file.fileTime(), 1, Integer::sum);
      }
      readerOf.put(path, reader);
    }
  }

  /**
   * Forgets what a reader was reading: it restarts from a checkpoint and will say what it holds.
   */
  void forget(int reader) {
    finished(readingBy(reader));
  }

  /** Advances the clock as far as the files still to be read allow; returns the clock. */
  long advanceClock() {
    long oldest = newestFileTime;
    if (!pending.isEmpty()) {
      oldest = Math.min(oldest, pending.peek().fileTime());
    }
    if (!readingTimes.isEmpty()) {
      oldest = Math.min(oldest, readingTimes.firstKey());
    }
    if (oldest != Long.MIN_VALUE) {
      clock = Math.max(clock, oldest - maxDelayMillis);
    }
    return clock;
  }

  /**
   * Sets the clock from the files still to be read, even if that is earlier than before. Only for
   * when every reader and every consumer of the clock has restarted from the same checkpoint.
   */
  long rebaseClock(long floor) {
    clock = floor;
    return advanceClock();
  }

  long clock() {
    return clock;
  }

  boolean hasPending() {
    return !pending.isEmpty();
  }

  boolean isReading() {
    return !reading.isEmpty();
  }

  int pendingCount() {
    return pending.size();
  }

  // --- checkpointing ---

  List<FileSourceSplit> pendingFiles() {
    return pending.stream().sorted(DELIVERY_ORDER).map(Pending::split).toList();
  }

  Set<String> knownFiles() {
    return known.keySet();
  }

  int knownCount() {
    return known.size();
  }

  /**
   * Forgets files delivered before {@code cutoffMillis}: their folders are never listed again, so
   * they cannot come back. Files without a delivery time in their name are kept.
   */
  void forgetKnownBefore(long cutoffMillis) {
    known.values().removeIf(time -> time != Long.MIN_VALUE && time < cutoffMillis);
  }

  long newestFileTime() {
    return newestFileTime;
  }

  static FileSchedule restore(
      Duration maxDelay,
      Collection<FileSourceSplit> pendingFiles,
      Collection<String> knownFiles,
      long newestFileTime,
      long clock) {
    FileSchedule schedule = new FileSchedule(maxDelay);
    knownFiles.forEach(path -> schedule.known.put(path, TrailFile.of(path).orderingTime()));
    pendingFiles.forEach(file -> schedule.pending.add(Pending.of(file)));
    schedule.newestFileTime = newestFileTime;
    schedule.clock = clock;
    return schedule;
  }
}
