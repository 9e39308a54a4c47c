package com.cloudtrailanalytics.cli;

import static com.cloudtrailanalytics.testing.CloudTrailEvents.ACCOUNT;
import static com.cloudtrailanalytics.testing.CloudTrailEvents.US_EAST_1;
import static com.cloudtrailanalytics.testing.CloudTrailEvents.userArn;
import static com.cloudtrailanalytics.testing.CloudTrailEvents.userCall;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.cloudtrailanalytics.sample.Investigation;
import com.cloudtrailanalytics.sample.SyntheticTrail;
import com.cloudtrailanalytics.testing.DeliveringTrail;
import com.cloudtrailanalytics.testing.GroundTruth;
import com.cloudtrailanalytics.testing.JobProcess;
import com.cloudtrailanalytics.testing.OutputTables;
import com.cloudtrailanalytics.testing.TrailRecords;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar, run as its own process exactly as the README tells users to. */
class JarITCase {

  @TempDir Path dir;

  @Test
  void theDemoWritesASampleTrailRunsTheJobAndReconciles() throws Exception {
    try (JobProcess demo = JobProcess.start(dir, "--demo")) {
      assertThat(demo.waitFor(Duration.ofMinutes(3))).as(demo.stderr()).isZero();

      String summary = demo.stdout();
      assertThat(summary)
          .contains("Sample trail: 20,007 events in ")
          .contains(
              "Records: 20,009 read: 20,007 events, 2 Insights events, 0 rejected; 0 events"
                  + " arrived late")
          .contains(
              "Check:   20,007 records read = 20,007 in user_activity + 0 in its late rows (0 in"
                  + " late_events) + 0 rejected: ok")
          .contains(
              "Check:   20,007 records read = 20,007 in region_activity + 0 in its late rows (0 in"
                  + " late_events) + 0 rejected: ok")
          .contains("Check:   2 Insights events read = 2 in insight_events: ok")
          .contains("Check:   440 files under the input = 440 in source_files: ok");
      assertThat(summary)
          .as("the demo answers the investigation from the tables")
          .contains(
              "i-0webserver0000001 was stopped at "
                  + utc(Investigation.webServerStopped(DemoCommand.SAMPLE_START, SIX_HOURS))
                  + " UTC by IAM user nicholas of account "
                  + SyntheticTrail.MAIN_ACCOUNT
                  + ", from "
                  + SyntheticTrail.NICHOLAS_IP
                  + " (GB). They had signed in to the console at "
                  + utc(Investigation.nicholasLogin(DemoCommand.SAMPLE_START, SIX_HOURS))
                  + " UTC from "
                  + SyntheticTrail.NICHOLAS_IP
                  + " (London, GB), without MFA. That sign-in raised 3 findings: Console sign-ins"
                  + " of one person farther apart than travel allows (high); CIS 4.2 Console"
                  + " sign-in without MFA (medium); Console sign-in from a country not seen for"
                  + " this person (medium).")
          .containsPattern("Report: .*/cloudtrail-demo/report.html \\(")
          .contains("17 of 19 panels with data, 2 all clear");
      assertThat(demo.stderr())
          .doesNotContain("Exception")
          .as("a file gets plain lines, no terminal control codes")
          .doesNotContain("\u001B")
          .containsPattern("\\d\\d INFO  TrailEnumerator - Read all 440 files: [\\d,]+ events in ");
    }
    Instant stop = Investigation.webServerStopped(DemoCommand.SAMPLE_START, Duration.ofHours(6));
    Instant windowStart = Instant.ofEpochMilli(stop.toEpochMilli() - stop.toEpochMilli() % 300_000);
    String nicholas = "arn:aws:iam::" + SyntheticTrail.MAIN_ACCOUNT + ":user/nicholas";
    long nicholasEvents =
        TrailRecords.of(dir.resolve("cloudtrail-demo/trail")).stream()
            .filter(r -> nicholas.equals(r.principal()))
            .filter(r -> !r.time().isBefore(windowStart))
            .filter(r -> r.time().isBefore(windowStart.plus(Duration.ofMinutes(5))))
            .count();
    try (OutputTables tables = new OutputTables(dir.resolve("cloudtrail-demo/output"))) {
      assertThat(
              tables.query(
                  "SELECT user_name, identity_type, event_count FROM user_activity"
                      + " WHERE principal = ? AND window_start <= epoch_ms(?) AND window_end > epoch_ms(?)",
                  nicholas,
                  stop.toEpochMilli(),
                  stop.toEpochMilli()))
          .containsExactly(List.of("nicholas", "IAMUser", nicholasEvents));
      assertThat(
              tables.query(
                  "SELECT user_name, source_ip, login_result, country_iso_code, city, as_org"
                      + " FROM console_logins WHERE event_id IN ('"
                      + Investigation.id("nicholas-login")
                      + "', '"
                      + Investigation.id("probe")
                      + "') ORDER BY event_time"))
          .as("the demo's own GeoIP databases tag the sample trail's sign-ins")
          .containsExactly(
              List.of(
                  "HIDDEN_DUE_TO_SECURITY_REASONS",
                  Investigation.PROBE_IP,
                  "Failure",
                  "SE",
                  "Linköping",
                  "Bredband2 AB"),
              List.of(
                  "nicholas",
                  SyntheticTrail.NICHOLAS_IP,
                  "Success",
                  "GB",
                  "London",
                  "Andrews & Arnold Ltd"));
    }
  }

  private static final Duration SIX_HOURS = Duration.ofHours(6);

  private static String utc(Instant time) {
    return time.toString().replace('T', ' ').replace("Z", "");
  }

  @Test
  void onATerminalTheProgressLineRewritesItselfAndEveryOtherLineErasesItFirst() throws Exception {
    assumeTrue(
        JobProcess.canStartOnTerminal(),
        "needs util-linux's script for a pseudo-terminal (.ci/run installs it)");
    Path trail = dir.resolve("trail");
    long events =
        new SyntheticTrail(
                new SyntheticTrail.Settings(
                    1, 2, 2, 150_000, 7, Instant.parse("2024-03-01T10:00:00Z"), null))
            .writeTo(trail)
            .events();
    try (JobProcess job =
        JobProcess.startOnTerminal(
            dir,
            "--input",
            trail.toString(),
            "--output",
            dir.resolve("output").toString(),
            "--bounded",
            "--tables",
            "user_activity,region_activity",
            "--progress-interval",
            "1s")) {
      assertThat(job.waitFor(Duration.ofMinutes(3))).as(job.stdout()).isZero();

      String terminal = job.stdout();
      String erase = TerminalLog.ERASE_LINE;
      List<String> progressLines =
          Pattern.compile(Pattern.quote(erase) + "(Progress: [^\r\n\u001B]*)")
              .matcher(terminal)
              .results()
              .map(match -> match.group(1))
              .toList();
      assertThat(progressLines).as(terminal).isNotEmpty();
      assertThat(progressLines).allSatisfy(line -> assertThat(line).hasSizeLessThanOrEqualTo(79));
      assertThat(terminal.split("Progress: ", -1))
          .as("every progress line starts by erasing the one before")
          .hasSize(progressLines.size() + 1);
      assertThat(terminal)
          .as("no progress line ends its line; the next line erases it")
          .doesNotContainPattern("Progress: [^\r\u001B]*\n")
          .containsPattern(
              Pattern.quote(erase) + "\\d\\d:\\d\\d:\\d\\d INFO  TrailEnumerator - Read all ")
          .contains(
              String.format(
                  "Check:   %,d records read = %,d in user_activity + 0 in its late rows",
                  events, events));
    }
  }

  @Test
  void aBadOptionEndsTheProcessWithOneLineAndExitCodeTwo() throws Exception {
    try (JobProcess job =
        JobProcess.start(dir, "--input", dir.toString(), "--output", "out", "--windw", "5m")) {
      assertThat(job.waitFor(Duration.ofMinutes(1))).isEqualTo(2);
      assertThat(job.stderr().lines().toList())
          .containsExactly("cloudtrail-analytics: unknown option --windw (see --help)");
      assertThat(job.stdout()).isEmpty();
    }
  }

  @Test
  void theLongLivedJobPicksUpFilesThatArriveLater() throws Exception {
    Path bucket = dir.resolve("bucket");
    Path output = dir.resolve("output");
    DeliveringTrail trail = new DeliveringTrail(bucket);
    Instant window = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(1));
    Path first =
        trail.deliver(
            ACCOUNT,
            US_EAST_1,
            window.plus(Duration.ofMinutes(5)),
            List.of(
                userCall("alice", "DescribeInstances", window).build(),
                userCall("alice", "StopInstances", window.plusSeconds(60)).build()));

    try (JobProcess job =
        JobProcess.start(
            dir,
            "--input",
            bucket.toString(),
            "--output",
            output.toString(),
            "--monitor-interval",
            "1s",
            "--checkpoint-interval",
            "1s",
            "--max-delay",
            "1m",
            "--parallelism",
            "1")) {
      assertThat(awaitRows(job, output, "source_files", SOURCE_FILE_ROW, flinkPath(first)))
          .containsExactly(List.of("read", 2L));
      Path second =
          trail.deliver(
              ACCOUNT,
              US_EAST_1,
              window.plus(Duration.ofMinutes(25)),
              List.of(
                  userCall("alice", "DescribeInstances", window.plus(Duration.ofMinutes(20)))
                      .build()));

      assertThat(awaitRows(job, output, "source_files", SOURCE_FILE_ROW, flinkPath(second)))
          .as("the file written after the first one was read")
          .containsExactly(List.of("read", 1L));
      assertThat(
              awaitRows(
                  job, output, "user_activity", "SELECT principal, event_count FROM user_activity"))
          .containsExactly(List.of(userArn("alice"), 2L));
      assertThat(job.isAlive()).as("the job keeps watching the input").isTrue();
    }
  }

  private static final String SOURCE_FILE_ROW =
      "SELECT status, events FROM source_files WHERE source_file = ?";

  /** Waits until a query over a table's committed files returns rows, while the job runs. */
  private static List<List<Object>> awaitRows(
      JobProcess job, Path output, String table, String sql, Object... parameters)
      throws Exception {
    Duration timeout = Duration.ofSeconds(90);
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline && job.isAlive()) {
      if (Files.isDirectory(output)) {
        try (OutputTables tables = new OutputTables(output)) {
          if (!tables.committedFiles(table).isEmpty()) {
            List<List<Object>> rows = tables.query(sql, parameters);
            if (!rows.isEmpty()) {
              return rows;
            }
          }
        }
      }
      Thread.sleep(500);
    }
    throw new AssertionError(
        "no rows for " + sql + " within " + timeout + "; stderr:\n" + job.stderr());
  }

  /** How the job names a local file: Flink's path of it. */
  private static String flinkPath(Path file) {
    return new org.apache.flink.core.fs.Path(file.toUri()).toString();
  }

  @Test
  void killNineThenTheSameCommandAgainWritesEveryRowOnce() throws Exception {
    Path bucket = dir.resolve("bucket");
    new SyntheticTrail(
            new SyntheticTrail.Settings(
                2, 3, 24, 400_000, 3, Instant.parse("2024-03-01T00:00:00Z"), null))
        .writeTo(bucket);
    GroundTruth truth = GroundTruth.of(bucket, Duration.ofMinutes(5));
    Path output = dir.resolve("output");
    String[] command = {
      "--input",
      bucket.toString(),
      "--output",
      output.toString(),
      "--bounded",
      "--checkpoint-interval",
      "1s",
      "--checkpoint-dir",
      "checkpoints"
    };

    try (JobProcess first = JobProcess.start(dir, command)) {
      awaitCommittedRows(output.resolve("source_files"), Duration.ofMinutes(2));
      assertThat(first.isAlive()).as("the first run is still going when it is killed").isTrue();
      first.killNine();
    }
    try (JobProcess second = JobProcess.start(dir, command)) {
      assertThat(second.waitFor(Duration.ofMinutes(3))).as(second.stderr()).isZero();
      assertThat(second.stdout())
          .as("a plain folder as --checkpoint-dir, relative to where the command runs")
          .containsPattern(
              "Resuming from file:" + dir.toAbsolutePath() + "/checkpoints/[0-9a-f]{32}/chk-\\d+");
      assertThat(second.stdout())
          .contains(
              String.format(
                  "Check:   %,d records read = %,d in user_activity + 0 in its late rows (0 in"
                      + " late_events) + 0 rejected: ok",
                  truth.events(), truth.events()));
    }
    assertThat(dir.resolve("checkpoints"))
        .as("a finished run deletes its checkpoints, and the folders that held them")
        .doesNotExist();
    try (OutputTables tables = new OutputTables(output)) {
      assertThat(tables.userActivity()).containsExactlyElementsOf(truth.userActivity());
      assertThat(tables.count("SELECT COUNT(*) - COUNT(DISTINCT source_file) FROM source_files"))
          .isZero();
      assertThat(tables.count("SELECT COUNT(*) FROM findings")).as("findings").isPositive();
      assertThat(tables.count("SELECT COUNT(*) - COUNT(DISTINCT finding_id) FROM findings"))
          .as("no finding written twice across the kill")
          .isZero();
    }
    try (JobProcess third = JobProcess.start(dir, command)) {
      assertThat(third.waitFor(Duration.ofMinutes(2))).as(third.stderr()).isZero();
      assertThat(third.stdout())
          .startsWith("This run has already finished; the output holds its tables.");
    }
  }

  private static void awaitCommittedRows(Path table, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (com.cloudtrailanalytics.run.OutputTable.hasCommittedFiles(
          new org.apache.flink.core.fs.Path(table.toUri()))) {
        return;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("nothing was committed within " + timeout);
  }
}
