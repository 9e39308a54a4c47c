package com.cloudtrailanalytics.testing;

import com.cloudtrailanalytics.config.JobOptions;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;

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
}
