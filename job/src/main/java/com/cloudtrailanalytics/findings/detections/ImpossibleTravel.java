package com.cloudtrailanalytics.findings.detections;

import com.cloudtrailanalytics.findings.Finding;
import com.cloudtrailanalytics.findings.Severity;
import com.cloudtrailanalytics.findings.Signal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.util.Collector;

/**
 * Two successful console sign-ins of one person farther apart than a plane flies in the time
 * between them. Keyed by person; keeps their last located sign-in, until even the far side of the
 * earth is within reach of it. Sign-ins whose place is unknown are skipped; so are places closer
 * than a minimum distance, since a City database places addresses only roughly.
 */
final class ImpossibleTravel extends InEventTimeOrder {

  static final Detection DETECTION =
      new Detection(
          "ct-impossible-travel",
          "Console sign-ins of one person farther apart than travel allows",
          Severity.HIGH,
          new String[] {"attack.initial-access", "attack.t1078.004"});

  private static final double HALF_EARTH_KM = Math.PI * GreatCircle.EARTH_RADIUS_KM;

  private final double maxSpeedKmh;
  private final double minDistanceKm;
  private transient ValueState<Signal> lastSignIn;

  ImpossibleTravel(double maxSpeedKmh, double minDistanceKm) {
    super(DETECTION);
    this.maxSpeedKmh = maxSpeedKmh;
    this.minDistanceKm = minDistanceKm;
  }

  @Override
  public void open(OpenContext context) {
    super.open(context);
    lastSignIn =
        getRuntimeContext()
            .getState(new ValueStateDescriptor<>("last", TypeInformation.of(Signal.class)));
  }

  @Override
  void take(String person, Signal signIn, Collector<Finding> findings) throws Exception {
    if (!signIn.successfulSignIn() || !signIn.hasCoordinates()) {
      return;
    }
    Signal before = lastSignIn.value();
    if (before != null && signIn.timeMillis() < before.timeMillis()) {
      return;
    }
    if (before != null) {
      double km = GreatCircle.km(before, signIn);
      double hours = (signIn.timeMillis() - before.timeMillis()) / 3_600_000.0;
      if (km >= minDistanceKm && km > maxSpeedKmh * hours) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("from", place(before));
        details.put("to", place(signIn));
        details.put("distance_km", Math.round(km));
        details.put("hours", Math.round(hours * 100) / 100.0);
        details.put("max_speed_kmh", maxSpeedKmh);
        findings.collect(finding(signIn, List.of(before.eventId(), signIn.eventId()), details));
      }
    }
    lastSignIn.update(signIn);
  }

  @Override
  Long expiresAt() throws Exception {
    Signal last = lastSignIn.value();
    return last == null ? null : last.timeMillis() + reachEverywhereMillis();
  }

  @Override
  void expire(long time) throws Exception {
    Signal last = lastSignIn.value();
    if (last != null && last.timeMillis() + reachEverywhereMillis() <= time) {
      lastSignIn.clear();
    }
  }

  private long reachEverywhereMillis() {
    return (long) Math.ceil(HALF_EARTH_KM / maxSpeedKmh * 3_600_000.0);
  }

  private static Map<String, Object> place(Signal signIn) {
    Map<String, Object> place = new LinkedHashMap<>();
    place.put("event_id", signIn.eventId());
    place.put("event_time", java.time.Instant.ofEpochMilli(signIn.timeMillis()).toString());
    place.put("source_ip_address", signIn.sourceIpAddress());
    place.put("country_iso_code", signIn.countryIsoCode());
    place.put("latitude", signIn.latitude());
    place.put("longitude", signIn.longitude());
    return place;
  }
}
