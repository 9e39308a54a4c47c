package com.cloudtrailanalytics.source;

import java.util.List;
import org.apache.flink.api.connector.source.SourceEvent;

/**
 * From a reader that has just started to the enumerator: the files it took over from the checkpoint
 * (none for a fresh start). Files the enumerator thought this reader was reading, and that it does
 * not hold, were finished before the checkpoint.
 */
record HeldFilesEvent(List<String> splitIds) implements SourceEvent {}
