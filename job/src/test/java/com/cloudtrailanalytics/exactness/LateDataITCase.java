package com.cloudtrailanalytics.exactness;

import static com.cloudtrailanalytics.testing.CloudTrailEvents.ACCOUNT;
import static com.cloudtrailanalytics.testing.CloudTrailEvents.BEGINNING;
import static com.cloudtrailanalytics.testing.CloudTrailEvents.US_EAST_1;
import static com.cloudtrailanalytics.testing.CloudTrailEvents.userArn;
import static com.cloudtrailanalytics.testing.CloudTrailEvents.userCall;
import static org.assertj.core.api.Assertions.assertThat;

import com.cloudtrailanalytics.config.JobOptions;
import com.cloudtrailanalytics.pipeline.CloudTrailJob;
import com.cloudtrailanalytics.run.RunSummary;
import com.cloudtrailanalytics.sample.TrailWriter;
import com.cloudtrailanalytics.testing.JobConfigs;
import com.cloudtrailanalytics.testing.MiniClusters;
import com.cloudtrailanalytics.testing.OutputTables;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file delivered hours late: its old events are counted in further rows of their windows (late =
 * true), so that sums over a key's rows are exact, and listed in late_events, never dropped.
 */
class LateDataITCase {

  @RegisterExtension
  static final MiniClusterExtension CLUSTER = MiniClusters.oneTaskManagerTwoSlots();

  private static final Instant THREE_HOURS_LATER = BEGINNING.plus(Duration.ofHours(3));

  /**
   * The clock when the late file's events are read: the delivery time of the file before it (11:00)
   * or of the late file itself (13:00), less the 15-minute maximum delay, whichever the reader has
   * heard of when it reaches each event (the enumerator's word can come between two events).
   */
  private static final List<String> ARRIVAL_CLOCKS = List.of("10:45:00.000", "12:45:00.000");

  @TempDir Path dir;

  @Test
  void eventsDeliveredHoursLateAreCountedInLateRowsOfTheirWindow() throws Exception {
    Path bucket = writeTrailWithALateFile();
    Path output = dir.resolve("output");

    CloudTrailJob.create(JobConfigs.boundedInDeliveryOrder(bucket, output)).run();

    try (OutputTables tables = new OutputTables(output)) {
      assertThat(
              tables.query(
                  "SELECT event_id, strftime(event_time, '%H:%M'), account_id, aws_region, principal,"
                      + " event_name, dt, hr FROM late_events ORDER BY event_id"))
          .containsExactly(
              List.of(
                  "late-1",
                  "10:02",
                  ACCOUNT,
                  US_EAST_1,
                  userArn("alice"),
                  "StopInstances",
                  "2024-03-01",
                  "10"),
              List.of(
                  "late-2",
                  "10:03",
                  ACCOUNT,
                  US_EAST_1,
                  userArn("alice"),
                  "StopInstances",
                  "2024-03-01",
                  "10"),
              List.of(
                  "late-3",
                  "10:04",
                  ACCOUNT,
                  US_EAST_1,
                  userArn("alice"),
                  "StopInstances",
                  "2024-03-01",
                  "10"));
      List<List<Object>> arrivalClocks =
          tables.query(
              "SELECT DISTINCT strftime(arrival_watermark, '%H:%M:%S.%g') FROM late_events");
      assertThat(arrivalClocks)
          .isNotEmpty()
          .allSatisfy(row -> assertThat(row.get(0)).isIn(ARRIVAL_CLOCKS.toArray()));
      assertThat(
              tables.query(
                  "SELECT strftime(window_start, '%H:%M'), strftime(window_end, '%H:%M'),"
                      + " event_count, distinct_event_names, late, dt, hr FROM user_activity"
                      + " WHERE window_start = TIMESTAMP '2024-03-01 10:00:00' AND NOT late"))
          .as("the window's row")
          .containsExactly(List.of("10:00", "10:05", 2L, 1L, false, "2024-03-01", "10"));
      assertThat(
              tables.query(
                  "SELECT COUNT(*), CAST(SUM(event_count) AS BIGINT), MAX(distinct_event_names)"
                      + " FROM user_activity"
                      + " WHERE window_start = TIMESTAMP '2024-03-01 10:00:00' AND late"))
          .as("late rows for the window, one for each clock the late events arrived at")
          .containsExactly(List.of((long) arrivalClocks.size(), 3L, 1L));
      assertThat(
              tables.query(
                  "SELECT late, CAST(SUM(event_count) AS BIGINT) FROM region_activity"
                      + " WHERE window_start = TIMESTAMP '2024-03-01 10:00:00'"
                      + " GROUP BY late ORDER BY late"))
          .containsExactly(List.of(false, 2L), List.of(true, 3L));
      assertThat(tables.count("SELECT SUM(event_count) FROM user_activity"))
          .isEqualTo(tables.count("SELECT SUM(event_count) FROM region_activity"))
          .isEqualTo(2 * 12 + 4);
      assertThat(tables.count("SELECT COUNT(*) FROM user_activity WHERE late"))
          .isEqualTo(arrivalClocks.size());
    }
    RunSummary summary = RunSummary.read(output.toUri().toString(), tableNames());
    assertThat(summary.reconciles()).isTrue();
    assertThat(summary.format(Duration.ZERO))
        .contains(
            "Check:   28 records read = 25 in user_activity + 3 in its late rows (3 in"
                + " late_events) + 0 rejected: ok");
  }

  @Test
  void aLongerMaximumDelayCountsTheSameEventsInTheirWindowsRow() throws Exception {
    Path bucket = writeTrailWithALateFile();
    Path output = dir.resolve("output");
    Configuration config = JobConfigs.bounded(bucket, output);
    config.set(JobOptions.MAX_DELAY, Duration.ofHours(4));

    CloudTrailJob.create(config).run();

    try (OutputTables tables = new OutputTables(output)) {
      assertThat(tables.committedFiles("late_events")).isEmpty();
      assertThat(
              tables.query(
                  "SELECT event_count, late FROM user_activity"
                      + " WHERE strftime(window_start, '%H:%M') = '10:00'"))
          .containsExactly(List.of(5L, false));
    }
  }

  /** Twelve five-minute files from 10:05 to 11:00, then one delivered at 13:00 with old events. */
  private Path writeTrailWithALateFile() throws Exception {
    Path bucket = dir.resolve("bucket");
    TrailWriter trail = new TrailWriter(bucket);
    for (int slot = 0; slot < 12; slot++) {
      Instant start = BEGINNING.plus(Duration.ofMinutes(5L * slot));
      trail.writeLogFile(
          ACCOUNT,
          US_EAST_1,
          start.plus(Duration.ofMinutes(5)),
          List.of(
              userCall("alice", "DescribeInstances", start.plusSeconds(10))
                  .eventId("on-time-" + slot + "a")
                  .build(),
              userCall("alice", "DescribeInstances", start.plusSeconds(20))
                  .eventId("on-time-" + slot + "b")
                  .build()));
    }
    List<ObjectNode> late = new ArrayList<>();
    for (int i = 1; i <= 3; i++) {
      late.add(
          userCall("alice", "StopInstances", BEGINNING.plus(Duration.ofMinutes(1 + i)))
              .eventId("late-" + i)
              .build());
    }
    late.add(
        userCall("alice", "DescribeInstances", THREE_HOURS_LATER.minus(Duration.ofMinutes(2)))
            .eventId("fresh")
            .build());
    trail.writeLogFile(ACCOUNT, US_EAST_1, THREE_HOURS_LATER, late);
    return bucket;
  }

  private static List<String> tableNames() {
    return List.of("user_activity", "region_activity", "late_events", "rejects", "source_files");
  }
}
