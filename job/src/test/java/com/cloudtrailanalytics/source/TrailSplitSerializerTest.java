package com.cloudtrailanalytics.source;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudtrailanalytics.event.FileSkip;
import com.cloudtrailanalytics.event.RejectReason;
import com.cloudtrailanalytics.source.discovery.TrailSplit;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.connector.file.src.FileSourceSplitSerializer;
import org.apache.flink.connector.file.src.util.CheckpointedPosition;
import org.apache.flink.core.fs.Path;
import org.junit.jupiter.api.Test;

class TrailSplitSerializerTest {

  private static final Path FILE =
      new Path(
          "s3://trail/AWSLogs/111122223333/CloudTrail/us-east-1/2024/03/01/"
              + "111122223333_CloudTrail_us-east-1_20240301T1005Z_a.json.gz");
  private final TrailSplitSerializer serializer = TrailSplitSerializer.INSTANCE;

  @Test
  void keepsAFileItsPositionAndSize() throws Exception {
    FileSourceSplit split =
        TrailSplit.file(FILE, 1_709_287_500_000L, 4_172)
            .updateWithCheckpointedPosition(
                new CheckpointedPosition(CheckpointedPosition.NO_OFFSET, 42));

    TrailSplit copy = roundTrip(split);

    assertThat(copy.splitId()).isEqualTo(FILE.toString());
    assertThat(copy.path()).isEqualTo(FILE);
    assertThat(copy.fileSize()).isEqualTo(4_172);
    assertThat(copy.fileModificationTime()).isEqualTo(1_709_287_500_000L);
    assertThat(copy.getReaderPosition()).contains(split.getReaderPosition().get());
    assertThat(copy.skip()).isNull();
  }

  @Test
  void keepsWhyAnEntryIsSkipped() throws Exception {
    Path folder = new Path("s3://trail/AWSLogs/111122223333/elasticloadbalancing");
    FileSourceSplit split =
        TrailSplit.skipped(folder, RejectReason.UNKNOWN_FOLDER, "not one of CloudTrail's folders");

    TrailSplit copy = roundTrip(split);

    assertThat(copy.splitId()).isEqualTo(folder + "/");
    assertThat(copy.skip())
        .isEqualTo(new FileSkip(RejectReason.UNKNOWN_FOLDER, "not one of CloudTrail's folders"));
  }

  @Test
  void readsTheSplitsOfCheckpointsTakenBeforeEntriesCouldBeSkipped() throws Exception {
    FileSourceSplit old = new FileSourceSplit(FILE.toString(), FILE, 0, 10, 20, 10);
    byte[] bytes = FileSourceSplitSerializer.INSTANCE.serialize(old);

    TrailSplit copy =
        TrailSplit.of(
            serializer.deserialize(FileSourceSplitSerializer.INSTANCE.getVersion(), bytes));

    assertThat(copy.path()).isEqualTo(FILE);
    assertThat(copy.fileSize()).isEqualTo(10);
    assertThat(copy.skip()).isNull();
  }

  private TrailSplit roundTrip(FileSourceSplit split) throws Exception {
    return TrailSplit.of(
        serializer.deserialize(serializer.getVersion(), serializer.serialize(split)));
  }
}
