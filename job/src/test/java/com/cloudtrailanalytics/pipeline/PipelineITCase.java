package com.cloudtrailanalytics.pipeline;

import static com.cloudtrailanalytics.testing.CloudTrailEvents.ACCOUNT;
import static com.cloudtrailanalytics.testing.CloudTrailEvents.BEGINNING;
import static com.cloudtrailanalytics.testing.CloudTrailEvents.EU_WEST_1;
import static com.cloudtrailanalytics.testing.CloudTrailEvents.NEXT_WINDOW;
import static com.cloudtrailanalytics.testing.CloudTrailEvents.ONE_MINUTE_LATER;
import static com.cloudtrailanalytics.testing.CloudTrailEvents.TWO_MINUTES_LATER;
import static com.cloudtrailanalytics.testing.CloudTrailEvents.US_EAST_1;
import static com.cloudtrailanalytics.testing.CloudTrailEvents.assumedRoleCall;
import static com.cloudtrailanalytics.testing.CloudTrailEvents.roleArn;
import static com.cloudtrailanalytics.testing.CloudTrailEvents.serviceCall;
import static com.cloudtrailanalytics.testing.CloudTrailEvents.userArn;
import static com.cloudtrailanalytics.testing.CloudTrailEvents.userCall;
import static org.assertj.core.api.Assertions.assertThat;

import com.cloudtrailanalytics.generate.TrailWriter;
import com.cloudtrailanalytics.testing.JobConfigs;
import com.cloudtrailanalytics.testing.OutputTables;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class PipelineITCase {

  @RegisterExtension
  static final MiniClusterExtension CLUSTER =
      new MiniClusterExtension(
          new MiniClusterResourceConfiguration.Builder()
              .setNumberTaskManagers(1)
              .setNumberSlotsPerTaskManager(2)
              .build());

  @TempDir Path dir;

  @Test
  void countsEveryEventInItsWindowPerUserAndPerRegion() throws Exception {
    Path bucket = dir.resolve("bucket");
    TrailWriter trail = new TrailWriter(bucket);
    trail.writeLogFile(
        ACCOUNT,
        US_EAST_1,
        NEXT_WINDOW.plus(Duration.ofMinutes(2)),
        List.of(
            userCall("alice", "DescribeInstances", BEGINNING).build(),
            userCall("alice", "DescribeInstances", ONE_MINUTE_LATER)
                .error("Client.UnauthorizedOperation", "You are not authorized")
                .build(),
            userCall("alice", "StopInstances", TWO_MINUTES_LATER).build(),
            assumedRoleCall("app-role", "session-1", "GetParameter", ONE_MINUTE_LATER).build(),
            assumedRoleCall("app-role", "session-2", "GetParameter", TWO_MINUTES_LATER).build()));
    trail.writeLogFile(
        ACCOUNT,
        US_EAST_1,
        NEXT_WINDOW.plus(Duration.ofMinutes(7)),
        List.of(userCall("alice", "DescribeInstances", NEXT_WINDOW).build()));
    trail.writeLogFile(
        ACCOUNT,
        EU_WEST_1,
        NEXT_WINDOW.plus(Duration.ofMinutes(7)),
        List.of(serviceCall("ec2.amazonaws.com", EU_WEST_1, NEXT_WINDOW.plusSeconds(30)).build()));
    trail.writeDigestFile(ACCOUNT, US_EAST_1, NEXT_WINDOW.plus(Duration.ofMinutes(7)));
    Path output = dir.resolve("output");

    CloudTrailJob.create(JobConfigs.bounded(bucket, output)).run();

    try (OutputTables tables = new OutputTables(output)) {
      assertThat(
              tables.query(
                  "SELECT strftime(window_start, '%H:%M'), strftime(window_end, '%H:%M'), account_id,"
                      + " principal, user_name, identity_type, event_count, error_count, error_rate,"
                      + " dt, hr FROM user_activity ORDER BY window_start, principal"))
          .containsExactly(
              List.of(
                  "10:00",
                  "10:05",
                  ACCOUNT,
                  roleArn("app-role"),
                  "app-role",
                  "AssumedRole",
                  2L,
                  0L,
                  0.0,
                  "2024-03-01",
                  "10"),
              List.of(
                  "10:00",
                  "10:05",
                  ACCOUNT,
                  userArn("alice"),
                  "alice",
                  "IAMUser",
                  3L,
                  1L,
                  1.0 / 3,
                  "2024-03-01",
                  "10"),
              List.of(
                  "10:05",
                  "10:10",
                  ACCOUNT,
                  userArn("alice"),
                  "alice",
                  "IAMUser",
                  1L,
                  0L,
                  0.0,
                  "2024-03-01",
                  "10"),
              List.of(
                  "10:05",
                  "10:10",
                  ACCOUNT,
                  "ec2.amazonaws.com",
                  "ec2.amazonaws.com",
                  "AWSService",
                  1L,
                  0L,
                  0.0,
                  "2024-03-01",
                  "10"));
      assertThat(
              tables.query(
                  "SELECT strftime(window_start, '%H:%M'), aws_region, event_count, error_count, error_rate,"
                      + " distinct_principals FROM region_activity ORDER BY window_start, aws_region"))
          .containsExactly(
              List.of("10:00", US_EAST_1, 5L, 1L, 0.2, 2L),
              List.of("10:05", EU_WEST_1, 1L, 0L, 0.0, 1L),
              List.of("10:05", US_EAST_1, 1L, 0L, 0.0, 1L));
    }
  }
}
