package com.cloudtrailanalytics.pipeline;

import static com.cloudtrailanalytics.testing.CloudTrailEvents.ACCOUNT;
import static com.cloudtrailanalytics.testing.TestGeoDatabases.JAPAN_IPV6;
import static com.cloudtrailanalytics.testing.TestGeoDatabases.LINKOPING_IP;
import static com.cloudtrailanalytics.testing.TestGeoDatabases.LONDON_IP;
import static com.cloudtrailanalytics.testing.TestGeoDatabases.MILTON_IP;
import static org.assertj.core.api.Assertions.assertThat;

import com.cloudtrailanalytics.config.JobOptions;
import com.cloudtrailanalytics.sample.TrailWriter;
import com.cloudtrailanalytics.testing.JobConfigs;
import com.cloudtrailanalytics.testing.MiniClusters;
import com.cloudtrailanalytics.testing.OutputTables;
import com.cloudtrailanalytics.testing.TestGeoDatabases;
import com.cloudtrailanalytics.testing.TrailRecords;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The events table, every column of every row, for records written after AWS's documented examples
 * ({@code src/test/resources/records/}): the expected values are read from each record's JSON here,
 * by the table contract, not by the job's code.
 */
class EventsTableITCase {

  @RegisterExtension
  static final MiniClusterExtension CLUSTER = MiniClusters.oneTaskManagerTwoSlots();

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The sample records, one per log file; the last carries every optional field at once. */
  private static final List<String> FIXTURES =
      List.of(
          "failed-login-unknown-user.json",
          "iam-user-console-login.json",
          "assumed-role-stop-instances.json",
          "aws-service-event.json",
          "every-optional-field.json",
          "root-console-login.json");

  /** Where the test's GeoIP database places the records' addresses; anything else is nowhere. */
  private static final Map<String, String> COUNTRY_OF =
      Map.of(LONDON_IP, "GB", LINKOPING_IP, "SE", MILTON_IP, "US", JAPAN_IPV6, "JP");

  @TempDir Path dir;

  /** One record and the file it was written to. */
  private record Written(JsonNode json, TrailRecords.Record record, String sourceFile) {}

  @Test
  void everyColumnOfEveryRowIsWhatItsRecordSays() throws Exception {
    Path bucket = dir.resolve("bucket");
    TrailWriter trail = new TrailWriter(bucket);
    List<Written> written = new ArrayList<>();
    for (String fixture : FIXTURES) {
      JsonNode json = fixture(fixture);
      Instant time = Instant.parse(json.get("eventTime").asText());
      Path file =
          trail.writeLogFile(
              ACCOUNT,
              json.get("awsRegion").asText(),
              time.truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(5)),
              List.of(json));
      written.add(
          new Written(
              json,
              new TrailRecords.Record(json, ACCOUNT),
              new org.apache.flink.core.fs.Path(file.toUri()).toString()));
    }
    Path output = dir.resolve("output");
    Configuration config = JobConfigs.bounded(bucket, output);
    config.set(JobOptions.GEOIP_DB, TestGeoDatabases.writeCity(dir).toString());

    CloudTrailJob.create(config).run();

    Map<String, Function<Written, Object>> columns = expectedColumns();
    try (OutputTables tables = new OutputTables(output)) {
      Map<String, String> types = new LinkedHashMap<>();
      for (List<Object> column : tables.query("DESCRIBE events")) {
        types.put((String) column.get(0), (String) column.get(1));
      }
      assertThat(types.keySet())
          .as("the events table's columns, each checked below")
          .containsExactlyElementsOf(columns.keySet());

      String select =
          types.entrySet().stream()
              .map(
                  c ->
                      c.getValue().startsWith("STRUCT") || c.getValue().endsWith("[]")
                          ? "CAST(to_json(" + c.getKey() + ") AS VARCHAR)"
                          : c.getKey())
              .collect(Collectors.joining(", "));
      List<List<Object>> rows =
          tables.query("SELECT " + select + " FROM events ORDER BY event_time");
      assertThat(rows).hasSameSizeAs(written);
      written.sort((a, b) -> a.record().time().compareTo(b.record().time()));
      List<String> differences = new ArrayList<>();
      for (int i = 0; i < rows.size(); i++) {
        Written expected = written.get(i);
        int index = 0;
        for (Map.Entry<String, Function<Written, Object>> column : columns.entrySet()) {
          Object wanted = column.getValue().apply(expected);
          Object actual = readBack(rows.get(i).get(index++), wanted);
          if (!Objects.equals(wanted, actual)) {
            differences.add(
                String.format(
                    "%s of %s: expected %s (%s) but was %s (%s)",
                    column.getKey(),
                    expected.record().text("eventID"),
                    wanted,
                    wanted == null ? "null" : wanted.getClass().getSimpleName(),
                    actual,
                    actual == null ? "null" : actual.getClass().getSimpleName()));
          }
        }
      }
      assertThat(differences).as("columns that differ from their records").isEmpty();
    }
  }

  /**
   * Every column of the events table, in order, and its value for a record as the table contract
   * defines it. JSON columns are compared as JSON, with the one secret of the samples (a session
   * token) redacted.
   */
  private static Map<String, Function<Written, Object>> expectedColumns() {
    Map<String, Function<Written, Object>> c = new LinkedHashMap<>();
    c.put("event_time", w -> w.record().time());
    c.put("event_version", w -> w.record().raw("eventVersion"));
    c.put("event_source", w -> w.record().raw("eventSource"));
    c.put("event_name", w -> w.record().raw("eventName"));
    c.put("aws_region", w -> w.record().raw("awsRegion"));
    c.put("source_ip_address", w -> w.record().raw("sourceIPAddress"));
    c.put("country_iso_code", w -> COUNTRY_OF.get(w.record().raw("sourceIPAddress")));
    c.put("user_agent", w -> w.record().raw("userAgent"));
    c.put("error_code", w -> w.record().raw("errorCode"));
    c.put("error_message", w -> w.record().raw("errorMessage"));
    c.put("is_error", w -> w.record().text("errorCode") != null);
    c.put("request_parameters", w -> json(w, "requestParameters"));
    c.put("response_elements", w -> json(w, "responseElements"));
    c.put("additional_event_data", w -> json(w, "additionalEventData"));
    c.put("request_id", w -> w.record().raw("requestID"));
    c.put("event_id", w -> w.record().raw("eventID"));
    c.put("event_type", w -> w.record().raw("eventType"));
    c.put("api_version", w -> w.record().raw("apiVersion"));
    c.put("read_only", w -> bool(w.record().raw("readOnly")));
    c.put("management_event", w -> bool(w.record().raw("managementEvent")));
    c.put("event_category", w -> w.record().raw("eventCategory"));
    c.put("recipient_account_id", w -> w.record().raw("recipientAccountId"));
    c.put("shared_event_id", w -> w.record().raw("sharedEventID"));
    c.put("vpc_endpoint_id", w -> w.record().raw("vpcEndpointId"));
    c.put("vpc_endpoint_account_id", w -> w.record().raw("vpcEndpointAccountId"));
    c.put("service_event_details", w -> json(w, "serviceEventDetails"));
    c.put("session_credential_from_console", w -> w.record().raw("sessionCredentialFromConsole"));
    c.put("edge_device_details", w -> json(w, "edgeDeviceDetails"));
    c.put("addendum", w -> json(w, "addendum"));
    c.put("tls_version", w -> w.record().raw("tlsDetails", "tlsVersion"));
    c.put("tls_cipher_suite", w -> w.record().raw("tlsDetails", "cipherSuite"));
    c.put(
        "tls_client_provided_host_header",
        w -> w.record().raw("tlsDetails", "clientProvidedHostHeader"));
    c.put("resources", EventsTableITCase::resources);
    c.put("account_id", w -> w.record().accountId());
    c.put("principal", w -> w.record().principal());
    c.put("user_name", w -> w.record().userName());
    c.put("session_name", w -> w.record().sessionName());
    c.put("identity_type", w -> identity(w, "type"));
    c.put("principal_id", w -> identity(w, "principalId"));
    c.put("user_arn", w -> identity(w, "arn"));
    c.put("user_account_id", w -> identity(w, "accountId"));
    c.put("access_key_id", w -> identity(w, "accessKeyId"));
    c.put("invoked_by", w -> identity(w, "invokedBy"));
    c.put("identity_provider", w -> identity(w, "identityProvider"));
    c.put("credential_id", w -> identity(w, "credentialId"));
    c.put("session_issuer_type", w -> issuer(w, "type"));
    c.put("session_issuer_principal_id", w -> issuer(w, "principalId"));
    c.put("session_issuer_arn", w -> issuer(w, "arn"));
    c.put("session_issuer_account_id", w -> issuer(w, "accountId"));
    c.put("session_issuer_user_name", w -> issuer(w, "userName"));
    c.put("mfa_authenticated", w -> bool(session(w, "attributes", "mfaAuthenticated")));
    c.put(
        "session_creation_date",
        w -> {
          String date = session(w, "attributes", "creationDate");
          return date == null ? null : Instant.parse(date);
        });
    c.put("source_identity", w -> session(w, "sourceIdentity"));
    c.put("ec2_role_delivery", w -> session(w, "ec2RoleDelivery"));
    c.put("assumed_root", w -> session(w, "assumedRoot"));
    c.put(
        "web_id_federation_data",
        w -> w.json().path("userIdentity").path("sessionContext").get("webIdFederationData"));
    c.put("on_behalf_of", w -> w.json().path("userIdentity").get("onBehalfOf"));
    c.put("in_scope_of", w -> w.json().path("userIdentity").get("inScopeOf"));
    c.put("source_file", Written::sourceFile);
    c.put("dt", w -> w.record().time().toString().substring(0, 10));
    c.put("hr", w -> w.record().time().toString().substring(11, 13));
    return c;
  }

  private static String identity(Written w, String field) {
    return w.record().raw("userIdentity", field);
  }

  private static String issuer(Written w, String field) {
    return w.record().raw("userIdentity", "sessionContext", "sessionIssuer", field);
  }

  private static String session(Written w, String... path) {
    String[] full = new String[path.length + 2];
    full[0] = "userIdentity";
    full[1] = "sessionContext";
    System.arraycopy(path, 0, full, 2, path.length);
    return w.record().raw(full);
  }

  /** A free-form element as JSON, with secret values replaced as the contract says. */
  private static JsonNode json(Written w, String field) {
    JsonNode value = w.json().get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    JsonNode copy = value.deepCopy();
    redactSessionTokens(copy);
    return copy;
  }

  private static void redactSessionTokens(JsonNode node) {
    if (node instanceof ObjectNode object) {
      if (object.has("sessionToken")) {
        object.put("sessionToken", "REDACTED");
      }
    }
    node.forEach(EventsTableITCase::redactSessionTokens);
  }

  /**
   * {@code resources} as the array of structs arn, account_id, type, in JSON; a record without
   * resources has an empty array.
   */
  private static JsonNode resources(Written w) {
    ArrayNode rows = JSON.createArrayNode();
    for (JsonNode resource : w.json().path("resources")) {
      ObjectNode row = rows.addObject();
      row.set("arn", resource.get("ARN"));
      row.set("account_id", resource.get("accountId"));
      row.set("type", resource.get("type"));
    }
    return rows;
  }

  private static Boolean bool(String text) {
    return text == null ? null : Boolean.valueOf(text);
  }

  /** A value read back from Parquet, in the form of the expected one. */
  private static Object readBack(Object value, Object expected) throws Exception {
    if (value instanceof Timestamp timestamp) {
      return timestamp.toLocalDateTime().toInstant(ZoneOffset.UTC);
    }
    if (value instanceof LocalDateTime time) {
      return time.toInstant(ZoneOffset.UTC);
    }
    if (expected instanceof JsonNode && value instanceof String text) {
      return JSON.readTree(text);
    }
    return value;
  }

  private static JsonNode fixture(String name) throws Exception {
    try (InputStream in = EventsTableITCase.class.getResourceAsStream("/records/" + name)) {
      return JSON.readTree(in);
    }
  }
}
