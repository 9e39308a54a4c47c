package com.cloudtrailanalytics.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudtrailanalytics.generate.SyntheticTrail;
import com.cloudtrailanalytics.source.DiscoveryCost;
import com.cloudtrailanalytics.testing.S3Server;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What discovery costs per round, and how big the enumerator's checkpoint is, for a trail with one
 * day of history and one with ninety, on a real S3 server: flat for the CloudTrail-aware discovery,
 * growing with history for a recursive listing.
 */
class DiscoveryCostITCase {

  @TempDir Path dir;

  @Test
  void costsTheSameWhateverTheHistoryLength() throws Throwable {
    Instant now = Instant.now().truncatedTo(ChronoUnit.HOURS);
    try (S3Server s3 = S3Server.start(dir.resolve("s3"))) {
      FileSystemSetup.initialize(s3.clientConfig());
      DiscoveryCost.Measurement oneDay = measure(s3, "one-day", now, 1);
      DiscoveryCost.Measurement ninetyDays = measure(s3, "ninety-days", now, 90);

      System.out.println(DiscoveryCost.table(oneDay, ninetyDays));
      assertThat(ninetyDays.layoutListsPerRound())
          .as("two regions, two day folders each")
          .isEqualTo(oneDay.layoutListsPerRound())
          .isEqualTo(4);
      assertThat(ninetyDays.layoutStateBytes())
          .as(
              "the checkpoint holds the files of the lookback window, which one day of history only half fills")
          .isLessThan(2 * oneDay.layoutStateBytes())
          .isLessThan(ninetyDays.recursiveStateBytes() / 50);
      assertThat(ninetyDays.recursiveListsPerRound())
          .isGreaterThan(10 * oneDay.recursiveListsPerRound());
      assertThat(ninetyDays.recursiveStateBytes()).isGreaterThan(50 * oneDay.recursiveStateBytes());
    }
  }

  private DiscoveryCost.Measurement measure(S3Server s3, String bucket, Instant now, int days)
      throws Throwable {
    Path local = dir.resolve(bucket);
    new SyntheticTrail(
            new SyntheticTrail.Settings(
                1, 2, 24 * days, 3_000L * days, 7, now.minus(Duration.ofDays(days)), null))
        .writeTo(local);
    s3.bucket(bucket);
    long started = System.nanoTime();
    int files = s3.upload(local, bucket);
    System.out.printf(
        "uploaded %d files in %d ms%n", files, (System.nanoTime() - started) / 1_000_000);
    return DiscoveryCost.measure("s3://" + bucket + "/", now, days, () -> s3.requests("list"));
  }
}
