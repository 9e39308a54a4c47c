package com.cloudtrailanalytics.report;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The instances stopped or terminated in the tables, by the saved query stopped_instances: who did
 * it, from where, and their console sign-in before it.
 */
public final class InstanceStops {

  private static final Dashboards.Panel QUERY =
      new Dashboards.Panel(
          "Instances stopped or terminated",
          "stopped_instances",
          List.of("from", "to", "from", "to"),
          Dashboards.Chart.table(),
          null);

  /** One StopInstances or TerminateInstances call, as the query answers it. */
  record InstanceStop(
      String eventTime,
      String eventName,
      List<String> instanceIds,
      String accountId,
      String userName,
      String identityType,
      String sourceIp,
      String country,
      String signedInAt,
      String signInIp,
      String signInCity,
      String signInCountry,
      Boolean signInMfaUsed,
      String signInEventId) {

    String instanceId() {
      return instanceIds.isEmpty() ? null : instanceIds.get(0);
    }
  }

  private static final Dashboards.Panel FINDINGS_ON_EVENT =
      new Dashboards.Panel(
          "Findings on one event",
          "findings_on_event",
          List.of("from", "to", "event"),
          Dashboards.Chart.table(),
          null);

  /** A finding on an event: how severe, which rule or detection. */
  record EventFinding(String severity, String ruleTitle) {}

  private InstanceStops() {}

  /**
   * The answer to "who stopped or terminated {@code instanceId}, when, and from where?" from the
   * job's output folder, over every day with data: a sentence per stop, in time order (none when
   * the tables hold no stop of it).
   */
  public static List<String> stories(Path tables, String instanceId)
      throws IOException, SQLException {
    try (TableViews views = TableViews.of(tables)) {
      List<String> stories = new ArrayList<>();
      for (InstanceStop stop : read(views, views.range())) {
        if (stop.instanceIds().contains(instanceId)) {
          List<EventFinding> signInFindings =
              stop.signInEventId() == null ? List.of() : findingsOn(views, stop.signInEventId());
          stories.add(StopStory.of(instanceId, stop, signInFindings));
        }
      }
      return stories;
    }
  }

  /** The findings on one event, most severe first. */
  private static List<EventFinding> findingsOn(TableViews views, String eventId)
      throws SQLException {
    Map<String, String> parameters = views.range();
    parameters.put("event", eventId);
    PanelResult result = new PanelQueries(views, parameters).answer(FINDINGS_ON_EVENT);
    return result.rows().stream()
        .map(row -> new Row(result.columns(), row))
        .map(row -> new EventFinding(row.text("severity"), row.text("rule_title")))
        .toList();
  }

  static Optional<InstanceStop> last(TableViews views, Map<String, String> range)
      throws SQLException {
    List<InstanceStop> stops = read(views, range);
    return stops.isEmpty() ? Optional.empty() : Optional.of(stops.get(stops.size() - 1));
  }

  private static List<InstanceStop> read(TableViews views, Map<String, String> range)
      throws SQLException {
    PanelResult result = new PanelQueries(views, range).answer(QUERY);
    return result.rows().stream().map(row -> stop(new Row(result.columns(), row))).toList();
  }

  private static InstanceStop stop(Row row) {
    return new InstanceStop(
        row.text("event_time"),
        row.text("event_name"),
        row.list("instance_ids"),
        row.text("account_id"),
        row.text("user_name"),
        row.text("identity_type"),
        row.text("source_ip_address"),
        row.text("country_iso_code"),
        row.text("signed_in_at"),
        row.text("sign_in_ip"),
        row.text("sign_in_city"),
        row.text("sign_in_country"),
        (Boolean) row.value("sign_in_mfa_used"),
        row.text("sign_in_event_id"));
  }

  /** A row of a query's answer, its values found by column name. */
  private record Row(List<String> columns, List<Object> values) {

    Object value(String column) {
      int index = columns.indexOf(column);
      if (index < 0) {
        throw new IllegalStateException("the query's answer has no column " + column);
      }
      return values.get(index);
    }

    String text(String column) {
      Object value = value(column);
      return value == null ? null : value.toString();
    }

    List<String> list(String column) {
      Object value = value(column);
      return value == null ? List.of() : ((List<?>) value).stream().map(String::valueOf).toList();
    }
  }
}
