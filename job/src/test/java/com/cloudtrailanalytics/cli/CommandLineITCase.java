package com.cloudtrailanalytics.cli;

import static com.cloudtrailanalytics.testing.CloudTrailEvents.ACCOUNT;
import static com.cloudtrailanalytics.testing.CloudTrailEvents.BEGINNING;
import static com.cloudtrailanalytics.testing.CloudTrailEvents.US_EAST_1;
import static com.cloudtrailanalytics.testing.CloudTrailEvents.userCall;
import static org.assertj.core.api.Assertions.assertThat;

import com.cloudtrailanalytics.sample.RecordBuilder;
import com.cloudtrailanalytics.sample.TrailWriter;
import com.cloudtrailanalytics.testing.DeliveringTrail;
import com.cloudtrailanalytics.testing.MiniClusters;
import com.cloudtrailanalytics.testing.OutputTables;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.client.program.ClusterClient;
import org.apache.flink.test.junit5.InjectClusterClient;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Options given on the command line change what the job reads and how: {@code --start-date}, {@code
 * --lookback}, and {@code -D} for any configuration key. The commands run through {@link Cli} on
 * the test's cluster.
 */
class CommandLineITCase {

  @RegisterExtension
  static final MiniClusterExtension CLUSTER = MiniClusters.oneTaskManagerTwoSlots();

  private static final Instant MARCH_1 = BEGINNING;
  private static final Instant MARCH_2 = BEGINNING.plus(Duration.ofDays(1));
  private static final Instant MARCH_3 = BEGINNING.plus(Duration.ofDays(2));

  @TempDir Path dir;

  @Test
  void startDateReadsTheTrailFromThatDayOn() throws Exception {
    Path bucket = dir.resolve("bucket");
    TrailWriter trail = new TrailWriter(bucket);
    List<String> fromMarch2 = new ArrayList<>();
    for (Instant day : List.of(MARCH_1, MARCH_2, MARCH_3)) {
      Path file =
          trail.writeLogFile(
              ACCOUNT,
              US_EAST_1,
              day.plus(Duration.ofMinutes(5)),
              List.of(
                  userCall("alice", "DescribeInstances", day).eventId("a-" + day).build(),
                  userCall("bob", "DescribeInstances", day).eventId("b-" + day).build()));
      if (!day.isBefore(MARCH_2)) {
        fromMarch2.add(flinkPath(file));
      }
    }
    Path output = dir.resolve("output");

    assertThat(
            run(
                "--input",
                bucket.toString(),
                "--output",
                output.toString(),
                "--bounded",
                "--start-date",
                "2024-03-02"))
        .isZero();

    try (OutputTables tables = new OutputTables(output)) {
      assertThat(tables.query("SELECT source_file FROM source_files ORDER BY 1"))
          .containsExactlyElementsOf(fromMarch2.stream().map(List::<Object>of).toList());
      assertThat(tables.query("SELECT DISTINCT dt FROM events ORDER BY dt"))
          .containsExactly(List.of("2024-03-02"), List.of("2024-03-03"));
      assertThat(tables.count("SELECT SUM(event_count) FROM user_activity")).isEqualTo(4);
    }
  }

  @Test
  void dashDSetsAnyConfigurationKey() throws Exception {
    Path bucket = dir.resolve("bucket");
    new TrailWriter(bucket)
        .writeLogFile(
            ACCOUNT,
            US_EAST_1,
            MARCH_1.plus(Duration.ofMinutes(10)),
            List.of(
                userCall("alice", "DescribeInstances", MARCH_1.plusSeconds(60)).build(),
                userCall("alice", "DescribeInstances", MARCH_1.plusSeconds(420)).build(),
                userCall("alice", "PutObject", MARCH_1.plusSeconds(480))
                    .eventId("large")
                    .set("pad", RecordBuilder.json("\"" + "x".repeat(3_000) + "\""))
                    .build()));
    Path output = dir.resolve("output");
    Path checkpoints = dir.resolve("elsewhere");

    CompletableFuture<Integer> run =
        CompletableFuture.supplyAsync(
            () ->
                run(
                    "--input",
                    bucket.toString(),
                    "--output",
                    output.toString(),
                    "--bounded",
                    "-Dcloudtrail.window=10m",
                    "-Dcloudtrail.max-record-size=2kb",
                    "-Dexecution.checkpointing.dir=" + checkpoints.toUri()));
    boolean checkpointedThere = false;
    while (!run.isDone()) {
      checkpointedThere |= holdsAJobFolder(checkpoints);
      Thread.sleep(20);
    }
    assertThat(run.get(5, TimeUnit.MINUTES)).isZero();

    try (OutputTables tables = new OutputTables(output)) {
      assertThat(
              tables.query(
                  "SELECT strftime(window_start, '%H:%M'), strftime(window_end, '%H:%M'),"
                      + " event_count FROM user_activity"))
          .as("-Dcloudtrail.window=10m: one ten-minute window")
          .containsExactly(List.of("10:00", "10:10", 2L));
      assertThat(tables.query("SELECT reason FROM rejects"))
          .as("-Dcloudtrail.max-record-size=2kb: the 3 KB record is too large")
          .containsExactly(List.of("record_too_large"));
    }
    assertThat(checkpointedThere)
        .as("-Dexecution.checkpointing.dir: the job's checkpoint folder was there while it ran")
        .isTrue();
    assertThat(checkpoints).as("and was deleted when the job finished").doesNotExist();
    assertThat(output.resolve("_checkpoints")).doesNotExist();
  }

  /**
   * A file delivered late into the folder of two days ago is read by a long-lived job that looks
   * back three days, and not by one that looks back one day (the default): each job reads a file
   * written after it, in today's folder, to show that it has listed the trail again since.
   */
  @Test
  void lookbackSetsHowManyDayFoldersAreListedAgain(@InjectClusterClient ClusterClient<?> client)
      throws Exception {
    assertThat(readsAFileDeliveredLateIntoTheFolderOfTwoDaysAgo(client, "3d")).isTrue();
    assertThat(readsAFileDeliveredLateIntoTheFolderOfTwoDaysAgo(client, null)).isFalse();
  }

  private boolean readsAFileDeliveredLateIntoTheFolderOfTwoDaysAgo(
      ClusterClient<?> client, String lookback) throws Exception {
    Instant now = Instant.now();
    Path bucket = dir.resolve("bucket-" + lookback);
    Path output = dir.resolve("output-" + lookback);
    DeliveringTrail trail = new DeliveringTrail(bucket);
    Path first = writeFile(trail, now.minus(Duration.ofMinutes(20)));
    List<String> command =
        new ArrayList<>(
            List.of(
                "--input",
                bucket.toString(),
                "--output",
                output.toString(),
                "--monitor-interval",
                "1s",
                "--checkpoint-interval",
                "1s"));
    if (lookback != null) {
      command.addAll(List.of("--lookback", lookback));
    }
    CompletableFuture<Integer> job =
        CompletableFuture.supplyAsync(() -> run(command.toArray(String[]::new)));
    try {
      awaitSourceFile(output, first);
      Path twoDaysAgo = writeFile(trail, now.minus(Duration.ofDays(2)));
      Path sentinel = writeFile(trail, now.minus(Duration.ofMinutes(10)));
      awaitSourceFile(output, sentinel);
      try (OutputTables tables = new OutputTables(output)) {
        return !tables
            .query("SELECT status FROM source_files WHERE source_file = ?", flinkPath(twoDaysAgo))
            .isEmpty();
      }
    } finally {
      for (var running : client.listJobs().get()) {
        if (running.getJobState() == JobStatus.RUNNING) {
          client.cancel(running.getJobId()).get();
        }
      }
      job.get(1, TimeUnit.MINUTES);
    }
  }

  private static Path writeFile(DeliveringTrail trail, Instant deliveredAt) throws Exception {
    return trail.deliver(
        ACCOUNT,
        US_EAST_1,
        deliveredAt,
        List.of(userCall("alice", "DescribeInstances", deliveredAt.minusSeconds(90)).build()));
  }

  /** Waits until the file's source_files row is committed. */
  private static void awaitSourceFile(Path output, Path file) throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
    while (System.nanoTime() < deadline) {
      if (Files.isDirectory(output.resolve("source_files"))) {
        try (OutputTables tables = new OutputTables(output)) {
          if (!tables.committedFiles("source_files").isEmpty()
              && !tables
                  .query("SELECT 1 FROM source_files WHERE source_file = ?", flinkPath(file))
                  .isEmpty()) {
            return;
          }
        }
      }
      Thread.sleep(200);
    }
    throw new AssertionError(file + " was not read within a minute");
  }

  /** Runs the command line; returns its exit code. */
  private static int run(String... args) {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = new Cli(System.out, new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
    System.err.print(err.toString(StandardCharsets.UTF_8));
    return code;
  }

  private static boolean holdsAJobFolder(Path checkpoints) {
    try (Stream<Path> folders = Files.list(checkpoints)) {
      return folders.anyMatch(path -> path.getFileName().toString().matches("[0-9a-f]{32}"));
    } catch (IOException | UncheckedIOException e) {
      return false; // not made yet, or deleted as it was listed
    }
  }

  private static String flinkPath(Path file) {
    return new org.apache.flink.core.fs.Path(file.toUri()).toString();
  }
}
