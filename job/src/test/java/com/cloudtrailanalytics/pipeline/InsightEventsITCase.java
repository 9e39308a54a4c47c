package com.cloudtrailanalytics.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudtrailanalytics.config.JobOptions;
import com.cloudtrailanalytics.sample.Investigation;
import com.cloudtrailanalytics.sample.SampleInsights;
import com.cloudtrailanalytics.sample.SyntheticTrail;
import com.cloudtrailanalytics.testing.JobConfigs;
import com.cloudtrailanalytics.testing.MiniClusters;
import com.cloudtrailanalytics.testing.OutputTables;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The trail's CloudTrail-Insight/ files become insight_events, and never count as API calls. */
class InsightEventsITCase {

  private static final Instant START = Instant.parse("2025-03-03T06:00:00Z");
  private static final Duration LENGTH = Duration.ofHours(1);

  @RegisterExtension
  static final MiniClusterExtension CLUSTER = MiniClusters.oneTaskManagerTwoSlots();

  @TempDir Path dir;

  @Test
  void insightsFilesBecomeInsightEvents() throws Exception {
    Path bucket = trailWithInsights();
    Path output = dir.resolve("output");

    CloudTrailJob.create(JobConfigs.bounded(bucket, output)).run();

    Instant begins = SampleInsights.start(START, LENGTH);
    Instant ends = begins.plus(Duration.ofMinutes(SampleInsights.INSIGHT_MINUTES));
    try (OutputTables tables = new OutputTables(output)) {
      assertThat(
              tables.query(
                  "SELECT epoch_ms(event_time), event_id, shared_event_id, event_version,"
                      + " account_id, aws_region, insight_type, state, event_source, event_name,"
                      + " error_code, baseline_average, insight_average, baseline_duration,"
                      + " insight_duration, attributions LIKE '%user/nicholas%', dt, hr"
                      + " FROM insight_events ORDER BY event_time"))
          .containsExactly(
              Arrays.asList(
                  begins.toEpochMilli(),
                  Investigation.id("insight-Start"),
                  Investigation.id("insight"),
                  "1.08",
                  SyntheticTrail.MAIN_ACCOUNT,
                  "us-east-1",
                  "ApiCallRateInsight",
                  "Start",
                  SampleInsights.EVENT_SOURCE,
                  SampleInsights.EVENT_NAME,
                  null,
                  SampleInsights.BASELINE_AVERAGE,
                  SampleInsights.INSIGHT_AVERAGE,
                  10080L,
                  null,
                  true,
                  "2025-03-03",
                  "06"),
              Arrays.asList(
                  ends.toEpochMilli(),
                  Investigation.id("insight-End"),
                  Investigation.id("insight"),
                  "1.08",
                  SyntheticTrail.MAIN_ACCOUNT,
                  "us-east-1",
                  "ApiCallRateInsight",
                  "End",
                  SampleInsights.EVENT_SOURCE,
                  SampleInsights.EVENT_NAME,
                  null,
                  SampleInsights.BASELINE_AVERAGE,
                  SampleInsights.INSIGHT_AVERAGE,
                  10080L,
                  (long) SampleInsights.INSIGHT_MINUTES,
                  true,
                  "2025-03-03",
                  "06"));
      assertThat(
              tables.query(
                  "SELECT status, events, file_type FROM source_files"
                      + " WHERE source_file LIKE '%/CloudTrail-Insight/%'"))
          .containsExactly(List.of("read", 1L, "insight"), List.of("read", 1L, "insight"));
      assertThat(
              tables.count(
                  "SELECT COUNT(*) FROM events WHERE event_id IN ('"
                      + Investigation.id("insight-Start")
                      + "', '"
                      + Investigation.id("insight-End")
                      + "')"))
          .as("Insights events are not API calls")
          .isZero();
    }
  }

  @Test
  void withoutTheTableInsightsFilesAreRecordedAsSkipped() throws Exception {
    Path bucket = trailWithInsights();
    Path output = dir.resolve("output");
    Configuration config = JobConfigs.bounded(bucket, output);
    config.set(JobOptions.TABLES, List.of("user_activity"));

    CloudTrailJob.create(config).run();

    try (OutputTables tables = new OutputTables(output)) {
      assertThat(OutputTables.tableNames(output)).doesNotContain("insight_events");
      assertThat(
              tables.query(
                  "SELECT status, problem, file_type FROM source_files"
                      + " WHERE source_file LIKE '%/CloudTrail-Insight/%'"))
          .containsExactly(
              List.of("skipped", "insight_file", "insight"),
              List.of("skipped", "insight_file", "insight"));
    }
  }

  private Path trailWithInsights() throws Exception {
    Path bucket = dir.resolve("bucket");
    new SyntheticTrail(new SyntheticTrail.Settings(1, 1, 1, 300, 5, START, null)).writeTo(bucket);
    SampleInsights.writeTo(bucket, START, LENGTH);
    return bucket;
  }
}
