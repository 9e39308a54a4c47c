package com.cloudtrailanalytics.testing;

import com.cloudtrailanalytics.config.JobOptions;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.RestartStrategyOptions;

/** Job configurations for tests: local folders, short checkpoints. */
public final class JobConfigs {

  private JobConfigs() {}

  public static Configuration bounded(Path input, Path output) {
    Configuration config = new Configuration();
    config.set(JobOptions.INPUT, input.toString());
    config.set(JobOptions.OUTPUT, output.toString());
    config.set(JobOptions.BOUNDED, true);
    config.set(CoreOptions.DEFAULT_PARALLELISM, 2);
    config.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, Duration.ofSeconds(2));
    return config;
  }

  /**
   * A bounded run with one reader, which reads the files one after another in delivery order: a
   * file delivered hours late is read after the files before it have moved the clock on. With
   * several readers, one slow reader holds the clock back, and the late file's events may still be
   * in time.
   */
  public static Configuration boundedInDeliveryOrder(Path input, Path output) {
    Configuration config = bounded(input, output);
    config.set(CoreOptions.DEFAULT_PARALLELISM, 1);
    return config;
  }

  /**
   * A bounded run that checkpoints every 300 ms and restarts its tasks at once when they fail, for
   * tests that kill TaskManagers in the middle of it.
   *
   * <p>A TaskManager killed while a checkpoint is pending can leave the next checkpoint hanging:
   * the aborted one reaches the source's coordinator after the restart ("Trying to open gateway for
   * unseen checkpoint"), seen here about once in three runs on a busy machine. Flink's cure is the
   * checkpoint timeout (10 minutes by default), which fails the job over to its last checkpoint; 30
   * seconds lets a test see that cure, at the price of a restart more.
   */
  public static Configuration boundedThroughFailures(Path input, Path output) {
    Configuration config = bounded(input, output);
    config.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, Duration.ofMillis(300));
    config.set(CheckpointingOptions.CHECKPOINTING_TIMEOUT, Duration.ofSeconds(30));
    config.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
    config.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 10);
    config.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(200));
    return config;
  }
}
