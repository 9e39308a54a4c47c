package com.cloudtrailanalytics.source;

import java.util.List;
import org.apache.flink.api.connector.source.SourceEvent;

/**
 * From a reader to the enumerator: these files have been read to the end and emitted, with this
 * many events in them.
 */
record FilesFinishedEvent(List<String> splitIds, long events) implements SourceEvent {}
