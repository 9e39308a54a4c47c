package com.cloudtrailanalytics.athena;

import static com.cloudtrailanalytics.testing.CloudTrailEvents.ACCOUNT;
import static com.cloudtrailanalytics.testing.CloudTrailEvents.BEGINNING;
import static com.cloudtrailanalytics.testing.CloudTrailEvents.US_EAST_1;
import static com.cloudtrailanalytics.testing.CloudTrailEvents.consoleLogin;
import static com.cloudtrailanalytics.testing.CloudTrailEvents.userCall;
import static org.assertj.core.api.Assertions.assertThat;

import com.cloudtrailanalytics.config.JobOptions;
import com.cloudtrailanalytics.pipeline.CloudTrailJob;
import com.cloudtrailanalytics.sample.SampleInsights;
import com.cloudtrailanalytics.sample.TrailWriter;
import com.cloudtrailanalytics.testing.AthenaDdl;
import com.cloudtrailanalytics.testing.JobConfigs;
import com.cloudtrailanalytics.testing.MiniClusters;
import com.cloudtrailanalytics.testing.OutputTables;
import com.cloudtrailanalytics.testing.ParquetFiles;
import com.cloudtrailanalytics.testing.SampleRun;
import com.cloudtrailanalytics.testing.TestGeoDatabases;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Athena DDL in sql/athena/ against the Parquet the job writes: every table, its columns and
 * types, its partitions and locations; and what a day of the events table costs to scan.
 */
class AthenaTablesITCase {

  @RegisterExtension
  static final MiniClusterExtension CLUSTER = MiniClusters.oneTaskManagerTwoSlots();

  static final Path ATHENA = Path.of("..", "sql", "athena");
  private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final Pattern HOUR = Pattern.compile("([01]\\d|2[0-3])");

  @TempDir Path dir;

  @Test
  void everyTableTheJobWritesHasADdlWithItsExactColumnsAndPartitions() throws Exception {
    Path output = dir.resolve("output");
    Configuration config = JobConfigs.boundedInDeliveryOrder(writeTrailForEveryTable(), output);
    config.set(JobOptions.GEOIP_DB, TestGeoDatabases.writeCity(dir).toString());
    config.set(JobOptions.ASN_DB, TestGeoDatabases.writeAsn(dir).toString());
    CloudTrailJob.create(config).run();

    Map<String, AthenaDdl> ddls = AthenaDdl.all(ATHENA);
    assertThat(ddls.keySet())
        .as("a DDL for every table the job writes")
        .containsExactlyInAnyOrderElementsOf(OutputTables.tableNames(output));
    try (OutputTables tables = new OutputTables(output)) {
      for (AthenaDdl ddl : ddls.values()) {
        List<Path> files = tables.committedFiles(ddl.table());
        assertThat(files).as(ddl.table()).isNotEmpty();
        for (Path file : files) {
          assertThat(ParquetFiles.hiveColumns(output.resolve(ddl.table()).resolve(file)))
              .as("%s columns of %s", ddl.table(), file)
              .containsExactlyEntriesOf(ddl.columns());
          assertThat(partitionValues(file))
              .as("%s partitions of %s", ddl.table(), file)
              .containsOnlyKeys(ddl.partitionColumns().keySet())
              .allSatisfy(
                  (column, value) -> assertThat(value).matches(column.equals("dt") ? DAY : HOUR));
        }
        assertPartitionProjection(ddl);
      }
    }
  }

  @Test
  void aDayOfEventsScansASmallFractionOfTheGzippedJson() throws Exception {
    SampleRun sample = SampleRun.get();
    long gzipBytes = dayOfTrailBytes(sample.bucket, SampleRun.LAST_DAY);
    Map<String, Long> columnBytes = new TreeMap<>();
    Path day = sample.output.resolve("events").resolve("dt=" + SampleRun.LAST_DAY);
    try (Stream<Path> files = Files.walk(day)) {
      for (Path file : files.filter(f -> f.getFileName().toString().contains("part-")).toList()) {
        ParquetFiles.columnBytes(file)
            .forEach((column, bytes) -> columnBytes.merge(column, bytes, Long::sum));
      }
    }
    long allColumns = columnBytes.values().stream().mapToLong(Long::longValue).sum();
    System.out.printf(
        "events, %s: gzipped JSON %,d bytes; Parquet, all columns %,d bytes (%.1f%%)%n",
        SampleRun.LAST_DAY, gzipBytes, allColumns, 100.0 * allColumns / gzipBytes);

    for (Path query : SavedQueries.over("events")) {
      long scanned =
          columnBytes.entrySet().stream()
              .filter(column -> SavedQueries.mentions(query, column.getKey()))
              .mapToLong(Map.Entry::getValue)
              .sum();
      double ratio = (double) scanned / gzipBytes;
      System.out.printf(
          "  %-30s scans %,9d bytes = %4.1f%% of the gzipped JSON%n",
          query.getFileName(), scanned, 100 * ratio);
      // A query that tells events apart by event_id (to join findings to them, or to pick each
      // stopped instance's sign-in) reads that column of unique ids too.
      double bound = SavedQueries.mentions(query, "event_id") ? 0.3 : 0.2;
      assertThat(ratio).as("%s scans a small fraction", query.getFileName()).isLessThan(bound);
    }
  }

  /**
   * Compaction merges the files of each checkpoint; a bounded run writes an hour in one or two
   * checkpoints (a writer that runs out of input first commits in its own), never more.
   */
  @Test
  void aBoundedRunWritesAFileOrTwoPerTableAndHour() throws Exception {
    SampleRun sample = SampleRun.get();
    try (OutputTables tables = new OutputTables(sample.output)) {
      for (String table : OutputTables.tableNames(sample.output)) {
        Map<Path, List<Long>> sizesByPartition = new TreeMap<>();
        for (Path file : tables.committedFiles(table)) {
          sizesByPartition
              .computeIfAbsent(file.getParent(), partition -> new ArrayList<>())
              .add(Files.size(sample.output.resolve(table).resolve(file)));
        }
        System.out.printf("%-22s %s%n", table, sizesByPartition);
        assertThat(sizesByPartition.values())
            .as("%s: compacted files per partition", table)
            .allSatisfy(sizes -> assertThat(sizes).hasSizeBetween(1, 2));
      }
    }
  }

  private static Map<String, String> partitionValues(Path file) {
    Map<String, String> values = new LinkedHashMap<>();
    for (Path folder : file.getParent()) {
      String[] keyAndValue = folder.toString().split("=", 2);
      values.put(keyAndValue[0], keyAndValue[1]);
    }
    return values;
  }

  private static void assertPartitionProjection(AthenaDdl ddl) {
    String location = "${output}/" + ddl.table() + "/";
    assertThat(ddl.location()).isEqualTo(location);
    StringBuilder template = new StringBuilder(location);
    ddl.partitionColumns()
        .keySet()
        .forEach(c -> template.append(c).append("=${").append(c).append("}/"));
    assertThat(ddl.properties())
        .containsEntry("projection.enabled", "true")
        .containsEntry("storage.location.template", template.toString())
        .containsEntry("projection.dt.type", "date")
        .containsEntry("projection.dt.format", "yyyy-MM-dd");
    assertThat(ddl.partitionColumns()).containsEntry("dt", "string");
    if (ddl.partitionColumns().containsKey("hr")) {
      assertThat(ddl.partitionColumns()).containsEntry("hr", "string");
      assertThat(ddl.properties())
          .containsEntry("projection.hr.type", "integer")
          .containsEntry("projection.hr.range", "0,23")
          .containsEntry("projection.hr.digits", "2");
    }
  }

  /** The gzipped bytes of the trail's files delivered on {@code day}. */
  private static long dayOfTrailBytes(Path bucket, String day) throws IOException {
    String folder = "/" + day.replace('-', '/') + "/";
    try (Stream<Path> files = Files.walk(bucket)) {
      long bytes = 0;
      for (Path file : files.filter(f -> f.toString().contains(folder)).toList()) {
        bytes += Files.size(file);
      }
      return bytes;
    }
  }

  /**
   * An hour of five-minute files with a console sign-in, then a file delivered hours late, one that
   * is not gzip, and a digest file: something for every table, rejects and late events included.
   */
  private Path writeTrailForEveryTable() throws IOException {
    Path bucket = dir.resolve("bucket");
    TrailWriter trail = new TrailWriter(bucket);
    for (int slot = 0; slot < 12; slot++) {
      Instant start = BEGINNING.plus(Duration.ofMinutes(5L * slot));
      trail.writeLogFile(
          ACCOUNT,
          US_EAST_1,
          start.plus(Duration.ofMinutes(5)),
          List.of(
              userCall("alice", "DescribeInstances", start.plusSeconds(10)).build(),
              consoleLogin("nicholas", TestGeoDatabases.LONDON_IP, start.plusSeconds(20), slot > 0)
                  .build()));
    }
    Instant threeHoursLater = BEGINNING.plus(Duration.ofHours(3));
    trail.writeLogFile(
        ACCOUNT,
        US_EAST_1,
        threeHoursLater,
        List.of(userCall("alice", "StopInstances", BEGINNING.plusSeconds(30)).build()));
    Files.write(
        trail
            .dayFolder(ACCOUNT, US_EAST_1, BEGINNING, "CloudTrail")
            .resolve(ACCOUNT + "_CloudTrail_us-east-1_20240301T1007Z_notgzip.json.gz"),
        "this is not gzip".getBytes(StandardCharsets.UTF_8));
    trail.writeDigestFile(ACCOUNT, US_EAST_1, threeHoursLater);
    SampleInsights.writeTo(bucket, BEGINNING, Duration.ofHours(1));
    return bucket;
  }
}
