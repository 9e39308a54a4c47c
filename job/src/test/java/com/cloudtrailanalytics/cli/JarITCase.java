package com.cloudtrailanalytics.cli;

import static com.cloudtrailanalytics.testing.CloudTrailEvents.ACCOUNT;
import static com.cloudtrailanalytics.testing.CloudTrailEvents.AN_HOUR_LATER;
import static com.cloudtrailanalytics.testing.CloudTrailEvents.BEGINNING;
import static com.cloudtrailanalytics.testing.CloudTrailEvents.EU_WEST_1;
import static com.cloudtrailanalytics.testing.CloudTrailEvents.NEXT_WINDOW;
import static com.cloudtrailanalytics.testing.CloudTrailEvents.ONE_MINUTE_LATER;
import static com.cloudtrailanalytics.testing.CloudTrailEvents.US_EAST_1;
import static com.cloudtrailanalytics.testing.CloudTrailEvents.userArn;
import static com.cloudtrailanalytics.testing.CloudTrailEvents.userCall;
import static org.assertj.core.api.Assertions.assertThat;

import com.cloudtrailanalytics.generate.Investigation;
import com.cloudtrailanalytics.generate.SyntheticTrail;
import com.cloudtrailanalytics.generate.TrailWriter;
import com.cloudtrailanalytics.testing.JobProcess;
import com.cloudtrailanalytics.testing.OutputTables;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
          .contains("Sample trail: 20,006 events in ")
          .contains("Records: 20,006 read: 20,006 events, 0 rejected; 0 events arrived late")
          .contains("Check:   user_activity counts 20,006 events + 0 late = 20,006 events read: ok")
          .contains(
              "Check:   region_activity counts 20,006 events + 0 late = 20,006 events read: ok");
      assertThat(demo.stderr()).doesNotContain("Exception");
    }
    Instant stop = Investigation.webServerStopped(DemoCommand.SAMPLE_START, Duration.ofHours(6));
    try (OutputTables tables = new OutputTables(dir.resolve("cloudtrail-demo/output"))) {
      assertThat(
              tables.query(
                  "SELECT user_name, identity_type, event_count >= 3 FROM user_activity"
                      + " WHERE principal = 'arn:aws:iam::"
                      + SyntheticTrail.MAIN_ACCOUNT
                      + ":user/nicholas'"
                      + " AND window_start <= epoch_ms("
                      + stop.toEpochMilli()
                      + ")"
                      + " AND window_end > epoch_ms("
                      + stop.toEpochMilli()
                      + ")"))
          .containsExactly(List.of("nicholas", "IAMUser", true));
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
    TrailWriter trail = new TrailWriter(bucket);
    trail.writeLogFile(
        ACCOUNT,
        US_EAST_1,
        NEXT_WINDOW,
        List.of(
            userCall("alice", "DescribeInstances", BEGINNING).build(),
            userCall("alice", "StopInstances", ONE_MINUTE_LATER).build()));

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
      Thread.sleep(5_000);
      trail.writeLogFile(
          ACCOUNT,
          EU_WEST_1,
          AN_HOUR_LATER.plus(Duration.ofMinutes(5)),
          List.of(userCall("alice", "DescribeInstances", AN_HOUR_LATER).build()));

      List<List<Object>> rows = awaitUserActivity(output, Duration.ofSeconds(90));
      assertThat(rows).containsExactly(List.of(userArn("alice"), 2L));
      assertThat(job.isAlive()).as("the job keeps watching the input").isTrue();
    }
  }

  private static List<List<Object>> awaitUserActivity(Path output, Duration timeout)
      throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (output.resolve("user_activity").toFile().exists()) {
        try (OutputTables tables = new OutputTables(output)) {
          if (!tables.committedFiles("user_activity").isEmpty()) {
            return tables.query("SELECT principal, event_count FROM user_activity");
          }
        }
      }
      Thread.sleep(1_000);
    }
    throw new AssertionError("no user_activity rows were committed within " + timeout);
  }
}
