package com.cloudtrailanalytics.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudtrailanalytics.config.JobOptions;
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
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A realistic generated organization trail, checked row by row against its ground truth. */
class GeneratedTrailITCase {

  @RegisterExtension
  static final MiniClusterExtension CLUSTER = MiniClusters.oneTaskManagerTwoSlots();

  @TempDir Path dir;

  @ParameterizedTest(name = "{0} minute windows")
  @ValueSource(ints = {5, 15})
  void everyWindowHoldsExactlyTheTrailsCounts(int windowMinutes) throws Exception {
    Path bucket = dir.resolve("bucket");
    new SyntheticTrail(
            new SyntheticTrail.Settings(
                3, 3, 3, 6_000, 11, Instant.parse("2024-03-01T22:00:00Z"), "o-exampleorgid"))
        .writeTo(bucket);
    Duration window = Duration.ofMinutes(windowMinutes);
    GroundTruth truth = GroundTruth.of(bucket, window);
    Path output = dir.resolve("output");
    Configuration config = JobConfigs.bounded(bucket, output);
    config.set(JobOptions.WINDOW, window);

    CloudTrailJob.create(config).run();

    try (OutputTables tables = new OutputTables(output)) {
      assertThat(tables.userActivity()).containsExactlyElementsOf(truth.userActivity());
      assertThat(tables.regionActivity()).containsExactlyElementsOf(truth.regionActivity());
      assertThat(tables.consoleLoginSummary())
          .containsExactlyElementsOf(truth.consoleLoginSummaryWithoutGeo());
      assertThat(tables.query("SELECT COUNT(*), COUNT(DISTINCT event_id) FROM console_logins"))
          .containsExactly(List.of(truth.consoleLogins(), truth.consoleLogins()));
      assertThat(tables.query("SELECT COUNT(*), COUNT(DISTINCT event_id) FROM events"))
          .containsExactly(List.of(truth.events(), truth.events()));
      assertThat(
              tables.count(
                  "SELECT COUNT(*) FROM user_activity WHERE window_end - window_start <> INTERVAL ("
                      + windowMinutes
                      + ") MINUTE"))
          .isZero();
      assertThat(
              tables.count(
                  "SELECT COUNT(*) FROM user_activity WHERE abs(error_rate - error_count / event_count) > 1e-12"))
          .isZero();
      assertThat(
              tables.count(
                  "SELECT COUNT(*) FROM user_activity WHERE dt <> strftime(window_start, '%Y-%m-%d') OR hr <> strftime(window_start, '%H')"))
          .isZero();
      assertThat(tables.committedFiles("late_events")).isEmpty();
      assertThat(truth.events()).isGreaterThan(6_000);
    }
  }
}
