package com.cloudtrailanalytics.pipeline;

import com.cloudtrailanalytics.record.CloudTrailEvent;
import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.runtime.state.StateInitializationContext;
import org.apache.flink.runtime.state.StateSnapshotContext;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.util.OutputTag;

/**
 * Takes out the events that the windows would drop, so that they are written to {@code late_events}
 * instead of disappearing.
 *
 * <p>An event is late when its tumbling window has already fired: the watermark is at or past the
 * window's last millisecond. That is exactly the window operator's own test, and this operator sees
 * at least the watermark the window operator sees (it is upstream of it, and the window operator
 * takes the minimum over its inputs), so every event let through is counted in its window.
 *
 * <p>Watermarks are not part of checkpoints, so after a restore the windows would accept events for
 * windows they had already fired and emitted. This operator therefore checkpoints the watermark it
 * had seen and keeps treating it as the floor.
 */
public final class LateEventSplitter extends AbstractStreamOperator<CloudTrailEvent>
    implements OneInputStreamOperator<CloudTrailEvent, CloudTrailEvent> {

  public static final OutputTag<LateEvent> LATE_EVENTS =
      new OutputTag<>("late-events", TypeInformation.of(LateEvent.class));

  private final long windowMillis;
  private long watermark = Long.MIN_VALUE;
  private transient ListState<Long> watermarkState;
  private transient Counter lateRecords;

  public LateEventSplitter(Duration window) {
    this.windowMillis = window.toMillis();
  }

  @Override
  public void initializeState(StateInitializationContext context) throws Exception {
    super.initializeState(context);
    watermarkState =
        context
            .getOperatorStateStore()
            .getUnionListState(new ListStateDescriptor<>("watermark-floor", Long.class));
    // After rescaling every subtask sees every saved watermark; the lowest is safe for all.
    for (Long saved : watermarkState.get()) {
      watermark = watermark == Long.MIN_VALUE ? saved : Math.min(watermark, saved);
    }
  }

  @Override
  public void open() throws Exception {
    super.open();
    MetricGroup metrics = TrailMetrics.group(getMetricGroup());
    lateRecords = metrics.counter(TrailMetrics.RECORDS_LATE);
    metrics.gauge(TrailMetrics.WATERMARK_LAG_MILLIS, this::watermarkLagMillis);
  }

  @Override
  public void snapshotState(StateSnapshotContext context) throws Exception {
    super.snapshotState(context);
    watermarkState.update(List.of(watermark));
  }

  @Override
  public void processWatermark(Watermark mark) throws Exception {
    watermark = Math.max(watermark, mark.getTimestamp());
    super.processWatermark(mark);
  }

  @Override
  public void processElement(StreamRecord<CloudTrailEvent> element) {
    CloudTrailEvent event = element.getValue();
    if (isLate(event.eventTimeMillis())) {
      lateRecords.inc();
      output.collect(LATE_EVENTS, element.replace(new LateEvent(event, watermark)));
    } else {
      output.collect(element);
    }
  }

  boolean isLate(long eventTimeMillis) {
    long windowEnd = eventTimeMillis - Math.floorMod(eventTimeMillis, windowMillis) + windowMillis;
    return watermark >= windowEnd - 1;
  }

  private long watermarkLagMillis() {
    return watermark == Long.MIN_VALUE || watermark == Long.MAX_VALUE
        ? 0
        : System.currentTimeMillis() - watermark;
  }
}
