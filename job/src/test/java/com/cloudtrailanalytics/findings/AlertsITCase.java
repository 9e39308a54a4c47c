package com.cloudtrailanalytics.findings;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudtrailanalytics.config.JobOptions;
import com.cloudtrailanalytics.pipeline.CloudTrailJob;
import com.cloudtrailanalytics.testing.JobConfigs;
import com.cloudtrailanalytics.testing.MiniClusters;
import com.cloudtrailanalytics.testing.TestGeoDatabases;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Findings posted to a webhook that the test runs on loopback. */
class AlertsITCase {

  @RegisterExtension
  static final MiniClusterExtension CLUSTER = MiniClusters.oneTaskManagerTwoSlots();

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void eachNewFindingOfTheChosenSeverityIsPostedOnceThoughTheRunIsRepeated() throws Exception {
    try (WebhookReceiver receiver = new WebhookReceiver(200)) {
      Configuration config = config(receiver);

      CloudTrailJob.create(config).run();
      List<String> firstRun = receiver.bodies();
      CloudTrailJob.create(config).run();

      assertThat(receiver.bodies()).as("the repeated run posted nothing").isEqualTo(firstRun);
      assertThat(texts(firstRun))
          .containsExactlyInAnyOrder(
              "[HIGH] Many failed console sign-ins from one address: mallory"
                  + " (signin.amazonaws.com ConsoleLogin, account 111122223333, us-east-1,"
                  + " from 89.160.20.112 (SE), 2024-03-01T10:03:00Z)",
              "[HIGH] Console sign-ins of one person farther apart than travel allows: nicholas"
                  + " (signin.amazonaws.com ConsoleLogin, account 111122223333, us-east-1,"
                  + " from 216.160.83.56 (US), 2024-03-01T10:30:00Z)",
              "[HIGH] EC2 instance role credentials used from outside AWS: web-server"
                  + " (ssm.amazonaws.com ListBuckets, account 111122223333, us-east-1,"
                  + " from 203.0.113.50, 2024-03-01T10:10:00Z)");
      JsonNode fields = JSON.readTree(firstRun.get(0)).at("/blocks/1/fields");
      assertThat(fields.size()).isEqualTo(6);
      assertThat(fields.get(0).get("text").asText()).startsWith("*Rule*\nct-");
    }
  }

  @Test
  void aWebhookThatIsDownDropsTheAlertsAfterItsRetriesAndTheRunStillFinishes() throws Exception {
    try (WebhookReceiver receiver = new WebhookReceiver(503)) {
      Configuration config = config(receiver);

      long started = System.nanoTime();
      CloudTrailJob.create(config).run();
      double seconds = (System.nanoTime() - started) / 1e9;

      assertThat(receiver.bodies()).as("three alerts, four attempts each").hasSize(12);
      assertThat(seconds).as("bounded by the retries, not by the webhook").isLessThan(60);
      assertThat(dir.resolve("output/_alerts")).doesNotExist();
    }
  }

  private Configuration config(WebhookReceiver receiver) throws Exception {
    Configuration config =
        JobConfigs.boundedInDeliveryOrder(
            DetectionStories.write(dir.resolve("bucket")), dir.resolve("output"));
    config.set(JobOptions.GEOIP_DB, TestGeoDatabases.writeCity(dir).toString());
    config.set(JobOptions.ASN_DB, TestGeoDatabases.writeAsn(dir).toString());
    config.set(JobOptions.TABLES, List.of("findings"));
    config.set(JobOptions.NO_DEFAULT_RULES, true);
    config.set(JobOptions.ALERT_WEBHOOK, receiver.url());
    return config;
  }

  private static List<String> texts(List<String> bodies) throws Exception {
    List<String> texts = new ArrayList<>();
    for (String body : bodies) {
      texts.add(JSON.readTree(body).get("text").asText());
    }
    return texts;
  }
}
