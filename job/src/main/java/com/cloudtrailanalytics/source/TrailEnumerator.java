package com.cloudtrailanalytics.source;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.apache.flink.api.connector.source.SourceEvent;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the trail's files, hands them to readers in delivery-time order ({@link FileSchedule}), and
 * tells every reader the trail's clock whenever it advances.
 *
 * <p>Each reader is kept {@value #FILES_PER_READER} files ahead, so that it starts the next file as
 * soon as it finishes one. A bounded run lists the input once and ends when every file is read; a
 * long-lived run lists it again every monitoring interval and keeps only files it has not seen.
 *
 * <p>When readers restart from a checkpoint (the whole job restored, or readers restarted after a
 * failure while this enumerator kept running), what they were reading is what their checkpoint
 * holds, which each restarted reader reports. Until all have reported, no reader is told the clock,
 * so none emits an event; then the clock is set afresh from the files still to be read. It may go
 * back, which is safe because everything downstream of the readers restarted from the same
 * checkpoint: the job's readers all feed all its windows, so they fail and restart together.
 */
final class TrailEnumerator implements SplitEnumerator<FileSourceSplit, TrailEnumeratorState> {

  static final int FILES_PER_READER = 2;

  private static final Logger LOG = LoggerFactory.getLogger(TrailEnumerator.class);

  private final SplitEnumeratorContext<FileSourceSplit> context;
  private final TrailDiscovery discovery;
  private final boolean bounded;
  private final Duration monitorInterval;
  private final FileSchedule schedule;
  private final Set<Integer> waitingReaders = new LinkedHashSet<>();
  private final Set<Integer> finishedReaders = new HashSet<>();
  private final Set<Integer> awaitingReports = new HashSet<>();
  private final long clockFloor;
  private boolean listedOnce;

  /**
   * @param restored whether the schedule comes from a checkpoint, so that every reader first
   *     reports what it holds
   */
  TrailEnumerator(
      SplitEnumeratorContext<FileSourceSplit> context,
      TrailDiscovery discovery,
      boolean bounded,
      Duration monitorInterval,
      FileSchedule schedule,
      boolean listedOnce,
      boolean restored) {
    this.context = context;
    this.discovery = discovery;
    this.bounded = bounded;
    this.monitorInterval = monitorInterval;
    this.schedule = schedule;
    this.listedOnce = listedOnce;
    this.clockFloor = schedule.clock();
    if (restored) {
      IntStream.range(0, context.currentParallelism()).forEach(awaitingReports::add);
    }
  }

  @Override
  public void start() {
    if (!bounded) {
      context.callAsync(discovery::discover, this::onListed, 0, monitorInterval.toMillis());
    } else if (!listedOnce) {
      context.callAsync(discovery::discover, this::onListed);
    }
  }

  private void onListed(List<FileSourceSplit> files, Throwable error) {
    if (error != null) {
      if (bounded) {
        throw new IllegalStateException("Could not list the trail's files", error);
      }
      LOG.warn("Could not list the trail's files; trying again in {}", monitorInterval, error);
      return;
    }
    int added = schedule.add(files);
    if (added > 0 || !listedOnce) {
      LOG.info("Found {} new files; {} files wait to be read", added, schedule.pendingCount());
    }
    listedOnce = true;
    assignToWaitingReaders();
    publishClock();
  }

  @Override
  public void handleSplitRequest(int reader, String hostname) {
    waitingReaders.add(reader);
    assignToWaitingReaders();
  }

  @Override
  public void handleSourceEvent(int reader, SourceEvent event) {
    if (event instanceof FilesFinishedEvent finished) {
      schedule.finished(finished.splitIds());
      publishClock();
    } else if (event instanceof HeldFilesEvent held) {
      schedule.readingAgain(reader, held.splitIds());
      if (awaitingReports.remove(reader) && awaitingReports.isEmpty()) {
        long clock = schedule.rebaseClock(clockFloor);
        LOG.info("Every reader has reported its files; the clock restarts at {}", clock);
        broadcast(clock);
      }
    }
  }

  /** A reader restarts from the last checkpoint; the files given to it since come back. */
  @Override
  public void addSplitsBack(List<FileSourceSplit> files, int reader) {
    schedule.forget(reader);
    schedule.returned(files);
    awaitingReports.add(reader);
    waitingReaders.remove(reader);
    finishedReaders.remove(reader);
  }

  @Override
  public void addReader(int reader) {
    if (awaitingReports.isEmpty()) {
      context.sendEventToSourceReader(reader, new ClockEvent(schedule.clock()));
    }
  }

  @Override
  public TrailEnumeratorState snapshotState(long checkpointId) {
    return new TrailEnumeratorState(
        schedule.pendingFiles(),
        Set.copyOf(schedule.knownFiles()),
        schedule.newestFileTime(),
        schedule.clock(),
        listedOnce);
  }

  @Override
  public void close() {}

  private void assignToWaitingReaders() {
    for (int reader : new ArrayList<>(waitingReaders)) {
      if (!context.registeredReaders().containsKey(reader)) {
        waitingReaders.remove(reader);
        continue;
      }
      while (schedule.heldCount(reader) < FILES_PER_READER) {
        Optional<FileSourceSplit> next = schedule.next(reader);
        if (next.isEmpty()) {
          break;
        }
        context.assignSplit(next.get(), reader);
      }
      if (schedule.heldCount(reader) > 0) {
        waitingReaders.remove(reader);
      } else if (bounded && listedOnce) {
        context.signalNoMoreSplits(reader);
        finishedReaders.add(reader);
        waitingReaders.remove(reader);
      }
    }
  }

  private void publishClock() {
    long before = schedule.clock();
    long clock = schedule.advanceClock();
    if (clock > before && awaitingReports.isEmpty()) {
      broadcast(clock);
    }
  }

  private void broadcast(long clock) {
    for (int reader : context.registeredReaders().keySet()) {
      if (!finishedReaders.contains(reader)) {
        context.sendEventToSourceReader(reader, new ClockEvent(clock));
      }
    }
  }
}
