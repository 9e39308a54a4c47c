package com.cloudtrailanalytics.source;

import com.cloudtrailanalytics.event.TrailItem;
import java.util.Set;
import org.apache.flink.connector.base.source.reader.RecordsWithSplitIds;

/** Items of one file handed from the fetcher thread to the task thread; may end the file. */
final class TrailBatch implements RecordsWithSplitIds<TrailItem> {

  private final String splitId;
  private final TrailItem[] items;
  private final int count;
  private final boolean endsFile;
  private boolean splitReturned;
  private int next;

  TrailBatch(String splitId, TrailItem[] items, int count, boolean endsFile) {
    this.splitId = splitId;
    this.items = items;
    this.count = count;
    this.endsFile = endsFile;
  }

  @Override
  public String nextSplit() {
    if (splitReturned || count == 0) {
      return null;
    }
    splitReturned = true;
    return splitId;
  }

  @Override
  public TrailItem nextRecordFromSplit() {
    return next < count ? items[next++] : null;
  }

  @Override
  public Set<String> finishedSplits() {
    return endsFile ? Set.of(splitId) : Set.of();
  }
}
