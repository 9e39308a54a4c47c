package com.cloudtrailanalytics.pipeline;

import org.apache.flink.metrics.MetricGroup;

/** Names of the job's metrics, all in the {@code cloudtrail} group of their operator. */
final class TrailMetrics {

  static final String FILES_READ = "filesRead";
  static final String FILES_REJECTED = "filesRejected";
  static final String FILES_SKIPPED = "filesSkipped";
  static final String RECORDS_READ = "recordsRead";
  static final String RECORDS_REJECTED = "recordsRejected";
  static final String RECORDS_LATE = "recordsLate";
  static final String WATERMARK_LAG_MILLIS = "watermarkLagMillis";

  private TrailMetrics() {}

  static MetricGroup group(MetricGroup operatorGroup) {
    return operatorGroup.addGroup("cloudtrail");
  }
}
