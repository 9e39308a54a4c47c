package com.cloudtrailanalytics.source;

import static com.cloudtrailanalytics.source.TrailFiles.logFile;
import static org.assertj.core.api.Assertions.assertThat;

import com.cloudtrailanalytics.source.discovery.DiscoveryState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.junit.jupiter.api.Test;

class FileScheduleTest {

  private static final Duration MAX_DELAY = Duration.ofMinutes(15);
  private static final FileSourceSplit AT_1000 = logFile("us-east-1", "20240301T1000Z");
  private static final FileSourceSplit AT_1005 = logFile("us-east-1", "20240301T1005Z");
  private static final FileSourceSplit AT_1005_EU = logFile("eu-west-1", "20240301T1005Z");
  private static final FileSourceSplit AT_1010 = logFile("us-east-1", "20240301T1010Z");

  @Test
  void handsOutFilesInDeliveryOrderWhateverTheListingOrder() {
    List<FileSourceSplit> inOrder = List.of(AT_1000, AT_1005_EU, AT_1005, AT_1010);
    List<FileSourceSplit> shuffled = new ArrayList<>(inOrder);
    Collections.shuffle(shuffled, new Random(3));
    FileSchedule schedule = new FileSchedule(MAX_DELAY);
    schedule.add(shuffled);

    List<FileSourceSplit> handedOut = new ArrayList<>();
    Optional<FileSourceSplit> next;
    while ((next = schedule.next(0)).isPresent()) {
      handedOut.add(next.get());
    }
    assertThat(handedOut).containsExactlyElementsOf(inOrder);
  }

  @Test
  void addsEachFileOnce() {
    FileSchedule schedule = new FileSchedule(MAX_DELAY);
    assertThat(schedule.add(List.of(AT_1000, AT_1005))).isEqualTo(2);
    schedule.finished(List.of(schedule.next(0).orElseThrow().splitId()));
    assertThat(schedule.add(List.of(AT_1000, AT_1005, AT_1010))).isEqualTo(1);
    assertThat(schedule.pendingCount()).isEqualTo(2);
  }

  @Test
  void theClockTrailsTheOldestUnfinishedFileByTheMaximumDelay() {
    FileSchedule schedule = new FileSchedule(MAX_DELAY);
    assertThat(schedule.advanceClock()).isEqualTo(Long.MIN_VALUE);
    schedule.add(List.of(AT_1000, AT_1005, AT_1010));
    assertThat(schedule.advanceClock()).isEqualTo(millis("2024-03-01T09:45:00Z"));

    schedule.next(0);
    schedule.next(1);
    schedule.finished(List.of(AT_1005.splitId()));
    assertThat(schedule.advanceClock())
        .as("reader 0 is still reading the 10:00 file")
        .isEqualTo(millis("2024-03-01T09:45:00Z"));

    schedule.finished(List.of(AT_1000.splitId()));
    assertThat(schedule.advanceClock()).isEqualTo(millis("2024-03-01T09:55:00Z"));

    schedule.next(0);
    schedule.finished(List.of(AT_1010.splitId()));
    assertThat(schedule.advanceClock())
        .as("every file is read: the newest one sets the clock")
        .isEqualTo(millis("2024-03-01T09:55:00Z"));
  }

  @Test
  void theClockNeverGoesBackWhenAnOlderFileArrivesLate() {
    FileSchedule schedule = new FileSchedule(MAX_DELAY);
    schedule.add(List.of(AT_1010));
    schedule.next(0);
    schedule.finished(List.of(AT_1010.splitId()));
    long clock = schedule.advanceClock();

    schedule.add(List.of(AT_1000));

    assertThat(schedule.advanceClock()).isEqualTo(clock);
  }

  @Test
  void aFailedReadersFilesGoBackToTheQueue() {
    FileSchedule schedule = new FileSchedule(MAX_DELAY);
    schedule.add(List.of(AT_1000, AT_1005));
    FileSourceSplit taken = schedule.next(0).orElseThrow();

    schedule.returned(List.of(taken));

    assertThat(schedule.isReading()).isFalse();
    assertThat(schedule.next(1)).contains(AT_1000);
  }

  @Test
  void aRestoredScheduleKeepsItsOrderAndClock() throws Exception {
    FileSchedule schedule = new FileSchedule(MAX_DELAY);
    schedule.add(List.of(AT_1010, AT_1000, AT_1005, AT_1005_EU));
    schedule.next(0);
    schedule.next(1);
    schedule.finished(List.of(AT_1005_EU.splitId()));
    schedule.advanceClock();
    TrailEnumeratorState state =
        new TrailEnumeratorState(
            schedule.pendingFiles(),
            schedule.knownFiles(),
            schedule.newestFileTime(),
            schedule.clock(),
            DiscoveryState.initial(),
            true);
    TrailEnumeratorStateSerializer serializer = new TrailEnumeratorStateSerializer();
    TrailEnumeratorState copy =
        serializer.deserialize(serializer.getVersion(), serializer.serialize(state));

    FileSchedule restored =
        FileSchedule.restore(
            MAX_DELAY, copy.pendingFiles(), copy.knownFiles(), copy.newestFileTime(), copy.clock());

    assertThat(restored.clock()).isEqualTo(millis("2024-03-01T09:45:00Z"));
    assertThat(restored.add(List.of(AT_1000, AT_1005, AT_1005_EU, AT_1010))).isZero();
    restored.readingAgain(2, List.of(AT_1000.splitId()));
    assertThat(restored.next(1).map(FileSourceSplit::splitId)).contains(AT_1005.splitId());
    assertThat(restored.readingBy(2)).containsExactly(AT_1000.splitId());
    restored.finished(List.of(AT_1000.splitId()));
    assertThat(restored.advanceClock()).isEqualTo(millis("2024-03-01T09:50:00Z"));
  }

  @Test
  void aReaderRestartedFromACheckpointReadsAgainWhatItHeldAndTheClockGoesBack() {
    FileSchedule schedule = new FileSchedule(MAX_DELAY);
    schedule.add(List.of(AT_1000, AT_1005, AT_1010));
    schedule.next(0);
    schedule.next(0);
    schedule.finished(List.of(AT_1000.splitId(), AT_1005.splitId()));
    assertThat(schedule.advanceClock()).isEqualTo(millis("2024-03-01T09:55:00Z"));

    schedule.forget(0);
    schedule.readingAgain(0, List.of(AT_1005.splitId()));

    assertThat(schedule.rebaseClock(Long.MIN_VALUE)).isEqualTo(millis("2024-03-01T09:50:00Z"));
    assertThat(schedule.heldCount(0)).isEqualTo(1);
  }

  private static long millis(String instant) {
    return Instant.parse(instant).toEpochMilli();
  }
}
