package com.cloudtrailanalytics.source;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudtrailanalytics.record.CloudTrailEvent;
import com.cloudtrailanalytics.record.TrailItem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.connector.file.src.reader.BulkFormat;
import org.apache.flink.connector.file.src.util.CheckpointedPosition;
import org.apache.flink.connector.file.src.util.RecordAndPosition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CloudTrailFileFormatTest {

  @TempDir Path dir;

  @Test
  void positionsEachItemAfterItselfAndResumesAfterTheLastCheckpointedOne() throws Exception {
    List<String> records = new ArrayList<>();
    for (int i = 0; i < 600; i++) {
      records.add(
          i == 300
              ? "{\"eventID\":\"bad\"}"
              : TrailFileItemsTest.record("e" + i, "2024-03-01T10:00:00Z"));
    }
    Path file =
        Files.write(
            dir.resolve("111122223333_CloudTrail_us-east-1_20240301T1005Z_abc.json.gz"),
            TrailFileItemsTest.gzipBytes(
                ("{\"Records\":[" + String.join(",", records) + "]}")
                    .getBytes(StandardCharsets.UTF_8)));
    CloudTrailFileFormat format = new CloudTrailFileFormat(1 << 20);
    FileSourceSplit split =
        new FileSourceSplit(
            "s",
            new org.apache.flink.core.fs.Path(file.toUri()),
            0,
            Files.size(file),
            0,
            Files.size(file));

    List<RecordAndPosition<TrailItem>> all =
        readAll(format.createReader(new Configuration(), split));
    assertThat(all).hasSize(601);
    assertThat(all.get(0).getRecordSkipCount()).isEqualTo(1);
    assertThat(all.get(599).getRecordSkipCount()).isEqualTo(600);
    assertThat(all)
        .allSatisfy(item -> assertThat(item.getOffset()).isEqualTo(CheckpointedPosition.NO_OFFSET));

    FileSourceSplit checkpointed =
        split.updateWithCheckpointedPosition(
            new CheckpointedPosition(CheckpointedPosition.NO_OFFSET, 450));
    List<RecordAndPosition<TrailItem>> rest =
        readAll(format.restoreReader(new Configuration(), checkpointed));

    assertThat(rest).hasSize(151);
    assertThat(((CloudTrailEvent) rest.get(0).getRecord()).eventId()).isEqualTo("e450");
    assertThat(rest.get(0).getRecordSkipCount()).isEqualTo(451);
  }

  private static List<RecordAndPosition<TrailItem>> readAll(BulkFormat.Reader<TrailItem> reader)
      throws IOException {
    List<RecordAndPosition<TrailItem>> items = new ArrayList<>();
    try (reader) {
      BulkFormat.RecordIterator<TrailItem> batch;
      while ((batch = reader.readBatch()) != null) {
        RecordAndPosition<TrailItem> next;
        while ((next = batch.next()) != null) {
          items.add(
              new RecordAndPosition<>(
                  next.getRecord(), next.getOffset(), next.getRecordSkipCount()));
        }
        batch.releaseBatch();
      }
    }
    return items;
  }
}
