package com.cloudtrailanalytics.pipeline;

import static com.cloudtrailanalytics.testing.CloudTrailEvents.ACCOUNT;
import static com.cloudtrailanalytics.testing.CloudTrailEvents.BEGINNING;
import static com.cloudtrailanalytics.testing.CloudTrailEvents.EU_WEST_1;
import static com.cloudtrailanalytics.testing.CloudTrailEvents.US_EAST_1;
import static com.cloudtrailanalytics.testing.CloudTrailEvents.userCall;
import static org.assertj.core.api.Assertions.assertThat;

import com.cloudtrailanalytics.config.JobOptions;
import com.cloudtrailanalytics.sample.RecordBuilder;
import com.cloudtrailanalytics.testing.DeliveringTrail;
import com.cloudtrailanalytics.testing.JobConfigs;
import com.cloudtrailanalytics.testing.JobMetrics;
import com.cloudtrailanalytics.testing.OutputTables;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.apache.flink.api.common.JobID;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.testutils.InMemoryReporter;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.InjectMiniCluster;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Auto-compaction merges the files a checkpoint commits into a partition only up to 4 MB ({@code
 * compaction.file-size}): two writers' files of more than that stay two files, renamed, not
 * rewritten.
 */
class CompactionITCase {

  private static final InMemoryReporter METRICS = InMemoryReporter.createWithRetainedMetrics();

  @RegisterExtension
  static final MiniClusterExtension CLUSTER =
      new MiniClusterExtension(
          new MiniClusterResourceConfiguration.Builder()
              .setConfiguration(METRICS.addToConfiguration(new Configuration()))
              .setNumberTaskManagers(1)
              .setNumberSlotsPerTaskManager(2)
              .build());

  private static final long COMPACTION_FILE_SIZE = 4L * 1024 * 1024;

  /** Two files of incompressible events, about 9 MB of Parquet each, and two of one event. */
  private static final int LARGE_FILES = 2;

  private static final int EVENTS_PER_LARGE_FILE = 20;
  private static final int EVENTS = LARGE_FILES * EVENTS_PER_LARGE_FILE + 2;

  @TempDir Path dir;

  @Test
  void filesThatTogetherExceedTheCompactionSizeAreNotMerged(@InjectMiniCluster MiniCluster cluster)
      throws Exception {
    Path bucket = Files.createDirectories(dir.resolve("bucket"));
    Path output = dir.resolve("output");
    Configuration config = JobConfigs.bounded(bucket, output);
    config.set(JobOptions.BOUNDED, false);
    config.set(JobOptions.MONITOR_INTERVAL, Duration.ofSeconds(1));
    config.set(JobOptions.TABLES, List.of("events"));
    config.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, Duration.ofDays(365));

    JobClient job = CloudTrailJob.create(config).start();
    try {
      // The checkpoint the job takes as it starts has passed before there is anything to read;
      // then both writers get their rows, and one checkpoint commits both files at once.
      awaitCompletedCheckpoints(cluster, job.getJobID(), 1);
      writeTrail(bucket);
      awaitRecordsRead(job.getJobID(), EVENTS);
      cluster.triggerCheckpoint(job.getJobID()).get();
      awaitCommittedEvents(output, EVENTS);
      assertThat(completedCheckpoints(cluster, job.getJobID())).as("checkpoints").isEqualTo(2);
    } finally {
      job.cancel().get();
    }

    try (OutputTables tables = new OutputTables(output)) {
      List<Path> files = tables.committedFiles("events");
      long total = 0;
      for (Path file : files) {
        total += Files.size(output.resolve("events").resolve(file));
      }
      assertThat(total).as("the partition's bytes").isGreaterThan(COMPACTION_FILE_SIZE);
      assertThat(files)
          .as("one file per writer: merging them would pass 4 MB")
          .hasSize(2)
          .allMatch(file -> file.toString().startsWith("dt=2024-03-01/hr=10/compacted-part-"));
      assertThat(tables.query("SELECT COUNT(*), COUNT(DISTINCT event_id) FROM events"))
          .containsExactly(List.of((long) EVENTS, (long) EVENTS));
    }
  }

  private static void writeTrail(Path bucket) throws Exception {
    DeliveringTrail trail = new DeliveringTrail(bucket);
    Random random = new Random(7);
    for (int file = 0; file < LARGE_FILES; file++) {
      List<ObjectNode> events = new ArrayList<>();
      for (int i = 0; i < EVENTS_PER_LARGE_FILE; i++) {
        byte[] noise = new byte[345 * 1024];
        random.nextBytes(noise);
        events.add(
            userCall("alice", "PutObject", BEGINNING.plusSeconds(i))
                .eventId("large-" + file + "-" + i)
                .requestParameters(
                    RecordBuilder.json(
                        "{\"blob\":\"" + Base64.getEncoder().encodeToString(noise) + "\"}"))
                .build());
      }
      trail.deliver(ACCOUNT, US_EAST_1, BEGINNING.plus(Duration.ofMinutes(5)), events);
    }
    for (String id : List.of("small-1", "small-2")) {
      trail.deliver(
          ACCOUNT,
          EU_WEST_1,
          BEGINNING.plus(Duration.ofMinutes(6)),
          List.of(
              RecordBuilder.apiCall(
                      ACCOUNT,
                      EU_WEST_1,
                      BEGINNING.plusSeconds(50),
                      "ec2.amazonaws.com",
                      "DescribeInstances")
                  .iamUser(ACCOUNT, "bob")
                  .eventId(id)
                  .build()));
    }
  }

  /** Waits until the job has read this many records: every row is in a writer's open file. */
  private static void awaitRecordsRead(JobID job, long records) throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (System.nanoTime() < deadline) {
      if (JobMetrics.counters(METRICS, job).getOrDefault("recordsRead", 0L) == records) {
        return;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("the job did not read " + records + " records within two minutes");
  }

  private static void awaitCompletedCheckpoints(MiniCluster cluster, JobID job, long checkpoints)
      throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
    while (completedCheckpoints(cluster, job) < checkpoints) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no checkpoint completed within a minute");
      }
      Thread.sleep(100);
    }
  }

  private static long completedCheckpoints(MiniCluster cluster, JobID job) throws Exception {
    var stats = cluster.getExecutionGraph(job).get().getCheckpointStatsSnapshot();
    return stats == null ? 0 : stats.getCounts().getNumberOfCompletedCheckpoints();
  }

  private static void awaitCommittedEvents(Path output, long events) throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
    while (System.nanoTime() < deadline) {
      if (Files.isDirectory(output.resolve("events"))) {
        try (OutputTables tables = new OutputTables(output)) {
          if (!tables.committedFiles("events").isEmpty()
              && tables.count("SELECT COUNT(*) FROM events") == events) {
            return;
          }
        }
      }
      Thread.sleep(200);
    }
    throw new AssertionError("the events were not committed within a minute");
  }
}
