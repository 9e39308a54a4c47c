package com.cloudtrailanalytics.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudtrailanalytics.config.JobOptions;
import com.cloudtrailanalytics.config.TableNames;
import com.cloudtrailanalytics.pipeline.CloudTrailJob;
import com.cloudtrailanalytics.run.Checkpoints;
import com.cloudtrailanalytics.run.FileSystemSetup;
import com.cloudtrailanalytics.sample.SyntheticTrail;
import com.cloudtrailanalytics.sample.TrailWriter;
import com.cloudtrailanalytics.testing.CloudTrailEvents;
import com.cloudtrailanalytics.testing.GroundTruth;
import com.cloudtrailanalytics.testing.JobConfigs;
import com.cloudtrailanalytics.testing.MiniClusters;
import com.cloudtrailanalytics.testing.OutputTables;
import com.cloudtrailanalytics.testing.S3Server;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The job reading a trail bucket and writing tables and checkpoints to a results bucket, on S3. */
class S3PipelineITCase {

  @RegisterExtension
  static final MiniClusterExtension CLUSTER = MiniClusters.oneTaskManagerTwoSlots();

  @TempDir Path dir;
  private S3Server s3;

  @BeforeEach
  void startS3() throws Exception {
    s3 = S3Server.start(dir.resolve("s3"));
    s3.bucket("trail");
    s3.bucket("results");
    FileSystemSetup.initialize(s3.clientConfig());
  }

  @AfterEach
  void stopS3() throws Exception {
    s3.close();
  }

  @Test
  void readsATrailBucketAndWritesTablesAndCheckpointsToS3() throws Exception {
    Path local = dir.resolve("local-trail");
    new SyntheticTrail(
            new SyntheticTrail.Settings(
                2, 2, 3, 5_000, 21, Instant.parse("2024-03-01T06:00:00Z"), "o-exampleorgid"))
        .writeTo(local);
    s3.upload(local, "trail");
    GroundTruth truth = GroundTruth.of(local, Duration.ofMinutes(5));
    Configuration config = JobConfigs.bounded(Path.of("unused"), Path.of("unused"));
    config.addAll(s3.clientConfig());
    config.setString("cloudtrail.input", "s3://trail/");
    config.setString("cloudtrail.output", "s3://results/tables");
    config.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, "s3://results/checkpoints");

    CloudTrailJob.create(config).run();

    try (OutputTables tables = new OutputTables(dir.resolve("s3/results/tables"))) {
      assertThat(tables.userActivity()).containsExactlyElementsOf(truth.userActivity());
      assertThat(
              tables.count(
                  "SELECT COUNT(*) FROM source_files WHERE source_file LIKE 's3://trail/AWSLogs/o-exampleorgid/%'"))
          .isEqualTo(tables.count("SELECT COUNT(*) FROM source_files"));
    }
  }

  @Test
  void aLongLivedJobOnS3ResumesFromItsS3CheckpointWithATableTurnedOnCountingNothingTwice()
      throws Exception {
    Instant start = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(3));
    Path local = dir.resolve("local-trail");
    TrailWriter trail = new TrailWriter(local, null, 5);
    Configuration config = JobConfigs.bounded(Path.of("unused"), Path.of("unused"));
    config.addAll(s3.clientConfig());
    config.set(JobOptions.BOUNDED, false);
    config.set(JobOptions.MONITOR_INTERVAL, Duration.ofSeconds(1));
    config.set(JobOptions.MAX_DELAY, Duration.ofMinutes(1));
    config.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, Duration.ofSeconds(1));
    config.setString("cloudtrail.input", "s3://trail/");
    config.setString("cloudtrail.output", "s3://results/tables");
    config.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, "s3://results/checkpoints");
    config.set(JobOptions.TABLES, TableNames.ACTIVITY);

    writeSlots(trail, start, 0, 9);
    s3.upload(local, "trail");
    JobClient first = CloudTrailJob.create(config).start();
    awaitWindows(dir.resolve("s3/results/tables"), 8);
    first.cancel().get();

    writeSlots(trail, start, 9, 18);
    s3.upload(local, "trail");
    String checkpoint = Checkpoints.latest("s3://results/checkpoints").orElseThrow();
    assertThat(checkpoint).startsWith("s3://results/checkpoints/");
    Configuration resumed = new Configuration(config);
    resumed.set(StateRecoveryOptions.SAVEPOINT_PATH, checkpoint);
    // Flink maps the checkpoint's state to operators by id: the activity tables' ids must not move.
    resumed.set(
        JobOptions.TABLES,
        List.of(TableNames.USER_ACTIVITY, TableNames.REGION_ACTIVITY, TableNames.CONSOLE_LOGINS));
    JobClient second = CloudTrailJob.create(resumed).start();
    awaitWindows(dir.resolve("s3/results/tables"), 17);
    second.cancel().get();

    Instant clock = start.plus(Duration.ofMinutes(5L * 18)).minus(Duration.ofMinutes(1));
    List<List<Object>> closedWindows =
        GroundTruth.of(local, Duration.ofMinutes(5)).userActivity().stream()
            .filter(
                row ->
                    !Instant.parse((String) row.get(0))
                        .plus(Duration.ofMinutes(5))
                        .minusMillis(1)
                        .isAfter(clock))
            .toList();
    try (OutputTables tables = new OutputTables(dir.resolve("s3/results/tables"))) {
      assertThat(tables.userActivity()).containsExactlyElementsOf(closedWindows);
    }
  }

  /** Five-minute files for slots [from, to): each holds the slot's events, delivered at its end. */
  private static void writeSlots(TrailWriter trail, Instant start, int from, int to)
      throws Exception {
    for (int slot = from; slot < to; slot++) {
      Instant at = start.plus(Duration.ofMinutes(5L * slot));
      trail.writeLogFile(
          CloudTrailEvents.ACCOUNT,
          CloudTrailEvents.US_EAST_1,
          at.plus(Duration.ofMinutes(5)),
          List.of(
              CloudTrailEvents.userCall("alice", "DescribeInstances", at.plusSeconds(30))
                  .eventId("a" + slot)
                  .build(),
              CloudTrailEvents.userCall("bob", "StopInstances", at.plusSeconds(90))
                  .eventId("b" + slot)
                  .build()));
    }
  }

  /** Waits until user_activity holds committed rows for at least this many windows. */
  private static void awaitWindows(Path tables, int windows) throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    SQLException lastReadFailure = null;
    while (System.nanoTime() < deadline) {
      if (Files.isDirectory(tables.resolve("user_activity"))) {
        try (OutputTables output = new OutputTables(tables)) {
          if (!output.committedFiles("user_activity").isEmpty()
              && output.count("SELECT COUNT(DISTINCT window_start) FROM user_activity")
                  >= windows) {
            return;
          }
        } catch (SQLException halfWritten) {
          // s3proxy writes an object into its folder while it is uploaded; read again
          lastReadFailure = halfWritten;
        }
      }
      Thread.sleep(500);
    }
    throw new AssertionError(
        "user_activity did not reach " + windows + " windows", lastReadFailure);
  }
}
