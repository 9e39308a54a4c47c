package com.cloudtrailanalytics.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudtrailanalytics.config.JobOptions;
import com.cloudtrailanalytics.pipeline.CloudTrailJob;
import com.cloudtrailanalytics.run.FileSystemSetup;
import com.cloudtrailanalytics.sample.SyntheticTrail;
import com.cloudtrailanalytics.testing.JobConfigs;
import com.cloudtrailanalytics.testing.MiniClusters;
import com.cloudtrailanalytics.testing.OutputTables;
import com.cloudtrailanalytics.testing.S3Server;
import com.cloudtrailanalytics.testing.TrailRecords;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Objects storage will not give: one always refused (403, as a KMS key or bucket policy over one
 * account's folder does), one that fails (503) more often than the S3 client retries on its own.
 * The refused one is rejected at once with the error as its reason, the failing one is read after
 * the job's own retries, and every other file flows: the job never restarts in a loop.
 */
class UnreadableObjectsITCase {

  /** More 503s than the S3 client's own retries absorb, fewer than the job's retries allow. */
  private static final int FAILED_READS = 10;

  @RegisterExtension
  static final MiniClusterExtension CLUSTER = MiniClusters.oneTaskManagerTwoSlots();

  @TempDir Path dir;
  private S3Server s3;

  @AfterEach
  void stopS3() throws Exception {
    s3.close();
  }

  @Test
  void aRefusedObjectIsRejectedAFailingOneIsRetriedAndTheRestIsRead() throws Exception {
    s3 = S3Server.start(dir.resolve("s3"));
    s3.bucket("trail");
    s3.bucket("results");
    Path local = dir.resolve("local-trail");
    new SyntheticTrail(
            new SyntheticTrail.Settings(
                1, 1, 1, 1_000, 21, Instant.parse("2024-03-01T06:00:00Z"), null))
        .writeTo(local);
    s3.upload(local, "trail");
    List<Path> files = TrailRecords.logFiles(local);
    String refused = key(local, files.get(2));
    String failing = key(local, files.get(5));
    long refusedEvents = TrailRecords.of(files.get(2)).size();
    long allEvents = TrailRecords.of(local).size();
    s3.denyReading(refused);
    s3.failReading(failing, FAILED_READS);
    Configuration config = JobConfigs.bounded(Path.of("unused"), Path.of("unused"));
    config.addAll(s3.clientConfig());
    // the S3 client tries each request at most four times (twice by the SDK, twice by S3A), so
    // that only the job's own retries can get past ten failures
    config.setString("s3.attempts.maximum", "1");
    config.setString("s3.retry.limit", "1");
    config.setString("s3.retry.throttle.limit", "1");
    config.setString("s3.retry.interval", "10ms");
    config.setString("s3.retry.throttle.interval", "10ms");
    config.set(JobOptions.READ_RETRY_DELAY, Duration.ofMillis(100));
    config.setString("cloudtrail.input", "s3://trail/");
    config.setString("cloudtrail.output", "s3://results/tables");
    config.setString("execution.checkpointing.dir", "s3://results/checkpoints");
    FileSystemSetup.initialize(config);

    CloudTrailJob.create(config).run();

    assertThat(s3.failedReads(failing)).as("503s served").isEqualTo(FAILED_READS);
    try (OutputTables tables = new OutputTables(dir.resolve("s3/results/tables"))) {
      assertThat(
              tables.query(
                  "SELECT status, problem, events FROM source_files WHERE source_file LIKE '%"
                      + fileName(refused)
                      + "'"))
          .containsExactly(List.of("rejected", "access_denied", 0L));
      assertThat(
              tables.query(
                  "SELECT reject_type, reason, detail LIKE 'storage refused the file: %Status"
                      + " Code: 403%' FROM rejects"))
          .containsExactly(List.of("rejected_file", "access_denied", true));
      assertThat(
              tables.query(
                  "SELECT status, problem FROM source_files WHERE source_file LIKE '%"
                      + fileName(failing)
                      + "'"))
          .containsExactly(java.util.Arrays.asList("read", null));
      assertThat(tables.count("SELECT COUNT(*) FROM source_files WHERE status = 'read'"))
          .isEqualTo(files.size() - 1);
      assertThat(tables.count("SELECT SUM(event_count) FROM user_activity"))
          .isEqualTo(allEvents - refusedEvents);
    }
  }

  private static String key(Path bucket, Path file) {
    return bucket.relativize(file).toString().replace('\\', '/');
  }

  private static String fileName(String key) {
    return key.substring(key.lastIndexOf('/') + 1);
  }
}
