package com.cloudtrailanalytics.findings.detections;

import com.cloudtrailanalytics.findings.Finding;
import com.cloudtrailanalytics.findings.FindingDetails;
import com.cloudtrailanalytics.findings.Signal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.typeutils.ListTypeInfo;
import org.apache.flink.streaming.api.TimerService;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * A stateful detection that sees each key's signals in event-time order, whatever order their files
 * arrived in: a signal waits until the trail's clock (the watermark) passes its time, and signals
 * of one millisecond are taken in event-id order. A signal that arrives after the clock passed its
 * time (late) is taken at once. So a replay after a restart sees the same order and finds the same.
 *
 * <p>State expires on event time: a subclass says when the first of it expires ({@link
 * #expiresAt}); one timer per key then drops it, so state grows with the keys seen recently, not
 * with events.
 */
abstract class InEventTimeOrder extends KeyedProcessFunction<String, Signal, Finding> {

  private static final Comparator<Signal> SAME_MILLISECOND =
      Comparator.comparing(Signal::eventId, Comparator.nullsFirst(Comparator.naturalOrder()));

  private final Detection detection;
  private transient MapState<Long, List<Signal>> waiting;
  private transient ValueState<Long> expiryTimer;

  InEventTimeOrder(Detection detection) {
    this.detection = detection;
  }

  Detection detection() {
    return detection;
  }

  @Override
  public void open(OpenContext context) {
    waiting =
        getRuntimeContext()
            .getMapState(
                new MapStateDescriptor<>(
                    "waiting", Types.LONG, new ListTypeInfo<>(TypeInformation.of(Signal.class))));
    expiryTimer =
        getRuntimeContext().getState(new ValueStateDescriptor<>("expiry-timer", Types.LONG));
  }

  /** Takes one signal of the key, in event-time order; may emit findings. */
  abstract void take(String key, Signal signal, Collector<Finding> findings) throws Exception;

  /** The earliest event time at which some of the key's state expires; null when it holds none. */
  abstract Long expiresAt() throws Exception;

  /** Drops whatever of the key's state has expired at {@code time}. */
  abstract void expire(long time) throws Exception;

  @Override
  public void processElement(Signal signal, Context context, Collector<Finding> findings)
      throws Exception {
    long time = signal.timeMillis();
    if (time <= context.timerService().currentWatermark()) {
      takeAndSchedule(context.getCurrentKey(), signal, context.timerService(), findings);
      return;
    }
    List<Signal> at = waiting.get(time);
    if (at == null) {
      at = new ArrayList<>(1);
      context.timerService().registerEventTimeTimer(time);
    }
    at.add(signal);
    waiting.put(time, at);
  }

  @Override
  public void onTimer(long time, OnTimerContext context, Collector<Finding> findings)
      throws Exception {
    List<Signal> due = waiting.get(time);
    if (due != null) {
      waiting.remove(time);
      due.sort(SAME_MILLISECOND);
      for (Signal signal : due) {
        takeAndSchedule(context.getCurrentKey(), signal, context.timerService(), findings);
      }
    }
    Long expiry = expiryTimer.value();
    if (expiry != null && expiry <= time) {
      expire(time);
      expiryTimer.clear();
      schedule(context.timerService());
    }
  }

  private void takeAndSchedule(
      String key, Signal signal, TimerService timers, Collector<Finding> out) throws Exception {
    take(key, signal, out);
    if (expiryTimer.value() == null) {
      schedule(timers);
    }
  }

  private void schedule(TimerService timers) throws Exception {
    Long time = expiresAt();
    if (time != null) {
      expiryTimer.update(time);
      timers.registerEventTimeTimer(time);
    }
  }

  /** A finding of this detection about {@code last} and the events before it. */
  final Finding finding(Signal last, List<String> eventIds, Map<String, ?> details) {
    return Finding.of(
        detection.id(),
        detection.title(),
        detection.severity(),
        detection.tags(),
        last,
        eventIds.toArray(String[]::new),
        FindingDetails.json(details));
  }
}
