package com.cloudtrailanalytics.source;

import java.util.List;
import java.util.Set;
import org.apache.flink.connector.file.src.FileSourceSplit;

/**
 * What the enumerator checkpoints: the files still to hand out, the files readers are reading (and
 * which reader), every file already seen, and the trail's clock.
 *
 * @param listedOnce whether the input has been listed (a bounded run lists it once)
 * @param readerCount how many readers there were, to tell whether the job was rescaled
 */
public record TrailEnumeratorState(
    List<FileSourceSplit> pendingFiles,
    List<FileBeingRead> filesBeingRead,
    Set<String> knownFiles,
    long newestFileTime,
    long clock,
    boolean listedOnce,
    int readerCount) {

  /** A file a reader was reading at the checkpoint. */
  public record FileBeingRead(FileSourceSplit file, int reader) {}
}
