package com.cloudtrailanalytics.source;

import com.cloudtrailanalytics.event.ClockTick;
import com.cloudtrailanalytics.event.CloudTrailEvent;
import com.cloudtrailanalytics.event.FileReport;
import com.cloudtrailanalytics.event.InsightEvent;
import com.cloudtrailanalytics.event.Reject;
import com.cloudtrailanalytics.event.TrailItem;
import java.util.List;
import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;

/**
 * The type of what the source yields. {@link TrailItem} is an interface, which Flink would
 * otherwise hand to Kryo: each kind of item is serialized by Flink's own serializer of that record
 * instead, behind a tag that says which kind it is.
 */
public final class TrailItemTypeInfo extends TypeInformation<TrailItem> {

  /** The kinds of item; an item's tag is its kind's place in this list, so only append to it. */
  static final List<Class<? extends TrailItem>> KINDS =
      List.of(
          CloudTrailEvent.class,
          InsightEvent.class,
          Reject.class,
          FileReport.class,
          ClockTick.class);

  public static final TrailItemTypeInfo INSTANCE = new TrailItemTypeInfo();

  private TrailItemTypeInfo() {}

  @Override
  public TypeSerializer<TrailItem> createSerializer(SerializerConfig config) {
    return new TrailItemSerializer(
        KINDS.stream()
            .<TypeSerializer<?>>map(kind -> TypeInformation.of(kind).createSerializer(config))
            .toList());
  }

  @Override
  public boolean isBasicType() {
    return false;
  }

  @Override
  public boolean isTupleType() {
    return false;
  }

  @Override
  public int getArity() {
    return 1;
  }

  @Override
  public int getTotalFields() {
    return 1;
  }

  @Override
  public Class<TrailItem> getTypeClass() {
    return TrailItem.class;
  }

  @Override
  public boolean isKeyType() {
    return false;
  }

  @Override
  public String toString() {
    return "TrailItem" + KINDS.stream().map(Class::getSimpleName).toList();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof TrailItemTypeInfo;
  }

  @Override
  public int hashCode() {
    return TrailItemTypeInfo.class.hashCode();
  }

  @Override
  public boolean canEqual(Object other) {
    return other instanceof TrailItemTypeInfo;
  }
}
