package com.cloudtrailanalytics.source.discovery;

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
            stream("AWSLogs/o-exampleorgid/444455556666/CloudTrail/ap-southeast-2"),
            stream("AWSLogs/o-exampleorgid/444455556666/CloudTrail-Insight/ap-southeast-2"));
    assertThat(layout.listings())
        .as(
            "root, unrelated/ and unrelated/AWSLogs-like/ (searched for a trail), AWSLogs, the"
                + " organization, two accounts, their CloudTrail folders and one Insights folder")
        .isEqualTo(10);
    assertThat(skipped(layout))
        .containsExactly(
            folder("unrelated/AWSLogs-like/stuff")
                + " unknown_folder not searched: AWSLogs/ is looked for up to 3 folders below the"
                + " input");
  }

  @Test
  void findsTrailsBelowKeyPrefixesBesideTheOneAtTheRoot() throws Exception {
    for (String folder :
        List.of(
            "org-trail/AWSLogs/o-a1b2c3/555566667777/CloudTrail/eusc-de-east-1/2025/06/01",
            "team/prod/AWSLogs/888899990000/CloudTrail/us-gov-west-1/2025/06/01",
            "a/b/c/AWSLogs/999900001111/CloudTrail/us-east-1/2025/06/01")) {
      Files.createDirectories(bucket.resolve(folder));
    }

    assertThat(layout.findStreams(path("")))
        .contains(
            stream("org-trail/AWSLogs/o-a1b2c3/555566667777/CloudTrail/eusc-de-east-1"),
            stream("team/prod/AWSLogs/888899990000/CloudTrail/us-gov-west-1"))
        .hasSize(6);
    assertThat(skipped(layout))
        .containsExactlyInAnyOrder(
            folder("unrelated/AWSLogs-like/stuff")
                + " unknown_folder not searched: AWSLogs/ is looked for up to 3 folders below the"
                + " input",
            folder("a/b/c")
                + " unknown_folder not searched: AWSLogs/ is looked for up to 3 folders below the"
                + " input");
    Files.createDirectories(bucket.resolve("empty/nothing"));
    TrailLayout again = new TrailLayout(FileSystem.getLocalFileSystem());
    again.findStreams(path(""));
    assertThat(skipped(again))
        .contains(
            folder("empty")
                + " unknown_folder holds no AWSLogs/ folder (looked for up to 3 folders below the"
                + " input)");
  }

  @Test
  void recordsWhatItListsAndDoesNotUnderstand() throws Exception {
    Files.createDirectories(bucket.resolve("AWSLogs/111122223333/elasticloadbalancing/us-east-1"));
    Files.createDirectories(bucket.resolve("AWSLogs/not-an-org/stuff"));
    Files.createDirectories(bucket.resolve("AWSLogs/111122223333/CloudTrail/us-east-1/2024/13"));
    Files.createDirectories(bucket.resolve("AWSLogs/111122223333/CloudTrail/us-east-1/latest"));
    Files.createDirectories(
        bucket.resolve("AWSLogs/111122223333/CloudTrail/us-east-1/2024/03/01/x"));
    Files.writeString(bucket.resolve("AWSLogs/README.txt"), "x");
    String usEast1 = stream("AWSLogs/111122223333/CloudTrail/us-east-1");

    layout.findStreams(path(""));
    layout.daysWithFolders(usEast1, LocalDate.MIN, LocalDate.of(2025, 1, 1));
    layout.filesOfDay(usEast1, LocalDate.of(2024, 3, 1));

    assertThat(skipped(layout))
        .contains(
            folder("AWSLogs/111122223333/elasticloadbalancing")
                + " unknown_folder not one of CloudTrail's folders of an account (CloudTrail/,"
                + " CloudTrail-Insight/, CloudTrail-Digest/)",
            folder("AWSLogs/not-an-org")
                + " unknown_folder neither an account folder (12 digits) nor an organization"
                + " folder holding accounts",
            file("AWSLogs/README.txt") + " misplaced_file a file directly in AWSLogs/",
            folder("AWSLogs/111122223333/CloudTrail/us-east-1/2024/13")
                + " unknown_folder not a month folder (01 to 12)",
            folder("AWSLogs/111122223333/CloudTrail/us-east-1/latest")
                + " unknown_folder not a year folder (YYYY)",
            folder("AWSLogs/111122223333/CloudTrail/us-east-1/2024/03/01/x")
                + " unknown_folder a folder inside a day folder")
        .hasSize(7);
  }

  @Test
  void findsTheRegionFoldersBelowAnyLevelOfTheLayout() throws Exception {
    assertThat(layout.findStreams(path("AWSLogs"))).hasSize(4);
    assertThat(layout.findStreams(path("AWSLogs/o-exampleorgid")))
        .containsExactlyInAnyOrder(
            stream("AWSLogs/o-exampleorgid/444455556666/CloudTrail/ap-southeast-2"),
            stream("AWSLogs/o-exampleorgid/444455556666/CloudTrail-Insight/ap-southeast-2"));
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
        .as("every file, for the reader to read or to record as skipped")
        .extracting(split -> split.path().getName())
        .containsExactlyInAnyOrder("a.json.gz", ".part-1.inprogress");
    assertThat(layout.filesOfDay(usEast1, LocalDate.of(2024, 3, 2))).isEmpty();
  }

  private org.apache.flink.core.fs.Path path(String relative) {
    return new org.apache.flink.core.fs.Path(
        bucket.resolve(relative).toUri().toString().replaceAll("/$", ""));
  }

  private String stream(String relative) {
    return path(relative).toString();
  }

  private String folder(String relative) {
    return path(relative) + "/";
  }

  private String file(String relative) {
    return path(relative).toString();
  }

  /** What the layout handed on to be recorded: id, reason and detail. */
  private static List<String> skipped(TrailLayout layout) {
    return layout.unrecognised().stream()
        .map(TrailSplit::of)
        .map(
            split ->
                split.splitId() + " " + split.skip().reason().code() + " " + split.skip().detail())
        .toList();
  }
}
