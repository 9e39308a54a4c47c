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
