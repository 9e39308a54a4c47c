package com.cloudtrailanalytics.source.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudtrailanalytics.sample.TrailWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LayoutDiscoveryTest {

  private static final Instant NOW = Instant.parse("2024-03-05T12:00:00Z");

  @TempDir Path bucket;

  @Test
  void backfillsEveryDayItCanInOneRoundThenListsOnlyTheDaysThatCanStillChange() throws Exception {
    TrailWriter trail = new TrailWriter(bucket);
    for (String day : List.of("2024-02-27", "2024-03-01", "2024-03-04", "2024-03-05")) {
      trail.writeLogFile("111122223333", "us-east-1", Instant.parse(day + "T10:05:00Z"), List.of());
      trail.writeLogFile("111122223333", "eu-west-1", Instant.parse(day + "T10:10:00Z"), List.of());
    }
    LayoutDiscovery discovery =
        new LayoutDiscovery(
            bucket.toUri().toString(), null, Duration.ofDays(1), Duration.ofHours(1));

    Discovered first = discovery.discover(DiscoveryState.initial(), NOW);
    assertThat(days(first.files()))
        .as("a sparse history is caught up in one round")
        .containsOnly("2024/02/27", "2024/03/01", "2024/03/04", "2024/03/05")
        .hasSize(8);
    assertThat(first.state().backfillDays()).isEmpty();
    assertThat(first.state().caughtUp()).isTrue();
    assertThat(first.forgetBeforeMillis())
        .isEqualTo(Instant.parse("2024-03-04T00:00:00Z").toEpochMilli());

    Discovered live = discovery.discover(first.state(), NOW.plusSeconds(60));
    assertThat(days(live.files())).containsOnly("2024/03/04", "2024/03/05").hasSize(4);
    assertThat(live.listings()).as("two days of two regions").isEqualTo(4);
  }

  @Test
  void aBackfillRoundStopsOnceItHasFoundEnoughFiles() throws Exception {
    TrailWriter trail = new TrailWriter(bucket);
    int perDay = LayoutDiscovery.FILES_PER_BACKFILL_ROUND * 3 / 5;
    for (String day : List.of("2024-02-26", "2024-02-27", "2024-02-28")) {
      for (int i = 0; i < perDay; i++) {
        trail.writeLogFile(
            "111122223333", "us-east-1", Instant.parse(day + "T10:05:00Z"), List.of());
      }
    }
    LayoutDiscovery discovery =
        new LayoutDiscovery(
            bucket.toUri().toString(), null, Duration.ofDays(1), Duration.ofHours(1));

    Discovered first = discovery.discover(DiscoveryState.initial(), NOW);
    assertThat(days(first.files())).containsOnly("2024/02/26", "2024/02/27").hasSize(2 * perDay);
    assertThat(first.state().backfillDays()).containsExactly(LocalDate.of(2024, 2, 28));

    Discovered second = discovery.discover(first.state(), NOW);
    assertThat(days(second.files())).containsOnly("2024/02/28").hasSize(perDay);
    assertThat(second.state().caughtUp()).isTrue();
  }

  @Test
  void startsFromTheStartDate() throws Exception {
    TrailWriter trail = new TrailWriter(bucket);
    for (String day : List.of("2024-02-27", "2024-03-01", "2024-03-05")) {
      trail.writeLogFile("111122223333", "us-east-1", Instant.parse(day + "T10:05:00Z"), List.of());
    }
    LayoutDiscovery discovery =
        new LayoutDiscovery(
            bucket.toUri().toString(),
            LocalDate.of(2024, 2, 28),
            Duration.ofDays(1),
            Duration.ofHours(1));

    Discovered first = discovery.discover(DiscoveryState.initial(), NOW);

    assertThat(days(first.files()))
        .as("the one day to backfill, then the days that can still change")
        .containsExactly("2024/03/01", "2024/03/05");
  }

  @Test
  void looksForNewAccountsAndRegionsOnlyEveryStructureInterval() throws Exception {
    TrailWriter trail = new TrailWriter(bucket);
    trail.writeLogFile("111122223333", "us-east-1", NOW.minusSeconds(3600), List.of());
    LayoutDiscovery discovery =
        new LayoutDiscovery(
            bucket.toUri().toString(), null, Duration.ofDays(1), Duration.ofHours(1));
    Discovered first = discovery.discover(DiscoveryState.initial(), NOW);

    trail.writeLogFile("444455556666", "us-east-1", NOW.minusSeconds(60), List.of());

    assertThat(discovery.discover(first.state(), NOW.plus(Duration.ofMinutes(59))).files())
        .hasSize(1);
    assertThat(discovery.discover(first.state(), NOW.plus(Duration.ofMinutes(60))).files())
        .hasSize(2);
  }

  @Test
  void listsAFolderThatIsNotATrailRecursively() throws Exception {
    Files.createDirectories(bucket.resolve("exports/march"));
    Files.writeString(bucket.resolve("exports/march/sample.json"), "{}");
    Files.writeString(bucket.resolve("notes.txt"), "x");
    LayoutDiscovery discovery =
        new LayoutDiscovery(
            bucket.toUri().toString(), null, Duration.ofDays(1), Duration.ofHours(1));

    Discovered round = discovery.discover(DiscoveryState.initial(), NOW);

    assertThat(round.files())
        .extracting(f -> f.path().getName())
        .containsExactlyInAnyOrder("sample.json", "notes.txt");
    assertThat(round.state().caughtUp()).isTrue();
    assertThat(round.forgetBeforeMillis()).isEqualTo(Long.MIN_VALUE);
  }

  private static List<String> days(List<FileSourceSplit> files) {
    return files.stream()
        .map(f -> f.path().getParent().toString().replaceAll(".*/(\\d{4}/\\d{2}/\\d{2})$", "$1"))
        .toList();
  }
}
