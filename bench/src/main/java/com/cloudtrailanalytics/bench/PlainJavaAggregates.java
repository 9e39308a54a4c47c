package com.cloudtrailanalytics.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;

/**
 * The floor: no framework, every core gunzips and stream-parses files with Jackson and counts
 * events and errors per 5-minute window and user, and per window and region, into hash maps.
 */
final class PlainJavaAggregates {

  private static final long WINDOW_MILLIS = 5 * 60_000;
  private static final JsonFactory JSON = new JsonFactory();

  /** What one run counted. */
  record Counts(long events, int userWindows, int regionWindows) {}

  private final Map<String, long[]> byUser = new HashMap<>();
  private final Map<String, long[]> byRegion = new HashMap<>();
  private long events;

  static Counts run(List<Path> files) throws Exception {
    int threads = Runtime.getRuntime().availableProcessors();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    AtomicInteger next = new AtomicInteger();
    try {
      List<Future<PlainJavaAggregates>> parts =
          java.util.stream.IntStream.range(0, threads)
              .mapToObj(
                  t ->
                      pool.submit(
                          () -> {
                            PlainJavaAggregates part = new PlainJavaAggregates();
                            for (int i; (i = next.getAndIncrement()) < files.size(); ) {
                              part.read(files.get(i));
                            }
                            return part;
                          }))
              .toList();
      PlainJavaAggregates total = new PlainJavaAggregates();
      for (Future<PlainJavaAggregates> part : parts) {
        total.merge(part.get());
      }
      return new Counts(total.events, total.byUser.size(), total.byRegion.size());
    } finally {
      pool.shutdownNow();
    }
  }

  private void read(Path file) {
    try (InputStream in = new GZIPInputStream(Files.newInputStream(file), 64 * 1024);
        JsonParser json = JSON.createParser(in)) {
      json.nextToken();
      while (json.nextToken() == JsonToken.FIELD_NAME) {
        if (json.currentName().equals("Records")) {
          json.nextToken();
          while (json.nextToken() == JsonToken.START_OBJECT) {
            record(json);
          }
        } else {
          json.nextToken();
          json.skipChildren();
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void record(JsonParser json) throws IOException {
    String time = null;
    String region = null;
    String account = null;
    String errorCode = null;
    String principal = null;
    String identityType = null;
    String issuer = null;
    while (json.nextToken() == JsonToken.FIELD_NAME) {
      String field = json.currentName();
      JsonToken value = json.nextToken();
      switch (field) {
        case "eventTime" -> time = json.getText();
        case "awsRegion" -> region = json.getText();
        case "recipientAccountId" -> account = json.getText();
        case "errorCode" -> errorCode = value == JsonToken.VALUE_NULL ? null : json.getText();
        case "userIdentity" -> {
          while (json.nextToken() == JsonToken.FIELD_NAME) {
            String name = json.currentName();
            json.nextToken();
            switch (name) {
              case "arn" -> principal = json.getText();
              case "type" -> identityType = json.getText();
              case "sessionContext" -> issuer = sessionIssuerArn(json);
              default -> json.skipChildren();
            }
          }
        }
        default -> json.skipChildren();
      }
    }
    if ("AssumedRole".equals(identityType) && issuer != null) {
      principal = issuer; // the job counts all sessions of a role together
    }
    long window = Instant.parse(time).toEpochMilli() / WINDOW_MILLIS;
    boolean error = errorCode != null && !errorCode.isEmpty();
    count(
        byUser,
        window + "|" + account + "|" + (principal != null ? principal : identityType),
        error);
    count(byRegion, window + "|" + account + "|" + region, error);
    events++;
  }

  /** sessionContext.sessionIssuer.arn, the parser standing on sessionContext's value. */
  private static String sessionIssuerArn(JsonParser json) throws IOException {
    String arn = null;
    while (json.nextToken() == JsonToken.FIELD_NAME) {
      String name = json.currentName();
      json.nextToken();
      if (name.equals("sessionIssuer")) {
        while (json.nextToken() == JsonToken.FIELD_NAME) {
          String field = json.currentName();
          json.nextToken();
          if (field.equals("arn")) {
            arn = json.getText();
          } else {
            json.skipChildren();
          }
        }
      } else {
        json.skipChildren();
      }
    }
    return arn;
  }

  private static void count(Map<String, long[]> counts, String key, boolean error) {
    long[] c = counts.computeIfAbsent(key, k -> new long[2]);
    c[0]++;
    if (error) {
      c[1]++;
    }
  }

  private void merge(PlainJavaAggregates other) {
    events += other.events;
    other.byUser.forEach(
        (k, v) -> byUser.merge(k, v, (a, b) -> new long[] {a[0] + b[0], a[1] + b[1]}));
    other.byRegion.forEach(
        (k, v) -> byRegion.merge(k, v, (a, b) -> new long[] {a[0] + b[0], a[1] + b[1]}));
  }
}
