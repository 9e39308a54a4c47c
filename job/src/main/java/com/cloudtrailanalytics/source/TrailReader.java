package com.cloudtrailanalytics.source;

import com.cloudtrailanalytics.event.ClockTick;
import com.cloudtrailanalytics.event.FileReport;
import com.cloudtrailanalytics.event.TrailItem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.flink.api.connector.source.ReaderOutput;
import org.apache.flink.api.connector.source.SourceEvent;
import org.apache.flink.api.connector.source.SourceOutput;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.connector.base.source.reader.RecordEmitter;
import org.apache.flink.connector.base.source.reader.SingleThreadMultiplexSourceReaderBase;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.core.io.InputStatus;

/**
 * Reads the files the enumerator hands it and carries the trail's clock: whenever the clock
 * advances, the next item it emits is a {@link ClockTick}. It emits no event before it knows the
 * clock, so that after a restore the restored clock applies to the very first event.
 *
 * <p>It tells the enumerator exactly which files it has finished, which the clock depends on.
 */
final class TrailReader
    extends SingleThreadMultiplexSourceReaderBase<
        TrailItem, TrailItem, FileSourceSplit, TrailSplitState> {

  private final List<String> restoredSplitIds = new ArrayList<>();
  private boolean started;
  private long clock = Long.MIN_VALUE;
  private boolean knowsClock;
  private boolean tickPending;
  private CompletableFuture<Void> clockAdvanced = new CompletableFuture<>();

  private final LongLivedFetcherManager fetchers;

  TrailReader(SourceReaderContext context, ReadSettings settings) {
    this(context, new LongLivedFetcherManager(settings, context.getConfiguration()));
  }

  private TrailReader(SourceReaderContext context, LongLivedFetcherManager fetchers) {
    super(fetchers, new Emitter(), context.getConfiguration(), context);
    this.fetchers = fetchers;
  }

  @Override
  public void notifyNoMoreSplits() {
    fetchers.noMoreFiles();
    super.notifyNoMoreSplits();
  }

  @Override
  public void start() {
    started = true;
    context.sendSourceEventToCoordinator(new HeldFilesEvent(List.copyOf(restoredSplitIds)));
    context.sendSplitRequest();
  }

  @Override
  public void addSplits(List<FileSourceSplit> splits) {
    if (!started) {
      splits.forEach(split -> restoredSplitIds.add(split.splitId()));
    }
    super.addSplits(splits);
  }

  @Override
  public InputStatus pollNext(ReaderOutput<TrailItem> output) throws Exception {
    if (!knowsClock) {
      return InputStatus.NOTHING_AVAILABLE;
    }
    if (tickPending) {
      tickPending = false;
      output.collect(new ClockTick(clock));
      return InputStatus.MORE_AVAILABLE;
    }
    return super.pollNext(output);
  }

  @Override
  public CompletableFuture<Void> isAvailable() {
    if (knowsClock && tickPending) {
      return CompletableFuture.completedFuture(null);
    }
    if (clockAdvanced.isDone()) {
      clockAdvanced = new CompletableFuture<>();
    }
    return knowsClock
        ? CompletableFuture.anyOf(super.isAvailable(), clockAdvanced).thenApply(ignored -> null)
        : clockAdvanced;
  }

  @Override
  public void handleSourceEvents(SourceEvent event) {
    if (event instanceof ClockEvent tick && (!knowsClock || tick.watermarkMillis() > clock)) {
      clock = tick.watermarkMillis();
      knowsClock = true;
      tickPending = true;
      clockAdvanced.complete(null);
    }
  }

  @Override
  protected void onSplitFinished(Map<String, TrailSplitState> finished) {
    context.sendSourceEventToCoordinator(
        new FilesFinishedEvent(
            List.copyOf(finished.keySet()),
            finished.values().stream().mapToLong(TrailSplitState::events).sum()));
    context.sendSplitRequest();
  }

  @Override
  protected TrailSplitState initializedState(FileSourceSplit split) {
    return new TrailSplitState(split);
  }

  @Override
  protected FileSourceSplit toSplitType(String splitId, TrailSplitState state) {
    return state.toSplit();
  }

  /** Emits an item, counts it in its file's position, and keeps the file's count of events. */
  private static final class Emitter
      implements RecordEmitter<TrailItem, TrailItem, TrailSplitState> {
    @Override
    public void emitRecord(TrailItem item, SourceOutput<TrailItem> output, TrailSplitState file) {
      output.collect(item);
      file.emittedOne();
      if (item instanceof FileReport report) {
        file.reported(report.events());
      }
    }
  }
}
