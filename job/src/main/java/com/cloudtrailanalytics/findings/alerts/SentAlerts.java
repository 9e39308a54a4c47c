package com.cloudtrailanalytics.findings.alerts;

import java.io.IOException;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;

/**
 * The findings already posted, as empty marker files {@code <output>/_alerts/<finding id>}: a
 * finding's id is the same when a restart finds it again, so it is not posted twice. A marker is
 * written right after the webhook accepted the post; only a crash between the two posts twice.
 */
final class SentAlerts {

  private final Path folder;

  SentAlerts(String output) {
    this.folder = new Path(output, "_alerts");
  }

  boolean contains(String findingId) throws IOException {
    Path marker = marker(findingId);
    return marker.getFileSystem().exists(marker);
  }

  void add(String findingId) throws IOException {
    Path marker = marker(findingId);
    marker.getFileSystem().create(marker, FileSystem.WriteMode.OVERWRITE).close();
  }

  private Path marker(String findingId) {
    return new Path(folder, findingId);
  }
}
