package com.cloudtrailanalytics.source;

import com.cloudtrailanalytics.source.discovery.DiscoveryState;
import java.util.List;
import java.util.Set;
import org.apache.flink.connector.file.src.FileSourceSplit;

/**
 * What the enumerator checkpoints: the files still to hand out, the files seen recently enough to
 * be listed again, the trail's clock, and where discovery stands. Which files readers are reading
 * is in the readers' own checkpoints; restored readers report it.
 *
 * @param discoveryComplete whether a bounded run has listed everything it will read
 */
public record TrailEnumeratorState(
    List<FileSourceSplit> pendingFiles,
    Set<String> knownFiles,
    long newestFileTime,
    long clock,
    DiscoveryState discovery,
    boolean discoveryComplete) {}
