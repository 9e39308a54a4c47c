package com.cloudtrailanalytics.pipeline;

import static com.cloudtrailanalytics.testing.CloudTrailEvents.ACCOUNT;
import static com.cloudtrailanalytics.testing.CloudTrailEvents.BEGINNING;
import static com.cloudtrailanalytics.testing.CloudTrailEvents.EU_WEST_1;
import static com.cloudtrailanalytics.testing.CloudTrailEvents.NEXT_WINDOW;
import static com.cloudtrailanalytics.testing.CloudTrailEvents.ONE_MINUTE_LATER;
import static com.cloudtrailanalytics.testing.CloudTrailEvents.OTHER_ACCOUNT;
import static com.cloudtrailanalytics.testing.CloudTrailEvents.TWO_MINUTES_LATER;
import static com.cloudtrailanalytics.testing.CloudTrailEvents.US_EAST_1;
import static com.cloudtrailanalytics.testing.CloudTrailEvents.assumedRoleCall;
import static com.cloudtrailanalytics.testing.CloudTrailEvents.roleArn;
import static com.cloudtrailanalytics.testing.CloudTrailEvents.serviceCall;
import static com.cloudtrailanalytics.testing.CloudTrailEvents.userArn;
import static com.cloudtrailanalytics.testing.CloudTrailEvents.userCall;
import static org.assertj.core.api.Assertions.assertThat;

import com.cloudtrailanalytics.sample.RecordBuilder;
import com.cloudtrailanalytics.sample.TrailWriter;
import com.cloudtrailanalytics.testing.JobConfigs;
import com.cloudtrailanalytics.testing.MiniClusters;
import com.cloudtrailanalytics.testing.OutputTables;
import com.cloudtrailanalytics.testing.ParquetFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class PipelineITCase {

  @RegisterExtension
  static final MiniClusterExtension CLUSTER = MiniClusters.oneTaskManagerTwoSlots();

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

  @Test
  void readsAnOrganizationTrailFromTheBucketRootFromAwsLogsAndFromDeeper() throws Exception {
    Path bucket = dir.resolve("org-bucket");
    TrailWriter trail = new TrailWriter(bucket, "o-exampleorgid", 1);
    trail.writeLogFile(
        ACCOUNT,
        US_EAST_1,
        NEXT_WINDOW,
        List.of(userCall("alice", "DescribeInstances", BEGINNING).build()));
    trail.writeLogFile(
        OTHER_ACCOUNT,
        US_EAST_1,
        NEXT_WINDOW,
        List.of(
            RecordBuilder.apiCall(
                    OTHER_ACCOUNT, US_EAST_1, ONE_MINUTE_LATER, "s3.amazonaws.com", "ListBuckets")
                .iamUser(OTHER_ACCOUNT, "bob")
                .build()));

    for (Path input :
        List.of(
            bucket,
            bucket.resolve("AWSLogs"),
            bucket.resolve("AWSLogs/o-exampleorgid/" + OTHER_ACCOUNT + "/CloudTrail"))) {
      Path output = dir.resolve("out-" + input.getFileName());
      CloudTrailJob.create(JobConfigs.bounded(input, output)).run();
      try (OutputTables tables = new OutputTables(output)) {
        List<List<Object>> expected =
            input.endsWith("CloudTrail")
                ? List.of(List.of(OTHER_ACCOUNT, "bob", 1L))
                : List.of(List.of(ACCOUNT, "alice", 1L), List.of(OTHER_ACCOUNT, "bob", 1L));
        assertThat(
                tables.query(
                    "SELECT account_id, user_name, event_count FROM user_activity ORDER BY 1"))
            .as("input %s", input)
            .isEqualTo(expected);
      }
    }
  }

  @Test
  void neverListsDigestFoldersAndRecordsEveryFileReadAndEveryReject() throws Exception {
    Path bucket = dir.resolve("bucket");
    TrailWriter trail = new TrailWriter(bucket);
    Path good =
        trail.writeLogFile(
            ACCOUNT,
            US_EAST_1,
            NEXT_WINDOW,
            List.of(
                userCall("alice", "DescribeInstances", BEGINNING).build(),
                userCall("alice", "DescribeInstances", ONE_MINUTE_LATER)
                    .remove("eventTime")
                    .build()));
    Path digest = trail.writeDigestFile(ACCOUNT, US_EAST_1, NEXT_WINDOW);
    Path output = dir.resolve("output");

    CloudTrailJob.create(JobConfigs.bounded(bucket, output)).run();

    try (OutputTables tables = new OutputTables(output)) {
      assertThat(tables.count("SELECT SUM(event_count) FROM user_activity")).isEqualTo(1);
      assertThat(
              tables.query(
                  "SELECT source_file, status, problem, account_id, aws_region,"
                      + " strftime(file_time, '%Y-%m-%d %H:%M'), events, rejected_records, dt"
                      + " FROM source_files"))
          .containsExactly(
              Arrays.asList(
                  flinkPath(good),
                  "read",
                  null,
                  ACCOUNT,
                  US_EAST_1,
                  "2024-03-01 10:05",
                  1L,
                  1L,
                  "2024-03-01"));
      assertThat(
              tables.query(
                  "SELECT source_file, \"position\", reject_type, reason, detail FROM rejects"))
          .containsExactly(
              List.of(
                  flinkPath(good),
                  1L,
                  "rejected_record",
                  "missing_event_time",
                  "the record has no eventTime"));
      assertThat(
              tables.count(
                  "SELECT COUNT(*) FROM source_files WHERE source_file = '"
                      + flinkPath(digest)
                      + "'"))
          .isZero();
    }
  }

  @Test
  void readsAFolderOfLooseFilesAndRecordsTheOnesItSkips() throws Exception {
    Path folder = Files.createDirectories(dir.resolve("downloads"));
    Path sample = folder.resolve("sample.json");
    try (var out = Files.newOutputStream(sample)) {
      out.write(
          ("{\"Records\":[" + userCall("alice", "DescribeInstances", BEGINNING).build() + "]}")
              .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    Path digest =
        Files.writeString(
            folder.resolve(
                "111122223333_CloudTrail-Digest_us-east-1_x_us-east-1_20240301T100500Z.json.gz"),
            "x");
    Path notes = Files.writeString(folder.resolve("notes.txt"), "not a log file");
    Path output = dir.resolve("output");

    CloudTrailJob.create(JobConfigs.bounded(folder, output)).run();

    try (OutputTables tables = new OutputTables(output)) {
      assertThat(tables.count("SELECT SUM(event_count) FROM user_activity")).isEqualTo(1);
      assertThat(
              tables.query(
                  "SELECT source_file, status, problem FROM source_files ORDER BY source_file"))
          .containsExactly(
              List.of(flinkPath(digest), "skipped", "digest_file"),
              List.of(flinkPath(notes), "skipped", "not_a_log_file"),
              Arrays.asList(flinkPath(sample), "read", null));
      assertThat(
              tables.query(
                  "SELECT source_file, reject_type, reason FROM rejects ORDER BY source_file"))
          .containsExactly(
              List.of(flinkPath(digest), "skipped_file", "digest_file"),
              List.of(flinkPath(notes), "skipped_file", "not_a_log_file"));
    }
  }

  @Test
  void writesTheTableContractsColumnsAndTypes() throws Exception {
    Path bucket = dir.resolve("bucket");
    new TrailWriter(bucket)
        .writeLogFile(
            ACCOUNT,
            US_EAST_1,
            NEXT_WINDOW,
            List.of(userCall("alice", "DescribeInstances", BEGINNING).build()));
    Path output = dir.resolve("output");

    CloudTrailJob.create(JobConfigs.bounded(bucket, output)).run();

    try (OutputTables tables = new OutputTables(output)) {
      assertThat(
              ParquetFiles.schema(
                      output
                          .resolve("user_activity")
                          .resolve(tables.committedFiles("user_activity").get(0)))
                  .toString())
          .isEqualTo(
              String.join(
                  "\n",
                  "message flink_schema {",
                  "  optional int96 window_start;",
                  "  optional int96 window_end;",
                  "  optional binary account_id (STRING);",
                  "  optional binary principal (STRING);",
                  "  optional binary user_name (STRING);",
                  "  optional binary identity_type (STRING);",
                  "  optional int64 event_count;",
                  "  optional int64 error_count;",
                  "  optional double error_rate;",
                  "  optional int64 distinct_event_names;",
                  "  optional int64 distinct_source_ips;",
                  "  optional boolean late;",
                  "}",
                  ""));
      assertThat(
              ParquetFiles.schema(
                      output
                          .resolve("region_activity")
                          .resolve(tables.committedFiles("region_activity").get(0)))
                  .toString())
          .isEqualTo(
              String.join(
                  "\n",
                  "message flink_schema {",
                  "  optional int96 window_start;",
                  "  optional int96 window_end;",
                  "  optional binary account_id (STRING);",
                  "  optional binary aws_region (STRING);",
                  "  optional int64 event_count;",
                  "  optional int64 error_count;",
                  "  optional double error_rate;",
                  "  optional int64 distinct_principals;",
                  "  optional int64 distinct_event_sources;",
                  "  optional boolean late;",
                  "}",
                  ""));
      assertThat(tables.committedFiles("user_activity"))
          .allMatch(file -> file.toString().matches("dt=2024-03-01/hr=10/(compacted-)?part-.*"));
      assertThat(
              tables.query(
                  "SELECT typeof(window_start), epoch_ms(window_start), epoch_ms(window_end) FROM user_activity"))
          .containsExactly(
              List.of("TIMESTAMP", BEGINNING.toEpochMilli(), NEXT_WINDOW.toEpochMilli()));
    }
  }

  /** How the job names a local file: Flink's path of it. */
  private static String flinkPath(Path file) {
    return new org.apache.flink.core.fs.Path(file.toUri()).toString();
  }
}
