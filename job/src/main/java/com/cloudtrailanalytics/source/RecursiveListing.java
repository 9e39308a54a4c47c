package com.cloudtrailanalytics.source;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.core.fs.FileStatus;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;

/**
 * Lists every file below a folder, every round, skipping names that start with {@code .} or {@code
 * _}. For inputs that are not laid out like a CloudTrail bucket: its cost grows with the number of
 * files, and every file must be remembered.
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
        continue;
      }
      if (entry.isDir()) {
        listings += collect(fileSystem, entry.getPath(), files);
      } else {
        files.add(split(entry));
      }
    }
    return listings;
  }

  static FileSourceSplit split(FileStatus file) {
    String path = file.getPath().toString();
    return new FileSourceSplit(
        path, file.getPath(), 0, file.getLen(), file.getModificationTime(), file.getLen());
  }
}
