package com.cloudtrailanalytics.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudtrailanalytics.generate.SyntheticTrail;
import com.cloudtrailanalytics.pipeline.CloudTrailJob;
import com.cloudtrailanalytics.testing.GroundTruth;
import com.cloudtrailanalytics.testing.JobConfigs;
import com.cloudtrailanalytics.testing.OutputTables;
import com.cloudtrailanalytics.testing.S3Server;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The job reading a trail bucket and writing tables and checkpoints to a results bucket, on S3. */
class S3PipelineITCase {

  @RegisterExtension
  static final MiniClusterExtension CLUSTER =
      new MiniClusterExtension(
          new MiniClusterResourceConfiguration.Builder()
              .setNumberTaskManagers(1)
              .setNumberSlotsPerTaskManager(2)
              .build());

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
      assertThat(
              tables.query(
                  "SELECT strftime(window_start, '%Y-%m-%dT%H:%M:%SZ'), account_id, principal, event_count,"
                      + " error_count FROM user_activity ORDER BY 1, 2, 3"))
          .containsExactlyElementsOf(truth.userActivity());
      assertThat(
              tables.count(
                  "SELECT COUNT(*) FROM source_files WHERE source_file LIKE 's3://trail/AWSLogs/o-exampleorgid/%'"))
          .isEqualTo(tables.count("SELECT COUNT(*) FROM source_files"));
    }
  }
}
