package com.cloudtrailanalytics.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.core.fs.Path;
import org.junit.jupiter.api.Test;

class FileTimeOrderedAssignerTest {

  @Test
  void handsOutFilesInDeliveryTimeOrderWhateverTheListingOrder() {
    List<String> expected =
        List.of(
            "file:/t/sample.json",
            log("111122223333", "eu-west-1", "20240229T2355Z"),
            log("111122223333", "us-east-1", "20240301T0000Z"),
            log("444455556666", "us-east-1", "20240301T0000Z"),
            log("111122223333", "us-east-1", "20240301T0005Z"),
            log("111122223333", "eu-west-1", "20240302T0000Z"));
    List<String> shuffled = new ArrayList<>(expected);
    Collections.shuffle(shuffled, new Random(7));

    FileTimeOrderedAssigner assigner = new FileTimeOrderedAssigner(splits(shuffled.subList(0, 3)));
    assigner.addSplits(splits(shuffled.subList(3, shuffled.size())));

    assertThat(drain(assigner)).containsExactlyElementsOf(expected);
  }

  @Test
  void keepsTheOrderOfTheRemainingFilesAcrossACheckpoint() {
    List<String> files =
        List.of(
            log("111122223333", "us-east-1", "20240301T0010Z"),
            log("111122223333", "us-east-1", "20240301T0000Z"),
            log("111122223333", "us-east-1", "20240301T0005Z"));
    FileTimeOrderedAssigner assigner = new FileTimeOrderedAssigner(splits(files));
    assigner.getNext(null);

    FileTimeOrderedAssigner restored = new FileTimeOrderedAssigner(assigner.remainingSplits());

    assertThat(drain(restored)).containsExactly(files.get(2), files.get(0));
  }

  private static String log(String account, String region, String time) {
    return "file:/t/AWSLogs/"
        + account
        + "/CloudTrail/"
        + region
        + "/2024/03/01/"
        + account
        + "_CloudTrail_"
        + region
        + "_"
        + time
        + "_x.json.gz";
  }

  private static List<FileSourceSplit> splits(List<String> paths) {
    List<FileSourceSplit> splits = new ArrayList<>();
    for (String path : paths) {
      splits.add(new FileSourceSplit(path, new Path(path), 0, 100, 0, 100));
    }
    return splits;
  }

  private static List<String> drain(FileTimeOrderedAssigner assigner) {
    List<String> order = new ArrayList<>();
    Optional<FileSourceSplit> next;
    while ((next = assigner.getNext(null)).isPresent()) {
      order.add(next.get().path().toString());
    }
    return order;
  }
}
