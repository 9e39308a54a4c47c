package com.cloudtrailanalytics.testing;

import com.cloudtrailanalytics.config.JobOptions;
import com.cloudtrailanalytics.event.TrailFile;
import com.cloudtrailanalytics.pipeline.CloudTrailJob;
import com.cloudtrailanalytics.sample.SampleGeoDatabases;
import com.cloudtrailanalytics.sample.SampleInsights;
import com.cloudtrailanalytics.sample.SyntheticTrail;
import com.cloudtrailanalytics.sample.TrailWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;

/**
 * The job's output for a sample trail that crosses midnight (UTC), with the investigation of the
 * demo across midnight, and two files on the last day that are not read (one that is not gzip, one
 * that is not a log file): written once, with the job's default checkpoint interval, and shared by
 * the tests of the Athena tables, the saved queries and the report.
 */
public final class SampleRun {

  public static final Instant START = Instant.parse("2025-03-02T21:00:00Z");
  public static final Duration DURATION = Duration.ofHours(6);
  public static final String FIRST_DAY = "2025-03-02";
  public static final String LAST_DAY = "2025-03-03";

  private static SampleRun run;

  public final Path bucket;
  public final Path output;
  public final SampleGeoDatabases.Written geo;
  public final List<TrailRecords.Record> records;

  /** A file named as a log file of the last day whose bytes are not gzip: rejected. */
  public final Path notGzip;

  /** A text file in a day folder of the last day: skipped. */
  public final Path notALogFile;

  private SampleRun(
      Path bucket,
      Path output,
      SampleGeoDatabases.Written geo,
      List<TrailRecords.Record> records,
      Path notGzip,
      Path notALogFile) {
    this.bucket = bucket;
    this.output = output;
    this.geo = geo;
    this.records = records;
    this.notGzip = notGzip;
    this.notALogFile = notALogFile;
  }

  /** The run, made on first use with whatever cluster the calling test provides. */
  public static synchronized SampleRun get() throws Exception {
    if (run == null) {
      Path dir = Files.createTempDirectory("athena-sample");
      Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(dir)));
      Path bucket = dir.resolve("bucket");
      new SyntheticTrail(new SyntheticTrail.Settings(2, 2, 6, 20_000, 7, START, null))
          .writeTo(bucket);
      SampleInsights.writeTo(bucket, START, DURATION);
      Instant lastHour = START.plus(DURATION).minus(Duration.ofHours(1));
      Path dayFolder =
          new TrailWriter(bucket)
              .dayFolder(SyntheticTrail.MAIN_ACCOUNT, "us-east-1", lastHour, "CloudTrail");
      Path notGzip =
          Files.writeString(
              dayFolder.resolve(
                  TrailFile.fileName(
                      SyntheticTrail.MAIN_ACCOUNT,
                      "CloudTrail",
                      "us-east-1",
                      lastHour,
                      "notgzip",
                      ".json.gz")),
              "this is not gzip");
      Path notALogFile = Files.writeString(dayFolder.resolve("notes.txt"), "not a log file");
      SampleGeoDatabases.Written geo = SampleGeoDatabases.writeTo(dir.resolve("geoip"));
      Path output = dir.resolve("output");
      Configuration config = JobConfigs.bounded(bucket, output);
      config.removeConfig(CheckpointingOptions.CHECKPOINTING_INTERVAL);
      config.set(JobOptions.GEOIP_DB, geo.city().toString());
      config.set(JobOptions.ASN_DB, geo.asn().toString());
      CloudTrailJob.create(config).run();
      run = new SampleRun(bucket, output, geo, TrailRecords.of(bucket), notGzip, notALogFile);
    }
    return run;
  }

  private static void deleteQuietly(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      // a temporary folder; the OS cleans it eventually
    }
  }
}
