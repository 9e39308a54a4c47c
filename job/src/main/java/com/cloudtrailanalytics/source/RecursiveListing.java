package com.cloudtrailanalytics.source;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.core.fs.FileStatus;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;

/**
 * Lists every file below the input, skipping names that start with {@code .} or {@code _} (files
 * being written, markers). Each file is one split, identified by its path.
 */
public final class RecursiveListing implements TrailDiscovery {

  private static final long serialVersionUID = 1L;

  private final String root;

  public RecursiveListing(String root) {
    this.root = root;
  }

  @Override
  public List<FileSourceSplit> discover() throws IOException {
    Path path = new Path(root);
    List<FileSourceSplit> files = new ArrayList<>();
    collect(path.getFileSystem(), path, files);
    return files;
  }

  private static void collect(FileSystem fileSystem, Path folder, List<FileSourceSplit> files)
      throws IOException {
    FileStatus[] entries = fileSystem.listStatus(folder);
    if (entries == null) {
      return;
    }
    for (FileStatus entry : entries) {
      String name = entry.getPath().getName();
      if (name.startsWith(".") || name.startsWith("_")) {
        continue;
      }
      if (entry.isDir()) {
        collect(fileSystem, entry.getPath(), files);
      } else {
        files.add(split(entry));
      }
    }
  }

  static FileSourceSplit split(FileStatus file) {
    String path = file.getPath().toString();
    return new FileSourceSplit(
        path, file.getPath(), 0, file.getLen(), file.getModificationTime(), file.getLen());
  }
}
