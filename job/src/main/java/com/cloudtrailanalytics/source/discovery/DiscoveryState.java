package com.cloudtrailanalytics.source.discovery;

import java.time.LocalDate;
import java.util.List;

/**
 * What discovery remembers between rounds; part of the enumerator's checkpoint.
 *
 * @param streams the trail's region folders ({@code .../CloudTrail/<region>}); empty when the input
 *     is not laid out like a CloudTrail bucket
 * @param streamsFoundAtMillis when the streams were last looked for; {@link Long#MIN_VALUE} never
 * @param backfillDays the days with files still to backfill, oldest first; null before they are
 *     planned
 * @param caughtUp whether the backfill has reached the days that can still receive files
 */
public record DiscoveryState(
    List<String> streams,
    long streamsFoundAtMillis,
    List<LocalDate> backfillDays,
    boolean caughtUp) {

  public static DiscoveryState initial() {
    return new DiscoveryState(List.of(), Long.MIN_VALUE, null, false);
  }
}
