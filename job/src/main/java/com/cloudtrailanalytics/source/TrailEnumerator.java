package com.cloudtrailanalytics.source;

import com.cloudtrailanalytics.source.discovery.Discovered;
import com.cloudtrailanalytics.source.discovery.DiscoveryState;
import com.cloudtrailanalytics.source.discovery.TrailDiscovery;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.apache.flink.api.connector.source.SourceEvent;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the trail's files ({@link TrailDiscovery}), hands them to readers in delivery-time order
 * ({@link FileSchedule}), and tells every reader the trail's clock whenever it advances.
 *
 * <p>Discovery runs in rounds: every monitoring interval, and back to back while a backfill is
 * catching up and few files wait to be read. Each reader is kept {@value #FILES_PER_READER} files
 * ahead, so that it starts the next file as soon as it finishes one. A bounded run ends when
 * discovery has listed everything and every file is read.
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

  /** While backfilling, the next day is listed as soon as fewer files than this wait. */
  static final int BACKFILL_LOW_WATER = 2_000;

  private static final Logger LOG = LoggerFactory.getLogger(TrailEnumerator.class);
  private static final int BOUNDED_LISTING_ATTEMPTS = 5;

  /**
   * The progress line's own logger, so that {@code java -jar} on a terminal can show it as one line
   * that rewrites itself ({@code log4j2.properties}).
   */
  private static final Logger PROGRESS_LOG = LoggerFactory.getLogger(ReadProgress.class);

  private final SplitEnumeratorContext<FileSourceSplit> context;
  private final TrailDiscovery discovery;
  private final boolean bounded;
  private final Duration monitorInterval;
  private final Duration progressInterval;
  private final Clock clock;
  private final FileSchedule schedule;
  private final Set<Integer> waitingReaders = new LinkedHashSet<>();
  private final Set<Integer> finishedReaders = new HashSet<>();
  private final Set<Integer> awaitingReports = new HashSet<>();
  private final long clockFloor;
  private DiscoveryState discoveryState;
  private boolean discoveryComplete;
  private boolean allReadLogged;
  private boolean roundInFlight;
  private int failedRounds;
  private Counter filesDiscovered;
  private Counter listRequests;
  private final ReadProgress progress;

  /**
   * @param restored whether the schedule comes from a checkpoint, so that every reader first
   *     reports what it holds
   */
  TrailEnumerator(
      SplitEnumeratorContext<FileSourceSplit> context,
      TrailDiscovery discovery,
      boolean bounded,
      Duration monitorInterval,
      Duration progressInterval,
      Clock clock,
      FileSchedule schedule,
      DiscoveryState discoveryState,
      boolean discoveryComplete,
      boolean restored) {
    this.context = context;
    this.discovery = discovery;
    this.bounded = bounded;
    this.monitorInterval = monitorInterval;
    this.progressInterval = progressInterval;
    this.clock = clock;
    this.schedule = schedule;
    this.discoveryState = discoveryState;
    this.discoveryComplete = discoveryComplete;
    this.clockFloor = schedule.clock();
    this.progress =
        new ReadProgress(System.nanoTime(), schedule.pendingCount() + schedule.beingRead().size());
    if (restored) {
      IntStream.range(0, context.currentParallelism()).forEach(awaitingReports::add);
    }
  }

  @Override
  public void start() {
    MetricGroup metrics = context.metricGroup().addGroup("cloudtrail");
    filesDiscovered = metrics.counter("filesDiscovered");
    listRequests = metrics.counter("listRequests");
    metrics.gauge("filesWaiting", schedule::pendingCount);
    metrics.gauge("filesRemembered", schedule::knownCount);
    if (bounded) {
      startRound();
      long every = progressInterval.toMillis();
      context.callAsync(() -> null, (ignored, error) -> logProgress(), every, every);
    } else {
      context.callAsync(
          () -> null, (ignored, error) -> startRound(), 0, monitorInterval.toMillis());
    }
  }

  private void startRound() {
    if (roundInFlight || discoveryComplete) {
      return;
    }
    roundInFlight = true;
    DiscoveryState from = discoveryState;
    long backoffMillis = bounded && failedRounds > 0 ? 1000L << Math.min(failedRounds, 5) : 0;
    context.callAsync(
        () -> {
          Thread.sleep(backoffMillis);
          return discovery.discover(from, clock.instant());
        },
        this::onDiscovered);
  }

  private void onDiscovered(Discovered round, Throwable error) {
    roundInFlight = false;
    if (error != null) {
      failedRounds++;
      if (bounded && failedRounds >= BOUNDED_LISTING_ATTEMPTS) {
        throw new IllegalStateException("Could not list the trail's files", error);
      }
      LOG.warn("Could not list the trail's files; trying again", error);
      if (bounded) {
        startRound();
      }
      return;
    }
    failedRounds = 0;
    discoveryState = round.state();
    int added = schedule.add(round.files());
    schedule.forgetKnownBefore(round.forgetBeforeMillis());
    filesDiscovered.inc(added);
    progress.found(added);
    listRequests.inc(round.listings());
    if (added > 0) {
      LOG.info(
          "Found {} new files with {} listings{}; {} files wait to be read",
          added,
          round.listings(),
          round.state().caughtUp()
              ? ""
              : " (backfilling: " + round.state().backfillDays().size() + " more days)",
          schedule.pendingCount());
    }
    if (bounded && round.state().caughtUp()) {
      discoveryComplete = true;
      logOnceAllIsRead();
    }
    assignToWaitingReaders();
    publishClock();
    continueBackfill();
  }

  private void continueBackfill() {
    if (!discoveryState.caughtUp() && schedule.pendingCount() < BACKFILL_LOW_WATER) {
      startRound();
    }
  }

  /** A bounded run's progress line, while it reads. */
  private void logProgress() {
    if (progress.isUnderWay()) {
      PROGRESS_LOG.info(progress.line(System.nanoTime(), discoveryComplete));
    }
  }

  /**
   * A bounded run's last progress line, as an ordinary log line: on a terminal it also takes the
   * place of the line that rewrote itself, before the summary is printed.
   */
  private void logOnceAllIsRead() {
    if (bounded && discoveryComplete && progress.isDone() && !allReadLogged) {
      allReadLogged = true;
      LOG.info(progress.allReadLine(System.nanoTime()));
    }
  }

  @Override
  public void handleSplitRequest(int reader, String hostname) {
    waitingReaders.add(reader);
    assignToWaitingReaders();
    continueBackfill();
  }

  @Override
  public void handleSourceEvent(int reader, SourceEvent event) {
    if (event instanceof FilesFinishedEvent finished) {
      schedule.finished(finished.splitIds());
      progress.read(finished.splitIds().size(), finished.events());
      logOnceAllIsRead();
      publishClock();
    } else if (event instanceof HeldFilesEvent held) {
      schedule.readingAgain(reader, held.splitIds());
      if (awaitingReports.remove(reader) && awaitingReports.isEmpty()) {
        long restarted = schedule.rebaseClock(clockFloor);
        LOG.info("Every reader has reported its files; the clock restarts at {}", restarted);
        broadcast(restarted);
      }
    }
  }

  /** A reader restarts from the last checkpoint; the files given to it since come back. */
  @Override
  public void addSplitsBack(java.util.List<FileSourceSplit> files, int reader) {
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
        discoveryState,
        discoveryComplete);
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
      } else if (bounded && discoveryComplete) {
        context.signalNoMoreSplits(reader);
        finishedReaders.add(reader);
        waitingReaders.remove(reader);
      }
    }
  }

  private void publishClock() {
    long before = schedule.clock();
    long advanced = schedule.advanceClock();
    if (advanced > before && awaitingReports.isEmpty()) {
      broadcast(advanced);
    }
  }

  private void broadcast(long watermark) {
    for (int reader : context.registeredReaders().keySet()) {
      if (!finishedReaders.contains(reader)) {
        context.sendEventToSourceReader(reader, new ClockEvent(watermark));
      }
    }
  }
}
