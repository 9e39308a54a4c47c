package com.cloudtrailanalytics.sample;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudtrailanalytics.testing.TrailRecords;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LiveTrailTest {

  private static final Instant FROM = Instant.parse("2026-11-21T23:55:00Z");
  private static final Instant TO = Instant.parse("2026-11-22T00:00:00Z");

  @TempDir Path dir;

  @Test
  void deliversOneFileForEachAccountAndRegionNamedForItsDeliveryWithTheIntervalsEvents()
      throws Exception {
    Path bucket = dir.resolve("trail");
    LiveTrail trail =
        new LiveTrail(new SyntheticTrail.Settings(2, 3, 1, 12_000, 5, FROM, null), bucket);

    long written = trail.deliver(FROM, TO);

    List<Path> files;
    try (Stream<Path> walk = Files.walk(bucket)) {
      files = walk.filter(Files::isRegularFile).toList();
    }
    assertThat(files)
        .hasSize(6)
        .allSatisfy(
            file ->
                assertThat(bucket.relativize(file).toString())
                    .matches(
                        "AWSLogs/\\d{12}/CloudTrail/[a-z0-9-]+/2026/11/22/\\d{12}_CloudTrail_[a-z0-9-]+_20261122T0000Z_\\w{16}\\.json\\.gz"));
    List<TrailRecords.Record> records = TrailRecords.of(bucket);
    assertThat(records).hasSize((int) written);
    assertThat(written).isEqualTo(6 * Math.round(12_000 / 12.0 / 6));
    assertThat(records).allSatisfy(r -> assertThat(r.time()).isBetween(FROM, TO.minusMillis(1)));
    try (Stream<Path> staging = Files.walk(dir.resolve("trail.staging"))) {
      assertThat(staging.filter(Files::isRegularFile)).as("nothing left half-way").isEmpty();
    }
  }
}
