package com.cloudtrailanalytics.run;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.TaskManagerOptions;

/**
 * The memory of the Flink cluster that a {@code java -jar} run starts inside its own process.
 *
 * <p>Flink gives an embedded TaskManager 128 MB of managed memory and 64 MB of network buffers
 * whatever the job, both off the heap. This job needs far less: only its window aggregations take
 * managed memory (buffers they flush when full, each needing a little over 1 MB), and its few
 * exchanges need about three 32 KB buffers for each pair of subtasks they connect. Sized to the
 * parallelism instead, a 1 GB-heap run of every table stays under 1.5 GB of resident memory, which
 * {@code bench/run-end-to-end.sh} checks. Settings given explicitly are kept.
 */
public final class EmbeddedCluster {

  /** Enough for the six window operators a slot can hold, at over 2 MB each. */
  static final MemorySize MANAGED_MEMORY_PER_SLOT = MemorySize.ofMebiBytes(16);

  static final MemorySize MIN_NETWORK_MEMORY = MemorySize.ofMebiBytes(16);

  /** Flink's own default for an embedded cluster, which the job never exceeds. */
  static final MemorySize MAX_NETWORK_MEMORY = MemorySize.ofMebiBytes(64);

  private EmbeddedCluster() {}

  /** The configuration with the embedded cluster's memory sized to the job, unless set. */
  public static Configuration withMemoryDefaults(Configuration given) {
    Configuration config = new Configuration(given);
    int slots =
        config
            .getOptional(CoreOptions.DEFAULT_PARALLELISM)
            .orElse(Runtime.getRuntime().availableProcessors());
    if (!config.contains(TaskManagerOptions.MANAGED_MEMORY_SIZE)
        && !config.contains(TaskManagerOptions.MANAGED_MEMORY_FRACTION)) {
      config.set(TaskManagerOptions.MANAGED_MEMORY_SIZE, MANAGED_MEMORY_PER_SLOT.multiply(slots));
    }
    if (!config.contains(TaskManagerOptions.NETWORK_MEMORY_MIN)
        && !config.contains(TaskManagerOptions.NETWORK_MEMORY_MAX)) {
      MemorySize network = networkMemory(slots);
      config.set(TaskManagerOptions.NETWORK_MEMORY_MIN, network);
      config.set(TaskManagerOptions.NETWORK_MEMORY_MAX, network);
    }
    return config;
  }

  /**
   * 4 MB times the parallelism squared, from 16 MB up to 64 MB: an exchange takes about 0.1 MB
   * times the parallelism squared, and the job has fewer than ten.
   */
  static MemorySize networkMemory(int parallelism) {
    long bytes = MemorySize.ofMebiBytes(4).getBytes() * parallelism * parallelism;
    return new MemorySize(
        Math.max(MIN_NETWORK_MEMORY.getBytes(), Math.min(MAX_NETWORK_MEMORY.getBytes(), bytes)));
  }
}
