package com.cloudtrailanalytics.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudtrailanalytics.run.FileSystemSetup;
import com.cloudtrailanalytics.sample.SyntheticTrail;
import com.cloudtrailanalytics.source.DiscoveryCost;
import com.cloudtrailanalytics.testing.S3Server;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
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
    // Noon of a past day, whenever the test runs: the lookback window's two day folders then hold
    // 36 hours, which one day of history fills to 24. At the real hour, late in a UTC day the
    // window held nearly 48 hours and the two states came within a few bytes of the 2x bound.
    Instant now = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofHours(12));
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
      assertThat(oneDay.layoutFiles())
          .as("1 day: the CloudTrail-aware discovery finds every log file, once")
          .containsExactlyInAnyOrderElementsOf(objects("one-day", DiscoveryCostITCase::isLogFile));
      assertThat(ninetyDays.layoutFiles())
          .as("90 days: the CloudTrail-aware discovery finds every log file, once")
          .containsExactlyInAnyOrderElementsOf(
              objects("ninety-days", DiscoveryCostITCase::isLogFile));
      assertThat(oneDay.recursiveFiles())
          .as("1 day: the recursive listing finds every file, digests included, once")
          .containsExactlyInAnyOrderElementsOf(objects("one-day", file -> true));
      assertThat(ninetyDays.recursiveFiles())
          .as("90 days: the recursive listing finds every file, digests included, once")
          .containsExactlyInAnyOrderElementsOf(objects("ninety-days", file -> true));
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

  /** The S3 keys, as {@code s3://bucket/key}, of the files of the local trail uploaded as it. */
  private List<String> objects(String bucket, Predicate<Path> which) throws IOException {
    Path local = dir.resolve(bucket);
    try (Stream<Path> files = Files.walk(local)) {
      return files
          .filter(Files::isRegularFile)
          .filter(which)
          .map(
              file -> "s3://" + bucket + "/" + local.relativize(file).toString().replace('\\', '/'))
          .toList();
    }
  }

  /** A CloudTrail log file: in a CloudTrail folder (not CloudTrail-Digest), gzipped JSON. */
  private static boolean isLogFile(Path file) {
    return file.toString().contains("/CloudTrail/") && file.toString().endsWith(".json.gz");
  }
}
