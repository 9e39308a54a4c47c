package com.cloudtrailanalytics.pipeline;

import com.cloudtrailanalytics.record.CloudTrailEvent;
import com.cloudtrailanalytics.record.FileReport;
import com.cloudtrailanalytics.record.Reject;
import com.cloudtrailanalytics.record.RejectReason;
import com.cloudtrailanalytics.record.TrailItem;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/** Sends events on and rejects and file reports to their own outputs, counting each kind. */
public final class TrailItemRouter extends ProcessFunction<TrailItem, CloudTrailEvent> {

  public static final OutputTag<Reject> REJECTS =
      new OutputTag<>("rejects", TypeInformation.of(Reject.class));
  public static final OutputTag<FileReport> FILE_REPORTS =
      new OutputTag<>("file-reports", TypeInformation.of(FileReport.class));

  private transient Counter recordsRead;
  private transient Counter recordsRejected;
  private transient Counter filesRead;
  private transient Counter filesRejected;
  private transient Counter filesSkipped;

  @Override
  public void open(OpenContext openContext) {
    MetricGroup metrics = TrailMetrics.group(getRuntimeContext().getMetricGroup());
    recordsRead = metrics.counter(TrailMetrics.RECORDS_READ);
    recordsRejected = metrics.counter(TrailMetrics.RECORDS_REJECTED);
    filesRead = metrics.counter(TrailMetrics.FILES_READ);
    filesRejected = metrics.counter(TrailMetrics.FILES_REJECTED);
    filesSkipped = metrics.counter(TrailMetrics.FILES_SKIPPED);
  }

  @Override
  public void processElement(TrailItem item, Context context, Collector<CloudTrailEvent> events) {
    if (item instanceof CloudTrailEvent event) {
      recordsRead.inc();
      events.collect(event);
    } else if (item instanceof Reject reject) {
      if (reject.reason().scope() == RejectReason.Scope.REJECTED_RECORD) {
        recordsRead.inc();
        recordsRejected.inc();
      }
      context.output(REJECTS, reject);
    } else if (item instanceof FileReport report) {
      switch (report.status()) {
        case READ -> filesRead.inc();
        case REJECTED -> filesRejected.inc();
        case SKIPPED -> filesSkipped.inc();
      }
      context.output(FILE_REPORTS, report);
    }
  }
}
