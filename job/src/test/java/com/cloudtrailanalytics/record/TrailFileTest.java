package com.cloudtrailanalytics.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TrailFileTest {

  private static final long DELIVERED = Instant.parse("2024-03-01T10:05:00Z").toEpochMilli();

  @Test
  void readsAccountRegionAndTimeFromALogFileKey() {
    TrailFile file =
        TrailFile.of(
            "s3://bucket/AWSLogs/111122223333/CloudTrail/eu-west-1/2024/03/01/"
                + "111122223333_CloudTrail_eu-west-1_20240301T1005Z_h1kCQ0b5vP2dsxzM.json.gz");
    assertThat(file)
        .isEqualTo(
            new TrailFile(file.path(), TrailFile.Kind.LOG, "111122223333", "eu-west-1", DELIVERED));
    assertThat(file.isGzipped()).isTrue();
  }

  @Test
  void readsAnOrganizationTrailKey() {
    TrailFile file =
        TrailFile.of(
            "file:/trail/AWSLogs/o-exampleorgid/111122223333/CloudTrail/us-east-1/2024/03/01/"
                + "111122223333_CloudTrail_us-east-1_20240301T1005Z_abc.json.gz");
    assertThat(file.kind()).isEqualTo(TrailFile.Kind.LOG);
    assertThat(file.accountId()).isEqualTo("111122223333");
    assertThat(file.region()).isEqualTo("us-east-1");
    assertThat(file.timeMillis()).isEqualTo(DELIVERED);
  }

  @Test
  void skipsDigestAndInsightFiles() {
    assertThat(
            TrailFile.of(
                    "s3://b/AWSLogs/111122223333/CloudTrail-Digest/us-east-1/2024/03/01/"
                        + "111122223333_CloudTrail-Digest_us-east-1_trail_us-east-1_20240301T100500Z.json.gz")
                .kind())
        .isEqualTo(TrailFile.Kind.DIGEST);
    assertThat(
            TrailFile.of(
                    "s3://b/AWSLogs/111122223333/CloudTrail-Insight/us-east-1/2024/03/01/"
                        + "111122223333_CloudTrail-Insight_us-east-1_20240301T1005Z_x.json.gz")
                .kind())
        .isEqualTo(TrailFile.Kind.INSIGHT);
  }

  @Test
  void readsOtherJsonFilesAndTakesTheAccountFromTheirFolder() {
    TrailFile plain =
        TrailFile.of(
            "file:/trail/AWSLogs/111122223333/CloudTrail/us-east-1/2024/03/01/sample.json");
    assertThat(plain)
        .isEqualTo(
            new TrailFile(plain.path(), TrailFile.Kind.LOG, "111122223333", "us-east-1", null));
    assertThat(plain.isGzipped()).isFalse();
    TrailFile loose = TrailFile.of("file:/downloads/Export.JSON.GZ");
    assertThat(loose).isEqualTo(new TrailFile(loose.path(), TrailFile.Kind.LOG, null, null, null));
    assertThat(loose.isGzipped()).isTrue();
  }

  @Test
  void skipsEverythingElse() {
    assertThat(
            TrailFile.of("s3://b/AWSLogs/111122223333/CloudTrail/us-east-1/2024/03/01/notes.txt")
                .kind())
        .isEqualTo(TrailFile.Kind.NOT_A_LOG);
    assertThat(
            TrailFile.of("s3://b/AWSLogs/111122223333/CloudTrail/us-east-1/2024/03/01/x.json.bz2")
                .kind())
        .isEqualTo(TrailFile.Kind.NOT_A_LOG);
  }

  @Test
  void ordersFilesWithoutATimeFirst() {
    assertThat(TrailFile.of("file:/x/sample.json").orderingTime()).isEqualTo(Long.MIN_VALUE);
  }
}
