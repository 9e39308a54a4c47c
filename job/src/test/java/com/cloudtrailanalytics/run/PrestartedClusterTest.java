package com.cloudtrailanalytics.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PrestartedClusterTest {

  /**
   * A job of the cluster's shape runs on it, and shuts it down as it ends (were the job run
   * anywhere else, the cluster would still be up); a job that needs more slots runs on a cluster of
   * its own, and the early one is shut down unused. Both shut it down in the background, so the
   * test waits for it.
   */
  @ParameterizedTest(name = "cluster for parallelism {0}, job of parallelism {1}")
  @CsvSource({"2, 2", "1, 3"})
  void aJobEndsWithTheClusterStartedEarlyShutDown(int clusterParallelism, int jobParallelism)
      throws Exception {
    Configuration config = parallelism(clusterParallelism);
    try (PrestartedCluster cluster = PrestartedCluster.start(config)) {
      StreamExecutionEnvironment env = cluster.environment(config);
      env.setParallelism(jobParallelism);

      assertThat(squares(env)).containsExactlyInAnyOrder(1L, 4L, 9L, 16L);
      assertThat(runningAfterWaiting(cluster, false))
          .as("shut down, not closed by the test")
          .isFalse();
    }
  }

  @Test
  void aSecondJobGetsAClusterOfItsOwn() throws Exception {
    Configuration config = parallelism(1);
    try (PrestartedCluster cluster = PrestartedCluster.start(config)) {
      StreamExecutionEnvironment env = cluster.environment(config);
      squares(env);

      assertThat(squares(env)).containsExactlyInAnyOrder(1L, 4L, 9L, 16L);
    }
  }

  @Test
  void aClusterNoJobRanOnIsShutDownWhenClosed() throws Exception {
    PrestartedCluster cluster = PrestartedCluster.start(parallelism(1));
    assertThat(runningAfterWaiting(cluster, true)).as("started on its own, with no job").isTrue();

    cluster.close();

    assertThat(cluster.isRunning()).isFalse();
  }

  /** Whether the cluster runs, once it does as {@code expected} or a minute has passed. */
  private static boolean runningAfterWaiting(PrestartedCluster cluster, boolean expected)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
    while (cluster.isRunning() != expected && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    return cluster.isRunning();
  }

  private static List<Long> squares(StreamExecutionEnvironment env) throws Exception {
    try (CloseableIterator<Long> squares =
        env.fromSequence(1, 4).map(n -> n * n).returns(Long.class).executeAndCollect()) {
      List<Long> collected = new ArrayList<>();
      squares.forEachRemaining(collected::add);
      return collected;
    }
  }

  private static Configuration parallelism(int parallelism) {
    Configuration config = new Configuration();
    config.set(CoreOptions.DEFAULT_PARALLELISM, parallelism);
    return config;
  }
}
