package com.cloudtrailanalytics.exactness;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudtrailanalytics.run.RunSummary;
import com.cloudtrailanalytics.sample.SyntheticTrail;
import com.cloudtrailanalytics.testing.GroundTruth;
import com.cloudtrailanalytics.testing.JobConfigs;
import com.cloudtrailanalytics.testing.LateDelivery;
import com.cloudtrailanalytics.testing.MiniClusters;
import com.cloudtrailanalytics.testing.OutputTables;
import com.cloudtrailanalytics.testing.TaskManagerKills;
import com.cloudtrailanalytics.testing.TrailRecords;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.test.junit5.InjectMiniCluster;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files delivered 17 minutes, hours and days after their events, read by two readers while the
 * TaskManager dies: however the late events fall, every window's rows add up to the trail, and the
 * late rows hold exactly the events in late_events.
 */
class LateDeliveryITCase {

  private static final int KILLS = 2;

  @RegisterExtension
  static final MiniClusterExtension CLUSTER = MiniClusters.oneTaskManagerTwoSlots();

  @TempDir Path dir;

  @Test
  void windowsAreExactWheneverEventsArriveAndWhateverFails(@InjectMiniCluster MiniCluster cluster)
      throws Exception {
    Path bucket = dir.resolve("bucket");
    new SyntheticTrail(
            new SyntheticTrail.Settings(
                2, 2, 12, 120_000, 13, Instant.parse("2024-03-01T00:00:00Z"), null))
        .writeTo(bucket);
    List<Path> files = TrailRecords.logFiles(bucket);
    long daysLateEvents = 0;
    for (int i = 0; i < files.size(); i++) {
      if (i < 3) {
        daysLateEvents += TrailRecords.of(files.get(i)).size();
        LateDelivery.delay(files.get(i), Duration.ofDays(2));
      } else if (i % 11 == 0) {
        LateDelivery.delay(files.get(i), Duration.ofHours(3));
      } else if (i % 7 == 0) {
        LateDelivery.delay(files.get(i), Duration.ofMinutes(17));
      }
    }
    GroundTruth truth = GroundTruth.of(bucket, Duration.ofMinutes(5));
    Path output = dir.resolve("output");
    Configuration config = JobConfigs.boundedThroughFailures(bucket, output);

    TaskManagerKills.runThroughKills(cluster, config, KILLS);

    try (OutputTables tables = new OutputTables(output)) {
      assertThat(tables.userActivityCounts()).containsExactlyElementsOf(truth.userActivityCounts());
      assertThat(tables.regionActivityCounts())
          .containsExactlyElementsOf(truth.regionActivityCounts());
      assertThat(tables.duplicateOnTimeRows("user_activity", "principal")).isZero();
      assertThat(tables.duplicateOnTimeRows("region_activity", "aws_region")).isZero();
      long late = tables.count("SELECT COUNT(*) FROM late_events");
      assertThat(late)
          .as("the files two days late are late whatever the timing")
          .isGreaterThanOrEqualTo(daysLateEvents)
          .isEqualTo(tables.count("SELECT COUNT(DISTINCT event_id) FROM late_events"))
          .isEqualTo(tables.count("SELECT SUM(event_count) FROM user_activity WHERE late"))
          .isEqualTo(tables.count("SELECT SUM(event_count) FROM region_activity WHERE late"));
      assertThat(tables.count("SELECT COUNT(*) FROM events"))
          .isEqualTo(tables.count("SELECT COUNT(DISTINCT event_id) FROM events"))
          .isEqualTo(truth.events());
    }
    RunSummary summary =
        RunSummary.read(
            output.toUri().toString(),
            List.of("user_activity", "region_activity", "events", "late_events", "source_files"));
    assertThat(summary.reconciles()).as(summary.format(Duration.ZERO)).isTrue();
  }
}
