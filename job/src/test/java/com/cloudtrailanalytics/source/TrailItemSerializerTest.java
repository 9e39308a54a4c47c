package com.cloudtrailanalytics.source;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudtrailanalytics.event.ClockTick;
import com.cloudtrailanalytics.event.CloudTrailEvent;
import com.cloudtrailanalytics.event.FileReport;
import com.cloudtrailanalytics.event.InsightEvent;
import com.cloudtrailanalytics.event.Reject;
import com.cloudtrailanalytics.event.RejectReason;
import com.cloudtrailanalytics.event.TrailFile;
import com.cloudtrailanalytics.event.TrailItem;
import com.cloudtrailanalytics.format.CloudTrailEventParser;
import java.io.InputStream;
import java.util.List;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

class TrailItemSerializerTest {

  private static final TrailFile FILE =
      TrailFile.of(
          "s3://trail/AWSLogs/111122223333/CloudTrail/us-east-1/2024/03/01/"
              + "111122223333_CloudTrail_us-east-1_20240301T1005Z_abc123.json.gz");

  private static final TrailFile UNDATED = TrailFile.of("file:/downloads/export.json");

  private final TypeSerializer<TrailItem> serializer = serializerWithoutKryo();

  @Test
  void writesEveryKindOfItemAndReadsItBack() throws Exception {
    List<TrailItem> items = everyKind();
    DataOutputSerializer out = new DataOutputSerializer(4096);
    for (TrailItem item : items) {
      serializer.serialize(item, out);
    }
    DataInputDeserializer in = new DataInputDeserializer(out.getCopyOfBuffer());

    for (TrailItem item : items) {
      assertThat(serializer.deserialize(in)).isEqualTo(item);
    }
    assertThat(in.available()).isZero();
  }

  @Test
  void hasATagForEveryKindOfItem() throws Exception {
    assertThat(List.<Class<?>>copyOf(TrailItemTypeInfo.KINDS))
        .containsExactlyInAnyOrder(TrailItem.class.getPermittedSubclasses());
    assertThat(everyKind()).extracting(Object::getClass).containsAll(TrailItemTypeInfo.KINDS);
  }

  @Test
  void copiesItemsAndTheirBytes() throws Exception {
    DataOutputSerializer written = new DataOutputSerializer(4096);
    DataOutputSerializer copied = new DataOutputSerializer(4096);
    for (TrailItem item : everyKind()) {
      assertThat(serializer.copy(item)).isEqualTo(item);
      written.clear();
      serializer.serialize(item, written);
      copied.clear();
      serializer.copy(new DataInputDeserializer(written.getCopyOfBuffer()), copied);
      assertThat(copied.getCopyOfBuffer()).isEqualTo(written.getCopyOfBuffer());
    }
  }

  @Test
  void aCheckpointedSerializerIsRestoredAsItWas() throws Exception {
    TypeSerializerSnapshot<TrailItem> snapshot = serializer.snapshotConfiguration();
    DataOutputSerializer out = new DataOutputSerializer(4096);
    TypeSerializerSnapshot.writeVersionedSnapshot(out, snapshot);

    TypeSerializerSnapshot<TrailItem> read =
        TypeSerializerSnapshot.readVersionedSnapshot(
            new DataInputDeserializer(out.getCopyOfBuffer()), getClass().getClassLoader());

    assertThat(read.restoreSerializer()).isEqualTo(serializer);
    assertThat(
            serializer.snapshotConfiguration().resolveSchemaCompatibility(read).isCompatibleAsIs())
        .isTrue();
  }

  private static TypeSerializer<TrailItem> serializerWithoutKryo() {
    SerializerConfigImpl config = new SerializerConfigImpl();
    config.setGenericTypes(false);
    return TrailItemTypeInfo.INSTANCE.createSerializer(config);
  }

  private static List<TrailItem> everyKind() throws Exception {
    return List.of(
        event("every-optional-field.json"),
        event("assumed-role-stop-instances.json"),
        new InsightEvent(
            1_709_287_200_000L,
            "e3a5d1b4-insight",
            "shared-1",
            "1.08",
            "111122223333",
            "us-east-1",
            "ApiCallRateInsight",
            "Start",
            "ec2.amazonaws.com",
            "RunInstances",
            null,
            0.5,
            12.25,
            10_080L,
            null,
            "[]",
            FILE.path()),
        new Reject(FILE, 3, 1_234, RejectReason.values()[0], "not JSON", "{\"eventVersion\":"),
        Reject.ofFile(UNDATED, RejectReason.values()[0], "empty"),
        new FileReport(FILE, FileReport.Status.READ, 42, 1, null),
        new FileReport(UNDATED, FileReport.Status.SKIPPED, 0, 0, RejectReason.values()[0]),
        new ClockTick(1_709_287_500_000L));
  }

  private static CloudTrailEvent event(String fixture) throws Exception {
    try (InputStream in =
        TrailItemSerializerTest.class.getResourceAsStream("/records/" + fixture)) {
      byte[] bytes = in.readAllBytes();
      return new CloudTrailEventParser().parse(bytes, bytes.length, FILE);
    }
  }
}
