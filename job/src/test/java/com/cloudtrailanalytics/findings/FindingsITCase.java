package com.cloudtrailanalytics.findings;

import static com.cloudtrailanalytics.testing.TestGeoDatabases.MILTON_IP;
import static java.util.Arrays.asList;
import static org.assertj.core.api.Assertions.assertThat;

import com.cloudtrailanalytics.config.JobOptions;
import com.cloudtrailanalytics.pipeline.CloudTrailJob;
import com.cloudtrailanalytics.testing.JobConfigs;
import com.cloudtrailanalytics.testing.MiniClusters;
import com.cloudtrailanalytics.testing.OutputTables;
import com.cloudtrailanalytics.testing.TestGeoDatabases;
import java.nio.file.Path;
import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The stateful detections on the real job: the findings table read back from its Parquet. */
class FindingsITCase {

  @RegisterExtension
  static final MiniClusterExtension CLUSTER = MiniClusters.oneTaskManagerTwoSlots();

  @TempDir Path dir;

  @Test
  void eachDetectionFiresOnItsStoryAndNotOnItsNearMiss() throws Exception {
    Path output = dir.resolve("output");
    Configuration config =
        JobConfigs.boundedInDeliveryOrder(DetectionStories.write(dir.resolve("bucket")), output);
    config.set(JobOptions.GEOIP_DB, TestGeoDatabases.writeCity(dir).toString());
    config.set(JobOptions.TABLES, List.of("findings"));

    CloudTrailJob.create(config).run();

    try (OutputTables tables = new OutputTables(output)) {
      assertThat(
              tables.query(
                  "SELECT rule_id, severity, user_name, source_ip_address, country_iso_code,"
                      + " event_ids[1], len(event_ids), dt, hr FROM findings ORDER BY rule_id"))
          .containsExactly(
              asList(
                  "ct-console-brute-force",
                  "high",
                  "mallory",
                  DetectionStories.ATTACKER_IP,
                  "SE",
                  "guess-0",
                  10L,
                  "2024-03-01",
                  "10"),
              asList(
                  "ct-impossible-travel",
                  "high",
                  "nicholas",
                  MILTON_IP,
                  "US",
                  "london",
                  2L,
                  "2024-03-01",
                  "10"),
              asList(
                  "ct-instance-credentials-outside-aws",
                  "high",
                  "web-server",
                  DetectionStories.OUTSIDE_IP,
                  null,
                  "stolen",
                  1L,
                  "2024-03-01",
                  "10"),
              asList(
                  "ct-new-country-sign-in",
                  "medium",
                  "nicholas",
                  MILTON_IP,
                  "US",
                  "milton",
                  1L,
                  "2024-03-01",
                  "10"));
      assertThat(
              tables.query(
                  "SELECT count(DISTINCT finding_id), min(len(tags)), max(details LIKE '{%}')"
                      + " FROM findings"))
          .containsExactly(asList(4L, 2L, true));
    }
  }
}
