package com.cloudtrailanalytics.cli;

import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;

/** Fails fast, with one line, when the input cannot be listed, whatever the reason. */
final class InputCheck {

  private InputCheck() {}

  static void requireReadable(String location) throws UsageException {
    boolean exists;
    try {
      Path path = new Path(location);
      FileSystem fileSystem = path.getFileSystem();
      exists = fileSystem.exists(path);
      if (exists) {
        fileSystem.listStatus(path);
      }
    } catch (Exception e) {
      // S3 clients report a bad bucket, address or credential as IOException or as runtime errors
      throw new UsageException("--input " + location + " cannot be read: " + oneLine(e));
    }
    if (!exists) {
      throw new UsageException("--input " + location + " does not exist");
    }
  }

  /** The exception's own message on one line, else its type. */
  private static String oneLine(Exception e) {
    String message = e.getMessage();
    if (message == null || message.isBlank()) {
      return e.getClass().getSimpleName();
    }
    return message.strip().replaceAll("\\s*\\R\\s*", " ");
  }
}
