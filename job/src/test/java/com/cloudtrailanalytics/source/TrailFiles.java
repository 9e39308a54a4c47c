package com.cloudtrailanalytics.source;

import com.cloudtrailanalytics.source.discovery.Discovered;
import com.cloudtrailanalytics.source.discovery.DiscoveryState;
import com.cloudtrailanalytics.source.discovery.TrailDiscovery;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.core.fs.Path;

/** Splits for CloudTrail log files, named the way CloudTrail names them. */
final class TrailFiles {

  static final String ACCOUNT = "111122223333";

  private TrailFiles() {}

  /** A log file delivered at {@code yyyyMMddTHHmmZ} for the given region. */
  static FileSourceSplit logFile(String region, String deliveredAt) {
    String path =
        "file:/trail/AWSLogs/"
            + ACCOUNT
            + "/CloudTrail/"
            + region
            + "/2024/03/01/"
            + ACCOUNT
            + "_CloudTrail_"
            + region
            + "_"
            + deliveredAt
            + "_abcdef.json.gz";
    return new FileSourceSplit(path, new Path(path), 0, 100, 0, 100);
  }

  /** Discovery that finds these files in one round. */
  static TrailDiscovery listing(List<FileSourceSplit> files) {
    return (state, now) ->
        new Discovered(files, new DiscoveryState(List.of(), 0, List.of(), true), 1, Long.MIN_VALUE);
  }

  static List<String> paths(List<FileSourceSplit> splits) {
    List<String> paths = new ArrayList<>();
    splits.forEach(split -> paths.add(split.splitId()));
    return paths;
  }
}
