package com.cloudtrailanalytics.exactness;

import static com.cloudtrailanalytics.testing.CloudTrailEvents.ACCOUNT;
import static com.cloudtrailanalytics.testing.CloudTrailEvents.BEGINNING;
import static com.cloudtrailanalytics.testing.CloudTrailEvents.NEXT_WINDOW;
import static com.cloudtrailanalytics.testing.CloudTrailEvents.US_EAST_1;
import static com.cloudtrailanalytics.testing.CloudTrailEvents.userCall;
import static org.assertj.core.api.Assertions.assertThat;

import com.cloudtrailanalytics.config.JobOptions;
import com.cloudtrailanalytics.generate.TrailWriter;
import com.cloudtrailanalytics.pipeline.CloudTrailJob;
import com.cloudtrailanalytics.summary.RunSummary;
import com.cloudtrailanalytics.testing.JobConfigs;
import com.cloudtrailanalytics.testing.OutputTables;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;
import org.apache.flink.api.common.JobID;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.metrics.Counter;
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
    write(folder.resolve(name("truncated")), Arrays.copyOf(whole, whole.length * 2 / 3));
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
    write(folder.resolve(name("mixed")), gzip(badRecords));
    Path output = dir.resolve("output");
    Configuration config = JobConfigs.bounded(bucket, output);
    config.set(JobOptions.MAX_RECORD_SIZE, MemorySize.parse("64kb"));

    JobClient job = CloudTrailJob.create(config).start();
    job.getJobExecutionResult().get();

    try (OutputTables tables = new OutputTables(output)) {
      long truncatedKept =
          tables.count("SELECT events FROM source_files WHERE source_file LIKE '%truncated%'");
      assertThat(truncatedKept).isBetween(1L, 399L);
      assertThat(
              tables.query("SELECT reason, reject_type, \"position\" FROM rejects ORDER BY reason"))
          .containsExactly(
              List.of("corrupt_gzip", "rejected_file", 0L),
              List.of("empty_file", "skipped_file", -1L),
              List.of("empty_records_array", "rejected_file", 0L),
              List.of("invalid_event_time", "rejected_record", 2L),
              List.of("invalid_utf8", "rejected_record", 3L),
              List.of("missing_event_time", "rejected_record", 1L),
              List.of("no_records_array", "rejected_file", 0L),
              List.of("not_a_log_file", "skipped_file", -1L),
              List.of("record_too_large", "rejected_record", 4L),
              List.of("truncated", "rejected_file", truncatedKept));
      assertThat(tables.query("SELECT raw_text FROM rejects WHERE reason = 'missing_event_time'"))
          .containsExactly(List.of("{\"eventID\":\"no-time\"}"));
      assertThat(tables.count("SELECT SUM(event_count) FROM user_activity"))
          .isEqualTo(5 + truncatedKept);
      assertThat(
              tables.query(
                  "SELECT status, COUNT(*) FROM source_files GROUP BY status ORDER BY status"))
          .containsExactly(List.of("read", 2L), List.of("rejected", 4L), List.of("skipped", 2L));

      RunSummary summary =
          RunSummary.read(
              output.toUri().toString(),
              List.of(
                  "user_activity", "region_activity", "late_events", "rejects", "source_files"));
      assertThat(summary.events()).isEqualTo(5 + truncatedKept);
      assertThat(summary.rejectedRecords()).isEqualTo(4);
      assertThat(summary.reconciles()).isTrue();

      assertThat(counters(job.getJobID()))
          .containsEntry("recordsRead", 5 + truncatedKept + 4)
          .containsEntry("recordsRejected", 4L)
          .containsEntry("recordsLate", 0L)
          .containsEntry("filesRead", 2L)
          .containsEntry("filesRejected", 4L)
          .containsEntry("filesSkipped", 2L);
    }
  }

  /** The job's counters in the {@code cloudtrail} group, summed over the parallel instances. */
  private static Map<String, Long> counters(JobID job) {
    Map<String, Long> totals = new TreeMap<>();
    METRICS
        .getMetricsByGroup()
        .forEach(
            (group, metrics) -> {
              boolean ours =
                  job.toString().equals(group.getAllVariables().get("<job_id>"))
                      && group.getMetricIdentifier("x").endsWith(".cloudtrail.x");
              if (ours) {
                metrics.forEach(
                    (name, metric) -> {
                      if (metric instanceof Counter counter) {
                        totals.merge(name, counter.getCount(), Long::sum);
                      }
                    });
              }
            });
    return totals;
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
    return gzip(text.getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] gzip(byte[] content) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
      out.write(content);
    }
    return bytes.toByteArray();
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      bytes.writeBytes(part);
    }
    return bytes.toByteArray();
  }
}
