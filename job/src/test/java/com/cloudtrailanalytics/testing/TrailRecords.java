package com.cloudtrailanalytics.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Every record of a trail, read with a tree parser, with the table contract's definitions written
 * out again independently of the job's code: what a query over the output must find.
 */
public final class TrailRecords {

  private static final Pattern KEY_ACCOUNT = Pattern.compile("/(\\d{12})/CloudTrail/");

  /** One record and the account in its file's key. */
  public record Record(JsonNode json, String keyAccount) {

    public Instant time() {
      return Instant.parse(json.get("eventTime").asText());
    }

    public String text(String... path) {
      JsonNode node = json;
      for (String field : path) {
        node = node.path(field);
      }
      if (node.isMissingNode() || node.isNull()) {
        return null;
      }
      if (!node.isValueNode()) {
        return node.toString();
      }
      return node.asText().isEmpty() ? null : node.asText();
    }

    /**
     * A field exactly as the record has it: null when absent or null, else its text, empty text
     * included; an object or array as its JSON text.
     */
    public String raw(String... path) {
      JsonNode node = json;
      for (String field : path) {
        node = node.path(field);
      }
      if (node.isMissingNode() || node.isNull()) {
        return null;
      }
      return node.isValueNode() ? node.asText() : node.toString();
    }

    public String eventSource() {
      return text("eventSource");
    }

    public String eventName() {
      return text("eventName");
    }

    public boolean isError() {
      return text("errorCode") != null;
    }

    public boolean isConsoleLogin() {
      return "signin.amazonaws.com".equals(eventSource()) && "ConsoleLogin".equals(eventName());
    }

    /**
     * For a console sign-in, {@code responseElements.ConsoleLogin}, else {@code Failure} when the
     * record has an error message.
     */
    public String loginResult() {
      String result = text("responseElements", "ConsoleLogin");
      if (result == null && text("errorMessage") != null) {
        return "Failure";
      }
      return result;
    }

    /** For a console sign-in, whether {@code additionalEventData.MFAUsed} is {@code Yes}. */
    public boolean mfaUsed() {
      return "Yes".equals(text("additionalEventData", "MFAUsed"));
    }

    public String identityType() {
      return text("userIdentity", "type");
    }

    public String accountId() {
      return first(text("recipientAccountId"), text("userIdentity", "accountId"), keyAccount);
    }

    public String principal() {
      String issuer = text("userIdentity", "sessionContext", "sessionIssuer", "arn");
      if ("AssumedRole".equals(identityType()) && issuer != null) {
        return issuer;
      }
      return first(
          text("userIdentity", "arn"),
          text("userIdentity", "invokedBy"),
          text("userIdentity", "principalId"),
          identityType());
    }

    public String userName() {
      String name = text("userIdentity", "userName");
      if (name == null) {
        name = text("userIdentity", "sessionContext", "sessionIssuer", "userName");
      }
      if (name == null && "Root".equals(identityType())) {
        name = "root";
      }
      return name == null ? principal() : name;
    }

    /** For work through a role, the session's name: what follows the role in its ARN. */
    public String sessionName() {
      if (!"AssumedRole".equals(identityType())) {
        return null;
      }
      String arn = text("userIdentity", "arn");
      if (arn != null && arn.matches("arn:[^:]+:sts::\\d+:assumed-role/[^/]+/.+")) {
        return arn.substring(arn.lastIndexOf('/') + 1);
      }
      String principalId = text("userIdentity", "principalId");
      return principalId != null && principalId.contains(":")
          ? principalId.substring(principalId.indexOf(':') + 1)
          : null;
    }

    private static String first(String... candidates) {
      for (String candidate : candidates) {
        if (candidate != null) {
          return candidate;
        }
      }
      return "unknown";
    }
  }

  private TrailRecords() {}

  /**
   * The records of every log file under {@code bucket}, or of one file; a file that is not gzip
   * holds none (the job rejects it whole).
   */
  public static List<Record> of(Path bucket) throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<Record> records = new ArrayList<>();
    for (Path file : logFiles(bucket)) {
      if (!isGzip(file)) {
        continue;
      }
      Matcher account = KEY_ACCOUNT.matcher(file.toString());
      String keyAccount = account.find() ? account.group(1) : null;
      try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
        for (JsonNode record : json.readTree(in).get("Records")) {
          records.add(new Record(record, keyAccount));
        }
      }
    }
    return records;
  }

  /** Whether a file starts with gzip's magic bytes (RFC 1952: 1f 8b). */
  private static boolean isGzip(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return in.read() == 0x1f && in.read() == 0x8b;
    }
  }

  /**
   * The log files under {@code bucket} that hold records, sorted by path (empty ones hold none).
   */
  public static List<Path> logFiles(Path bucket) throws IOException {
    try (Stream<Path> files = Files.walk(bucket)) {
      return files
          .filter(f -> f.toString().contains("/CloudTrail/"))
          .filter(f -> f.toString().endsWith(".json.gz"))
          .filter(f -> f.toFile().length() > 0)
          .sorted()
          .toList();
    }
  }
}
