package com.cloudtrailanalytics.bench;

import com.cloudtrailanalytics.sample.SyntheticTrail;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** The generated trails the benchmarks read, and the folders they write. */
final class BenchTrails {

  private BenchTrails() {}

  /** One account, one region, one hour: the trail the one-core benchmarks read. */
  static Path writeSmall(Path dir, long events) throws IOException {
    new SyntheticTrail(
            new SyntheticTrail.Settings(
                1, 1, 1, events, 1, Instant.parse("2025-03-03T06:00:00Z"), null))
        .writeTo(dir);
    return dir;
  }

  /**
   * A generated trail of {@code events} events (four accounts, four regions, 200,000 events an
   * hour), written once under {@code dir} and kept for later runs.
   */
  static Path generated(Path dir, long events) throws IOException {
    Path trail = dir.resolve("trail-" + events);
    if (!Files.exists(trail)) {
      System.out.printf("Writing a trail of %,d events to %s ...%n", events, trail);
      int hours = (int) Math.max(1, events / 200_000);
      new SyntheticTrail(
              new SyntheticTrail.Settings(
                  4, 4, hours, events, 42, Instant.parse("2025-01-01T00:00:00Z"), null))
          .writeTo(trail);
    }
    return trail;
  }

  /** The trail's gzipped log files, in key order. */
  static List<Path> logFiles(Path trail) throws IOException {
    try (Stream<Path> walk = Files.walk(trail)) {
      return walk.filter(
              f -> f.toString().contains("/CloudTrail/") && f.toString().endsWith(".json.gz"))
          .sorted()
          .toList();
    }
  }

  /** Deletes a folder and everything below it, if it exists. */
  static void delete(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
