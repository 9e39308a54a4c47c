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
 * managed memory (buffers they flush when full, each needing a little over 1 MB), and its exchanges
 * ask for about 700 network buffers per slot (1,414 with every table and findings at parallelism 2,
 * 2,730 at 4). Buffers of 8 KB instead of 32 KB hold its rows as well, so the same number of them
 * takes a quarter of the memory. Sized this way, a 1 GB-heap run of every table stays under 1.5 GB
 * of resident memory, which {@code bench/run-end-to-end.sh} checks. Settings given explicitly are
 * kept.
 */
public final class EmbeddedCluster {

  static final MemorySize SEGMENT_SIZE = MemorySize.parse("8kb");

  /** Enough for the six window operators a slot can hold, at over 2 MB each. */
  static final MemorySize MANAGED_MEMORY_PER_SLOT = MemorySize.ofMebiBytes(16);

  /** About half again what a slot asks for. */
  static final int NETWORK_BUFFERS_PER_SLOT = 1024;

  static final int MIN_NETWORK_BUFFERS = 2048;

  private EmbeddedCluster() {}

  /** The configuration with the embedded cluster's memory sized to the job, unless set. */
  public static Configuration withMemoryDefaults(Configuration given) {
    Configuration config = new Configuration(given);
    int slots = parallelism(config);
    if (!config.contains(TaskManagerOptions.MEMORY_SEGMENT_SIZE)) {
      config.set(TaskManagerOptions.MEMORY_SEGMENT_SIZE, SEGMENT_SIZE);
    }
    if (!config.contains(TaskManagerOptions.MANAGED_MEMORY_SIZE)
        && !config.contains(TaskManagerOptions.MANAGED_MEMORY_FRACTION)) {
      config.set(TaskManagerOptions.MANAGED_MEMORY_SIZE, MANAGED_MEMORY_PER_SLOT.multiply(slots));
    }
    if (!config.contains(TaskManagerOptions.NETWORK_MEMORY_MIN)
        && !config.contains(TaskManagerOptions.NETWORK_MEMORY_MAX)) {
      MemorySize network = networkMemory(slots, config.get(TaskManagerOptions.MEMORY_SEGMENT_SIZE));
      config.set(TaskManagerOptions.NETWORK_MEMORY_MIN, network);
      config.set(TaskManagerOptions.NETWORK_MEMORY_MAX, network);
    }
    return config;
  }

  /**
   * The job's parallelism in an embedded run, as in Flink's local environment: set, else every
   * core.
   */
  static int parallelism(Configuration config) {
    return config
        .getOptional(CoreOptions.DEFAULT_PARALLELISM)
        .orElse(Runtime.getRuntime().availableProcessors());
  }

  /** Enough buffers for the slots, in segments of the size the cluster will use. */
  static MemorySize networkMemory(int slots, MemorySize segment) {
    return segment.multiply(Math.max(MIN_NETWORK_BUFFERS, NETWORK_BUFFERS_PER_SLOT * slots));
  }
}
