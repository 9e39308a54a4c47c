package com.cloudtrailanalytics.source;

import static com.cloudtrailanalytics.source.TrailFiles.logFile;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.connector.source.ReaderInfo;
import org.apache.flink.api.connector.source.SourceEvent;
import org.apache.flink.api.connector.source.mocks.MockSplitEnumeratorContext;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.junit.jupiter.api.Test;

class TrailEnumeratorTest {

  private static final Duration MAX_DELAY = Duration.ofMinutes(15);
  private static final FileSourceSplit AT_1000 = logFile("us-east-1", "20240301T1000Z");
  private static final FileSourceSplit AT_1005 = logFile("us-east-1", "20240301T1005Z");

  @Test
  void aBoundedRunListsOnceHandsOutEveryFileAndTellsEveryReaderTheClock() throws Throwable {
    try (var context = new MockSplitEnumeratorContext<FileSourceSplit>(2)) {
      TrailEnumerator enumerator = bounded(context, List.of(AT_1005, AT_1000));
      register(context, enumerator, 0);
      register(context, enumerator, 1);
      enumerator.start();
      enumerator.handleSplitRequest(0, null);
      context.runNextOneTimeCallable();

      enumerator.handleSplitRequest(1, null);
      assertThat(context.getSplitsAssignmentSequence())
          .extracting(a -> a.assignment().values().iterator().next().get(0))
          .containsExactly(AT_1000, AT_1005);
      assertThat(clocks(context, 1))
          .containsExactly(Long.MIN_VALUE, millis("2024-03-01T09:45:00Z"));

      enumerator.handleSplitRequest(0, null);
      assertThat(context.hasNoMoreSplits(0)).isTrue();
      assertThat(context.hasNoMoreSplits(1)).isFalse();
      assertThat(clocks(context, 1)).last().isEqualTo(millis("2024-03-01T09:50:00Z"));
    }
  }

  @Test
  void aRestoredEnumeratorGivesNewReadersTheCheckpointedClockBeforeAnyFile() throws Throwable {
    TrailEnumeratorState state;
    try (var context = new MockSplitEnumeratorContext<FileSourceSplit>(1)) {
      TrailEnumerator enumerator = bounded(context, List.of(AT_1005, AT_1000));
      register(context, enumerator, 0);
      enumerator.start();
      context.runNextOneTimeCallable();
      enumerator.handleSplitRequest(0, null);
      state = enumerator.snapshotState(1);
    }
    try (var context = new MockSplitEnumeratorContext<FileSourceSplit>(1)) {
      TrailSource source =
          new TrailSource(
              new CloudTrailFileFormat(1024), List::of, true, Duration.ofMinutes(1), MAX_DELAY);
      var restored = source.restoreEnumerator(context, state);
      restored.start();
      register(context, restored, 0);

      assertThat(context.getOneTimeCallables()).as("a bounded run does not list again").isEmpty();
      assertThat(clocks(context, 0)).containsExactly(millis("2024-03-01T09:45:00Z"));
      restored.handleSplitRequest(0, null);
      assertThat(context.getSplitsAssignmentSequence())
          .extracting(a -> a.assignment().get(0).get(0))
          .containsExactly(AT_1005);
    }
  }

  private static TrailEnumerator bounded(
      MockSplitEnumeratorContext<FileSourceSplit> context, List<FileSourceSplit> files) {
    return new TrailEnumerator(
        context, () -> files, true, Duration.ofMinutes(1), new FileSchedule(MAX_DELAY), false);
  }

  private static void register(
      MockSplitEnumeratorContext<FileSourceSplit> context,
      org.apache.flink.api.connector.source.SplitEnumerator<FileSourceSplit, ?> enumerator,
      int reader) {
    context.registerReader(new ReaderInfo(reader, "localhost"));
    enumerator.addReader(reader);
  }

  private static List<Long> clocks(MockSplitEnumeratorContext<FileSourceSplit> context, int reader)
      throws Exception {
    List<SourceEvent> events = context.getSentSourceEvent().getOrDefault(reader, List.of());
    return events.stream().map(e -> ((ClockEvent) e).watermarkMillis()).toList();
  }

  private static long millis(String instant) {
    return Instant.parse(instant).toEpochMilli();
  }
}
