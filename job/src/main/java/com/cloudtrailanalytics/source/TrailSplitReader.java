package com.cloudtrailanalytics.source;

import com.cloudtrailanalytics.record.TrailFile;
import com.cloudtrailanalytics.record.TrailItem;
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
 * fetcher thread. A file restored from a checkpoint is read again from its start and the items
 * emitted before the checkpoint are skipped, which is cheap for CloudTrail's five-minute files.
 */
final class TrailSplitReader implements SplitReader<TrailItem, FileSourceSplit> {

  private static final int ITEMS_PER_BATCH = 256;

  private final int maxRecordBytes;
  private final Queue<FileSourceSplit> files = new ArrayDeque<>();
  private TrailFileItems current;
  private String currentSplitId;

  TrailSplitReader(int maxRecordBytes) {
    this.maxRecordBytes = maxRecordBytes;
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
    FileSourceSplit split = files.remove();
    current =
        new TrailFileItems(TrailFile.of(split.path().toString()), split.fileSize(), maxRecordBytes);
    currentSplitId = split.splitId();
    long alreadyEmitted =
        split.getReaderPosition().map(CheckpointedPosition::getRecordsAfterOffset).orElse(0L);
    for (long skipped = 0; skipped < alreadyEmitted && current.next() != null; skipped++) {
      // replaying what the previous attempt emitted before its checkpoint
    }
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
