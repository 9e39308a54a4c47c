package com.cloudtrailanalytics;

import static com.cloudtrailanalytics.testing.CloudTrailEvents.ACCOUNT;
import static com.cloudtrailanalytics.testing.CloudTrailEvents.BEGINNING;
import static com.cloudtrailanalytics.testing.CloudTrailEvents.NEXT_WINDOW;
import static com.cloudtrailanalytics.testing.CloudTrailEvents.US_EAST_1;
import static com.cloudtrailanalytics.testing.CloudTrailEvents.userCall;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cloudtrailanalytics.sample.TrailWriter;
import com.cloudtrailanalytics.testing.MiniClusters;
import com.cloudtrailanalytics.testing.OutputTables;
import java.nio.file.Path;
import java.util.List;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The main class as a cluster runs it in application mode: inside a Flink context it must submit to
 * that cluster and return, or throw, but never end the process (which would be the JobManager).
 */
class ApplicationModeITCase {

  @RegisterExtension
  static final MiniClusterExtension CLUSTER = MiniClusters.oneTaskManagerTwoSlots();

  @TempDir Path dir;

  @Test
  void mainRunsOnTheClusterAndReturns() throws Exception {
    Path bucket = dir.resolve("bucket");
    new TrailWriter(bucket)
        .writeLogFile(
            ACCOUNT,
            US_EAST_1,
            NEXT_WINDOW,
            List.of(userCall("alice", "DescribeInstances", BEGINNING).build()));
    Path output = dir.resolve("output");

    CloudTrailAnalytics.main(
        new String[] {"--input", bucket.toString(), "--output", output.toString(), "--bounded"});

    try (OutputTables tables = new OutputTables(output)) {
      assertThat(tables.count("SELECT SUM(event_count) FROM user_activity")).isEqualTo(1);
    }
  }

  @Test
  void mainThrowsInsteadOfExitingWhenTheArgumentsAreWrong() {
    assertThatThrownBy(() -> CloudTrailAnalytics.main(new String[] {"--input"}))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("cloudtrail-analytics ended with exit code 2");
  }
}
