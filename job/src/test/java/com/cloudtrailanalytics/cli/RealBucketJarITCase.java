package com.cloudtrailanalytics.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudtrailanalytics.config.TableNames;
import com.cloudtrailanalytics.sample.SampleInsights;
import com.cloudtrailanalytics.sample.SyntheticTrail;
import com.cloudtrailanalytics.sample.TrailWriter;
import com.cloudtrailanalytics.testing.CloudTrailEvents;
import com.cloudtrailanalytics.testing.GroundTruth;
import com.cloudtrailanalytics.testing.JobProcess;
import com.cloudtrailanalytics.testing.OutputTables;
import com.cloudtrailanalytics.testing.TrailRecords;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bucket as real ones are: an account trail at the root, an organization trail below a key prefix
 * (with an organization id shorter than AWS's own), a trail in a region of the European Sovereign
 * Cloud, Insights, other services' logs, a README, stray and empty files. One bounded run of the
 * packaged jar reads every trail, names everything it does not read, and its summary checks every
 * file under the input against source_files. Then the same output: summarised again, refused to a
 * run over another input, and found wanting when a file or a part file goes missing.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RealBucketJarITCase {

  private static final Instant START = Instant.parse("2025-06-01T08:00:00Z");
  private static final String ACCOUNT = SyntheticTrail.MAIN_ACCOUNT;

  @TempDir static Path dir;
  private static Path bucket;
  private static Path output;
  private static String[] command;
  private static GroundTruth truth;

  @BeforeAll
  static void writeTheBucket() throws Exception {
    bucket = dir.resolve("bucket");
    output = dir.resolve("output");
    new SyntheticTrail(new SyntheticTrail.Settings(1, 2, 2, 2_000, 31, START, null))
        .writeTo(bucket);
    new SyntheticTrail(new SyntheticTrail.Settings(2, 1, 2, 1_500, 32, START, "o-a1b2c3"))
        .writeTo(bucket.resolve("org-trail"));
    new TrailWriter(bucket.resolve("sovereign"))
        .writeLogFile(
            "999988887777",
            "eusc-de-east-1",
            START.plus(Duration.ofMinutes(10)),
            List.of(
                CloudTrailEvents.userCall("erika", "ListBuckets", START.plusSeconds(30)).build()));
    SampleInsights.writeTo(bucket, START, Duration.ofHours(2));
    Path day = bucket.resolve("AWSLogs/" + ACCOUNT + "/CloudTrail/us-east-1/2025/06/01");
    Files.writeString(day.resolve("notes.txt"), "copied here by hand");
    Files.write(
        day.resolve(ACCOUNT + "_CloudTrail_us-east-1_20250601T0900Z_empty.json.gz"), new byte[0]);
    Path elb = bucket.resolve("AWSLogs/" + ACCOUNT + "/elasticloadbalancing/us-east-1/2025/06/01");
    Files.createDirectories(elb);
    Files.writeString(elb.resolve("access.log"), "an access log");
    Files.writeString(bucket.resolve("README.txt"), "the trail bucket");
    truth = GroundTruth.of(bucket, Duration.ofMinutes(5));
    command =
        new String[] {
          "--input",
          bucket.toString(),
          "--output",
          output.toString(),
          "--bounded",
          "--checkpoint-dir",
          "checkpoints"
        };
  }

  @Test
  @Order(1)
  void readsEveryTrailAndNamesWhatItDoesNotRead() throws Exception {
    try (JobProcess run = JobProcess.start(dir, command)) {
      assertThat(run.waitFor(Duration.ofMinutes(3))).as(run.stderr()).isZero();
      assertThat(run.stdout())
          .contains(
              "Files:   "
                  + String.format("%,d", logFiles() + 2)
                  + " read, 0 cut short or unreadable, 4 skipped (1 empty_file, 1 misplaced_file,"
                  + " 1 not_a_log_file, 1 unknown_folder)")
          .contains(
              String.format(
                  "Check:   %,d records read = %,d in user_activity + 0 in its late rows (0 in"
                      + " late_events) + 0 rejected: ok",
                  truth.events(), truth.events()))
          .contains("Check:   2 Insights events read = 2 in insight_events: ok")
          .contains(
              String.format(
                  "Check:   %,d files under the input = %,d in source_files: ok",
                  logFiles() + 5, logFiles() + 5))
          .contains("  set aside: file:" + bucket + "/README.txt (misplaced_file)");
      assertThat(run.stderr())
          .contains(
              "Skipped file:"
                  + bucket
                  + "/AWSLogs/"
                  + ACCOUNT
                  + "/elasticloadbalancing/: unknown_folder: not one of CloudTrail's folders of"
                  + " an account");
    }
    assertThat(dir.resolve("checkpoints")).doesNotExist();
    try (OutputTables tables = new OutputTables(output)) {
      assertThat(
              tables.query(
                  "SELECT COUNT(*) FROM source_files WHERE status = 'read' AND file_type = 'log'"
                      + " AND (source_file LIKE '%/org-trail/AWSLogs/o-a1b2c3/%'"
                      + " OR source_file LIKE '%/eusc-de-east-1/%')"))
          .as("the prefixed organization trail and the sovereign region are read")
          .containsExactly(List.of((long) orgTrailFiles() + 1));
      assertThat(
              tables.query(
                  "SELECT replace(source_file, '"
                      + "file:"
                      + bucket
                      + "/', ''), status, file_type, problem, dt FROM source_files"
                      + " WHERE status = 'skipped' ORDER BY 1"))
          .containsExactly(
              Arrays.asList(
                  "AWSLogs/"
                      + ACCOUNT
                      + "/CloudTrail/us-east-1/2025/06/01/"
                      + ACCOUNT
                      + "_CloudTrail_us-east-1_20250601T0900Z_empty.json.gz",
                  "skipped",
                  "log",
                  "empty_file",
                  "2025-06-01"),
              Arrays.asList(
                  "AWSLogs/" + ACCOUNT + "/CloudTrail/us-east-1/2025/06/01/notes.txt",
                  "skipped",
                  "other",
                  "not_a_log_file",
                  "2025-06-01"),
              Arrays.asList(
                  "AWSLogs/" + ACCOUNT + "/elasticloadbalancing/",
                  "skipped",
                  "folder",
                  "unknown_folder",
                  Instant.now().toString().substring(0, 10)),
              Arrays.asList(
                  "README.txt",
                  "skipped",
                  "other",
                  "misplaced_file",
                  Instant.now().toString().substring(0, 10)));
      assertThat(tables.userActivityCounts()).containsExactlyElementsOf(truth.userActivityCounts());
    }
  }

  @Test
  @Order(2)
  void theSameCommandAgainSummarisesTheFinishedRun() throws Exception {
    try (JobProcess again = JobProcess.start(dir, command)) {
      assertThat(again.waitFor(Duration.ofMinutes(2))).as(again.stderr()).isZero();
      assertThat(again.stdout())
          .startsWith("This run has already finished; the output holds its tables.")
          .doesNotContain("MISMATCH");
    }
  }

  @Test
  @Order(3)
  void aRunOverAnotherInputIsRefused() throws Exception {
    Path other = dir.resolve("other-bucket");
    Files.createDirectories(other);
    try (JobProcess refused =
        JobProcess.start(
            dir, "--input", other.toString(), "--output", output.toString(), "--bounded")) {
      assertThat(refused.waitFor(Duration.ofMinutes(2))).isEqualTo(Cli.USAGE);
      assertThat(refused.stderr().lines().filter(line -> line.startsWith("cloudtrail-analytics:")))
          .containsExactly(
              "cloudtrail-analytics: the output holds the tables of a run with --input file://"
                  + bucket
                  + " --window 5m --tables "
                  + String.join(",", TableNames.CHOOSABLE)
                  + "; a run with --input file://"
                  + other
                  + " --window 5m --tables "
                  + String.join(",", TableNames.CHOOSABLE)
                  + " would mix with them: use a new --output (and --checkpoint-dir)");
      assertThat(refused.stdout()).doesNotContain("Check:");
    }
  }

  @Test
  @Order(4)
  void aFileThatWasNeverReadFailsTheCheck() throws Exception {
    Path day = bucket.resolve("AWSLogs/" + ACCOUNT + "/CloudTrail/us-west-2/2025/06/01");
    Path unread =
        new TrailWriter(bucket)
            .writeLogFile(
                ACCOUNT,
                "us-west-2",
                START.plus(Duration.ofMinutes(45)),
                List.of(CloudTrailEvents.userCall("mallory", "GetObject", START).build()));
    Files.setLastModifiedTime(unread, FileTime.from(START));
    assertThat(unread.getParent()).isEqualTo(day);

    try (JobProcess again = JobProcess.start(dir, command)) {
      assertThat(again.waitFor(Duration.ofMinutes(2))).as(again.stderr()).isEqualTo(Cli.FAILED);
      assertThat(again.stdout()).contains("; 1 never read, e.g. file:" + unread + ": MISMATCH");
    }
    Files.delete(unread);
  }

  @Test
  @Order(5)
  void aMissingPartFileFailsTheCheck() throws Exception {
    try (OutputTables tables = new OutputTables(output)) {
      Files.delete(
          output.resolve("user_activity").resolve(tables.committedFiles("user_activity").get(0)));
    }
    try (JobProcess again = JobProcess.start(dir, command)) {
      assertThat(again.waitFor(Duration.ofMinutes(2))).as(again.stderr()).isEqualTo(Cli.FAILED);
      assertThat(again.stdout())
          .containsPattern("Check:   [0-9,]+ records read = [0-9,]+ in user_activity .*: MISMATCH")
          .contains("in region_activity + 0 in its late rows (0 in late_events) + 0 rejected: ok");
    }
  }

  private static long logFiles() throws Exception {
    return TrailRecords.logFiles(bucket).size();
  }

  private static long orgTrailFiles() throws Exception {
    return TrailRecords.logFiles(bucket.resolve("org-trail")).size();
  }
}
