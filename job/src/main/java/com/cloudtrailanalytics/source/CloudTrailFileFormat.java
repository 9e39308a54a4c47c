package com.cloudtrailanalytics.source;

import com.cloudtrailanalytics.record.TrailFile;
import com.cloudtrailanalytics.record.TrailItem;
import java.io.IOException;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.connector.file.src.reader.BulkFormat;
import org.apache.flink.connector.file.src.util.ArrayResultIterator;
import org.apache.flink.connector.file.src.util.CheckpointedPosition;

/**
 * Reads whole CloudTrail files (gzipped or plain JSON) into {@link TrailItem}s.
 *
 * <p>A file is one JSON document and, when gzipped, cannot be split, so each split is a whole file.
 * A checkpoint remembers how many items of the file were emitted; a restored reader reads the file
 * again from the start and skips them, which is cheap for CloudTrail's five-minute files.
 */
public final class CloudTrailFileFormat implements BulkFormat<TrailItem, FileSourceSplit> {

  private static final long serialVersionUID = 1L;
  private static final int ITEMS_PER_BATCH = 256;

  private final int maxRecordBytes;

  public CloudTrailFileFormat(int maxRecordBytes) {
    this.maxRecordBytes = maxRecordBytes;
  }

  @Override
  public Reader<TrailItem> createReader(Configuration config, FileSourceSplit split) {
    return new BatchReader(open(split), 0);
  }

  @Override
  public Reader<TrailItem> restoreReader(Configuration config, FileSourceSplit split)
      throws IOException {
    long alreadyEmitted =
        split.getReaderPosition().map(CheckpointedPosition::getRecordsAfterOffset).orElse(0L);
    TrailFileItems items = open(split);
    for (long skipped = 0; skipped < alreadyEmitted && items.next() != null; skipped++) {
      // replaying what the previous attempt already emitted
    }
    return new BatchReader(items, alreadyEmitted);
  }

  private TrailFileItems open(FileSourceSplit split) {
    return new TrailFileItems(
        TrailFile.of(split.path().toString()), split.fileSize(), maxRecordBytes);
  }

  @Override
  public boolean isSplittable() {
    return false;
  }

  @Override
  public TypeInformation<TrailItem> getProducedType() {
    return TypeInformation.of(TrailItem.class);
  }

  /** Hands the file's items to Flink in batches, each item positioned for checkpoints. */
  private static final class BatchReader implements BulkFormat.Reader<TrailItem> {

    private final TrailFileItems items;
    private long emitted;

    BatchReader(TrailFileItems items, long alreadyEmitted) {
      this.items = items;
      this.emitted = alreadyEmitted;
    }

    @Override
    public RecordIterator<TrailItem> readBatch() throws IOException {
      TrailItem[] batch = new TrailItem[ITEMS_PER_BATCH];
      int count = 0;
      TrailItem item;
      while (count < ITEMS_PER_BATCH && (item = items.next()) != null) {
        batch[count++] = item;
      }
      if (count == 0) {
        return null;
      }
      ArrayResultIterator<TrailItem> iterator = new ArrayResultIterator<>();
      iterator.set(batch, count, CheckpointedPosition.NO_OFFSET, emitted);
      emitted += count;
      return iterator;
    }

    @Override
    public void close() throws IOException {
      items.close();
    }
  }
}
