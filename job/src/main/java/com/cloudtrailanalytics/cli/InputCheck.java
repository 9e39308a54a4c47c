package com.cloudtrailanalytics.cli;

import java.io.IOException;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;

/** Fails fast, with one line, when the input cannot be listed. */
final class InputCheck {

  private InputCheck() {}

  static void requireReadable(String location) throws UsageException {
    Path path = new Path(location);
    try {
      FileSystem fileSystem = path.getFileSystem();
      if (!fileSystem.exists(path)) {
        throw new UsageException("--input " + location + " does not exist");
      }
      fileSystem.listStatus(path);
    } catch (IOException e) {
      throw new UsageException("--input " + location + " cannot be read: " + e.getMessage());
    }
  }
}
