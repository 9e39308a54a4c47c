package com.cloudtrailanalytics.source;

import java.util.List;
import org.apache.flink.api.connector.source.SourceEvent;

/** From a restored reader to the enumerator: the files it took over from the checkpoint. */
record HeldFilesEvent(List<String> splitIds) implements SourceEvent {}
