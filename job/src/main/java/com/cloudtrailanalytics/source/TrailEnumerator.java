package com.cloudtrailanalytics.source;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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
 * <p>Each reader is kept {@value #FILES_PER_READER} files ahead, so that it starts the next file as
 * soon as it finishes one. A bounded run lists the input once and ends when every file is read; a
 * long-lived run lists it again every monitoring interval and keeps only files it has not seen.
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
  private boolean listedOnce;

  /** After a restore: what each reader reported holding, until every reader has reported. */
  private final Map<Integer, List<String>> restoredHoldings;

  private final boolean rescaled;

  TrailEnumerator(
      SplitEnumeratorContext<FileSourceSplit> context,
      TrailDiscovery discovery,
      boolean bounded,
      Duration monitorInterval,
      FileSchedule schedule,
      boolean listedOnce,
      int restoredReaderCount) {
    this.context = context;
    this.discovery = discovery;
    this.bounded = bounded;
    this.monitorInterval = monitorInterval;
    this.schedule = schedule;
    this.listedOnce = listedOnce;
    this.restoredHoldings = schedule.isReading() ? new HashMap<>() : null;
    this.rescaled = restoredReaderCount != context.currentParallelism();
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
    } else if (event instanceof HeldFilesEvent held) {
      reconcile(reader, held.splitIds());
    }
    publishClock();
  }

  /**
   * A restored reader holds the files it was reading at the checkpoint. Any other file the restored
   * schedule thought it was reading had been finished before the checkpoint (the news of it was
   * sent after the enumerator's part of the checkpoint).
   */
  private void reconcile(int reader, List<String> held) {
    if (restoredHoldings == null) {
      return;
    }
    schedule.attributeTo(reader, held);
    if (!rescaled) {
      Set<String> finished = schedule.readingBy(reader);
      held.forEach(finished::remove);
      schedule.finished(finished);
      return;
    }
    restoredHoldings.put(reader, held);
    if (restoredHoldings.size() == context.currentParallelism()) {
      Set<String> finished = schedule.beingRead();
      restoredHoldings.values().forEach(finished::removeAll);
      schedule.finished(finished);
    }
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
  public TrailEnumeratorState snapshotState(long checkpointId) {
    return new TrailEnumeratorState(
        schedule.pendingFiles(),
        schedule.filesBeingRead(),
        Set.copyOf(schedule.knownFiles()),
        schedule.newestFileTime(),
        schedule.clock(),
        listedOnce,
        context.currentParallelism());
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
    if (clock > before) {
      for (int reader : context.registeredReaders().keySet()) {
        if (!finishedReaders.contains(reader)) {
          context.sendEventToSourceReader(reader, new ClockEvent(clock));
        }
      }
    }
  }
}
