package com.cloudtrailanalytics.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudtrailanalytics.pipeline.CloudTrailJob;
import java.time.Duration;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.minicluster.MiniCluster;

/** Kills a MiniCluster's TaskManagers while a job runs, each time after a new checkpoint. */
public final class TaskManagerKills {

  private TaskManagerKills() {}

  /**
   * Runs the bounded job to its end while its TaskManager is killed {@code kills} times, and checks
   * that the job was restarted at least once for each kill (a checkpoint hung by a kill can cost
   * one restart more: see {@link JobConfigs#boundedThroughFailures}).
   */
  public static void runThroughKills(MiniCluster cluster, Configuration config, int kills)
      throws Exception {
    JobClient job = CloudTrailJob.create(config).start();
    killAfterCheckpoints(cluster, job.getJobID(), kills);
    job.getJobExecutionResult().get();
    assertThat(restarts(cluster, job.getJobID()))
        .as("restarts, one for each kill at least")
        .isGreaterThanOrEqualTo(kills);
  }

  /**
   * Kills the TaskManager {@code kills} times, each time once the job has completed a checkpoint it
   * had not completed before, and starts a new one in its place.
   */
  public static void killAfterCheckpoints(MiniCluster cluster, JobID job, int kills)
      throws Exception {
    for (int kill = 0; kill < kills; kill++) {
      awaitNewCheckpoint(cluster, job);
      cluster.terminateTaskManager(kill).get();
      cluster.startTaskManager();
    }
  }

  /** How many times the job's first task was restarted. */
  public static int restarts(MiniCluster cluster, JobID job) throws Exception {
    return cluster
        .getArchivedExecutionGraph(job)
        .get()
        .getAllExecutionVertices()
        .iterator()
        .next()
        .getCurrentExecutionAttempt()
        .getAttemptNumber();
  }

  private static void awaitNewCheckpoint(MiniCluster cluster, JobID job) throws Exception {
    long before = completedCheckpoints(cluster, job);
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (System.nanoTime() < deadline) {
      if (cluster.getJobStatus(job).get() == JobStatus.FINISHED) {
        throw new AssertionError(
            "the job finished before it could be killed; make the trail larger");
      }
      if (cluster.getJobStatus(job).get() == JobStatus.RUNNING
          && completedCheckpoints(cluster, job) > before) {
        return;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no new checkpoint within two minutes");
  }

  private static long completedCheckpoints(MiniCluster cluster, JobID job) throws Exception {
    var stats = cluster.getExecutionGraph(job).get().getCheckpointStatsSnapshot();
    return stats == null ? 0 : stats.getCounts().getNumberOfCompletedCheckpoints();
  }
}
