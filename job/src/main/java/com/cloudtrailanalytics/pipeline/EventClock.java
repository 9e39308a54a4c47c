package com.cloudtrailanalytics.pipeline;

import com.cloudtrailanalytics.event.ClockTick;
import com.cloudtrailanalytics.event.CloudTrailEvent;
import com.cloudtrailanalytics.event.FileReport;
import com.cloudtrailanalytics.event.InsightEvent;
import com.cloudtrailanalytics.event.Reject;
import com.cloudtrailanalytics.event.RejectReason;
import com.cloudtrailanalytics.event.TrailItem;
import java.time.Duration;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.util.OutputTag;

/**
 * Puts the trail on event time. The trail's clock ({@link ClockTick}) becomes the watermark; events
 * go on with their {@code eventTime} as timestamp, unless the clock has already closed their
 * window: then they go on marked late and stamped with the time of their arrival (the clock, plus
 * one millisecond), so that windows on arrival time can still count them, and to {@link
 * #LATE_EVENTS} for the audit. One output carries both, so that what counts them chains to this
 * operator rather than joining two streams. Every event, on time or not, also goes to {@link
 * #EVERY_EVENT}; Insights events, rejects and file reports go to their own outputs. Everything read
 * is counted in the job's metrics.
 *
 * <p>An event is late when the watermark is at or past its tumbling window's last millisecond: the
 * window operator's own test. This operator is the only source of watermarks and sits upstream of
 * the windows, which take the minimum over their inputs, so every event let through is counted.
 */
public final class EventClock extends AbstractStreamOperator<ClockedEvent>
    implements OneInputStreamOperator<TrailItem, ClockedEvent> {

  /** Every event, on time or late, for the tables that list events rather than count them. */
  public static final OutputTag<CloudTrailEvent> EVERY_EVENT =
      new OutputTag<>("every-event", TypeInformation.of(CloudTrailEvent.class));

  public static final OutputTag<LateEvent> LATE_EVENTS =
      new OutputTag<>("late-events", TypeInformation.of(LateEvent.class));
  public static final OutputTag<Reject> REJECTS =
      new OutputTag<>("rejects", TypeInformation.of(Reject.class));
  public static final OutputTag<FileReport> FILE_REPORTS =
      new OutputTag<>("file-reports", TypeInformation.of(FileReport.class));
  public static final OutputTag<InsightEvent> INSIGHTS =
      new OutputTag<>("insights", TypeInformation.of(InsightEvent.class));

  private final long windowMillis;
  private long watermark = Long.MIN_VALUE;
  private transient Counter recordsRead;
  private transient Counter recordsRejected;
  private transient Counter recordsLate;
  private transient Counter insightEventsRead;
  private transient Counter filesRead;
  private transient Counter filesRejected;
  private transient Counter filesSkipped;

  public EventClock(Duration window) {
    this.windowMillis = window.toMillis();
  }

  @Override
  public void open() throws Exception {
    super.open();
    MetricGroup metrics = getMetricGroup().addGroup("cloudtrail");
    recordsRead = metrics.counter("recordsRead");
    recordsRejected = metrics.counter("recordsRejected");
    recordsLate = metrics.counter("recordsLate");
    insightEventsRead = metrics.counter("insightEventsRead");
    filesRead = metrics.counter("filesRead");
    filesRejected = metrics.counter("filesRejected");
    filesSkipped = metrics.counter("filesSkipped");
    metrics.gauge("watermarkLagMillis", this::watermarkLagMillis);
  }

  @Override
  public void processElement(StreamRecord<TrailItem> element) {
    TrailItem item = element.getValue();
    if (item instanceof CloudTrailEvent event) {
      recordsRead.inc();
      long time = event.eventTimeMillis();
      output.collect(EVERY_EVENT, new StreamRecord<>(event, time));
      if (isLate(time)) {
        recordsLate.inc();
        output.collect(
            LATE_EVENTS, new StreamRecord<>(new LateEvent(event, watermark), watermark + 1));
        output.collect(new StreamRecord<>(new ClockedEvent(event, true), watermark + 1));
      } else {
        output.collect(new StreamRecord<>(new ClockedEvent(event, false), time));
      }
    } else if (item instanceof InsightEvent insight) {
      recordsRead.inc();
      insightEventsRead.inc();
      output.collect(INSIGHTS, new StreamRecord<>(insight, insight.eventTimeMillis()));
    } else if (item instanceof ClockTick tick) {
      advanceTo(tick.watermarkMillis());
    } else if (item instanceof Reject reject) {
      if (reject.reason().scope() == RejectReason.Scope.REJECTED_RECORD) {
        recordsRead.inc();
        recordsRejected.inc();
      }
      output.collect(REJECTS, new StreamRecord<>(reject));
    } else if (item instanceof FileReport report) {
      count(report.status());
      output.collect(FILE_REPORTS, new StreamRecord<>(report));
    }
  }

  /** The source emits no watermarks of its own, only the final one at the end of its input. */
  @Override
  public void processWatermark(Watermark mark) throws Exception {
    if (mark.getTimestamp() == Long.MAX_VALUE) {
      watermark = Long.MAX_VALUE;
      super.processWatermark(mark);
    }
  }

  boolean isLate(long eventTimeMillis) {
    long windowEnd = eventTimeMillis - Math.floorMod(eventTimeMillis, windowMillis) + windowMillis;
    return watermark >= windowEnd - 1;
  }

  private void advanceTo(long clock) {
    if (clock > watermark) {
      watermark = clock;
      output.emitWatermark(new Watermark(clock));
    }
  }

  private void count(FileReport.Status status) {
    switch (status) {
      case READ -> filesRead.inc();
      case REJECTED -> filesRejected.inc();
      case SKIPPED -> filesSkipped.inc();
    }
  }

  private long watermarkLagMillis() {
    return watermark == Long.MIN_VALUE || watermark == Long.MAX_VALUE
        ? 0
        : System.currentTimeMillis() - watermark;
  }
}
