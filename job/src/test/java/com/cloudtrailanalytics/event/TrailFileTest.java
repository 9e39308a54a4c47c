package com.cloudtrailanalytics.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
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
            new TrailFile(
                file.path(),
                TrailFile.Kind.LOG,
                "111122223333",
                "eu-west-1",
                DELIVERED,
                LocalDate.of(2024, 3, 1).toEpochDay()));
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
            new TrailFile(
                plain.path(),
                TrailFile.Kind.LOG,
                "111122223333",
                "us-east-1",
                null,
                LocalDate.of(2024, 3, 1).toEpochDay()));
    assertThat(plain.isGzipped()).isFalse();
    TrailFile loose = TrailFile.of("file:/downloads/Export.JSON.GZ");
    assertThat(loose)
        .isEqualTo(new TrailFile(loose.path(), TrailFile.Kind.LOG, null, null, null, null));
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

  @Test
  void readsAnyRegionAndATrailBelowAKeyPrefix() {
    TrailFile file =
        TrailFile.of(
            "s3://b/org-trail/prod/AWSLogs/o-a1b2c3/111122223333/CloudTrail/eusc-de-east-1/2025/06/01/"
                + "111122223333_CloudTrail_eusc-de-east-1_20250601T1005Z_Zx9.json.gz");
    assertThat(file.kind()).isEqualTo(TrailFile.Kind.LOG);
    assertThat(file.accountId()).isEqualTo("111122223333");
    assertThat(file.region()).isEqualTo("eusc-de-east-1");
    assertThat(file.folderDay()).isEqualTo(LocalDate.of(2025, 6, 1));
  }

  @Test
  void filesAFileWithoutATimeInItsNameUnderItsFolderDay() {
    TrailFile notes =
        TrailFile.of("s3://b/AWSLogs/111122223333/CloudTrail/us-east-1/2024/03/01/notes.txt");
    assertThat(notes.day()).isEqualTo(LocalDate.of(2024, 3, 1));
    assertThat(notes.orderingTime())
        .isEqualTo(Instant.parse("2024-03-01T00:00:00Z").toEpochMilli());
    assertThat(TrailFile.of("s3://b/notes.txt").day()).isNull();
  }

  @Test
  void readsAnInsightsFileKey() {
    TrailFile file =
        TrailFile.of(
            "s3://b/AWSLogs/111122223333/CloudTrail-Insight/us-east-1/2024/03/01/"
                + "111122223333_CloudTrail-Insight_us-east-1_20240301T1005Z_x.json.gz");
    assertThat(file.kind()).isEqualTo(TrailFile.Kind.INSIGHT);
    assertThat(file.timeMillis()).isEqualTo(DELIVERED);
    assertThat(file.region()).isEqualTo("us-east-1");
  }

  @Test
  void theKeysItSpellsAreTheKeysItReads() {
    Instant delivered = Instant.parse("2024-12-31T23:55:00Z");
    for (String organization : new String[] {null, "o-exampleorgid"}) {
      for (String kind :
          new String[] {TrailFile.LOG_FOLDER, TrailFile.INSIGHT_FOLDER, TrailFile.DIGEST_FOLDER}) {
        String key =
            "s3://bucket/prefix/"
                + TrailFile.accountFolder(organization, "111122223333", kind)
                + "/ap-southeast-2/"
                + TrailFile.dayFolders(LocalDate.of(2024, 12, 31))
                + "/"
                + TrailFile.fileName(
                    "111122223333", kind, "ap-southeast-2", delivered, "Ab3", ".json.gz");

        TrailFile file = TrailFile.of(key);

        assertThat(key)
            .as(key)
            .contains(
                "/2024/12/31/111122223333_" + kind + "_ap-southeast-2_20241231T2355Z_Ab3.json.gz");
        assertThat(file.accountId()).as(key).isEqualTo("111122223333");
        assertThat(file.region()).as(key).isEqualTo("ap-southeast-2");
        assertThat(file.timeMillis()).as(key).isEqualTo(delivered.toEpochMilli());
        assertThat(file.folderDay()).as(key).isEqualTo(LocalDate.of(2024, 12, 31));
        assertThat(file.kind())
            .as(key)
            .isEqualTo(
                switch (kind) {
                  case TrailFile.INSIGHT_FOLDER -> TrailFile.Kind.INSIGHT;
                  case TrailFile.DIGEST_FOLDER -> TrailFile.Kind.DIGEST;
                  default -> TrailFile.Kind.LOG;
                });
      }
    }
  }

  @Test
  void aDateFolderHoldsDaysUpToItsLast() {
    String region = "s3://bucket/AWSLogs/111122223333/CloudTrail/us-east-1";
    assertThat(TrailFile.lastDayOfDateFolder(region + "/2024"))
        .isEqualTo(LocalDate.of(2024, 12, 31));
    assertThat(TrailFile.lastDayOfDateFolder(region + "/2024/02"))
        .isEqualTo(LocalDate.of(2024, 2, 29));
    assertThat(TrailFile.lastDayOfDateFolder(region + "/2024/02/10"))
        .isEqualTo(LocalDate.of(2024, 2, 10));
    assertThat(TrailFile.lastDayOfDateFolder(region + "/2024/13")).isNull();
    assertThat(TrailFile.lastDayOfDateFolder(region + "/2024/02/30")).isNull();
    assertThat(TrailFile.lastDayOfDateFolder(region)).isNull();
    assertThat(
            TrailFile.lastDayOfDateFolder(
                "s3://bucket/AWSLogs/111122223333/CloudTrail-Digest/us-east-1/2024"))
        .isNull();
  }
}
