package com.cloudtrailanalytics.source;

import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
 * <p>A bounded run lists the input once and ends when every file is read; a long-lived run lists it
 * again every monitoring interval and keeps only files it has not seen.
 */
final class TrailEnumerator implements SplitEnumerator<FileSourceSplit, TrailEnumeratorState> {

  private static final Logger LOG = LoggerFactory.getLogger(TrailEnumerator.class);

  private final SplitEnumeratorContext<FileSourceSplit> context;
  private final TrailDiscovery discovery;
  private final boolean bounded;
  private final Duration monitorInterval;
  private final FileSchedule schedule;
  private final Set<Integer> waitingReaders = new LinkedHashSet<>();
  private final Set<Integer> finishedReaders = new LinkedHashSet<>();
  private boolean listedOnce;

  TrailEnumerator(
      SplitEnumeratorContext<FileSourceSplit> context,
      TrailDiscovery discovery,
      boolean bounded,
      Duration monitorInterval,
      FileSchedule schedule,
      boolean listedOnce) {
    this.context = context;
    this.discovery = discovery;
    this.bounded = bounded;
    this.monitorInterval = monitorInterval;
    this.schedule = schedule;
    this.listedOnce = listedOnce;
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
    schedule.finishedAllOf(reader);
    waitingReaders.add(reader);
    assignToWaitingReaders();
    publishClock();
  }

  @Override
  public void addSplitsBack(List<FileSourceSplit> files, int reader) {
    schedule.returned(files);
    assignToWaitingReaders();
  }

  @Override
  public void addReader(int reader) {
    context.sendEventToSourceReader(reader, new ClockEvent(schedule.clock()));
  }

  @Override
  public void handleSourceEvent(int reader, SourceEvent event) {
    if (event instanceof HeldFilesEvent held) {
      schedule.heldBy(reader, held.splitIds());
    }
  }

  @Override
  public TrailEnumeratorState snapshotState(long checkpointId) {
    return new TrailEnumeratorState(
        schedule.pendingFiles(),
        schedule.filesBeingRead(),
        Set.copyOf(schedule.knownFiles()),
        schedule.newestFileTime(),
        schedule.clock(),
        listedOnce);
  }

  @Override
  public void close() {}

  private void assignToWaitingReaders() {
    Iterator<Integer> waiting = waitingReaders.iterator();
    while (waiting.hasNext()) {
      int reader = waiting.next();
      if (!context.registeredReaders().containsKey(reader)) {
        waiting.remove();
        continue;
      }
      Optional<FileSourceSplit> next = schedule.next(reader);
      if (next.isPresent()) {
        context.assignSplit(next.get(), reader);
        waiting.remove();
      } else if (bounded && listedOnce) {
        context.signalNoMoreSplits(reader);
        finishedReaders.add(reader);
        waiting.remove();
      } else {
        return;
      }
    }
  }

  private void publishClock() {
    long before = schedule.clock();
    long clock = schedule.advanceClock();
    if (clock > before) {
      for (int reader : context.registeredReaders().keySet()) {
        if (!finishedReaders.contains(reader)) {
          context.sendEventToSourceReader(reader, new ClockEvent(clock));
        }
      }
    }
  }
}
