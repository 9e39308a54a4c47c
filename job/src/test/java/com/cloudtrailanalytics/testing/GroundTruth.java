package com.cloudtrailanalytics.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * What the activity tables must hold for a trail, computed straight from its JSON files with a tree
 * parser and the table contract's definitions, independently of the job's code.
 */
public final class GroundTruth {

  private static final Pattern KEY_ACCOUNT = Pattern.compile("/(\\d{12})/CloudTrail/");

  /** Count and error count of one row. */
  public record Counts(long events, long errors) {}

  private final Map<List<String>, long[]> byUser = new TreeMap<>(GroundTruth::compare);
  private final Map<List<String>, long[]> byRegion = new TreeMap<>(GroundTruth::compare);
  private long events;

  public static GroundTruth of(Path bucket, Duration window) throws IOException {
    GroundTruth truth = new GroundTruth();
    ObjectMapper json = new ObjectMapper();
    try (Stream<Path> files = Files.walk(bucket)) {
      for (Path file :
          files
              .filter(f -> f.toString().contains("/CloudTrail/"))
              .filter(f -> f.toString().endsWith(".json.gz"))
              .toList()) {
        Matcher account = KEY_ACCOUNT.matcher(file.toString());
        String keyAccount = account.find() ? account.group(1) : null;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
          for (JsonNode record : json.readTree(in).get("Records")) {
            truth.add(record, keyAccount, window);
          }
        }
      }
    }
    return truth;
  }

  private void add(JsonNode record, String keyAccount, Duration window) {
    long time = Instant.parse(record.get("eventTime").asText()).toEpochMilli();
    String windowStart =
        Instant.ofEpochMilli(time - Math.floorMod(time, window.toMillis())).toString();
    JsonNode identity = record.path("userIdentity");
    String account =
        first(text(record, "recipientAccountId"), text(identity, "accountId"), keyAccount);
    String principal =
        "AssumedRole".equals(text(identity, "type"))
                && text(identity.path("sessionContext").path("sessionIssuer"), "arn") != null
            ? text(identity.path("sessionContext").path("sessionIssuer"), "arn")
            : first(
                text(identity, "arn"),
                text(identity, "invokedBy"),
                text(identity, "principalId"),
                text(identity, "type"));
    boolean error = text(record, "errorCode") != null;
    increment(byUser, List.of(windowStart, account, principal), error);
    increment(byRegion, List.of(windowStart, account, text(record, "awsRegion")), error);
    events++;
  }

  /** Rows of (window start, account, principal, events, errors), sorted. */
  public List<List<Object>> userActivity() {
    return rows(byUser);
  }

  /** Rows of (window start, account, region, events, errors), sorted. */
  public List<List<Object>> regionActivity() {
    return rows(byRegion);
  }

  public long events() {
    return events;
  }

  private static List<List<Object>> rows(Map<List<String>, long[]> counts) {
    List<List<Object>> rows = new ArrayList<>();
    counts.forEach(
        (key, value) -> rows.add(List.of(key.get(0), key.get(1), key.get(2), value[0], value[1])));
    return rows;
  }

  private static void increment(Map<List<String>, long[]> counts, List<String> key, boolean error) {
    long[] value = counts.computeIfAbsent(key, k -> new long[2]);
    value[0]++;
    value[1] += error ? 1 : 0;
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() || value.asText().isEmpty() ? null : value.asText();
  }

  private static String first(String... candidates) {
    for (String candidate : candidates) {
      if (candidate != null) {
        return candidate;
      }
    }
    return "unknown";
  }

  private static int compare(List<String> a, List<String> b) {
    for (int i = 0; i < a.size(); i++) {
      int order = a.get(i).compareTo(b.get(i));
      if (order != 0) {
        return order;
      }
    }
    return 0;
  }
}
