package com.cloudtrailanalytics.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the tables must hold for a trail, counted from its records as {@link TrailRecords} reads
 * them, with the table contract's definitions, independently of the job's code.
 */
public final class GroundTruth {

  /** What one window of one key holds: its counts and the different values seen in it. */
  private static final class Window {
    long events;
    long errors;
    long failures;
    long withoutMfa;
    final Set<String> userNames = new HashSet<>();
    final Set<String> identityTypes = new HashSet<>();
    final Set<String> eventNames = new HashSet<>();
    final Set<String> eventSources = new HashSet<>();
    final Set<String> sourceIps = new HashSet<>();
    final Set<String> principals = new HashSet<>();
  }

  private final Duration window;
  private final Map<List<String>, Window> byUser = new TreeMap<>(GroundTruth::compare);
  private final Map<List<String>, Window> byRegion = new TreeMap<>(GroundTruth::compare);
  private final Map<List<String>, Window> byConsoleUser = new TreeMap<>(GroundTruth::compare);
  private long events;
  private long consoleLogins;

  private GroundTruth(Duration window) {
    this.window = window;
  }

  public static GroundTruth of(Path bucket, Duration window) throws IOException {
    GroundTruth truth = new GroundTruth(window);
    for (TrailRecords.Record record : TrailRecords.of(bucket)) {
      truth.add(record);
    }
    return truth;
  }

  private void add(TrailRecords.Record record) {
    long time = record.time().toEpochMilli();
    String windowStart =
        Instant.ofEpochMilli(time - Math.floorMod(time, window.toMillis())).toString();
    String account = record.accountId();
    Window user =
        byUser.computeIfAbsent(
            List.of(windowStart, account, record.principal()), k -> new Window());
    count(user, record);
    user.userNames.add(record.userName());
    addIfPresent(user.identityTypes, record.raw("userIdentity", "type"));
    addIfPresent(user.eventNames, record.raw("eventName"));
    addIfPresent(user.sourceIps, record.raw("sourceIPAddress"));
    Window region =
        byRegion.computeIfAbsent(
            List.of(windowStart, account, record.text("awsRegion")), k -> new Window());
    count(region, record);
    region.principals.add(record.principal());
    addIfPresent(region.eventSources, record.raw("eventSource"));
    if (record.isConsoleLogin()) {
      Window logins =
          byConsoleUser.computeIfAbsent(
              List.of(windowStart, account, record.userName()), k -> new Window());
      count(logins, record);
      boolean failed = "Failure".equals(record.loginResult());
      logins.failures += failed ? 1 : 0;
      logins.withoutMfa += "Success".equals(record.loginResult()) && !record.mfaUsed() ? 1 : 0;
      addIfPresent(logins.sourceIps, record.raw("sourceIPAddress"));
      consoleLogins++;
    }
    events++;
  }

  /**
   * Every user_activity row, every column, sorted by window, account and principal: window start
   * and end (as {@code 2024-03-01T10:00:00Z}), account_id, principal, user_name, identity_type,
   * event_count, error_count, error_rate, distinct_event_names, distinct_source_ips, dt, hr.
   */
  public List<List<Object>> userActivity() {
    List<List<Object>> rows = new ArrayList<>();
    byUser.forEach(
        (key, w) ->
            rows.add(
                row(
                    key.get(0),
                    end(key.get(0)),
                    key.get(1),
                    key.get(2),
                    only(w.userNames, key),
                    only(w.identityTypes, key),
                    w.events,
                    w.errors,
                    (double) w.errors / w.events,
                    (long) w.eventNames.size(),
                    (long) w.sourceIps.size(),
                    dt(key.get(0)),
                    hr(key.get(0)))));
    return rows;
  }

  /**
   * The counts of every user_activity window, as {@link OutputTables#userActivityCounts} reads
   * them, summed over a window's rows: window start, account_id, principal, event_count,
   * error_count.
   */
  public List<List<Object>> userActivityCounts() {
    return counts(userActivity(), 6);
  }

  /** The counts of every region_activity window: start, account_id, aws_region, events, errors. */
  public List<List<Object>> regionActivityCounts() {
    return counts(regionActivity(), 4);
  }

  private static List<List<Object>> counts(List<List<Object>> rows, int eventCountColumn) {
    return rows.stream()
        .map(
            row ->
                List.of(
                    row.get(0),
                    row.get(2),
                    row.get(3),
                    row.get(eventCountColumn),
                    row.get(eventCountColumn + 1)))
        .toList();
  }

  /**
   * Every region_activity row, every column, sorted by window, account and region: window start and
   * end, account_id, aws_region, event_count, error_count, error_rate, distinct_principals,
   * distinct_event_sources, dt, hr.
   */
  public List<List<Object>> regionActivity() {
    List<List<Object>> rows = new ArrayList<>();
    byRegion.forEach(
        (key, w) ->
            rows.add(
                row(
                    key.get(0),
                    end(key.get(0)),
                    key.get(1),
                    key.get(2),
                    w.events,
                    w.errors,
                    (double) w.errors / w.events,
                    (long) w.principals.size(),
                    (long) w.eventSources.size(),
                    dt(key.get(0)),
                    hr(key.get(0)))));
    return rows;
  }

  /**
   * Every console_login_summary row, every column, for a run without a GeoIP database (so every
   * country_iso_code is null), sorted by window, account and user: window start and end,
   * account_id, user_name, country_iso_code, logins, failures, without_mfa, distinct_source_ips,
   * dt, hr.
   */
  public List<List<Object>> consoleLoginSummaryWithoutGeo() {
    List<List<Object>> rows = new ArrayList<>();
    byConsoleUser.forEach(
        (key, w) ->
            rows.add(
                row(
                    key.get(0),
                    end(key.get(0)),
                    key.get(1),
                    key.get(2),
                    null,
                    w.events,
                    w.failures,
                    w.withoutMfa,
                    (long) w.sourceIps.size(),
                    dt(key.get(0)),
                    hr(key.get(0)))));
    return rows;
  }

  public long events() {
    return events;
  }

  /** Console sign-ins, successful or not: the rows of console_logins. */
  public long consoleLogins() {
    return consoleLogins;
  }

  private static void count(Window w, TrailRecords.Record record) {
    w.events++;
    w.errors += record.isError() ? 1 : 0;
  }

  /** SQL's COUNT(DISTINCT x) leaves out nulls: a field that is absent or null is no value. */
  private static void addIfPresent(Set<String> values, String value) {
    if (value != null) {
      values.add(value);
    }
  }

  /**
   * The one value of a row's column. The contract defines user_name and identity_type per event; a
   * row whose events disagree has no defined value, and a trail that makes one cannot be checked.
   */
  private static String only(Set<String> values, List<String> key) {
    if (values.size() > 1) {
      throw new IllegalStateException("the events of " + key + " disagree: " + values);
    }
    return values.isEmpty() ? null : values.iterator().next();
  }

  private String end(String windowStart) {
    return Instant.parse(windowStart).plus(window).toString();
  }

  private static String dt(String windowStart) {
    return windowStart.substring(0, 10);
  }

  private static String hr(String windowStart) {
    return windowStart.substring(11, 13);
  }

  private static List<Object> row(Object... values) {
    return Arrays.asList(values);
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
