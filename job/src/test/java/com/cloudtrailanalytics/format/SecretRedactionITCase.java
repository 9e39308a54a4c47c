package com.cloudtrailanalytics.format;

import static com.cloudtrailanalytics.testing.CloudTrailEvents.ACCOUNT;
import static com.cloudtrailanalytics.testing.CloudTrailEvents.BEGINNING;
import static com.cloudtrailanalytics.testing.CloudTrailEvents.US_EAST_1;
import static com.cloudtrailanalytics.testing.CloudTrailEvents.consoleLogin;
import static com.cloudtrailanalytics.testing.CloudTrailEvents.userCall;
import static org.assertj.core.api.Assertions.assertThat;

import com.cloudtrailanalytics.config.JobOptions;
import com.cloudtrailanalytics.pipeline.CloudTrailJob;
import com.cloudtrailanalytics.sample.TrailWriter;
import com.cloudtrailanalytics.testing.JobConfigs;
import com.cloudtrailanalytics.testing.MiniClusters;
import com.cloudtrailanalytics.testing.OutputTables;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Records that carry every secret field of {@link Secrets#SECRET_FIELDS} at several depths of every
 * free-form element (an API call, a console sign-in, an event delivered hours late, a rejected
 * record) go through the whole job; then every column of every table the job wrote is searched for
 * the secrets' values, and each place a secret was holds {@value Secrets#REDACTED}.
 */
class SecretRedactionITCase {

  @RegisterExtension
  static final MiniClusterExtension CLUSTER = MiniClusters.oneTaskManagerTwoSlots();

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Every secret value starts with this, and nothing else does. */
  private static final String SECRET = "leaked-secret-";

  /** Each free-form element of a record, by its path in the record, and its events column. */
  private static final Map<List<String>, String> ELEMENTS =
      Map.of(
          List.of("requestParameters"),
          "request_parameters",
          List.of("responseElements"),
          "response_elements",
          List.of("additionalEventData"),
          "additional_event_data",
          List.of("serviceEventDetails"),
          "service_event_details",
          List.of("edgeDeviceDetails"),
          "edge_device_details",
          List.of("addendum"),
          "addendum",
          List.of("userIdentity", "onBehalfOf"),
          "on_behalf_of",
          List.of("userIdentity", "inScopeOf"),
          "in_scope_of",
          List.of("userIdentity", "sessionContext", "webIdFederationData"),
          "web_id_federation_data");

  private static final Instant THREE_HOURS_LATER = BEGINNING.plus(Duration.ofHours(3));

  @TempDir Path dir;

  /** A secret placed in a record: the element, the path inside it, and its value. */
  private record Placed(List<String> element, List<Object> path, String value) {}

  @Test
  void noSecretValueIsInAnyColumnOfAnyTableAndEachIsRedactedWhereItWas() throws Exception {
    List<Placed> inCall = new ArrayList<>();
    ObjectNode call =
        withSecretsEverywhere(
            userCall("alice", "PutSecretValue", BEGINNING.plusSeconds(10)).eventId("call").build(),
            "call",
            inCall);
    List<Placed> inSignIn = new ArrayList<>();
    ObjectNode signIn =
        withSecretsEverywhere(
            consoleLogin("nicholas", "198.51.100.7", BEGINNING.plusSeconds(20), true)
                .eventId("sign-in")
                .build(),
            "sign-in",
            inSignIn);
    List<Placed> inLate = new ArrayList<>();
    ObjectNode late =
        withSecretsEverywhere(
            userCall("alice", "UpdateSecret", BEGINNING.plusSeconds(150)).eventId("late").build(),
            "late",
            inLate);
    List<Placed> inRejected = new ArrayList<>();
    ObjectNode rejected =
        withEachSecretOnce(
            userCall("alice", "PutSecretValue", BEGINNING.plusSeconds(30))
                .eventId("rejected")
                .build()
                .put("eventTime", "yesterday"),
            "rejected",
            inRejected);
    assertThat(rejected.toString().getBytes(StandardCharsets.UTF_8).length)
        .as("short enough for rejects to keep its raw text")
        .isLessThanOrEqualTo(4 * 1024);
    String notJson =
        "{\"eventID\":\"not-json\",\"eventTime\":\"2024-03-01T10:00:40Z\","
            + "\"requestParameters\":{\"password\":\""
            + SECRET
            + "not-json-1\",\"nested\":{\"SessionToken\": \""
            + SECRET
            + "not-json-2\"}} \"eventName\":\"PutSecretValue\"}";
    Path bucket = writeTrail(List.of(call, signIn, rejected), late, notJson);
    Path output = dir.resolve("output");

    Path rules = Files.createDirectories(dir.resolve("rules"));
    Files.writeString(
        rules.resolve("reads-secrets.yml"),
        """
        title: Reads the parameters of a secret
        id: reads-secrets
        logsource: {product: aws, service: cloudtrail}
        detection:
          selection:
            eventName: PutSecretValue
            requestParameters|exists: true
          condition: selection
        """);
    Configuration config = JobConfigs.boundedInDeliveryOrder(bucket, output);
    config.set(JobOptions.RULES, List.of(rules.toString()));
    CloudTrailJob.create(config).run();

    try (OutputTables tables = new OutputTables(output)) {
      assertThat(OutputTables.tableNames(output))
          .as("every table is written, and searched below")
          .containsExactly(
              "console_login_summary",
              "console_logins",
              "events",
              "findings",
              "late_events",
              "region_activity",
              "rejects",
              "source_files",
              "user_activity");
      assertThat(tables.query("SELECT event_id FROM late_events")).containsExactly(List.of("late"));
      assertThat(tables.query("SELECT details FROM findings WHERE rule_id = 'reads-secrets'"))
          .as("a rule that reads the parameters shows them redacted in its finding's details")
          .singleElement()
          .satisfies(row -> assertThat((String) row.get(0)).contains(Secrets.REDACTED));
      assertThat(tables.query("SELECT event_id FROM console_logins"))
          .containsExactly(List.of("sign-in"));
      for (String table : OutputTables.tableNames(output)) {
        assertThat(tables.count("SELECT COUNT(*) FROM " + table)).as(table).isPositive();
        for (List<Object> column : tables.query("DESCRIBE " + table)) {
          String name = (String) column.get(0);
          assertThat(
                  tables.query(
                      "SELECT CAST(\""
                          + name
                          + "\" AS VARCHAR) FROM "
                          + table
                          + " WHERE CAST(\""
                          + name
                          + "\" AS VARCHAR) LIKE ?",
                      "%" + SECRET + "%"))
              .as("secret values in %s.%s", table, name)
              .isEmpty();
        }
      }

      for (Map.Entry<String, List<Placed>> event :
          Map.of("call", inCall, "sign-in", inSignIn, "late", inLate).entrySet()) {
        for (Placed secret : event.getValue()) {
          String column = ELEMENTS.get(secret.element());
          List<List<Object>> text =
              tables.query("SELECT " + column + " FROM events WHERE event_id = ?", event.getKey());
          assertThat(at(JSON.readTree((String) text.get(0).get(0)), secret.path()))
              .as("events.%s of %s at %s", column, event.getKey(), secret.path())
              .isEqualTo(Secrets.REDACTED);
        }
      }
      List<List<Object>> rawText =
          tables.query("SELECT raw_text FROM rejects WHERE reason = 'invalid_event_time'");
      assertThat(rawText).hasSize(1);
      assertThat(rawText.get(0).get(0)).as("the rejected record's raw text is kept").isNotNull();
      assertThat(tables.query("SELECT raw_text FROM rejects WHERE reason = 'invalid_record_json'"))
          .as("a record that is not valid JSON has its string secrets redacted where they are")
          .containsExactly(
              List.of(
                  notJson
                      .replace(SECRET + "not-json-1", Secrets.REDACTED)
                      .replace(SECRET + "not-json-2", Secrets.REDACTED)));
      JsonNode rejectedText = JSON.readTree((String) rawText.get(0).get(0));
      for (Placed secret : inRejected) {
        List<Object> path = new ArrayList<>(secret.element());
        path.addAll(secret.path());
        assertThat(at(rejectedText, path))
            .as("rejects.raw_text at %s", path)
            .isEqualTo(Secrets.REDACTED);
      }
    }
  }

  /**
   * Puts every secret field into every free-form element of the record, at three depths: as a
   * string at the top of the element, as a string under a capitalised name one level down (names
   * are compared ignoring case), and as an object or an array inside an array.
   */
  private static ObjectNode withSecretsEverywhere(
      ObjectNode record, String where, List<Placed> placed) {
    for (List<String> element : ELEMENTS.keySet()) {
      ObjectNode value = element(record, element);
      value.put("kept", "not a secret");
      ObjectNode nested = value.putObject("nested");
      ObjectNode inArray = value.putArray("list").addObject();
      for (int i = 0; i < Secrets.SECRET_FIELDS.size(); i++) {
        String field = Secrets.SECRET_FIELDS.get(i);
        String secret = SECRET + where + "-" + element.get(element.size() - 1) + "-" + field;
        value.put(field, secret + "-1");
        placed.add(new Placed(element, List.of(field), secret + "-1"));
        nested.put(capitalised(field), secret + "-2");
        placed.add(new Placed(element, List.of("nested", capitalised(field)), secret + "-2"));
        if (i % 2 == 0) {
          inArray.putObject(field).put("value", secret + "-3");
        } else {
          inArray.putArray(field).add(secret + "-3");
        }
        placed.add(new Placed(element, List.of("list", 0, field), secret + "-3"));
      }
    }
    return record;
  }

  /**
   * Puts each secret field once into the record, taking turns through the elements and the depths,
   * so that the record stays short.
   */
  private static ObjectNode withEachSecretOnce(
      ObjectNode record, String where, List<Placed> placed) {
    List<List<String>> elements = new ArrayList<>(ELEMENTS.keySet());
    for (int i = 0; i < Secrets.SECRET_FIELDS.size(); i++) {
      String field = Secrets.SECRET_FIELDS.get(i);
      List<String> element = elements.get(i % elements.size());
      ObjectNode value = element(record, element);
      String secret = SECRET + where + "-" + field;
      switch (i % 3) {
        case 0 -> {
          value.put(field, secret);
          placed.add(new Placed(element, List.of(field), secret));
        }
        case 1 -> {
          element(value, List.of("nested")).put(capitalised(field), secret);
          placed.add(new Placed(element, List.of("nested", capitalised(field)), secret));
        }
        default -> {
          value.putArray("list" + i).addObject().putArray(field).add(secret);
          placed.add(new Placed(element, List.of("list" + i, 0, field), secret));
        }
      }
    }
    return record;
  }

  /** The object at a path of the record, made if absent (or null, as builders leave some). */
  private static ObjectNode element(ObjectNode record, List<String> path) {
    ObjectNode node = record;
    for (String field : path) {
      JsonNode child = node.get(field);
      node = child instanceof ObjectNode object ? object : node.putObject(field);
    }
    return node;
  }

  private static String capitalised(String field) {
    return field.substring(0, 1).toUpperCase(Locale.ROOT) + field.substring(1);
  }

  /** The text at a path of a JSON document, or null. */
  private static String at(JsonNode node, List<Object> path) {
    for (Object step : path) {
      node = step instanceof Integer index ? node.path(index) : node.path((String) step);
    }
    return node.isTextual() ? node.asText() : null;
  }

  /**
   * Twelve five-minute files from 10:05 to 11:00 (the first holds the records with secrets, and
   * another one of 10:05 a record that is not valid JSON), then one delivered at 13:00 holding the
   * late record, from 10:02.
   */
  private Path writeTrail(List<ObjectNode> first, ObjectNode late, String notJson)
      throws Exception {
    Path bucket = dir.resolve("bucket");
    TrailWriter trail = new TrailWriter(bucket);
    trail.writeLogFile(ACCOUNT, US_EAST_1, BEGINNING.plus(Duration.ofMinutes(5)), first);
    Path notJsonFile =
        trail
            .dayFolder(ACCOUNT, US_EAST_1, BEGINNING, "CloudTrail")
            .resolve(ACCOUNT + "_CloudTrail_" + US_EAST_1 + "_20240301T1005Z_notjson.json.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(notJsonFile))) {
      out.write(("{\"Records\":[" + notJson + "]}").getBytes(StandardCharsets.UTF_8));
    }
    for (int slot = 1; slot < 12; slot++) {
      Instant start = BEGINNING.plus(Duration.ofMinutes(5L * slot));
      trail.writeLogFile(
          ACCOUNT,
          US_EAST_1,
          start.plus(Duration.ofMinutes(5)),
          List.of(userCall("alice", "DescribeInstances", start.plusSeconds(10)).build()));
    }
    trail.writeLogFile(ACCOUNT, US_EAST_1, THREE_HOURS_LATER, List.of(late));
    return bucket;
  }
}
