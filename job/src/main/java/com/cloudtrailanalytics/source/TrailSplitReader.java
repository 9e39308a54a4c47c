package com.cloudtrailanalytics.source;

import com.cloudtrailanalytics.event.TrailFile;
import com.cloudtrailanalytics.event.TrailItem;
import com.cloudtrailanalytics.format.TrailFileItems;
import com.cloudtrailanalytics.source.discovery.TrailSplit;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Queue;
import org.apache.flink.connector.base.source.reader.RecordsWithSplitIds;
import org.apache.flink.connector.base.source.reader.splitreader.SplitReader;
import org.apache.flink.connector.base.source.reader.splitreader.SplitsAddition;
import org.apache.flink.connector.base.source.reader.splitreader.SplitsChange;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.connector.file.src.util.CheckpointedPosition;

/**
 * Reads the files given to one reader, one after the other, in batches of items, on the reader's
 * fetcher thread ({@link FileReading}: storage failures are retried, and a file storage refuses is
 * given up with a reject). A file restored from a checkpoint is read again from its start and the
 * items emitted before the checkpoint are skipped, which is cheap for CloudTrail's five-minute
 * files.
 */
final class TrailSplitReader implements SplitReader<TrailItem, FileSourceSplit> {

  private static final int ITEMS_PER_BATCH = 256;

  private final ReadSettings settings;
  private final FileReading.Sleeper sleeper;
  private final Queue<FileSourceSplit> files = new ArrayDeque<>();
  private FileReading current;
  private String currentSplitId;

  TrailSplitReader(ReadSettings settings) {
    this(settings, Thread::sleep);
  }

  TrailSplitReader(ReadSettings settings, FileReading.Sleeper sleeper) {
    this.settings = settings;
    this.sleeper = sleeper;
  }

  @Override
  public RecordsWithSplitIds<TrailItem> fetch() throws IOException {
    if (current == null) {
      openNext();
    }
    TrailItem[] items = new TrailItem[ITEMS_PER_BATCH];
    int count = 0;
    TrailItem item;
    while (count < ITEMS_PER_BATCH && (item = current.next()) != null) {
      items[count++] = item;
    }
    boolean endsFile = count < ITEMS_PER_BATCH;
    TrailBatch batch = new TrailBatch(currentSplitId, items, count, endsFile);
    if (endsFile) {
      current.close();
      current = null;
      currentSplitId = null;
    }
    return batch;
  }

  private void openNext() throws IOException {
    TrailSplit split = TrailSplit.of(files.remove());
    TrailFile file = TrailFile.of(split.splitId());
    current =
        new FileReading(
            file,
            () ->
                new TrailFileItems(
                    file,
                    split.fileSize(),
                    settings.maxRecordBytes(),
                    settings.readInsights(),
                    split.skip()),
            settings,
            sleeper);
    currentSplitId = split.splitId();
    current.skip(
        split.getReaderPosition().map(CheckpointedPosition::getRecordsAfterOffset).orElse(0L));
  }

  @Override
  public void handleSplitsChanges(SplitsChange<FileSourceSplit> change) {
    if (!(change instanceof SplitsAddition)) {
      throw new UnsupportedOperationException("Only new files can be given to a reader: " + change);
    }
    files.addAll(change.splits());
  }

  @Override
  public void wakeUp() {}

  @Override
  public void close() throws Exception {
    if (current != null) {
      current.close();
    }
  }
}
