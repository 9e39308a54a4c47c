package com.cloudtrailanalytics.sample;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Builds one CloudTrail record as JSON, in the shapes AWS documents ({@code
 * https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-record-contents.html}).
 */
public final class RecordBuilder {

  static final ObjectMapper JSON = new ObjectMapper();
  public static final String CONSOLE_USER_AGENT =
      "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko)"
          + " Version/17.4 Safari/605.1.15";

  private final ObjectNode record = JSON.createObjectNode();

  private RecordBuilder() {}

  /** A management API call, with the fields every record has. */
  public static RecordBuilder apiCall(
      String account, String region, Instant at, String eventSource, String eventName) {
    RecordBuilder builder = new RecordBuilder();
    builder
        .record
        .put("eventVersion", "1.09")
        .put("eventTime", at.truncatedTo(ChronoUnit.SECONDS).toString())
        .put("eventSource", eventSource)
        .put("eventName", eventName)
        .put("awsRegion", region)
        .put("sourceIPAddress", "AWS Internal")
        .put("userAgent", "aws-cli/2.15.30 Python/3.11.8 Linux/6.1 exe/x86_64")
        .putNull("requestParameters")
        .putNull("responseElements")
        .put("requestID", stableId("request", account, region, at, eventName))
        .put("eventID", stableId("event", account, region, at, eventName))
        .put(
            "readOnly",
            eventName.startsWith("Describe")
                || eventName.startsWith("List")
                || eventName.startsWith("Get"))
        .put("eventType", "AwsApiCall")
        .put("managementEvent", true)
        .put("recipientAccountId", account)
        .put("eventCategory", "Management");
    return builder;
  }

  /** A sign-in to the AWS console ({@code signin.amazonaws.com ConsoleLogin}). */
  public static RecordBuilder consoleLogin(
      String account, String region, Instant at, boolean success, boolean mfaUsed) {
    RecordBuilder builder = apiCall(account, region, at, "signin.amazonaws.com", "ConsoleLogin");
    builder.record.put("eventType", "AwsConsoleSignIn").put("readOnly", false);
    builder.record.remove("requestID");
    builder.record.put("userAgent", CONSOLE_USER_AGENT);
    builder
        .record
        .putObject("responseElements")
        .put("ConsoleLogin", success ? "Success" : "Failure");
    builder
        .record
        .putObject("additionalEventData")
        .put(
            "LoginTo",
            "https://console.aws.amazon.com/console/home?state=hashArgs%23&isauthcode=true")
        .put("MobileVersion", "No")
        .put("MFAUsed", mfaUsed ? "Yes" : "No");
    if (!success) {
      builder.record.put("errorMessage", "Failed authentication");
    }
    return builder;
  }

  public RecordBuilder iamUser(String account, String userName) {
    ObjectNode identity = record.putObject("userIdentity");
    identity
        .put("type", "IAMUser")
        .put("principalId", "AIDA" + idSuffix(account + userName))
        .put("arn", "arn:aws:iam::" + account + ":user/" + userName)
        .put("accountId", account)
        .put("accessKeyId", "AKIA" + idSuffix("key" + account + userName))
        .put("userName", userName);
    return this;
  }

  /** An IAM user from the console: temporary console credentials and session attributes. */
  public RecordBuilder consoleUser(
      String account, String userName, boolean mfa, Instant loginTime) {
    iamUser(account, userName);
    ObjectNode identity = (ObjectNode) record.get("userIdentity");
    identity.put("accessKeyId", "ASIA" + idSuffix("console" + account + userName));
    identity
        .putObject("sessionContext")
        .putObject("attributes")
        .put("creationDate", loginTime.truncatedTo(ChronoUnit.SECONDS).toString())
        .put("mfaAuthenticated", Boolean.toString(mfa));
    record.put("sessionCredentialFromConsole", "true");
    record.put("userAgent", CONSOLE_USER_AGENT);
    return this;
  }

  /** A sign-in attempt with a user name IAM does not know; CloudTrail hides the name. */
  public RecordBuilder unknownUser(String account) {
    record
        .putObject("userIdentity")
        .put("type", "IAMUser")
        .put("accountId", account)
        .put("accessKeyId", "")
        .put("userName", "HIDDEN_DUE_TO_SECURITY_REASONS");
    return this;
  }

  public RecordBuilder root(String account) {
    record
        .putObject("userIdentity")
        .put("type", "Root")
        .put("principalId", account)
        .put("arn", "arn:aws:iam::" + account + ":root")
        .put("accountId", account)
        .put("accessKeyId", "ASIA" + idSuffix("root" + account));
    return this;
  }

  /** A session of an IAM role: the identity names the session, the issuer names the role. */
  public RecordBuilder assumedRole(String account, String roleName, String sessionName) {
    String roleId = "AROA" + idSuffix(account + roleName);
    ObjectNode identity = record.putObject("userIdentity");
    identity
        .put("type", "AssumedRole")
        .put("principalId", roleId + ":" + sessionName)
        .put("arn", "arn:aws:sts::" + account + ":assumed-role/" + roleName + "/" + sessionName)
        .put("accountId", account)
        .put("accessKeyId", "ASIA" + idSuffix(account + roleName + sessionName));
    ObjectNode context = identity.putObject("sessionContext");
    context
        .putObject("sessionIssuer")
        .put("type", "Role")
        .put("principalId", roleId)
        .put("arn", "arn:aws:iam::" + account + ":role/" + roleName)
        .put("accountId", account)
        .put("userName", roleName);
    context.putObject("webIdFederationData");
    context
        .putObject("attributes")
        .put("creationDate", record.get("eventTime").asText())
        .put("mfaAuthenticated", "false");
    return this;
  }

  /** An AWS service acting on its own (e.g. a scheduled or event-driven action). */
  public RecordBuilder awsService(String service) {
    record.putObject("userIdentity").put("type", "AWSService").put("invokedBy", service);
    record
        .put("sourceIPAddress", service)
        .put("userAgent", service)
        .put("eventType", "AwsServiceEvent");
    return this;
  }

  public RecordBuilder sourceIp(String ip) {
    record.put("sourceIPAddress", ip);
    return this;
  }

  public RecordBuilder userAgent(String userAgent) {
    record.put("userAgent", userAgent);
    return this;
  }

  public RecordBuilder error(String code, String message) {
    record.put("errorCode", code).put("errorMessage", message);
    return this;
  }

  public RecordBuilder requestParameters(JsonNode parameters) {
    record.set("requestParameters", parameters);
    return this;
  }

  public RecordBuilder responseElements(JsonNode elements) {
    record.set("responseElements", elements);
    return this;
  }

  public RecordBuilder eventId(String eventId) {
    record.put("eventID", eventId);
    return this;
  }

  public RecordBuilder requestId(String requestId) {
    record.put("requestID", requestId);
    return this;
  }

  public RecordBuilder dataEvent() {
    record.put("managementEvent", false).put("eventCategory", "Data");
    return this;
  }

  public RecordBuilder resource(String arn, String account, String type) {
    record
        .withArray("resources")
        .addObject()
        .put("accountId", account)
        .put("type", type)
        .put("ARN", arn);
    return this;
  }

  public RecordBuilder tlsDetails(String host) {
    record
        .putObject("tlsDetails")
        .put("tlsVersion", "TLSv1.3")
        .put("cipherSuite", "TLS_AES_128_GCM_SHA256")
        .put("clientProvidedHostHeader", host);
    return this;
  }

  /** Sets any field, for records the named methods do not cover. */
  public RecordBuilder set(String field, JsonNode value) {
    record.set(field, value);
    return this;
  }

  public RecordBuilder remove(String field) {
    record.remove(field);
    return this;
  }

  public ObjectNode build() {
    return record.deepCopy();
  }

  /** Parses a JSON literal, for request parameters and response elements written inline. */
  public static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An id derived from the call, so that building the same record twice gives the same ids. */
  private static String stableId(
      String kind, String account, String region, Instant at, String name) {
    String seed = kind + account + region + at + name;
    return UUID.nameUUIDFromBytes(seed.getBytes(java.nio.charset.StandardCharsets.UTF_8))
        .toString();
  }

  /** A stable 16-character upper-case id, like the suffixes of IAM unique ids. */
  static String idSuffix(String seed) {
    long hash =
        UUID.nameUUIDFromBytes(seed.getBytes(java.nio.charset.StandardCharsets.UTF_8))
            .getMostSignificantBits();
    StringBuilder id = new StringBuilder();
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    for (int i = 0; i < 16; i++) {
      id.append(alphabet.charAt((int) (hash & 31)));
      hash >>>= 5;
      if (i == 11) {
        hash ^= seed.hashCode();
      }
    }
    return id.toString();
  }
}
