package com.cloudtrailanalytics.cluster;

import com.cloudtrailanalytics.sample.SyntheticTrail;
import com.cloudtrailanalytics.testing.GroundTruth;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.flink.core.fs.FileSystem;

/**
 * A synthetic trail ending now, delivered to the trail bucket through the S3 API in delivery order,
 * part by part, as CloudTrail would; and what the tables must hold for the part delivered so far.
 */
final class ClusterTrail {

  static final Duration WINDOW = Duration.ofMinutes(5);
  static final Duration MAX_DELAY = Duration.ofMinutes(15);
  private static final Pattern DELIVERED = Pattern.compile("_(\\d{8}T\\d{4}Z)_");
  private static final DateTimeFormatter NAME_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm'Z'");

  private final Path generated;
  private final Path delivered;
  private final List<Path> files;
  private int next;
  private Path sinceMark;
  private int marks;

  private ClusterTrail(Path generated, Path delivered, List<Path> files) throws IOException {
    this.generated = generated;
    this.delivered = delivered;
    this.files = files;
    mark();
  }

  /** Three hours of two accounts in two regions, up to the current hour. */
  static ClusterTrail generate(Path dir) throws IOException {
    Path generated = dir.resolve("generated");
    Instant start = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(3));
    new SyntheticTrail(new SyntheticTrail.Settings(2, 2, 3, 9_000, 14, start, null))
        .writeTo(generated);
    List<Path> files;
    try (Stream<Path> all = Files.walk(generated)) {
      files =
          all.filter(file -> file.toString().contains("/CloudTrail/"))
              .filter(file -> file.toString().endsWith(".json.gz"))
              .sorted(Comparator.comparing(ClusterTrail::deliveredAt).thenComparing(Path::toString))
              .toList();
    }
    return new ClusterTrail(generated, Files.createDirectories(dir.resolve("delivered")), files);
  }

  /**
   * Uploads the next files, up to {@code fraction} of the trail, to {@code bucket} through the S3
   * API; returns how many.
   */
  int deliverUpTo(double fraction, String bucket) throws IOException {
    int until = (int) Math.ceil(files.size() * fraction);
    int count = 0;
    for (; next < until; next++, count++) {
      Path file = files.get(next);
      String key = generated.relativize(file).toString();
      org.apache.flink.core.fs.Path target =
          new org.apache.flink.core.fs.Path("s3://" + bucket + "/" + key);
      try (OutputStream out =
          target.getFileSystem().create(target, FileSystem.WriteMode.OVERWRITE)) {
        Files.copy(file, out);
      }
      for (Path folder : List.of(delivered, sinceMark)) {
        Path copy = folder.resolve(key);
        Files.createDirectories(copy.getParent());
        Files.copy(file, copy);
      }
    }
    return count;
  }

  /** Starts a new folder of what is delivered from now on ({@link #sinceMark()}). */
  void mark() throws IOException {
    sinceMark = Files.createDirectories(delivered.resolveSibling("since-mark-" + ++marks));
  }

  /** What was delivered since the last {@link #mark()}, as a folder of the trail's layout. */
  Path sinceMark() {
    return sinceMark;
  }

  /** How many files are still to be delivered. */
  int remaining() {
    return files.size() - next;
  }

  /** The part delivered so far, as a folder of the trail's layout. */
  Path delivered() {
    return delivered;
  }

  /**
   * The user_activity rows the job must have written for what was delivered: every window the
   * trail's clock has closed (the newest delivery less the maximum delay).
   */
  List<List<Object>> closedUserActivity() throws IOException {
    Instant clock = deliveredAt(files.get(next - 1)).minus(MAX_DELAY);
    return GroundTruth.of(delivered, WINDOW).userActivityCounts().stream()
        .filter(
            row -> !Instant.parse((String) row.get(0)).plus(WINDOW).minusMillis(1).isAfter(clock))
        .toList();
  }

  static Instant deliveredAt(Path file) {
    Matcher time = DELIVERED.matcher(file.getFileName().toString());
    if (!time.find()) {
      throw new IllegalArgumentException("not a CloudTrail file name: " + file);
    }
    return LocalDateTime.parse(time.group(1), NAME_TIME).toInstant(ZoneOffset.UTC);
  }

  static List<Path> logFiles(Path folder) throws IOException {
    try (Stream<Path> all = Files.walk(folder)) {
      return new ArrayList<>(all.filter(f -> f.toString().endsWith(".json.gz")).toList());
    }
  }
}
