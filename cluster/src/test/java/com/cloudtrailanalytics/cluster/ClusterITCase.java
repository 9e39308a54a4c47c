package com.cloudtrailanalytics.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudtrailanalytics.config.JobOptions;
import com.cloudtrailanalytics.run.FileSystemSetup;
import com.cloudtrailanalytics.testing.OutputTables;
import com.cloudtrailanalytics.testing.TrailRecords;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The long-lived job where users run it: a standalone Flink cluster of separate processes (a
 * JobManager in application mode and two TaskManagers with one slot each, so that records cross the
 * network between them), the cluster jar, and an S3 server speaking SigV4, holding the trail, the
 * tables, the checkpoints and the savepoints. The job loses a TaskManager to SIGKILL, is stopped
 * with a savepoint and started again from it, and keeps up with files that arrive while it runs;
 * the tables always hold each window exactly once.
 */
class ClusterITCase {

  private static final String TRAIL = "trail";
  private static final String TABLES = "tables";
  private static final String ACTIVITY = "user_activity,region_activity";
  private static final Duration PATIENCE = Duration.ofMinutes(3);

  @TempDir Path dir;
  private S3ProxyProcess s3;
  private FlinkCluster cluster;
  private final Map<String, Object> figures = new LinkedHashMap<>();

  @BeforeEach
  void requireTheDistribution() {
    Assumptions.assumeTrue(
        FlinkCluster.isAssembled(),
        "the Flink distribution (flink-dist/target/flink) or the cluster jar"
            + " (cluster/target/cloudtrail-analytics.jar) is not built: run `mvn verify` from the"
            + " top of the repository");
  }

  @AfterEach
  void stopEverything() throws Exception {
    if (cluster != null) {
      cluster.close();
    }
    if (s3 != null) {
      s3.close();
    }
    System.out.println("Cluster figures: " + figures);
  }

  @Test
  void survivesATaskManagerLossARestartFromASavepointAndKeepsUpWithNewFiles() throws Exception {
    s3 = S3ProxyProcess.start(dir, freePort(), List.of(TRAIL, TABLES));
    Configuration client = new Configuration();
    client.set(JobOptions.S3_ENDPOINT, s3.endpoint());
    client.set(JobOptions.S3_PATH_STYLE, true);
    client.setString("s3.access-key", S3ProxyProcess.ACCESS_KEY);
    client.setString("s3.secret-key", S3ProxyProcess.SECRET_KEY);
    FileSystemSetup.initialize(client);

    ClusterTrail trail = ClusterTrail.generate(dir);
    trail.deliverUpTo(0.6, TRAIL);

    int restPort = freePort();
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("jobmanager.rpc.address", "127.0.0.1");
    settings.put("jobmanager.rpc.port", String.valueOf(freePort()));
    settings.put("rest.port", String.valueOf(restPort));
    settings.put("taskmanager.numberOfTaskSlots", "1");
    settings.put("parallelism.default", "2");
    settings.put("s3.endpoint", s3.endpoint());
    settings.put("execution.checkpointing.savepoint-dir", "s3://" + TABLES + "/_savepoints");
    // the JobManager's; each TaskManager gets its own below (it listens on every interface)
    settings.put(
        "metrics.reporter.prom.factory.class",
        "org.apache.flink.metrics.prometheus.PrometheusReporterFactory");
    settings.put("metrics.reporter.prom.port", String.valueOf(freePort()));
    cluster =
        new FlinkCluster(
            dir.resolve("flink"),
            settings,
            Map.of(
                "AWS_ACCESS_KEY_ID", S3ProxyProcess.ACCESS_KEY,
                "AWS_SECRET_ACCESS_KEY", S3ProxyProcess.SECRET_KEY));
    Path tables = s3.bucketFolder(TABLES);

    // (a) Two TaskManagers, the job on both; one is killed mid-run and another takes its place.
    long started = System.nanoTime();
    List<Integer> metricsPorts = new ArrayList<>(List.of(freePort(), freePort(), freePort()));
    cluster.startTaskManager("taskmanager-1", metricsPorts.get(0));
    Process second = cluster.startTaskManager("taskmanager-2", metricsPorts.get(1));
    cluster.startJobManager("jobmanager-1", null, jobArgs(ACTIVITY, "2s"));
    String job = cluster.awaitRunning(PATIENCE);
    figures.put("start to RUNNING (s)", seconds(System.nanoTime() - started));
    assertThat(cluster.freeSlots().values())
        .as("both TaskManagers run the job's tasks, so records cross between them")
        .containsExactly(0, 0);
    awaitCompletedCheckpoints(job, 1);

    second.destroyForcibly();
    long killed = System.nanoTime();
    cluster.startTaskManager("taskmanager-3", metricsPorts.get(2));
    metricsPorts.remove(1);
    awaitRestarted(job);
    figures.put("TaskManager killed to RUNNING again (s)", seconds(System.nanoTime() - killed));
    awaitTables(tables, trail.closedUserActivity());
    figures.put("TaskManager killed to exact tables (s)", seconds(System.nanoTime() - killed));

    // (b) Stop with a savepoint. A job without one of its tables has nowhere to put that table's
    // state (its writer's files, its open windows): Flink refuses to start rather than lose it.
    // (A table turned on instead was refused in some runs and restored in others: see README.)
    long stopping = System.nanoTime();
    String savepoint =
        cluster.stopWithSavepoint(job, "s3://" + TABLES + "/_savepoints", Duration.ofMinutes(2));
    figures.put("stop with savepoint (s)", seconds(System.nanoTime() - stopping));
    assertThat(savepoint).startsWith("s3://" + TABLES + "/_savepoints/");
    figures.put("savepoint size (KB)", folderBytes(tables.resolve(key(savepoint))) / 1024);
    cluster.awaitNoJob(Duration.ofMinutes(1));
    Process refused =
        cluster.startJobManager("jobmanager-refused", savepoint, jobArgs("user_activity", "2s"));
    cluster.awaitLog("jobmanager-refused", "Cannot map checkpoint/savepoint state", PATIENCE);
    refused.destroy();
    refused.waitFor();
    cluster.awaitNoJob(Duration.ofMinutes(1));

    // ... and the same tables with other settings start from it, every row once.
    trail.mark();
    cluster.startJobManager("jobmanager-2", savepoint, jobArgs(ACTIVITY, "3s"));
    job = cluster.awaitRunning(PATIENCE);

    // (c) Files keep arriving; new windows appear, each once.
    int windowsBefore = trail.closedUserActivity().size();
    for (double part : List.of(0.75, 0.9, 1.0)) {
      assertThat(trail.deliverUpTo(part, TRAIL)).isPositive();
      awaitTables(tables, trail.closedUserActivity());
    }
    assertThat(trail.remaining()).isZero();
    assertThat(trail.closedUserActivity().size()).isGreaterThan(windowsBefore);
    try (OutputTables output = new OutputTables(tables)) {
      assertThat(output.committedFiles("late_events")).isEmpty();
    }

    // (d) The Prometheus reporter of each TaskManager serves the job's own metrics.
    long eventsSinceUpgrade = TrailRecords.of(trail.sinceMark()).size();
    long recordsRead = 0;
    for (int port : metricsPorts) {
      recordsRead += metric(port, "cloudtrail_recordsRead");
    }
    assertThat(recordsRead)
        .as(
            "recordsRead of both TaskManagers: the events read since the restart from the savepoint")
        .isEqualTo(eventsSinceUpgrade);

    // (e) The TaskManagers run the collector that env.java.opts.taskmanager names.
    for (int port : metricsPorts) {
      assertThat(metric(port, "Status_JVM_GarbageCollector_PS_Scavenge_Count"))
          .as("young collections of the throughput collector, on port %d", port)
          .isPositive();
    }

    figures.put("events", TrailRecords.of(trail.delivered()).size());
    figures.put("RSS s3proxy (MB)", FlinkCluster.residentMegabytes(s3.pid()));
    figures.putAll(cluster.residentMegabytes());
  }

  private static List<String> jobArgs(String tables, String checkpointInterval) {
    return List.of(
        "--input", "s3://" + TRAIL + "/",
        "--output", "s3://" + TABLES + "/",
        "--tables", tables,
        "--window", ClusterTrail.WINDOW.toMinutes() + "m",
        "--max-delay", ClusterTrail.MAX_DELAY.toMinutes() + "m",
        "--monitor-interval", "1s",
        "--checkpoint-interval", checkpointInterval);
  }

  private void awaitCompletedCheckpoints(String job, int count) throws Exception {
    await(
        () -> {
          var stats = cluster.get("/jobs/" + job + "/checkpoints");
          return stats != null && stats.path("counts").path("completed").asInt() >= count;
        },
        "a completed checkpoint");
  }

  /** Waits until the job has restarted after the failure and runs every task again. */
  private void awaitRestarted(String job) throws Exception {
    cluster.awaitLog("jobmanager-1", "switched from state RESTARTING to RUNNING", PATIENCE);
    await(() -> job.equals(cluster.runningJob()), "every task running again");
  }

  /** Waits until user_activity holds exactly these rows; fails showing the difference. */
  private static void awaitTables(Path tables, List<List<Object>> expected) throws Exception {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    List<List<Object>> actual = List.of();
    while (System.nanoTime() < deadline) {
      actual = userActivity(tables);
      if (actual.equals(expected)) {
        return;
      }
      Thread.sleep(1000);
    }
    assertThat(actual).containsExactlyElementsOf(expected);
  }

  /** The rows of user_activity; none while the job replaces a file that was just listed. */
  private static List<List<Object>> userActivity(Path tables) throws Exception {
    if (!Files.isDirectory(tables.resolve("user_activity"))) {
      return List.of();
    }
    try (OutputTables output = new OutputTables(tables)) {
      return output.committedFiles("user_activity").isEmpty()
          ? List.of()
          : output.userActivityCounts();
    } catch (SQLException e) {
      return List.of();
    }
  }

  private static void awaitCount(Path tables, String sql, long expected) throws Exception {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    long actual = -1;
    while (System.nanoTime() < deadline) {
      try (OutputTables output = new OutputTables(tables)) {
        String table = sql.replaceAll(".* FROM (\\w+).*", "$1");
        actual = output.committedFiles(table).isEmpty() ? 0 : output.count(sql);
      }
      if (actual == expected) {
        return;
      }
      Thread.sleep(1000);
    }
    assertThat(actual).as(sql).isEqualTo(expected);
  }

  /** The sum of a metric's samples on a Prometheus endpoint. */
  private static long metric(int port, String name) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    Matcher sample =
        Pattern.compile("(?m)^flink_\\w*_" + name + "\\{[^}]*} ([0-9.E+]+)$")
            .matcher(response.body());
    double sum = 0;
    boolean found = false;
    while (sample.find()) {
      sum += Double.parseDouble(sample.group(1));
      found = true;
    }
    assertThat(found).as("%s on port %d", name, port).isTrue();
    return (long) sum;
  }

  private static void await(Callable<Boolean> condition, String what) throws Exception {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (System.nanoTime() < deadline) {
      if (condition.call()) {
        return;
      }
      Thread.sleep(250);
    }
    throw new AssertionError("waited " + PATIENCE + " for " + what);
  }

  private static String key(String s3Uri) {
    return URI.create(s3Uri).getPath().substring(1);
  }

  private static long folderBytes(Path folder) throws IOException {
    try (Stream<Path> files = Files.walk(folder)) {
      long bytes = 0;
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        bytes += Files.size(file);
      }
      return bytes;
    }
  }

  private static double seconds(long nanos) {
    return Math.round(nanos / 100_000_000.0) / 10.0;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
