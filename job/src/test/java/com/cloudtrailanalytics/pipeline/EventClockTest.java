package com.cloudtrailanalytics.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudtrailanalytics.event.ClockTick;
import com.cloudtrailanalytics.event.CloudTrailEvent;
import com.cloudtrailanalytics.event.FileReport;
import com.cloudtrailanalytics.event.Reject;
import com.cloudtrailanalytics.event.RejectReason;
import com.cloudtrailanalytics.event.TrailFile;
import com.cloudtrailanalytics.event.TrailItem;
import com.cloudtrailanalytics.format.CloudTrailEventBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

class EventClockTest {

  private static final Instant WINDOW_START = Instant.parse("2024-03-01T10:00:00Z");
  private static final Instant WINDOW_END = WINDOW_START.plus(Duration.ofMinutes(5));
  private static final TrailFile FILE = TrailFile.of("file:/t/a.json");

  @Test
  void turnsTheTrailsClockIntoWatermarksAndStampsEventsWithTheirTime() throws Exception {
    try (var harness = harness()) {
      harness.processElement(item(new ClockTick(WINDOW_START.toEpochMilli())));
      harness.processElement(item(event("e1", WINDOW_START.plusSeconds(10))));
      harness.processElement(item(new ClockTick(WINDOW_START.toEpochMilli() - 1)));

      assertThat(harness.getOutput())
          .containsExactly(
              new Watermark(WINDOW_START.toEpochMilli()),
              new StreamRecord<>(
                  new ClockedEvent(event("e1", WINDOW_START.plusSeconds(10)), false),
                  WINDOW_START.plusSeconds(10).toEpochMilli()));
    }
  }

  @Test
  void letsEveryEventThroughWhileItsWindowIsOpen() throws Exception {
    try (var harness = harness()) {
      harness.processElement(item(new ClockTick(WINDOW_END.toEpochMilli() - 2)));
      harness.processElement(item(event("first-ms", WINDOW_START)));
      harness.processElement(item(event("last-ms", WINDOW_END.minusMillis(1))));

      assertThat(eventIds(harness)).containsExactly("first-ms on time", "last-ms on time");
      assertThat(harness.getSideOutput(EventClock.LATE_EVENTS)).isNull();
    }
  }

  @Test
  void marksEventsWhoseWindowTheClockHasClosedLateAndStampsThemWithTheirArrival() throws Exception {
    try (var harness = harness()) {
      harness.processElement(item(new ClockTick(WINDOW_END.toEpochMilli() - 1)));
      harness.processElement(item(event("closed-window", WINDOW_END.minusMillis(1))));
      harness.processElement(item(event("next-window", WINDOW_END)));

      assertThat(eventIds(harness)).containsExactly("closed-window late", "next-window on time");
      assertThat(harness.extractOutputStreamRecords().get(0).getTimestamp())
          .isEqualTo(WINDOW_END.toEpochMilli());
      assertThat(harness.getSideOutput(EventClock.LATE_EVENTS))
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
  void sendsRejectsAndFileReportsToTheirOwnOutputs() throws Exception {
    try (var harness = harness()) {
      Reject reject =
          new Reject(FILE, 3, 120, RejectReason.MISSING_EVENT_TIME, "no eventTime", "{}");
      FileReport report = new FileReport(FILE, FileReport.Status.READ, 5, 1, null);
      harness.processElement(item(reject));
      harness.processElement(item(report));

      assertThat(harness.getSideOutput(EventClock.REJECTS))
          .extracting(StreamRecord::getValue)
          .containsExactly(reject);
      assertThat(harness.getSideOutput(EventClock.FILE_REPORTS))
          .extracting(StreamRecord::getValue)
          .containsExactly(report);
      assertThat(harness.getOutput()).isEmpty();
    }
  }

  @Test
  void forwardsOnlyTheFinalWatermarkOfItsInput() throws Exception {
    try (var harness = harness()) {
      harness.processWatermark(new Watermark(WINDOW_END.toEpochMilli()));
      harness.processWatermark(Watermark.MAX_WATERMARK);
      assertThat(harness.getOutput()).containsExactly(Watermark.MAX_WATERMARK);
    }
  }

  private static OneInputStreamOperatorTestHarness<TrailItem, ClockedEvent> harness()
      throws Exception {
    var harness = new OneInputStreamOperatorTestHarness<>(new EventClock(Duration.ofMinutes(5)));
    harness.open();
    return harness;
  }

  private static StreamRecord<TrailItem> item(TrailItem item) {
    return new StreamRecord<>(item);
  }

  private static CloudTrailEvent event(String id, Instant at) {
    return new CloudTrailEventBuilder().eventId(id).eventTimeMillis(at.toEpochMilli()).build();
  }

  private static List<String> eventIds(
      OneInputStreamOperatorTestHarness<TrailItem, ClockedEvent> harness) {
    return harness.extractOutputValues().stream()
        .map(clocked -> clocked.event().eventId() + (clocked.late() ? " late" : " on time"))
        .toList();
  }
}
