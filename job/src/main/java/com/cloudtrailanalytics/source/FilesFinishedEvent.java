package com.cloudtrailanalytics.source;

import java.util.List;
import org.apache.flink.api.connector.source.SourceEvent;

/** From a reader to the enumerator: these files have been read to the end and emitted. */
record FilesFinishedEvent(List<String> splitIds) implements SourceEvent {}
