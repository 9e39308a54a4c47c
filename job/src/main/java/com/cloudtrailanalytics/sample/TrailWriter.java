package com.cloudtrailanalytics.sample;

import com.cloudtrailanalytics.event.TrailFile;
import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

/**
 * Writes records as CloudTrail log files under a folder that stands for the trail bucket, in
 * CloudTrail's key layout: {@code
 * AWSLogs/[o-org/]<account>/CloudTrail/<region>/YYYY/MM/DD/<account>_CloudTrail_<region>_<YYYYMMDDTHHmmZ>_<random>.json.gz}.
 */
public final class TrailWriter {

  private static final String NAME_ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

  private final Path bucket;
  private final String organizationId;
  private final Random random;

  /**
   * @param organizationId for an organization trail ({@code o-...}), else null
   * @param seed makes the random part of file names repeatable
   */
  public TrailWriter(Path bucket, String organizationId, long seed) {
    this.bucket = bucket;
    this.organizationId = organizationId;
    this.random = new Random(seed);
  }

  public TrailWriter(Path bucket) {
    this(bucket, null, 0);
  }

  /** Writes one log file holding {@code records}; returns its path. */
  public Path writeLogFile(
      String account, String region, Instant deliveredAt, List<? extends JsonNode> records)
      throws IOException {
    Path file = logFilePath(account, region, deliveredAt, TrailFile.LOG_FOLDER, ".json.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file), 64 * 1024)) {
      writeRecords(out, records);
    }
    return file;
  }

  /** Writes one CloudTrail Insights file holding {@code records}; returns its path. */
  public Path writeInsightFile(
      String account, String region, Instant deliveredAt, List<? extends JsonNode> records)
      throws IOException {
    Path file = logFilePath(account, region, deliveredAt, TrailFile.INSIGHT_FOLDER, ".json.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      writeRecords(out, records);
    }
    return file;
  }

  /** Writes a digest file, which the job must skip, beside the log files. */
  public Path writeDigestFile(String account, String region, Instant deliveredAt)
      throws IOException {
    Path file = logFilePath(account, region, deliveredAt, TrailFile.DIGEST_FOLDER, ".json.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      String digest =
          "{\"awsAccountId\":\""
              + account
              + "\",\"digestStartTime\":\""
              + deliveredAt
              + "\",\"digestS3Bucket\":\"trail-bucket\",\"logFiles\":[]}";
      out.write(digest.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    return file;
  }

  /** The folder that holds one account's files for one region and day. */
  public Path dayFolder(String account, String region, Instant day, String kind) {
    return bucket
        .resolve(TrailFile.accountFolder(organizationId, account, kind))
        .resolve(region)
        .resolve(TrailFile.dayFolders(LocalDate.ofInstant(day, ZoneOffset.UTC)));
  }

  private Path logFilePath(
      String account, String region, Instant deliveredAt, String kind, String extension)
      throws IOException {
    Path folder = dayFolder(account, region, deliveredAt, kind);
    Files.createDirectories(folder);
    return folder.resolve(
        TrailFile.fileName(account, kind, region, deliveredAt, randomPart(), extension));
  }

  static void writeRecords(OutputStream out, List<? extends JsonNode> records) throws IOException {
    try (JsonGenerator json =
        RecordBuilder.JSON.getFactory().createGenerator(out, JsonEncoding.UTF8)) {
      json.writeStartObject();
      json.writeArrayFieldStart("Records");
      for (JsonNode record : records) {
        RecordBuilder.JSON.writeTree(json, record);
      }
      json.writeEndArray();
      json.writeEndObject();
    }
  }

  private String randomPart() {
    StringBuilder part = new StringBuilder(16);
    for (int i = 0; i < 16; i++) {
      part.append(NAME_ALPHABET.charAt(random.nextInt(NAME_ALPHABET.length())));
    }
    return part.toString();
  }
}
