package com.cloudtrailanalytics.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.TaskManagerOptions;
import org.junit.jupiter.api.Test;

class EmbeddedClusterTest {

  @Test
  void twoSlotsGetLessThanFlinksDefaults() {
    Configuration config = EmbeddedCluster.withMemoryDefaults(parallelism(2));

    assertThat(config.get(TaskManagerOptions.MANAGED_MEMORY_SIZE))
        .isEqualTo(MemorySize.parse("32m"));
    assertThat(config.get(TaskManagerOptions.NETWORK_MEMORY_MIN))
        .isEqualTo(MemorySize.parse("16m"));
    assertThat(config.get(TaskManagerOptions.NETWORK_MEMORY_MAX))
        .isEqualTo(MemorySize.parse("16m"));
    assertThat(config.get(TaskManagerOptions.MEMORY_SEGMENT_SIZE))
        .isEqualTo(MemorySize.parse("8kb"));
  }

  @Test
  void networkMemoryGrowsWithTheSlots() {
    MemorySize segment = EmbeddedCluster.SEGMENT_SIZE;
    assertThat(EmbeddedCluster.networkMemory(1, segment)).isEqualTo(MemorySize.parse("16m"));
    assertThat(EmbeddedCluster.networkMemory(2, segment)).isEqualTo(MemorySize.parse("16m"));
    assertThat(EmbeddedCluster.networkMemory(4, segment)).isEqualTo(MemorySize.parse("32m"));
    assertThat(EmbeddedCluster.networkMemory(32, segment)).isEqualTo(MemorySize.parse("256m"));
  }

  @Test
  void segmentsSetLargerKeepTheNumberOfNetworkBuffers() {
    Configuration given = parallelism(2);
    given.set(TaskManagerOptions.MEMORY_SEGMENT_SIZE, MemorySize.parse("32kb"));

    Configuration config = EmbeddedCluster.withMemoryDefaults(given);

    assertThat(config.get(TaskManagerOptions.NETWORK_MEMORY_MIN))
        .isEqualTo(MemorySize.parse("64m"));
    assertThat(config.get(TaskManagerOptions.NETWORK_MEMORY_MAX))
        .isEqualTo(MemorySize.parse("64m"));
  }

  @Test
  void managedMemoryGrowsWithTheSlots() {
    Configuration config = EmbeddedCluster.withMemoryDefaults(parallelism(12));

    assertThat(config.get(TaskManagerOptions.MANAGED_MEMORY_SIZE))
        .isEqualTo(MemorySize.parse("192m"));
  }

  @Test
  void theGivenConfigurationIsNotChanged() {
    Configuration given = parallelism(2);

    EmbeddedCluster.withMemoryDefaults(given);

    assertThat(given.contains(TaskManagerOptions.MANAGED_MEMORY_SIZE)).isFalse();
    assertThat(given.contains(TaskManagerOptions.NETWORK_MEMORY_MAX)).isFalse();
  }

  @Test
  void explicitSettingsAreKept() {
    Configuration given = parallelism(2);
    given.set(TaskManagerOptions.MANAGED_MEMORY_SIZE, MemorySize.parse("200m"));
    given.set(TaskManagerOptions.NETWORK_MEMORY_MAX, MemorySize.parse("100m"));
    given.set(TaskManagerOptions.MEMORY_SEGMENT_SIZE, MemorySize.parse("32kb"));

    Configuration config = EmbeddedCluster.withMemoryDefaults(given);

    assertThat(config.get(TaskManagerOptions.MANAGED_MEMORY_SIZE))
        .isEqualTo(MemorySize.parse("200m"));
    assertThat(config.contains(TaskManagerOptions.NETWORK_MEMORY_MIN)).isFalse();
    assertThat(config.get(TaskManagerOptions.NETWORK_MEMORY_MAX))
        .isEqualTo(MemorySize.parse("100m"));
    assertThat(config.get(TaskManagerOptions.MEMORY_SEGMENT_SIZE))
        .isEqualTo(MemorySize.parse("32kb"));
  }

  private static Configuration parallelism(int parallelism) {
    Configuration config = new Configuration();
    config.set(CoreOptions.DEFAULT_PARALLELISM, parallelism);
    return config;
  }
}
