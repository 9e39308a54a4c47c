package com.cloudtrailanalytics.source;

import com.cloudtrailanalytics.record.ClockTick;
import com.cloudtrailanalytics.record.TrailItem;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.flink.api.connector.source.ReaderOutput;
import org.apache.flink.api.connector.source.SourceEvent;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.core.io.InputStatus;

/**
 * Flink's file reader, plus the trail's clock: when the enumerator's clock advances, the next item
 * this reader emits is a {@link ClockTick}. The reader emits no event before it knows the clock, so
 * that after a restore the restored clock applies to the very first event.
 */
final class ClockedReader implements SourceReader<TrailItem, FileSourceSplit> {

  private final SourceReader<TrailItem, FileSourceSplit> files;
  private final SourceReaderContext context;
  private final List<String> restoredSplitIds = new ArrayList<>();
  private boolean started;
  private long clock = Long.MIN_VALUE;
  private boolean knowsClock;
  private boolean tickPending;
  private CompletableFuture<Void> clockAdvanced = new CompletableFuture<>();

  ClockedReader(SourceReader<TrailItem, FileSourceSplit> files, SourceReaderContext context) {
    this.files = files;
    this.context = context;
  }

  @Override
  public void start() {
    started = true;
    if (!restoredSplitIds.isEmpty()) {
      context.sendSourceEventToCoordinator(new HeldFilesEvent(List.copyOf(restoredSplitIds)));
    }
    files.start();
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
    return files.pollNext(output);
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
        ? CompletableFuture.anyOf(files.isAvailable(), clockAdvanced).thenApply(ignored -> null)
        : clockAdvanced;
  }

  @Override
  public void handleSourceEvents(SourceEvent event) {
    if (event instanceof ClockEvent tick) {
      if (!knowsClock || tick.watermarkMillis() > clock) {
        clock = tick.watermarkMillis();
        knowsClock = true;
        tickPending = true;
        clockAdvanced.complete(null);
      }
    } else {
      files.handleSourceEvents(event);
    }
  }

  @Override
  public void addSplits(List<FileSourceSplit> splits) {
    if (!started) {
      splits.forEach(split -> restoredSplitIds.add(split.splitId()));
    }
    files.addSplits(splits);
  }

  @Override
  public void notifyNoMoreSplits() {
    files.notifyNoMoreSplits();
  }

  @Override
  public List<FileSourceSplit> snapshotState(long checkpointId) {
    return files.snapshotState(checkpointId);
  }

  @Override
  public void notifyCheckpointComplete(long checkpointId) throws Exception {
    files.notifyCheckpointComplete(checkpointId);
  }

  @Override
  public void pauseOrResumeSplits(
      Collection<String> splitsToPause, Collection<String> splitsToResume) {
    files.pauseOrResumeSplits(splitsToPause, splitsToResume);
  }

  @Override
  public void close() throws Exception {
    files.close();
  }
}
