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
            "Progress: 219 of 657 files read (33%), 43,800 events, 1,460 events/s;"
                + " about 1 min 0 s left");
    assertThat(progress.isUnderWay()).isTrue();
  }

  @Test
  void tellsNoTimeLeftWhileStillListingOrBeforeTheFirstFile() {
    ReadProgress progress = new ReadProgress(START, 20);
    assertThat(progress.line(START + Duration.ofSeconds(2).toNanos(), true))
        .isEqualTo("Progress: 0 of 20 files read (0%), 0 events, 0 events/s");

    progress.found(1_000);
    progress.read(10, 25_000);
    assertThat(progress.line(START + Duration.ofSeconds(5).toNanos(), false))
        .isEqualTo(
            "Progress: 10 of 1,020 files read (0%), 25,000 events, 5,000 events/s; still listing");
  }

  @Test
  void saysNothingOnceEveryFileFoundIsRead() {
    ReadProgress progress = new ReadProgress(START, 0);
    assertThat(progress.isUnderWay()).isFalse();
    progress.found(2);
    progress.read(2, 7);
    assertThat(progress.isUnderWay()).isFalse();
  }

  @Test
  void tellsLongRunsInHours() {
    ReadProgress progress = new ReadProgress(START, 0);
    progress.found(100_000);
    progress.read(1_000, 1_000_000);
    assertThat(progress.line(START + Duration.ofMinutes(2).toNanos(), true))
        .endsWith("about 3 h 18 min left");
  }
}
