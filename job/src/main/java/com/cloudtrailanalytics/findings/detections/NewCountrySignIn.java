package com.cloudtrailanalytics.findings.detections;

import com.cloudtrailanalytics.findings.Finding;
import com.cloudtrailanalytics.findings.Severity;
import com.cloudtrailanalytics.findings.Signal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.util.Collector;

/**
 * A person signs in to the console from a country not seen for them in the last N days. Keyed by
 * person; keeps, per country, when they last signed in from it. A person with no sign-in of known
 * country in those days has nothing to compare with, and does not fire.
 */
final class NewCountrySignIn extends InEventTimeOrder {

  static final Detection DETECTION =
      new Detection(
          "ct-new-country-sign-in",
          "Console sign-in from a country not seen for this person",
          Severity.MEDIUM,
          new String[] {"attack.initial-access", "attack.t1078.004"});

  private final long memoryMillis;
  private transient MapState<String, Long> lastSignInByCountry;

  NewCountrySignIn(Duration memory) {
    super(DETECTION);
    this.memoryMillis = memory.toMillis();
  }

  @Override
  public void open(OpenContext context) {
    super.open(context);
    lastSignInByCountry =
        getRuntimeContext()
            .getMapState(new MapStateDescriptor<>("countries", Types.STRING, Types.LONG));
  }

  @Override
  void take(String person, Signal signIn, Collector<Finding> findings) throws Exception {
    String country = signIn.countryIsoCode();
    if (!signIn.successfulSignIn() || country == null) {
      return;
    }
    long time = signIn.timeMillis();
    expire(time);
    List<String> known = new ArrayList<>();
    lastSignInByCountry.keys().forEach(known::add);
    if (!known.isEmpty() && !known.contains(country)) {
      known.sort(null);
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("country_iso_code", country);
      details.put("countries_seen", known);
      details.put("days", Duration.ofMillis(memoryMillis).toDays());
      findings.collect(finding(signIn, List.of(signIn.eventId()), details));
    }
    Long before = lastSignInByCountry.get(country);
    lastSignInByCountry.put(country, before == null ? time : Math.max(before, time));
  }

  @Override
  Long expiresAt() throws Exception {
    Long oldest = null;
    for (Long time : lastSignInByCountry.values()) {
      oldest = oldest == null ? time : Math.min(oldest, time);
    }
    return oldest == null ? null : oldest + memoryMillis + 1;
  }

  @Override
  void expire(long time) throws Exception {
    Iterator<Map.Entry<String, Long>> entries = lastSignInByCountry.iterator();
    while (entries.hasNext()) {
      if (entries.next().getValue() + memoryMillis < time) {
        entries.remove();
      }
    }
    if (lastSignInByCountry.isEmpty()) {
      lastSignInByCountry.clear();
    }
  }
}
