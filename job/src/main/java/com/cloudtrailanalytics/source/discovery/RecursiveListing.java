package com.cloudtrailanalytics.source.discovery;

import com.cloudtrailanalytics.event.RejectReason;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.core.fs.FileStatus;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;

/**
 * Lists every file below a folder, every round; names that start with {@code .} or {@code _} are
 * recorded as skipped, not read. For inputs that are not laid out like a CloudTrail bucket: its
 * cost grows with the number of files, and every file must be remembered.
 */
public final class RecursiveListing implements TrailDiscovery {

  private static final long serialVersionUID = 1L;

  private final String root;

  public RecursiveListing(String root) {
    this.root = root;
  }

  @Override
  public Discovered discover(DiscoveryState state, Instant now) throws IOException {
    Path path = new Path(root);
    List<FileSourceSplit> files = new ArrayList<>();
    long listings = collect(path.getFileSystem(), path, files);
    return new Discovered(
        files,
        new DiscoveryState(List.of(), state.streamsFoundAtMillis(), List.of(), true),
        listings,
        Long.MIN_VALUE);
  }

  /** Adds every file below {@code folder}; returns how many folders it listed. */
  static long collect(FileSystem fileSystem, Path folder, List<FileSourceSplit> files)
      throws IOException {
    FileStatus[] entries = fileSystem.listStatus(folder);
    long listings = 1;
    if (entries == null) {
      return listings;
    }
    for (FileStatus entry : entries) {
      String name = entry.getPath().getName();
      if (name.startsWith(".") || name.startsWith("_")) {
        files.add(hidden(entry));
      } else if (entry.isDir()) {
        listings += collect(fileSystem, entry.getPath(), files);
      } else {
        files.add(split(entry));
      }
    }
    return listings;
  }

  /**
   * Hidden entries (a '.' or '_' name: in progress, markers, tools' own) are recorded, not read.
   */
  private static FileSourceSplit hidden(FileStatus entry) {
    return entry.isDir()
        ? TrailSplit.skipped(
            entry.getPath(), RejectReason.UNKNOWN_FOLDER, "a hidden folder; not read")
        : TrailSplit.skipped(
            entry.getPath(), RejectReason.NOT_A_LOG_FILE, "a hidden file; not read");
  }

  public static FileSourceSplit split(FileStatus file) {
    return TrailSplit.file(file.getPath(), file.getModificationTime(), file.getLen());
  }
}
