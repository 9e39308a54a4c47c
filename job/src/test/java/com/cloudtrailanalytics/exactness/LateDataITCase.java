package com.cloudtrailanalytics.exactness;

import static com.cloudtrailanalytics.testing.CloudTrailEvents.ACCOUNT;
import static com.cloudtrailanalytics.testing.CloudTrailEvents.BEGINNING;
import static com.cloudtrailanalytics.testing.CloudTrailEvents.US_EAST_1;
import static com.cloudtrailanalytics.testing.CloudTrailEvents.userCall;
import static org.assertj.core.api.Assertions.assertThat;

import com.cloudtrailanalytics.config.JobOptions;
import com.cloudtrailanalytics.generate.TrailWriter;
import com.cloudtrailanalytics.pipeline.CloudTrailJob;
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

/** A file delivered hours late: its old events are written to late_events, never dropped. */
class LateDataITCase {

  @RegisterExtension
  static final MiniClusterExtension CLUSTER = MiniClusters.oneTaskManagerTwoSlots();

  private static final Instant THREE_HOURS_LATER = BEGINNING.plus(Duration.ofHours(3));

  @TempDir Path dir;

  @Test
  void eventsDeliveredHoursLateGoToLateEventsAndTheRestIsCounted() throws Exception {
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
                  userArn(),
                  "StopInstances",
                  "2024-03-01",
                  "10"),
              List.of(
                  "late-2",
                  "10:03",
                  ACCOUNT,
                  US_EAST_1,
                  userArn(),
                  "StopInstances",
                  "2024-03-01",
                  "10"),
              List.of(
                  "late-3",
                  "10:04",
                  ACCOUNT,
                  US_EAST_1,
                  userArn(),
                  "StopInstances",
                  "2024-03-01",
                  "10"));
      assertThat(
              tables.count(
                  "SELECT COUNT(*) FROM late_events WHERE arrival_watermark < TIMESTAMP '2024-03-01 10:05:00'"))
          .as("each late event's window had closed when it arrived")
          .isZero();
      assertThat(
              tables.query(
                  "SELECT strftime(window_start, '%H:%M'), event_count FROM user_activity ORDER BY 1"))
          .startsWith(List.of("10:00", 2L))
          .endsWith(List.of("12:55", 1L));
      assertThat(tables.count("SELECT SUM(event_count) FROM user_activity") + 3)
          .isEqualTo(2 * 12 + 4);
    }
  }

  @Test
  void aLongerMaximumDelayCountsTheSameEventsInTheirWindows() throws Exception {
    Path bucket = writeTrailWithALateFile();
    Path output = dir.resolve("output");
    Configuration config = JobConfigs.bounded(bucket, output);
    config.set(JobOptions.MAX_DELAY, Duration.ofHours(4));

    CloudTrailJob.create(config).run();

    try (OutputTables tables = new OutputTables(output)) {
      assertThat(tables.committedFiles("late_events")).isEmpty();
      assertThat(
              tables.query(
                  "SELECT event_count FROM user_activity WHERE strftime(window_start, '%H:%M') = '10:00'"))
          .containsExactly(List.of(5L));
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

  private static String userArn() {
    return "arn:aws:iam::" + ACCOUNT + ":user/alice";
  }
}
