package com.cloudtrailanalytics.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudtrailanalytics.record.CloudTrailEvent;
import com.cloudtrailanalytics.record.CloudTrailEventBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

class LateEventSplitterTest {

  private static final Instant WINDOW_START = Instant.parse("2024-03-01T10:00:00Z");
  private static final Instant WINDOW_END = WINDOW_START.plus(Duration.ofMinutes(5));

  @Test
  void letsEveryEventThroughWhileItsWindowIsOpen() throws Exception {
    try (var harness = harness()) {
      harness.processWatermark(new Watermark(WINDOW_END.toEpochMilli() - 2));
      harness.processElement(record(event("first-ms", WINDOW_START)));
      harness.processElement(record(event("last-ms", WINDOW_END.minusMillis(1))));

      assertThat(eventIds(harness)).containsExactly("first-ms", "last-ms");
      assertThat(harness.getSideOutput(LateEventSplitter.LATE_EVENTS)).isNull();
    }
  }

  @Test
  void takesOutEventsWhoseWindowTheWatermarkHasClosed() throws Exception {
    try (var harness = harness()) {
      harness.processWatermark(new Watermark(WINDOW_END.toEpochMilli() - 1));
      harness.processElement(record(event("closed-window", WINDOW_END.minusMillis(1))));
      harness.processElement(record(event("next-window", WINDOW_END)));

      assertThat(eventIds(harness)).containsExactly("next-window");
      assertThat(harness.getSideOutput(LateEventSplitter.LATE_EVENTS))
          .singleElement()
          .satisfies(
              late -> {
                assertThat(late.getValue().event().eventId()).isEqualTo("closed-window");
                assertThat(late.getValue().watermarkMillis())
                    .isEqualTo(WINDOW_END.toEpochMilli() - 1);
              });
    }
  }

  @Test
  void keepsTheCheckpointedWatermarkAsAFloorAfterARestore() throws Exception {
    OperatorSubtaskState snapshot;
    try (var harness = harness()) {
      harness.processWatermark(new Watermark(WINDOW_END.toEpochMilli() + 60_000));
      snapshot = harness.snapshot(1, 1);
    }
    try (var restored = harness(snapshot)) {
      restored.processElement(record(event("already-written-window", WINDOW_START)));
      restored.processElement(record(event("open-window", WINDOW_END.plusSeconds(30))));

      assertThat(eventIds(restored)).containsExactly("open-window");
      assertThat(restored.getSideOutput(LateEventSplitter.LATE_EVENTS)).hasSize(1);
    }
  }

  private static OneInputStreamOperatorTestHarness<CloudTrailEvent, CloudTrailEvent> harness()
      throws Exception {
    return harness(null);
  }

  private static OneInputStreamOperatorTestHarness<CloudTrailEvent, CloudTrailEvent> harness(
      OperatorSubtaskState restoreFrom) throws Exception {
    var harness =
        new OneInputStreamOperatorTestHarness<>(new LateEventSplitter(Duration.ofMinutes(5)));
    if (restoreFrom != null) {
      harness.initializeState(restoreFrom);
    }
    harness.open();
    return harness;
  }

  private static CloudTrailEvent event(String id, Instant at) {
    return new CloudTrailEventBuilder().eventId(id).eventTimeMillis(at.toEpochMilli()).build();
  }

  private static StreamRecord<CloudTrailEvent> record(CloudTrailEvent event) {
    return new StreamRecord<>(event, event.eventTimeMillis());
  }

  private static List<String> eventIds(
      OneInputStreamOperatorTestHarness<CloudTrailEvent, CloudTrailEvent> harness) {
    return harness.extractOutputValues().stream()
        .filter(Objects::nonNull)
        .map(CloudTrailEvent::eventId)
        .toList();
  }
}
