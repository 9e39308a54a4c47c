package com.cloudtrailanalytics.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudtrailanalytics.pipeline.CloudTrailJob;
import com.cloudtrailanalytics.run.FileSystemSetup;
import com.cloudtrailanalytics.sample.SyntheticTrail;
import com.cloudtrailanalytics.source.TrailSource;
import com.cloudtrailanalytics.source.discovery.Discovered;
import com.cloudtrailanalytics.source.discovery.DiscoveryState;
import com.cloudtrailanalytics.source.discovery.TrailDiscovery;
import com.cloudtrailanalytics.testing.GroundTruth;
import com.cloudtrailanalytics.testing.JobConfigs;
import com.cloudtrailanalytics.testing.MiniClusters;
import com.cloudtrailanalytics.testing.OutputTables;
import com.cloudtrailanalytics.testing.S3Server;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** S3 as it behaves: throttling, and files that vanish between listing and reading. */
class S3ResilienceITCase {

  @RegisterExtension
  static final MiniClusterExtension CLUSTER = MiniClusters.oneTaskManagerTwoSlots();

  @TempDir Path dir;
  private S3Server s3;
  private Path localTrail;
  private SyntheticTrail.Result written;

  @BeforeEach
  void startS3WithATrail() throws Exception {
    s3 = S3Server.start(dir.resolve("s3"));
    s3.bucket("trail");
    s3.bucket("results");
    FileSystemSetup.initialize(s3.clientConfig());
    localTrail = dir.resolve("local-trail");
    written =
        new SyntheticTrail(
                new SyntheticTrail.Settings(
                    1, 2, 2, 3_000, 4, Instant.parse("2024-03-01T06:00:00Z"), null))
            .writeTo(localTrail);
    s3.upload(localTrail, "trail");
  }

  @AfterEach
  void stopS3() throws Exception {
    s3.close();
  }

  @Test
  void throttledReadsAndWritesAreRetriedAndEveryTableIsExact() throws Exception {
    GroundTruth truth = GroundTruth.of(localTrail, Duration.ofMinutes(5));
    Map<String, Integer> throttles =
        Map.of(
            "list", 6,
            "blobMetadata", 10,
            "getBlob", 10,
            "putBlob", 3,
            "initiateMultipartUpload", 3,
            "uploadMultipartPart", 3,
            "completeMultipartUpload", 3);
    throttles.forEach(s3::throttleNext);

    CloudTrailJob.create(config()).run();

    throttles.forEach(
        (operation, times) ->
            assertThat(s3.throttled(operation))
                .as("503 Slow Down answers to %s", operation)
                .isEqualTo((long) times));
    try (OutputTables tables = new OutputTables(dir.resolve("s3/results/tables"))) {
      assertThat(tables.userActivity()).containsExactlyElementsOf(truth.userActivity());
      assertThat(tables.regionActivity()).containsExactlyElementsOf(truth.regionActivity());
      assertThat(tables.consoleLoginSummary())
          .containsExactlyElementsOf(truth.consoleLoginSummaryWithoutGeo());
      assertThat(tables.query("SELECT COUNT(*), COUNT(DISTINCT event_id) FROM events"))
          .containsExactly(List.of(truth.events(), truth.events()));
      assertThat(tables.query("SELECT COUNT(*), COUNT(DISTINCT event_id) FROM console_logins"))
          .containsExactly(List.of(truth.consoleLogins(), truth.consoleLogins()));
      assertThat(tables.query("SELECT COUNT(*), COUNT(DISTINCT source_file) FROM source_files"))
          .containsExactly(List.of((long) written.logFiles(), (long) written.logFiles()));
      assertThat(tables.committedFiles("rejects")).isEmpty();
      assertThat(tables.committedFiles("late_events")).isEmpty();
    }
  }

  @Test
  void aFileDeletedAfterItWasListedIsRejectedAndTheRestIsCounted() throws Exception {
    Path victim = oneLogFile(dir.resolve("s3/trail"));
    long victimEvents =
        GroundTruth.of(localTrail, Duration.ofMinutes(5)).events()
            - GroundTruth.of(withoutFile(victim), Duration.ofMinutes(5)).events();

    CloudTrailJob.create(
            config(),
            settings ->
                new DeletingAfterListing(TrailSource.layoutDiscovery(settings), victim.toString()))
        .run();

    try (OutputTables tables = new OutputTables(dir.resolve("s3/results/tables"))) {
      assertThat(tables.query("SELECT reason, reject_type FROM rejects"))
          .containsExactly(List.of("file_not_found", "rejected_file"));
      assertThat(
              tables.query(
                  "SELECT status, problem FROM source_files WHERE source_file LIKE '%"
                      + victim.getFileName()
                      + "'"))
          .containsExactly(List.of("rejected", "file_not_found"));
      assertThat(tables.count("SELECT SUM(event_count) FROM user_activity"))
          .isEqualTo(GroundTruth.of(localTrail, Duration.ofMinutes(5)).events() - victimEvents);
    }
  }

  private Configuration config() {
    Configuration config = JobConfigs.bounded(Path.of("unused"), Path.of("unused"));
    config.addAll(s3.clientConfig());
    config.setString("cloudtrail.input", "s3://trail/");
    config.setString("cloudtrail.output", "s3://results/tables");
    config.setString("execution.checkpointing.dir", "s3://results/checkpoints");
    return config;
  }

  private static Path oneLogFile(Path bucket) throws IOException {
    try (Stream<Path> files = Files.walk(bucket)) {
      return files
          .filter(
              file ->
                  file.toString().contains("/CloudTrail/") && file.toString().endsWith(".json.gz"))
          .sorted()
          .skip(3)
          .findFirst()
          .orElseThrow();
    }
  }

  /** A copy of the local trail without the victim, for the ground truth. */
  private Path withoutFile(Path victimInBucket) throws IOException {
    Path copy = dir.resolve("trail-without-victim");
    try (Stream<Path> files = Files.walk(localTrail)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Path relative = localTrail.relativize(file);
        if (!victimInBucket.endsWith(relative)) {
          Files.createDirectories(copy.resolve(relative).getParent());
          Files.copy(file, copy.resolve(relative));
        }
      }
    }
    return copy;
  }

  /** Lists the trail, then deletes one of the files it listed, as a lifecycle rule might. */
  private record DeletingAfterListing(TrailDiscovery listing, String victim)
      implements TrailDiscovery {
    @Override
    public Discovered discover(DiscoveryState state, Instant now) throws IOException {
      Discovered round = listing.discover(state, now);
      Files.deleteIfExists(Path.of(victim));
      return round;
    }
  }
}
