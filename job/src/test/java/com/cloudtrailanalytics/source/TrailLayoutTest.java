package com.cloudtrailanalytics.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.flink.core.fs.FileSystem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrailLayoutTest {

  @TempDir Path bucket;
  private TrailLayout layout;

  @BeforeEach
  void bucketWithTwoAccountsOneInAnOrganization() throws Exception {
    for (String folder :
        List.of(
            "AWSLogs/111122223333/CloudTrail/us-east-1/2024/02/28",
            "AWSLogs/111122223333/CloudTrail/us-east-1/2024/03/01",
            "AWSLogs/111122223333/CloudTrail/eu-west-1/2023/12/31",
            "AWSLogs/111122223333/CloudTrail-Digest/us-east-1/2024/03/01",
            "AWSLogs/o-exampleorgid/444455556666/CloudTrail/ap-southeast-2/2024/03/01",
            "AWSLogs/o-exampleorgid/444455556666/CloudTrail-Insight/ap-southeast-2/2024/03/01",
            "unrelated/AWSLogs-like/stuff")) {
      Files.createDirectories(bucket.resolve(folder));
    }
    Files.writeString(
        bucket.resolve("AWSLogs/111122223333/CloudTrail/us-east-1/2024/03/01/a.json.gz"), "x");
    Files.writeString(
        bucket.resolve("AWSLogs/111122223333/CloudTrail/us-east-1/2024/03/01/.part-1.inprogress"),
        "x");
    layout = new TrailLayout(FileSystem.getLocalFileSystem());
  }

  @Test
  void findsEveryRegionFolderFromTheBucketRootByListingFoldersOnly() throws Exception {
    assertThat(layout.findStreams(path("")))
        .containsExactlyInAnyOrder(
            stream("AWSLogs/111122223333/CloudTrail/us-east-1"),
            stream("AWSLogs/111122223333/CloudTrail/eu-west-1"),
            stream("AWSLogs/o-exampleorgid/444455556666/CloudTrail/ap-southeast-2"));
    assertThat(layout.listings())
        .as("root, AWSLogs, the organization, two accounts and their CloudTrail folders")
        .isEqualTo(7);
  }

  @Test
  void findsTheRegionFoldersBelowAnyLevelOfTheLayout() throws Exception {
    assertThat(layout.findStreams(path("AWSLogs"))).hasSize(3);
    assertThat(layout.findStreams(path("AWSLogs/o-exampleorgid")))
        .containsExactly(stream("AWSLogs/o-exampleorgid/444455556666/CloudTrail/ap-southeast-2"));
    assertThat(layout.findStreams(path("AWSLogs/111122223333"))).hasSize(2);
    assertThat(layout.findStreams(path("AWSLogs/111122223333/CloudTrail"))).hasSize(2);
    assertThat(layout.findStreams(path("AWSLogs/111122223333/CloudTrail/us-east-1")))
        .containsExactly(stream("AWSLogs/111122223333/CloudTrail/us-east-1"));
  }

  @Test
  void findsNothingInAFolderThatIsNotLaidOutLikeATrail() throws Exception {
    assertThat(layout.findStreams(path("unrelated"))).isEmpty();
    assertThat(layout.findStreams(path("AWSLogs/111122223333/CloudTrail/us-east-1/2024")))
        .isEmpty();
  }

  @Test
  void listsTheDayFoldersOfARangeAndTheFilesOfADay() throws Exception {
    String usEast1 = stream("AWSLogs/111122223333/CloudTrail/us-east-1");
    assertThat(layout.daysWithFolders(usEast1, LocalDate.MIN, LocalDate.of(2024, 3, 2)))
        .containsExactly(LocalDate.of(2024, 2, 28), LocalDate.of(2024, 3, 1));
    assertThat(layout.daysWithFolders(usEast1, LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 2)))
        .containsExactly(LocalDate.of(2024, 3, 1));
    assertThat(layout.filesOfDay(usEast1, LocalDate.of(2024, 3, 1)))
        .extracting(status -> status.getPath().getName())
        .containsExactly("a.json.gz");
    assertThat(layout.filesOfDay(usEast1, LocalDate.of(2024, 3, 2))).isEmpty();
  }

  private org.apache.flink.core.fs.Path path(String relative) {
    return new org.apache.flink.core.fs.Path(
        bucket.resolve(relative).toUri().toString().replaceAll("/$", ""));
  }

  private String stream(String relative) {
    return path(relative).toString();
  }
}
