package com.cloudtrailanalytics.source;

import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.connector.file.src.util.CheckpointedPosition;

/** A file being read, and how many of its items have been emitted, which is its checkpoint. */
final class TrailSplitState {

  private final FileSourceSplit split;
  private long emitted;

  TrailSplitState(FileSourceSplit split) {
    this.split = split;
    this.emitted =
        split.getReaderPosition().map(CheckpointedPosition::getRecordsAfterOffset).orElse(0L);
  }

  void emittedOne() {
    emitted++;
  }

  FileSourceSplit toSplit() {
    return split.updateWithCheckpointedPosition(
        new CheckpointedPosition(CheckpointedPosition.NO_OFFSET, emitted));
  }
}
