package com.cloudtrailanalytics.source;

import java.util.List;
import java.util.Set;
import org.apache.flink.connector.file.src.FileSourceSplit;

/**
 * What the enumerator checkpoints: the files still to hand out, every file already seen, and the
 * trail's clock. Which files readers are reading is in the readers' own checkpoints; restored
 * readers report it.
 *
 * @param listedOnce whether the input has been listed (a bounded run lists it once)
 */
public record TrailEnumeratorState(
    List<FileSourceSplit> pendingFiles,
    Set<String> knownFiles,
    long newestFileTime,
    long clock,
    boolean listedOnce) {}
