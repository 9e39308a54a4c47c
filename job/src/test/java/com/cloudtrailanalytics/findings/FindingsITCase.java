package com.cloudtrailanalytics.findings;

import static com.cloudtrailanalytics.testing.CloudTrailEvents.ACCOUNT;
import static com.cloudtrailanalytics.testing.CloudTrailEvents.BEGINNING;
import static com.cloudtrailanalytics.testing.CloudTrailEvents.US_EAST_1;
import static com.cloudtrailanalytics.testing.CloudTrailEvents.assumedRoleCall;
import static com.cloudtrailanalytics.testing.CloudTrailEvents.userCall;
import static com.cloudtrailanalytics.testing.TestGeoDatabases.MILTON_IP;
import static java.util.Arrays.asList;
import static org.assertj.core.api.Assertions.assertThat;

import com.cloudtrailanalytics.config.JobOptions;
import com.cloudtrailanalytics.pipeline.CloudTrailJob;
import com.cloudtrailanalytics.sample.RecordBuilder;
import com.cloudtrailanalytics.sample.TrailWriter;
import com.cloudtrailanalytics.testing.JobConfigs;
import com.cloudtrailanalytics.testing.MiniClusters;
import com.cloudtrailanalytics.testing.OutputTables;
import com.cloudtrailanalytics.testing.TestGeoDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
  void theBuiltInRulesAndARulesFoldersRulesFindTheirEventsWithWhatMatched() throws Exception {
    Path rules = Files.createDirectories(dir.resolve("my-rules"));
    Files.writeString(
        rules.resolve("list-buckets.yml"),
        """
        title: Buckets listed by an instance
        id: my-list-buckets
        level: informational
        tags:
          - attack.discovery
        logsource:
          product: aws
          service: cloudtrail
        detection:
          selection:
            eventName: ListBuckets
            userIdentity.sessionContext.sessionIssuer.userName|startswith: web-
          condition: selection
        """);
    Path bucket = dir.resolve("bucket");
    new TrailWriter(bucket)
        .writeLogFile(
            ACCOUNT,
            US_EAST_1,
            BEGINNING.plus(Duration.ofMinutes(5)),
            List.of(
                RecordBuilder.apiCall(
                        ACCOUNT, US_EAST_1, BEGINNING, "cloudtrail.amazonaws.com", "StopLogging")
                    .iamUser(ACCOUNT, "admin")
                    .eventId("stop")
                    .build(),
                assumedRoleCall("web-server", "i-0123456789abcdef0", "ListBuckets", BEGINNING)
                    .eventId("list")
                    .build(),
                userCall("admin", "DescribeInstances", BEGINNING).eventId("quiet").build()));
    Path output = dir.resolve("output");
    Configuration config = JobConfigs.boundedInDeliveryOrder(bucket, output);
    config.set(JobOptions.TABLES, List.of("findings"));
    config.set(JobOptions.RULES, List.of(rules.toString()));

    CloudTrailJob.create(config).run();

    try (OutputTables tables = new OutputTables(output)) {
      assertThat(
              tables.query(
                  "SELECT event_ids[1], rule_title, severity, array_to_string(tags, ' '), details"
                      + " FROM findings ORDER BY 1, 2"))
          .containsExactly(
              asList(
                  "list",
                  "Buckets listed by an instance",
                  "informational",
                  "attack.discovery",
                  "{\"rule_file\":\""
                      + rules.resolve("list-buckets.yml")
                      + "\",\"fields\":{\"eventName\":\"ListBuckets\","
                      + "\"userIdentity.sessionContext.sessionIssuer.userName\":\"web-server\"}}"),
              asList(
                  "stop",
                  "CIS 4.5 CloudTrail configuration changed",
                  "medium",
                  "attack.defense-evasion attack.t1562.008",
                  "{\"rule_file\":\"rules/cis-aws-foundations/cis-4.05-cloudtrail-configuration-changes.yml\","
                      + "\"fields\":{\"eventSource\":\"cloudtrail.amazonaws.com\",\"eventName\":\"StopLogging\"}}"),
              asList(
                  "stop",
                  "CloudTrail logging stopped or trail deleted",
                  "critical",
                  "attack.defense-evasion attack.t1562.008",
                  "{\"rule_file\":\"rules/security/cloudtrail-stopped-or-deleted.yml\","
                      + "\"fields\":{\"eventSource\":\"cloudtrail.amazonaws.com\",\"eventName\":\"StopLogging\",\"errorCode\":null}}"));
    }
  }

  @Test
  void eachDetectionFiresOnItsStoryAndNotOnItsNearMiss() throws Exception {
    Path output = dir.resolve("output");
    Configuration config =
        JobConfigs.boundedInDeliveryOrder(DetectionStories.write(dir.resolve("bucket")), output);
    config.set(JobOptions.GEOIP_DB, TestGeoDatabases.writeCity(dir).toString());
    config.set(JobOptions.ASN_DB, TestGeoDatabases.writeAsn(dir).toString());
    config.set(JobOptions.TABLES, List.of("findings"));
    config.set(JobOptions.NO_DEFAULT_RULES, true);

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
