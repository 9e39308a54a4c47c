package com.cloudtrailanalytics.exactness;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudtrailanalytics.config.JobOptions;
import com.cloudtrailanalytics.config.TableNames;
import com.cloudtrailanalytics.pipeline.CloudTrailJob;
import com.cloudtrailanalytics.sample.SyntheticTrail;
import com.cloudtrailanalytics.testing.GroundTruth;
import com.cloudtrailanalytics.testing.JobConfigs;
import com.cloudtrailanalytics.testing.MiniClusters;
import com.cloudtrailanalytics.testing.OutputTables;
import com.cloudtrailanalytics.testing.TaskManagerKills;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.test.junit5.InjectMiniCluster;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** TaskManagers die in the middle of a run; every row is still written exactly once. */
class FailureRecoveryITCase {

  private static final int KILLS = 3;

  @RegisterExtension
  static final MiniClusterExtension CLUSTER = MiniClusters.oneTaskManagerTwoSlots();

  @TempDir Path dir;

  @Test
  void everyRowIsWrittenOnceThoughTheTaskManagerDiesThreeTimes(
      @InjectMiniCluster MiniCluster cluster) throws Exception {
    Path bucket = dir.resolve("bucket");
    SyntheticTrail.Result written =
        new SyntheticTrail(
                new SyntheticTrail.Settings(
                    2, 3, 24, 300_000, 9, Instant.parse("2024-03-01T00:00:00Z"), null))
            .writeTo(bucket);
    GroundTruth truth = GroundTruth.of(bucket, Duration.ofMinutes(5));
    Path output = dir.resolve("output");
    Configuration config = JobConfigs.boundedThroughFailures(bucket, output);

    TaskManagerKills.runThroughKills(cluster, config, KILLS);

    try (OutputTables tables = new OutputTables(output)) {
      assertThat(tables.userActivity()).containsExactlyElementsOf(truth.userActivity());
      assertThat(tables.regionActivity()).containsExactlyElementsOf(truth.regionActivity());
      assertThat(tables.consoleLoginSummary())
          .containsExactlyElementsOf(truth.consoleLoginSummaryWithoutGeo());
      assertThat(tables.query("SELECT COUNT(*), COUNT(DISTINCT event_id) FROM events"))
          .as("every event once")
          .containsExactly(List.of(truth.events(), truth.events()));
      assertThat(tables.query("SELECT COUNT(*), COUNT(DISTINCT event_id) FROM console_logins"))
          .as("every console sign-in once")
          .containsExactly(List.of(truth.consoleLogins(), truth.consoleLogins()));
      assertThat(
              tables.query(
                  "SELECT COUNT(*), COUNT(DISTINCT source_file), CAST(SUM(events) AS BIGINT)"
                      + " FROM source_files"))
          .as("every file once")
          .containsExactly(
              List.of((long) written.logFiles(), (long) written.logFiles(), truth.events()));
      assertThat(findings(tables))
          .as("every finding once, the same as a run that was never interrupted finds")
          .isNotEmpty()
          .doesNotHaveDuplicates()
          .containsExactlyInAnyOrderElementsOf(findingsOfAnUninterruptedRun(bucket));
      assertThat(tables.committedFiles("rejects")).isEmpty();
      assertThat(tables.committedFiles("late_events")).isEmpty();
      assertThat(OutputTables.tableNames(output))
          .as("no table left out")
          .containsExactly(
              "console_login_summary",
              "console_logins",
              "events",
              "findings",
              "region_activity",
              "source_files",
              "user_activity");
      assertThat(visibleFilesOtherThanParts(output)).isEmpty();
    }
  }

  private List<List<Object>> findingsOfAnUninterruptedRun(Path bucket) throws Exception {
    Path output = dir.resolve("uninterrupted");
    Configuration config = JobConfigs.bounded(bucket, output);
    config.set(JobOptions.TABLES, List.of(TableNames.FINDINGS));
    CloudTrailJob.create(config).run();
    try (OutputTables tables = new OutputTables(output)) {
      return findings(tables);
    }
  }

  private static List<List<Object>> findings(OutputTables tables) throws Exception {
    return tables.query(
        "SELECT finding_id, rule_id, array_to_string(event_ids, ' ') FROM findings ORDER BY 1");
  }

  /** Query engines read every file whose name does not start with '.' or '_'. */
  private static List<Path> visibleFilesOtherThanParts(Path output) throws Exception {
    try (Stream<Path> files = Files.walk(output)) {
      return files
          .filter(Files::isRegularFile)
          .filter(file -> !output.relativize(file).toString().startsWith("_checkpoints"))
          .filter(
              file ->
                  !file.getFileName().toString().startsWith(".")
                      && !file.getFileName().toString().startsWith("_"))
          .filter(file -> !file.getFileName().toString().matches("(compacted-)?part-.*"))
          .toList();
    }
  }
}
