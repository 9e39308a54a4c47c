package com.cloudtrailanalytics.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudtrailanalytics.testing.JobConfigs;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.java.typeutils.runtime.kryo.KryoSerializer;
import org.apache.flink.connector.file.table.stream.compact.CompactMessages;
import org.apache.flink.streaming.api.graph.StreamNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Records cross the network between TaskManagers in the serializers the job declares: none of ours
 * may fall back to Kryo, which is slow and breaks when a class changes.
 */
class SerializersTest {

  @TempDir Path dir;

  @Test
  void onlyFlinksOwnCompactionMessagesGoThroughKryo() throws Exception {
    Path input = Files.createDirectories(dir.resolve("trail"));
    CloudTrailJob job = CloudTrailJob.create(JobConfigs.bounded(input, dir.resolve("output")));
    List<TypeSerializer<?>> serializers = new ArrayList<>();
    for (StreamNode node : job.graph().getStreamNodes()) {
      Stream.concat(Stream.of(node.getTypeSerializersIn()), Stream.of(node.getTypeSerializerOut()))
          .forEach(serializer -> within(serializer, serializers));
    }

    Set<String> kryoTypes = new TreeSet<>();
    serializers.stream()
        .filter(KryoSerializer.class::isInstance)
        .forEach(kryo -> kryoTypes.add(((Class<?>) field(kryo, "type")).getName()));

    // The file sink's compaction (Flink's code: a small message per file and checkpoint, and the
    // answers) is why the job cannot run with pipeline.generic-types: false.
    assertThat(kryoTypes)
        .containsOnly(
            CompactMessages.CoordinatorInput.class.getName(),
            CompactMessages.CoordinatorOutput.class.getName());
    assertThat(serializers)
        .as("the source's items, each kind by its own serializer")
        .anyMatch(
            serializer -> serializer.getClass().getSimpleName().equals("TrailItemSerializer"));
  }

  /** Adds the serializer and every serializer within it (a record's fields, a list's elements). */
  private static void within(Object serializer, List<TypeSerializer<?>> found) {
    if (!(serializer instanceof TypeSerializer<?> typed) || found.contains(typed)) {
      return;
    }
    found.add(typed);
    for (Class<?> type = typed.getClass(); type != Object.class; type = type.getSuperclass()) {
      for (Field field : type.getDeclaredFields()) {
        if (Modifier.isStatic(field.getModifiers())) {
          continue;
        }
        Object value = value(field, typed);
        if (value instanceof Object[] array) {
          Stream.of(array).forEach(element -> within(element, found));
        } else if (value instanceof Collection<?> collection) {
          collection.forEach(element -> within(element, found));
        } else {
          within(value, found);
        }
      }
    }
  }

  private static Object field(Object object, String name) {
    for (Class<?> type = object.getClass(); type != Object.class; type = type.getSuperclass()) {
      try {
        return value(type.getDeclaredField(name), object);
      } catch (NoSuchFieldException e) {
        // declared higher up
      }
    }
    throw new IllegalArgumentException(object.getClass() + " has no field " + name);
  }

  private static Object value(Field field, Object object) {
    field.setAccessible(true);
    try {
      return field.get(object);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }
}
