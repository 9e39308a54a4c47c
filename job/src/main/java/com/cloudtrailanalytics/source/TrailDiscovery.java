package com.cloudtrailanalytics.source;

import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import org.apache.flink.connector.file.src.FileSourceSplit;

/** Finds the trail's files; the enumerator keeps the ones it has not seen before. */
@FunctionalInterface
public interface TrailDiscovery extends Serializable {

  /** Lists files that may be new. Runs on a background thread of the JobManager. */
  List<FileSourceSplit> discover() throws IOException;
}
