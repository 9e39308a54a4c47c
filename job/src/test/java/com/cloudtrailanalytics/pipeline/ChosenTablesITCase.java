package com.cloudtrailanalytics.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudtrailanalytics.config.JobOptions;
import com.cloudtrailanalytics.run.RunSummary;
import com.cloudtrailanalytics.sample.SyntheticTrail;
import com.cloudtrailanalytics.testing.GroundTruth;
import com.cloudtrailanalytics.testing.JobConfigs;
import com.cloudtrailanalytics.testing.MiniClusters;
import com.cloudtrailanalytics.testing.OutputTables;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code --tables}: only the chosen tables are written, with the same rows as in a full run. */
class ChosenTablesITCase {

  @RegisterExtension
  static final MiniClusterExtension CLUSTER = MiniClusters.oneTaskManagerTwoSlots();

  @TempDir Path dir;
  private SyntheticTrail.Result written;

  @Test
  void onlyTheActivityTablesAndTheAccountingAreWritten() throws Exception {
    Path bucket = trail();
    Path output = dir.resolve("output");
    Configuration config = JobConfigs.bounded(bucket, output);
    config.set(JobOptions.TABLES, List.of("user_activity", "region_activity"));

    CloudTrailJob.create(config).run();

    assertThat(OutputTables.tableNames(output))
        .containsExactly("region_activity", "source_files", "user_activity");
    GroundTruth truth = GroundTruth.of(bucket, Duration.ofMinutes(5));
    try (OutputTables tables = new OutputTables(output)) {
      assertThat(tables.userActivity()).containsExactlyElementsOf(truth.userActivity());
      assertThat(tables.regionActivity()).containsExactlyElementsOf(truth.regionActivity());
    }
    RunSummary summary =
        RunSummary.read(
            output.toUri().toString(), List.of("user_activity", "region_activity", "source_files"));
    assertThat(summary.reconciles()).isTrue();
  }

  @Test
  void onlyTheEventsTableListsEveryEvent() throws Exception {
    Path bucket = trail();
    Path output = dir.resolve("output");
    Configuration config = JobConfigs.bounded(bucket, output);
    config.set(JobOptions.TABLES, List.of("events"));

    CloudTrailJob.create(config).run();

    assertThat(OutputTables.tableNames(output)).containsExactly("events", "source_files");
    long events = GroundTruth.of(bucket, Duration.ofMinutes(5)).events();
    try (OutputTables tables = new OutputTables(output)) {
      assertThat(tables.query("SELECT COUNT(*), COUNT(DISTINCT event_id) FROM events"))
          .as("every event once")
          .containsExactly(List.of(events, events));
      assertThat(tables.query("SELECT COUNT(*), CAST(SUM(events) AS BIGINT) FROM source_files"))
          .containsExactly(List.of((long) written.logFiles(), events));
    }
  }

  private Path trail() throws Exception {
    Path bucket = dir.resolve("bucket");
    written =
        new SyntheticTrail(
                new SyntheticTrail.Settings(
                    2, 2, 1, 2_000, 3, Instant.parse("2025-06-01T10:00:00Z"), null))
            .writeTo(bucket);
    return bucket;
  }
}
