package com.cloudtrailanalytics.testing;

import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;

/** The Flink MiniCluster the integration tests run the job on. */
public final class MiniClusters {

  private MiniClusters() {}

  /** One TaskManager with two slots: the job at parallelism 2, as on the 2-core CI machine. */
  public static MiniClusterExtension oneTaskManagerTwoSlots() {
    return new MiniClusterExtension(
        new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1)
            .setNumberSlotsPerTaskManager(2)
            .build());
  }
}
