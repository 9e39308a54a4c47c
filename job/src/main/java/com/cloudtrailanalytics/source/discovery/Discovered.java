package com.cloudtrailanalytics.source.discovery;

import java.util.List;
import org.apache.flink.connector.file.src.FileSourceSplit;

/**
 * What one discovery round found.
 *
 * @param files files that may be new
 * @param state what the next round starts from
 * @param listings how many folder listings (S3 LIST requests) the round made
 * @param forgetBeforeMillis files delivered before this are never listed again, so the enumerator
 *     need not remember them; {@link Long#MIN_VALUE} when every file may be listed again
 */
public record Discovered(
    List<FileSourceSplit> files, DiscoveryState state, long listings, long forgetBeforeMillis) {}
