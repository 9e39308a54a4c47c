package com.cloudtrailanalytics.findings.detections;

import com.cloudtrailanalytics.findings.Finding;
import com.cloudtrailanalytics.findings.Signal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.util.Collector;

/**
 * At least N signals of one key within M minutes: failed sign-ins from one address (brute force),
 * or in one account and region (password spraying), access denied to one principal. Fires once when
 * the count is reached, and again only after M minutes without firing. Keeps at most the last N
 * signals per key, and drops them M minutes after the newest.
 */
final class Burst extends InEventTimeOrder {

  /** The last signals of a key, oldest first, at most {@code threshold} of them. */
  public record Recent(long[] times, String[] eventIds, String[] userNames) {}

  private final String keyName;
  private final int threshold;
  private final long withinMillis;
  private transient ValueState<Recent> recent;
  private transient ValueState<Long> lastFired;

  /**
   * @param keyName what the key is, for the details, e.g. {@code source_ip_address}
   */
  Burst(Detection detection, String keyName, int threshold, Duration within) {
    super(detection);
    this.keyName = keyName;
    this.threshold = threshold;
    this.withinMillis = within.toMillis();
  }

  @Override
  public void open(OpenContext context) {
    super.open(context);
    recent =
        getRuntimeContext()
            .getState(new ValueStateDescriptor<>("recent", TypeInformation.of(Recent.class)));
    lastFired = getRuntimeContext().getState(new ValueStateDescriptor<>("last-fired", Types.LONG));
  }

  @Override
  void take(String key, Signal signal, Collector<Finding> findings) throws Exception {
    long time = signal.timeMillis();
    List<Integer> kept = new ArrayList<>();
    Recent before = recent.value();
    if (before != null) {
      for (int i = 0; i < before.times().length; i++) {
        if (before.times()[i] > time - withinMillis && before.times()[i] <= time) {
          kept.add(i);
        }
      }
    }
    int from = Math.max(0, kept.size() - (threshold - 1));
    int size = kept.size() - from + 1;
    long[] times = new long[size];
    String[] eventIds = new String[size];
    String[] userNames = new String[size];
    for (int i = from; i < kept.size(); i++) {
      times[i - from] = before.times()[kept.get(i)];
      eventIds[i - from] = before.eventIds()[kept.get(i)];
      userNames[i - from] = before.userNames()[kept.get(i)];
    }
    times[size - 1] = time;
    eventIds[size - 1] = signal.eventId();
    userNames[size - 1] = signal.userName();
    recent.update(new Recent(times, eventIds, userNames));
    Long fired = lastFired.value();
    if (size >= threshold && (fired == null || Math.abs(time - fired) >= withinMillis)) {
      lastFired.update(time);
      Map<String, Object> details = new LinkedHashMap<>();
      details.put(keyName, key);
      details.put("count", size);
      details.put("within_minutes", Duration.ofMillis(withinMillis).toMinutes());
      details.put("first_event_time", java.time.Instant.ofEpochMilli(times[0]).toString());
      details.put("user_names", new TreeSet<>(Arrays.asList(userNames)).stream().toList());
      findings.collect(finding(signal, Arrays.asList(eventIds), details));
    }
  }

  @Override
  Long expiresAt() throws Exception {
    Recent last = recent.value();
    Long fired = lastFired.value();
    if (last == null && fired == null) {
      return null;
    }
    long newest = last == null ? fired : last.times()[last.times().length - 1];
    return Math.max(newest, fired == null ? newest : fired) + withinMillis;
  }

  @Override
  void expire(long time) throws Exception {
    Long at = expiresAt();
    if (at != null && at <= time) {
      recent.clear();
      lastFired.clear();
    }
  }
}
