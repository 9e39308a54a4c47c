package com.cloudtrailanalytics.findings;

import static com.cloudtrailanalytics.testing.CloudTrailEvents.ACCOUNT;
import static com.cloudtrailanalytics.testing.CloudTrailEvents.BEGINNING;
import static com.cloudtrailanalytics.testing.CloudTrailEvents.US_EAST_1;
import static com.cloudtrailanalytics.testing.CloudTrailEvents.assumedRoleCall;
import static com.cloudtrailanalytics.testing.CloudTrailEvents.consoleLogin;
import static com.cloudtrailanalytics.testing.TestGeoDatabases.LINKOPING_IP;
import static com.cloudtrailanalytics.testing.TestGeoDatabases.LONDON_IP;
import static com.cloudtrailanalytics.testing.TestGeoDatabases.MILTON_IP;
import static java.util.Arrays.asList;
import static org.assertj.core.api.Assertions.assertThat;

import com.cloudtrailanalytics.config.JobOptions;
import com.cloudtrailanalytics.pipeline.CloudTrailJob;
import com.cloudtrailanalytics.sample.TrailWriter;
import com.cloudtrailanalytics.testing.JobConfigs;
import com.cloudtrailanalytics.testing.MiniClusters;
import com.cloudtrailanalytics.testing.OutputTables;
import com.cloudtrailanalytics.testing.TestGeoDatabases;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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

  private static final String ATTACKER_IP = LINKOPING_IP;
  private static final String CLUMSY_IP = "198.51.100.30";

  @TempDir Path dir;

  @Test
  void eachDetectionFiresOnItsStoryAndNotOnItsNearMiss() throws Exception {
    Path output = dir.resolve("output");
    Configuration config = JobConfigs.boundedInDeliveryOrder(writeTrail(), output);
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
                  ATTACKER_IP,
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
                  "203.0.113.50",
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

  private Path writeTrail() throws Exception {
    Path bucket = dir.resolve("bucket");
    TrailWriter trail = new TrailWriter(bucket);
    List<ObjectNode> records = new ArrayList<>();
    records.add(consoleLogin("nicholas", LONDON_IP, at(0), true).eventId("london").build());
    records.add(consoleLogin("nicholas", MILTON_IP, at(30 * 60), true).eventId("milton").build());
    for (int i = 0; i < 10; i++) {
      records.add(
          consoleLogin("mallory", ATTACKER_IP, at(20 * i), false).eventId("guess-" + i).build());
    }
    for (int i = 0; i < 9; i++) {
      records.add(consoleLogin("bob", CLUMSY_IP, at(40 * i), false).eventId("typo-" + i).build());
    }
    records.add(
        assumedRoleCall("web-server", "i-0123456789abcdef0", "ListBuckets", at(600))
            .sourceIp("203.0.113.50")
            .eventId("stolen")
            .build());
    records.add(
        assumedRoleCall("web-server", "i-0123456789abcdef0", "ListBuckets", at(660))
            .eventId("inside")
            .build());
    trail.writeLogFile(ACCOUNT, US_EAST_1, BEGINNING.plus(Duration.ofMinutes(40)), records);
    return bucket;
  }

  private static Instant at(long seconds) {
    return BEGINNING.plusSeconds(seconds);
  }
}
