package com.cloudtrailanalytics.source;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudtrailanalytics.event.CloudTrailEvent;
import com.cloudtrailanalytics.event.FileReport;
import com.cloudtrailanalytics.event.Reject;
import com.cloudtrailanalytics.event.TrailItem;
import com.cloudtrailanalytics.source.discovery.RecursiveListing;
import com.cloudtrailanalytics.testing.LogFileBytes;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.connector.base.source.reader.RecordsWithSplitIds;
import org.apache.flink.connector.base.source.reader.splitreader.SplitsAddition;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.connector.file.src.util.CheckpointedPosition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrailSplitReaderTest {

  @TempDir Path dir;

  @Test
  void readsFilesOneAfterTheOtherInBatchesAndEndsEachWithItsReport() throws Exception {
    FileSourceSplit first =
        file("111122223333_CloudTrail_us-east-1_20240301T1005Z_a.json.gz", 300, -1);
    FileSourceSplit second =
        file("111122223333_CloudTrail_us-east-1_20240301T1010Z_b.json.gz", 3, -1);
    TrailSplitReader reader = new TrailSplitReader(ReadSettings.of(1 << 20));
    reader.handleSplitsChanges(new SplitsAddition<>(List.of(first, second)));

    List<Batch> batches = List.of(fetch(reader), fetch(reader), fetch(reader));

    assertThat(batches)
        .extracting(Batch::splitId)
        .containsExactly(first.splitId(), first.splitId(), second.splitId());
    assertThat(batches).extracting(b -> b.items().size()).containsExactly(256, 45, 4);
    assertThat(batches).extracting(Batch::endsFile).containsExactly(false, true, true);
    assertThat(batches.get(1).items()).last().isInstanceOf(FileReport.class);
    assertThat(((FileReport) batches.get(1).items().get(44)).events()).isEqualTo(300);
    reader.close();
  }

  @Test
  void resumesAFileAfterTheItemsEmittedBeforeTheCheckpoint() throws Exception {
    FileSourceSplit split =
        file("111122223333_CloudTrail_us-east-1_20240301T1005Z_a.json.gz", 600, 300);
    TrailSplitReader reader = new TrailSplitReader(ReadSettings.of(1 << 20));
    reader.handleSplitsChanges(
        new SplitsAddition<>(
            List.of(
                split.updateWithCheckpointedPosition(
                    new CheckpointedPosition(CheckpointedPosition.NO_OFFSET, 450)))));

    Batch batch = fetch(reader);
    List<TrailItem> rest = batch.items();

    assertThat(batch.endsFile()).isTrue();
    assertThat(rest).hasSize(151);
    assertThat(((CloudTrailEvent) rest.get(0)).eventId()).isEqualTo("e450");
    assertThat(rest.get(150)).isInstanceOf(FileReport.class);
    assertThat(rest).noneMatch(Reject.class::isInstance);
  }

  @Test
  void endsAFileWhoseItemsWereAllEmittedBeforeTheCheckpoint() throws Exception {
    FileSourceSplit split =
        file("111122223333_CloudTrail_us-east-1_20240301T1005Z_a.json.gz", 3, -1);
    TrailSplitReader reader = new TrailSplitReader(ReadSettings.of(1 << 20));
    reader.handleSplitsChanges(
        new SplitsAddition<>(
            List.of(
                split.updateWithCheckpointedPosition(
                    new CheckpointedPosition(CheckpointedPosition.NO_OFFSET, 4)))));

    Batch batch = fetch(reader);

    assertThat(batch.items()).isEmpty();
    assertThat(batch.endsFile()).isTrue();
  }

  private record Batch(String splitId, List<TrailItem> items, boolean endsFile) {}

  private static Batch fetch(TrailSplitReader reader) throws Exception {
    RecordsWithSplitIds<TrailItem> batch = reader.fetch();
    String splitId = batch.nextSplit();
    List<TrailItem> items = new ArrayList<>();
    TrailItem item;
    while (splitId != null && (item = batch.nextRecordFromSplit()) != null) {
      items.add(item);
    }
    String id =
        splitId != null ? splitId : batch.finishedSplits().stream().findFirst().orElse(null);
    return new Batch(id, items, !batch.finishedSplits().isEmpty());
  }

  /** A gzipped log file of {@code count} records; the one at {@code badIndex} has no eventTime. */
  private FileSourceSplit file(String name, int count, int badIndex) throws Exception {
    List<String> records = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      records.add(
          i == badIndex
              ? "{\"eventID\":\"bad\"}"
              : LogFileBytes.record("e" + i, "2024-03-01T10:00:00Z"));
    }
    Path file =
        Files.write(
            dir.resolve(name),
            LogFileBytes.gzip(
                ("{\"Records\":[" + String.join(",", records) + "]}")
                    .getBytes(StandardCharsets.UTF_8)));
    org.apache.flink.core.fs.Path path = new org.apache.flink.core.fs.Path(file.toUri());
    return RecursiveListing.split(path.getFileSystem().getFileStatus(path));
  }
}
