package com.cloudtrailanalytics.source;

import com.cloudtrailanalytics.event.TrailItem;
import java.io.IOException;
import java.util.List;
import org.apache.flink.api.common.typeutils.CompositeTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Writes a {@link TrailItem} as one byte, its kind's place in {@link TrailItemTypeInfo#KINDS},
 * followed by the item as that kind's serializer writes it.
 */
final class TrailItemSerializer extends TypeSerializer<TrailItem> {

  private final List<TypeSerializer<?>> kinds;

  /**
   * @param kinds a serializer for each of {@link TrailItemTypeInfo#KINDS}, in that order
   */
  TrailItemSerializer(List<TypeSerializer<?>> kinds) {
    this.kinds = List.copyOf(kinds);
  }

  @Override
  public void serialize(TrailItem item, DataOutputView target) throws IOException {
    int tag = tagOf(item);
    target.writeByte(tag);
    serializer(tag).serialize(item, target);
  }

  @Override
  public TrailItem deserialize(DataInputView source) throws IOException {
    return serializer(source.readByte()).deserialize(source);
  }

  @Override
  public TrailItem deserialize(TrailItem reuse, DataInputView source) throws IOException {
    return deserialize(source);
  }

  @Override
  public void copy(DataInputView source, DataOutputView target) throws IOException {
    int tag = source.readByte();
    target.writeByte(tag);
    serializer(tag).copy(source, target);
  }

  @Override
  public TrailItem copy(TrailItem item) {
    return serializer(tagOf(item)).copy(item);
  }

  @Override
  public TrailItem copy(TrailItem item, TrailItem reuse) {
    return copy(item);
  }

  @Override
  public TrailItem createInstance() {
    return null;
  }

  @Override
  public boolean isImmutableType() {
    return false;
  }

  @Override
  public int getLength() {
    return -1;
  }

  @Override
  public TypeSerializer<TrailItem> duplicate() {
    return new TrailItemSerializer(
        kinds.stream().<TypeSerializer<?>>map(TypeSerializer::duplicate).toList());
  }

  @Override
  public TypeSerializerSnapshot<TrailItem> snapshotConfiguration() {
    return new Snapshot(this);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof TrailItemSerializer serializer && kinds.equals(serializer.kinds);
  }

  @Override
  public int hashCode() {
    return kinds.hashCode();
  }

  private static int tagOf(TrailItem item) {
    for (int tag = 0; tag < TrailItemTypeInfo.KINDS.size(); tag++) {
      if (TrailItemTypeInfo.KINDS.get(tag).isInstance(item)) {
        return tag;
      }
    }
    throw new IllegalArgumentException("not a kind of TrailItem: " + item.getClass());
  }

  @SuppressWarnings("unchecked")
  private TypeSerializer<TrailItem> serializer(int tag) {
    if (tag < 0 || tag >= kinds.size()) {
      throw new IllegalStateException("no kind of TrailItem has the tag " + tag);
    }
    return (TypeSerializer<TrailItem>) kinds.get(tag);
  }

  /** What a checkpoint records of the serializer: the serializers of the kinds. */
  public static final class Snapshot
      extends CompositeTypeSerializerSnapshot<TrailItem, TrailItemSerializer> {

    public Snapshot() {}

    Snapshot(TrailItemSerializer serializer) {
      super(serializer);
    }

    @Override
    protected int getCurrentOuterSnapshotVersion() {
      return 1;
    }

    @Override
    protected TypeSerializer<?>[] getNestedSerializers(TrailItemSerializer outer) {
      return outer.kinds.toArray(TypeSerializer<?>[]::new);
    }

    @Override
    protected TrailItemSerializer createOuterSerializerWithNestedSerializers(
        TypeSerializer<?>[] nested) {
      return new TrailItemSerializer(List.of(nested));
    }
  }
}
