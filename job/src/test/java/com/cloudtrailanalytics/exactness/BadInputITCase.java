package com.cloudtrailanalytics.exactness;

import static com.cloudtrailanalytics.testing.CloudTrailEvents.ACCOUNT;
import static com.cloudtrailanalytics.testing.CloudTrailEvents.BEGINNING;
import static com.cloudtrailanalytics.testing.CloudTrailEvents.NEXT_WINDOW;
import static com.cloudtrailanalytics.testing.CloudTrailEvents.US_EAST_1;
import static com.cloudtrailanalytics.testing.CloudTrailEvents.userCall;
import static com.cloudtrailanalytics.testing.LogFileBytes.concat;
import static org.assertj.core.api.Assertions.assertThat;

import com.cloudtrailanalytics.config.JobOptions;
import com.cloudtrailanalytics.pipeline.CloudTrailJob;
import com.cloudtrailanalytics.run.RunSummary;
import com.cloudtrailanalytics.sample.TrailWriter;
import com.cloudtrailanalytics.testing.JobConfigs;
import com.cloudtrailanalytics.testing.JobMetrics;
import com.cloudtrailanalytics.testing.LogFileBytes;
import com.cloudtrailanalytics.testing.OutputTables;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.InMemoryReporter;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of bad input in one trail: each is set aside at the smallest unit, the rest flows. */
class BadInputITCase {

  private static final InMemoryReporter METRICS = InMemoryReporter.createWithRetainedMetrics();

  @RegisterExtension
  static final MiniClusterExtension CLUSTER =
      new MiniClusterExtension(
          new MiniClusterResourceConfiguration.Builder()
              .setConfiguration(METRICS.addToConfiguration(new Configuration()))
              .setNumberTaskManagers(1)
              .setNumberSlotsPerTaskManager(2)
              .build());

  /** Rejected records up to this many bytes keep their raw text. */
  private static final int RAW_TEXT_LIMIT = 4 * 1024;

  @TempDir Path dir;

  @Test
  void setsAsideEveryBadFileAndRecordAndCountsEverythingElse() throws Exception {
    Path bucket = dir.resolve("bucket");
    Path folder = new TrailWriter(bucket).dayFolder(ACCOUNT, US_EAST_1, BEGINNING, "CloudTrail");
    Files.createDirectories(folder);
    TrailWriter trail = new TrailWriter(bucket);
    trail.writeLogFile(
        ACCOUNT,
        US_EAST_1,
        NEXT_WINDOW,
        List.of(event("good-1"), event("good-2"), event("good-3")));
    trail.writeDigestFile(ACCOUNT, US_EAST_1, NEXT_WINDOW); // beside the trail: never listed
    write(folder.resolve("notes.txt"), "not a log file".getBytes(StandardCharsets.UTF_8));
    write(folder.resolve(name("corrupt")), "this is not gzip".getBytes(StandardCharsets.UTF_8));
    write(folder.resolve(name("empty")), new byte[0]);
    write(folder.resolve(name("no-records")), gzip("{\"logFiles\":[]}"));
    write(folder.resolve(name("empty-array")), gzip("{\"Records\":[]}"));
    byte[] whole = gzip(records(truncatedFileRecords()));
    byte[] cut = Arrays.copyOf(whole, whole.length * 2 / 3);
    write(folder.resolve(name("truncated")), cut);
    long truncatedKept = completeRecords(cut);
    assertThat(truncatedKept).as("the cut falls inside the records").isBetween(1L, 399L);
    String huge = event("huge").put("pad", "x".repeat(70_000)).toString();
    byte[] badRecords =
        concat(
            ("{\"Records\":["
                    + event("mixed-ok-1")
                    + ",{\"eventID\":\"no-time\"},"
                    + event("bad-time").put("eventTime", "yesterday")
                    + ",")
                .getBytes(StandardCharsets.UTF_8),
            event("latin1")
                .put("userAgent", "caf\u00e9")
                .toString()
                .getBytes(StandardCharsets.ISO_8859_1),
            ("," + huge + "," + event("mixed-ok-2") + "]}").getBytes(StandardCharsets.UTF_8));
    write(folder.resolve(name("mixed")), LogFileBytes.gzip(badRecords));
    String keptRawText = withBadTimeOfLength("raw-4096", RAW_TEXT_LIMIT);
    String cutRawText = withBadTimeOfLength("raw-4097", RAW_TEXT_LIMIT + 1);
    write(
        folder.resolve(name("boundary")),
        gzip("{\"Records\":[" + keptRawText + "," + cutRawText + "]}"));
    Path output = dir.resolve("output");
    Configuration config = JobConfigs.bounded(bucket, output);
    config.set(JobOptions.MAX_RECORD_SIZE, MemorySize.parse("64kb"));

    JobClient job = CloudTrailJob.create(config).start();
    job.getJobExecutionResult().get();

    try (OutputTables tables = new OutputTables(output)) {
      assertThat(
              tables.count("SELECT events FROM source_files WHERE source_file LIKE '%truncated%'"))
          .as("the complete records before the cut")
          .isEqualTo(truncatedKept);
      assertThat(
              tables.query(
                  "SELECT reason, reject_type, \"position\" FROM rejects"
                      + " ORDER BY reason, source_file, \"position\""))
          .containsExactly(
              List.of("corrupt_gzip", "rejected_file", 0L),
              List.of("empty_file", "skipped_file", -1L),
              List.of("empty_records_array", "rejected_file", 0L),
              List.of("invalid_event_time", "rejected_record", 0L),
              List.of("invalid_event_time", "rejected_record", 1L),
              List.of("invalid_event_time", "rejected_record", 2L),
              List.of("invalid_utf8", "rejected_record", 3L),
              List.of("missing_event_time", "rejected_record", 1L),
              List.of("no_records_array", "rejected_file", 0L),
              List.of("not_a_log_file", "skipped_file", -1L),
              List.of("record_too_large", "rejected_record", 4L),
              List.of("truncated", "rejected_file", truncatedKept));
      assertThat(tables.query("SELECT raw_text FROM rejects WHERE reason = 'missing_event_time'"))
          .containsExactly(List.of("{\"eventID\":\"no-time\"}"));
      assertThat(
              tables.query(
                  "SELECT \"position\", raw_text FROM rejects WHERE source_file LIKE '%boundary%'"
                      + " ORDER BY \"position\""))
          .as("a rejected record of 4,096 bytes keeps its text, one of 4,097 does not")
          .containsExactly(List.of(0L, keptRawText), Arrays.asList(1L, null));
      assertThat(tables.count("SELECT SUM(event_count) FROM user_activity"))
          .isEqualTo(5 + truncatedKept);
      assertThat(
              tables.query(
                  "SELECT status, COUNT(*) FROM source_files GROUP BY status ORDER BY status"))
          .containsExactly(List.of("read", 3L), List.of("rejected", 4L), List.of("skipped", 2L));

      RunSummary summary =
          RunSummary.read(
              output.toUri().toString(),
              List.of(
                  "user_activity", "region_activity", "late_events", "rejects", "source_files"));
      assertThat(summary.events()).isEqualTo(5 + truncatedKept);
      assertThat(summary.rejectedRecords()).isEqualTo(6);
      assertThat(summary.reconciles()).isTrue();

      assertThat(JobMetrics.counters(METRICS, job.getJobID()))
          .containsEntry("recordsRead", 5 + truncatedKept + 6)
          .containsEntry("recordsRejected", 6L)
          .containsEntry("recordsLate", 0L)
          .containsEntry("filesRead", 3L)
          .containsEntry("filesRejected", 4L)
          .containsEntry("filesSkipped", 2L);
    }
  }

  /**
   * A record whose eventTime is not a time, padded to exactly {@code bytes} bytes of UTF-8, so that
   * it is rejected with its raw text when that is short enough.
   */
  private static String withBadTimeOfLength(String id, int bytes) {
    ObjectNode record = event(id).put("eventTime", "not a time").put("pad", "");
    int length = record.toString().getBytes(StandardCharsets.UTF_8).length;
    String padded = record.put("pad", "x".repeat(bytes - length)).toString();
    assertThat(padded.getBytes(StandardCharsets.UTF_8)).hasSize(bytes);
    return padded;
  }

  /**
   * How many records of a gzipped log file cut short are complete, found by inflating what is left
   * and parsing it until it ends.
   */
  private static long completeRecords(byte[] cutGzip) throws Exception {
    ByteArrayOutputStream inflated = new ByteArrayOutputStream();
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(cutGzip))) {
      byte[] buffer = new byte[8192];
      for (int read; (read = in.read(buffer)) >= 0; ) {
        inflated.write(buffer, 0, read);
      }
      throw new AssertionError("the cut file inflated to its end");
    } catch (EOFException e) {
      // the compressed data ends early: everything before the cut has been inflated
    }
    long complete = 0;
    int depth = 0;
    try (JsonParser json = new JsonFactory().createParser(inflated.toByteArray())) {
      for (JsonToken token = json.nextToken(); token != null; token = json.nextToken()) {
        if (token.isStructStart()) {
          depth++;
        } else if (token.isStructEnd() && --depth == 2 && token == JsonToken.END_OBJECT) {
          complete++;
        }
      }
    } catch (JsonEOFException e) {
      // the text ends inside a record
    }
    return complete;
  }

  private static ObjectNode event(String id) {
    return userCall("alice", "DescribeInstances", BEGINNING.plusSeconds(30)).eventId(id).build();
  }

  private static List<ObjectNode> truncatedFileRecords() {
    List<ObjectNode> records = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      records.add(event("t" + i));
    }
    return records;
  }

  private static String records(List<ObjectNode> records) {
    return "{\"Records\":["
        + String.join(",", records.stream().map(ObjectNode::toString).toList())
        + "]}";
  }

  private static String name(String suffix) {
    return ACCOUNT
        + "_CloudTrail_"
        + US_EAST_1
        + "_20240301T1005Z_"
        + suffix.replace("-", "")
        + ".json.gz";
  }

  private static void write(Path file, byte[] content) throws Exception {
    Files.write(file, content);
  }

  private static byte[] gzip(String text) throws Exception {
    return LogFileBytes.gzip(text.getBytes(StandardCharsets.UTF_8));
  }
}
