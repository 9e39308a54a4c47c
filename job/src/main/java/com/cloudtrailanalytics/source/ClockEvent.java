package com.cloudtrailanalytics.source;

import org.apache.flink.api.connector.source.SourceEvent;

/** From the enumerator to every reader: the trail's clock, the watermark all readers share. */
record ClockEvent(long watermarkMillis) implements SourceEvent {}
