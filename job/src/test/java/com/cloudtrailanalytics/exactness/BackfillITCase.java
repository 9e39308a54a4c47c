package com.cloudtrailanalytics.exactness;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudtrailanalytics.pipeline.CloudTrailJob;
import com.cloudtrailanalytics.sample.SyntheticTrail;
import com.cloudtrailanalytics.source.discovery.Discovered;
import com.cloudtrailanalytics.source.discovery.DiscoveryState;
import com.cloudtrailanalytics.source.discovery.RecursiveListing;
import com.cloudtrailanalytics.testing.GroundTruth;
import com.cloudtrailanalytics.testing.JobConfigs;
import com.cloudtrailanalytics.testing.MiniClusters;
import com.cloudtrailanalytics.testing.OutputTables;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A backfill of several days, listed in shuffled order, gives exactly the trail's counts. */
class BackfillITCase {

  @RegisterExtension
  static final MiniClusterExtension CLUSTER = MiniClusters.oneTaskManagerTwoSlots();

  private static final Pattern DELIVERY_TIME = Pattern.compile("_(\\d{8}T\\d{4}Z)_[^/]*$");

  @TempDir Path dir;

  @Test
  void aShuffledBackfillOfThreeDaysCountsEveryEventInItsWindow() throws Exception {
    Path bucket = dir.resolve("bucket");
    SyntheticTrail.Result written =
        new SyntheticTrail(
                new SyntheticTrail.Settings(
                    3, 3, 72, 40_000, 5, Instant.parse("2024-02-28T00:00:00Z"), null))
            .writeTo(bucket);
    ShuffledListing listing = new ShuffledListing(bucket.toUri().toString(), 42);
    List<String> listed = splitIds(listing.discover(DiscoveryState.initial(), Instant.now()));
    assertThat(listed)
        .as("the shuffled listing holds every file of the trail")
        .containsExactlyInAnyOrderElementsOf(
            splitIds(
                new RecursiveListing(bucket.toUri().toString())
                    .discover(DiscoveryState.initial(), Instant.now())));
    assertThat(listed)
        .as("the listing really is out of order")
        .isNotEqualTo(inDeliveryOrder(listed));
    GroundTruth truth = GroundTruth.of(bucket, Duration.ofMinutes(5));
    Path output = dir.resolve("output");

    CloudTrailJob.create(JobConfigs.bounded(bucket, output), settings -> listing).run();

    try (OutputTables tables = new OutputTables(output)) {
      assertThat(tables.userActivity()).containsExactlyElementsOf(truth.userActivity());
      assertThat(tables.regionActivity()).containsExactlyElementsOf(truth.regionActivity());
      assertThat(tables.query("SELECT DISTINCT dt FROM region_activity ORDER BY dt"))
          .containsExactly(List.of("2024-02-28"), List.of("2024-02-29"), List.of("2024-03-01"));
      assertThat(tables.committedFiles("late_events")).isEmpty();
      assertThat(tables.count("SELECT COUNT(*) FROM source_files WHERE status = 'read'"))
          .isEqualTo(written.logFiles());
    }
  }

  private static List<String> splitIds(Discovered round) {
    return round.files().stream().map(FileSourceSplit::splitId).toList();
  }

  /** Files sorted by the delivery time in their CloudTrail names, then by path. */
  private static List<String> inDeliveryOrder(List<String> files) {
    return files.stream()
        .sorted(Comparator.comparing(BackfillITCase::deliveryTime).thenComparing(path -> path))
        .toList();
  }

  private static String deliveryTime(String path) {
    Matcher name = DELIVERY_TIME.matcher(path);
    return name.find() ? name.group(1) : "";
  }
}
