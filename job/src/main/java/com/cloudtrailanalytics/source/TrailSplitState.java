package com.cloudtrailanalytics.source;

import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.connector.file.src.util.CheckpointedPosition;

/** A file being read, and how many of its items have been emitted, which is its checkpoint. */
final class TrailSplitState {

  private final FileSourceSplit split;
  private long emitted;
  private long events;

  TrailSplitState(FileSourceSplit split) {
    this.split = split;
    this.emitted =
        split.getReaderPosition().map(CheckpointedPosition::getRecordsAfterOffset).orElse(0L);
  }

  void emittedOne() {
    emitted++;
  }

  /** The file's report, emitted last, says how many events it held. */
  void reported(long eventsInFile) {
    events = eventsInFile;
  }

  long events() {
    return events;
  }

  FileSourceSplit toSplit() {
    return split.updateWithCheckpointedPosition(
        new CheckpointedPosition(CheckpointedPosition.NO_OFFSET, emitted));
  }
}
