package com.cloudtrailanalytics.source;

import static com.cloudtrailanalytics.source.TrailFiles.logFile;
import static org.assertj.core.api.Assertions.assertThat;

import com.cloudtrailanalytics.source.discovery.DiscoveryState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.connector.source.ReaderInfo;
import org.apache.flink.api.connector.source.SourceEvent;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.mocks.MockSplitEnumeratorContext;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.junit.jupiter.api.Test;

class TrailEnumeratorTest {

  private static final Duration MAX_DELAY = Duration.ofMinutes(15);
  private static final FileSourceSplit AT_1000 = logFile("us-east-1", "20240301T1000Z");
  private static final FileSourceSplit AT_1005 = logFile("us-east-1", "20240301T1005Z");
  private static final FileSourceSplit AT_1010 = logFile("us-east-1", "20240301T1010Z");
  private static final FileSourceSplit AT_1015 = logFile("us-east-1", "20240301T1015Z");

  @Test
  void keepsEachReaderTwoFilesAheadInDeliveryOrder() throws Throwable {
    try (var context = new MockSplitEnumeratorContext<FileSourceSplit>(2)) {
      TrailEnumerator enumerator = bounded(context, List.of(AT_1015, AT_1005, AT_1010, AT_1000));
      register(context, enumerator, 0);
      register(context, enumerator, 1);
      enumerator.start();
      enumerator.handleSplitRequest(0, null);
      context.runNextOneTimeCallable();
      enumerator.handleSplitRequest(1, null);

      assertThat(assigned(context))
          .containsExactly(
              AT_1000.splitId(), AT_1005.splitId(), AT_1010.splitId(), AT_1015.splitId());
      assertThat(context.getSplitsAssignmentSequence().get(0).assignment()).containsOnlyKeys(0);
      assertThat(context.getSplitsAssignmentSequence().get(3).assignment()).containsOnlyKeys(1);
    }
  }

  @Test
  void advancesTheClockForEveryReaderAsFilesAreFinished() throws Throwable {
    try (var context = new MockSplitEnumeratorContext<FileSourceSplit>(2)) {
      TrailEnumerator enumerator = bounded(context, List.of(AT_1005, AT_1000));
      register(context, enumerator, 0);
      register(context, enumerator, 1);
      enumerator.start();
      context.runNextOneTimeCallable();
      enumerator.handleSplitRequest(0, null);

      enumerator.handleSourceEvent(0, new FilesFinishedEvent(List.of(AT_1000.splitId()), 0));
      assertThat(clocks(context, 1))
          .containsExactly(
              Long.MIN_VALUE, millis("2024-03-01T09:45:00Z"), millis("2024-03-01T09:50:00Z"));

      enumerator.handleSourceEvent(0, new FilesFinishedEvent(List.of(AT_1005.splitId()), 0));
      enumerator.handleSplitRequest(0, null);
      assertThat(context.hasNoMoreSplits(0)).isTrue();
      assertThat(context.hasNoMoreSplits(1)).isFalse();
    }
  }

  @Test
  void aRestoredEnumeratorWaitsForEveryReadersFilesBeforeItTellsTheClock() throws Throwable {
    TrailEnumeratorState state;
    try (var context = new MockSplitEnumeratorContext<FileSourceSplit>(2)) {
      TrailEnumerator enumerator = bounded(context, List.of(AT_1010, AT_1005, AT_1000, AT_1015));
      register(context, enumerator, 0);
      enumerator.start();
      context.runNextOneTimeCallable();
      enumerator.handleSplitRequest(0, null);
      state = enumerator.snapshotState(1);
    }
    try (var context = new MockSplitEnumeratorContext<FileSourceSplit>(2)) {
      TrailSource source =
          new TrailSource(
              ReadSettings.of(1024),
              TrailFiles.listing(List.of()),
              true,
              Duration.ofMinutes(1),
              Duration.ofSeconds(5),
              MAX_DELAY,
              Clock.systemUTC());
      SplitEnumerator<FileSourceSplit, TrailEnumeratorState> restored =
          source.restoreEnumerator(context, state);
      restored.start();
      register(context, restored, 0);
      register(context, restored, 1);
      assertThat(context.getOneTimeCallables()).as("a bounded run does not list again").isEmpty();

      restored.handleSourceEvent(0, new HeldFilesEvent(List.of(AT_1005.splitId())));
      assertThat(clocks(context, 0)).as("reader 1 has not reported yet").isEmpty();

      restored.handleSourceEvent(1, new HeldFilesEvent(List.of()));
      assertThat(clocks(context, 0)).containsExactly(millis("2024-03-01T09:50:00Z"));
      assertThat(clocks(context, 1)).containsExactly(millis("2024-03-01T09:50:00Z"));
      restored.handleSplitRequest(1, null);
      assertThat(assigned(context)).containsExactly(AT_1010.splitId(), AT_1015.splitId());
    }
  }

  @Test
  void readersRestartedWhileTheEnumeratorRunsReadTheirCheckpointedFilesAgainBeforeTheClockMoves()
      throws Throwable {
    try (var context = new MockSplitEnumeratorContext<FileSourceSplit>(1)) {
      TrailEnumerator enumerator = bounded(context, List.of(AT_1000, AT_1005, AT_1010, AT_1015));
      register(context, enumerator, 0);
      enumerator.start();
      context.runNextOneTimeCallable();
      enumerator.handleSplitRequest(0, null);
      enumerator.handleSourceEvent(0, new FilesFinishedEvent(List.of(AT_1000.splitId()), 0));
      enumerator.handleSplitRequest(0, null);
      enumerator.handleSourceEvent(0, new FilesFinishedEvent(List.of(AT_1005.splitId()), 0));
      assertThat(clocks(context, 0)).last().isEqualTo(millis("2024-03-01T09:55:00Z"));

      // the reader fails; its checkpoint held the 10:00 and 10:05 files; 10:10 and 10:15 came later
      enumerator.addSplitsBack(List.of(AT_1010, AT_1015), 0);
      context.registerReader(new ReaderInfo(0, "localhost"));
      enumerator.addReader(0);
      int clocksBefore = clocks(context, 0).size();
      enumerator.handleSourceEvent(
          0, new HeldFilesEvent(List.of(AT_1000.splitId(), AT_1005.splitId())));

      assertThat(clocks(context, 0))
          .hasSize(clocksBefore + 1)
          .last()
          .isEqualTo(millis("2024-03-01T09:45:00Z"));
    }
  }

  private static TrailEnumerator bounded(
      MockSplitEnumeratorContext<FileSourceSplit> context, List<FileSourceSplit> files) {
    return new TrailEnumerator(
        context,
        TrailFiles.listing(files),
        true,
        Duration.ofMinutes(1),
        Duration.ofSeconds(5),
        Clock.systemUTC(),
        new FileSchedule(MAX_DELAY),
        DiscoveryState.initial(),
        false,
        false);
  }

  private static void register(
      MockSplitEnumeratorContext<FileSourceSplit> context,
      SplitEnumerator<FileSourceSplit, ?> enumerator,
      int reader) {
    context.registerReader(new ReaderInfo(reader, "localhost"));
    enumerator.addReader(reader);
  }

  private static List<String> assigned(MockSplitEnumeratorContext<FileSourceSplit> context) {
    return context.getSplitsAssignmentSequence().stream()
        .flatMap(a -> a.assignment().values().stream())
        .flatMap(List::stream)
        .map(FileSourceSplit::splitId)
        .toList();
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
