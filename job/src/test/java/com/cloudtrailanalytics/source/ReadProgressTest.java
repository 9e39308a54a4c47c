package com.cloudtrailanalytics.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ReadProgressTest {

  private static final long START = 1_000_000_000L;

  @Test
  void tellsFilesAndEventsReadOfThoseFoundAndTheTimeLeftAtTheRateSoFar() {
    ReadProgress progress = new ReadProgress(START, 0);
    progress.found(600);
    progress.found(57);
    progress.read(219, 43_800);

    assertThat(progress.line(START + Duration.ofSeconds(30).toNanos(), true))
        .isEqualTo(
            "Progress: 219 of 657 files read (33%), about 1 min 0 s left; 43,800 events,"
                + " 1,460 events/s");
    assertThat(progress.isUnderWay()).isTrue();
  }

  @Test
  void tellsNoTimeLeftWhileStillListingOrBeforeTheFirstFile() {
    ReadProgress progress = new ReadProgress(START, 20);
    assertThat(progress.line(START + Duration.ofSeconds(2).toNanos(), true))
        .isEqualTo("Progress: 0 of 20 files read (0%); 0 events, 0 events/s");

    progress.found(1_000);
    progress.read(10, 25_000);
    assertThat(progress.line(START + Duration.ofSeconds(5).toNanos(), false))
        .isEqualTo(
            "Progress: 10 of 1,020 files read (0%), still listing; 25,000 events, 5,000 events/s");
  }

  @Test
  void saysNothingOnceEveryFileFoundIsReadButTheLastLine() {
    ReadProgress progress = new ReadProgress(START, 0);
    assertThat(progress.isUnderWay()).isFalse();
    assertThat(progress.isDone()).as("nothing found yet").isFalse();
    progress.found(2);
    progress.read(1, 3);
    assertThat(progress.isDone()).isFalse();
    progress.read(1, 4_000);
    assertThat(progress.isUnderWay()).isFalse();
    assertThat(progress.isDone()).isTrue();
    assertThat(progress.allReadLine(START + Duration.ofSeconds(2).toNanos()))
        .isEqualTo("Read all 2 files: 4,003 events in 2 s, 2,002 events/s");
  }

  @Test
  void tellsLongRunsInHours() {
    ReadProgress progress = new ReadProgress(START, 0);
    progress.found(100_000);
    progress.read(1_000, 1_000_000);
    assertThat(progress.line(START + Duration.ofMinutes(2).toNanos(), true))
        .contains("about 3 h 18 min left;");
  }
}
