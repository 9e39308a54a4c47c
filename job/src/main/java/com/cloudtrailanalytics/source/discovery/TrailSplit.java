package com.cloudtrailanalytics.source.discovery;

import com.cloudtrailanalytics.event.FileSkip;
import com.cloudtrailanalytics.event.RejectReason;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.connector.file.src.util.CheckpointedPosition;
import org.apache.flink.core.fs.Path;

/**
 * One entry discovery found for a reader: a file to read, or something it listed but did not
 * understand (a folder or file outside CloudTrail's layout), which the reader records as skipped
 * with the reason, so that it shows up in {@code source_files} and {@code rejects} rather than
 * disappearing.
 */
public final class TrailSplit extends FileSourceSplit {

  private static final long serialVersionUID = 1L;

  private final FileSkip skip;

  private TrailSplit(
      String id,
      Path path,
      long modificationTime,
      long size,
      CheckpointedPosition position,
      FileSkip skip) {
    super(id, path, 0, size, modificationTime, size, new String[0], position);
    this.skip = skip;
  }

  /** A file to read. */
  public static TrailSplit file(Path path, long modificationTime, long size) {
    return new TrailSplit(path.toString(), path, modificationTime, size, null, null);
  }

  /**
   * An entry to record as skipped, with the reason. A folder's id, which names it in the tables,
   * ends with a slash.
   */
  public static TrailSplit skipped(Path path, RejectReason reason, String detail) {
    String id = reason == RejectReason.UNKNOWN_FOLDER ? path + "/" : path.toString();
    return new TrailSplit(id, path, 0, 0, null, new FileSkip(reason, detail));
  }

  /** A split as a plain {@link FileSourceSplit} restored from an older checkpoint. */
  public static TrailSplit of(FileSourceSplit split) {
    return split instanceof TrailSplit trailSplit
        ? trailSplit
        : restore(
            split.splitId(),
            split.path(),
            split.fileModificationTime(),
            split.fileSize(),
            split.getReaderPosition().orElse(null),
            null);
  }

  public static TrailSplit restore(
      String id,
      Path path,
      long modificationTime,
      long size,
      CheckpointedPosition position,
      FileSkip skip) {
    return new TrailSplit(id, path, modificationTime, size, position, skip);
  }

  /** Why the entry is not to be read, or null for a file to read. */
  public FileSkip skip() {
    return skip;
  }

  @Override
  public TrailSplit updateWithCheckpointedPosition(CheckpointedPosition position) {
    return new TrailSplit(splitId(), path(), fileModificationTime(), fileSize(), position, skip);
  }

  @Override
  public String toString() {
    return skip == null ? super.toString() : super.toString() + " skipped: " + skip;
  }
}
