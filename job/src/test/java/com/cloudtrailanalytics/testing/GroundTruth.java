package com.cloudtrailanalytics.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the activity tables must hold for a trail, counted from its records as {@link TrailRecords}
 * reads them, with the table contract's definitions, independently of the job's code.
 */
public final class GroundTruth {

  /** Count and error count of one row. */
  public record Counts(long events, long errors) {}

  private final Map<List<String>, long[]> byUser = new TreeMap<>(GroundTruth::compare);
  private final Map<List<String>, long[]> byRegion = new TreeMap<>(GroundTruth::compare);
  private long events;

  public static GroundTruth of(Path bucket, Duration window) throws IOException {
    GroundTruth truth = new GroundTruth();
    for (TrailRecords.Record record : TrailRecords.of(bucket)) {
      truth.add(record, window);
    }
    return truth;
  }

  private void add(TrailRecords.Record record, Duration window) {
    long time = record.time().toEpochMilli();
    String windowStart =
        Instant.ofEpochMilli(time - Math.floorMod(time, window.toMillis())).toString();
    String account = record.accountId();
    increment(byUser, List.of(windowStart, account, record.principal()), record.isError());
    increment(byRegion, List.of(windowStart, account, record.text("awsRegion")), record.isError());
    events++;
  }

  /** Rows of (window start, account, principal, events, errors), sorted. */
  public List<List<Object>> userActivity() {
    return rows(byUser);
  }

  /** Rows of (window start, account, region, events, errors), sorted. */
  public List<List<Object>> regionActivity() {
    return rows(byRegion);
  }

  public long events() {
    return events;
  }

  private static List<List<Object>> rows(Map<List<String>, long[]> counts) {
    List<List<Object>> rows = new ArrayList<>();
    counts.forEach(
        (key, value) -> rows.add(List.of(key.get(0), key.get(1), key.get(2), value[0], value[1])));
    return rows;
  }

  private static void increment(Map<List<String>, long[]> counts, List<String> key, boolean error) {
    long[] value = counts.computeIfAbsent(key, k -> new long[2]);
    value[0]++;
    value[1] += error ? 1 : 0;
  }

  private static int compare(List<String> a, List<String> b) {
    for (int i = 0; i < a.size(); i++) {
      int order = a.get(i).compareTo(b.get(i));
      if (order != 0) {
        return order;
      }
    }
    return 0;
  }
}
