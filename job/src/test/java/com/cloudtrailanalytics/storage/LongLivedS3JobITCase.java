package com.cloudtrailanalytics.storage;

import static com.cloudtrailanalytics.testing.CloudTrailEvents.ACCOUNT;
import static com.cloudtrailanalytics.testing.CloudTrailEvents.US_EAST_1;
import static com.cloudtrailanalytics.testing.CloudTrailEvents.consoleLogin;
import static com.cloudtrailanalytics.testing.CloudTrailEvents.userCall;
import static com.cloudtrailanalytics.testing.TestGeoDatabases.LONDON_IP;
import static org.assertj.core.api.Assertions.assertThat;

import com.cloudtrailanalytics.config.JobOptions;
import com.cloudtrailanalytics.pipeline.CloudTrailJob;
import com.cloudtrailanalytics.run.FileSystemSetup;
import com.cloudtrailanalytics.sample.TrailWriter;
import com.cloudtrailanalytics.testing.JobConfigs;
import com.cloudtrailanalytics.testing.JobMetrics;
import com.cloudtrailanalytics.testing.OutputTables;
import com.cloudtrailanalytics.testing.S3Server;
import com.cloudtrailanalytics.testing.TestGeoDatabases;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.InMemoryReporter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A long-lived job following a trail on S3, with its GeoIP databases on S3, once it has read every
 * file: three hours of five-minute files up to the start of this hour, one file delivered more than
 * an hour late, and one from yesterday. What its metrics say while it runs, where its sign-ins come
 * from, and which hour partitions it has marked complete.
 */
class LongLivedS3JobITCase {

  /**
   * The job runs on its own embedded cluster, which lives as long as the job, across the tests (a
   * shared MiniCluster cancels every job after each test), with this reporter.
   */
  private static final InMemoryReporter METRICS = InMemoryReporter.createWithRetainedMetrics();

  private static final DateTimeFormatter DT =
      DateTimeFormatter.ofPattern("'dt='yyyy-MM-dd/'hr='HH").withZone(ZoneOffset.UTC);

  /** The start of this hour, when the newest file is delivered (today, whatever the hour). */
  private static final Instant THIS_HOUR = Instant.now().truncatedTo(ChronoUnit.HOURS);

  private static final Instant START = THIS_HOUR.minus(Duration.ofHours(3));
  private static final int SLOTS = 36;
  private static final Instant LATE_DELIVERY = THIS_HOUR.minus(Duration.ofMinutes(90));
  private static final int LATE_EVENTS = 3;

  /**
   * A file in yesterday's folder, so that both day folders the job lists hold files whatever the
   * hour (S3A lists a folder that does not exist twice, to find that it does not; the job counts
   * one listing).
   */
  private static final Instant A_DAY_EARLIER = THIS_HOUR.minus(Duration.ofDays(1));

  private static final int FILES = SLOTS + 2;
  private static final int EVENTS = SLOTS + 1 + LATE_EVENTS + 1;
  private static final Duration MAX_DELAY = JobOptions.MAX_DELAY.defaultValue();

  /**
   * The trail's clock once every file is read: the newest delivery time, less the maximum delay.
   */
  private static final Instant CLOCK = START.plus(Duration.ofMinutes(5L * SLOTS)).minus(MAX_DELAY);

  @TempDir static Path dir;
  private static S3Server s3;
  private static JobClient job;
  private static Path output;

  @BeforeAll
  static void startTheJobAndLetItReadTheTrail() throws Exception {
    s3 = S3Server.start(dir.resolve("s3"));
    s3.bucket("trail");
    s3.bucket("config");
    FileSystemSetup.initialize(s3.clientConfig());
    writeTrail(dir.resolve("local-trail"));
    s3.upload(dir.resolve("local-trail"), "trail");
    Path geo = Files.createDirectories(dir.resolve("geo"));
    TestGeoDatabases.writeCity(geo);
    TestGeoDatabases.writeAsn(geo);
    s3.upload(geo, "config");

    output = dir.resolve("output");
    Configuration config = JobConfigs.bounded(Path.of("unused"), output);
    METRICS.addToConfiguration(config);
    // One reader reads the files in delivery order: the late file is read after the clock has
    // passed its events' window (with several, a slow reader may hold the clock back).
    config.set(CoreOptions.DEFAULT_PARALLELISM, 1);
    config.addAll(s3.clientConfig());
    config.set(JobOptions.BOUNDED, false);
    config.set(JobOptions.INPUT, "s3://trail/");
    config.set(JobOptions.GEOIP_DB, "s3://config/test-City.mmdb");
    config.set(JobOptions.ASN_DB, "s3://config/test-ASN.mmdb");
    // One discovery round, at the start: the LIST requests it made are all the server sees.
    config.set(JobOptions.MONITOR_INTERVAL, Duration.ofHours(1));
    job = CloudTrailJob.create(config).start();

    await(
        () -> counters().getOrDefault("filesRead", 0L) == FILES,
        "the job reads every file within two minutes");
  }

  @AfterAll
  static void stopTheJob() throws Exception {
    if (job != null) {
      job.cancel().get();
    }
    s3.close();
  }

  @Test
  void itsMetricsCountFilesListingsAndLateEventsAndGiveItsLag() throws Exception {
    assertThat(counters())
        .containsEntry("filesDiscovered", (long) FILES)
        .containsEntry("filesRead", (long) FILES)
        .containsEntry("recordsRead", (long) EVENTS)
        .containsEntry("recordsLate", (long) LATE_EVENTS)
        .containsEntry("recordsRejected", 0L)
        .containsEntry("listRequests", s3.requests("list"));
    assertThat(JobMetrics.gauge(METRICS, job.getJobID(), "filesWaiting")).containsExactly(0);

    await(
        () -> lagIsNowLessTheClock(),
        "every event-time operator has the final clock within two minutes");
    long before = System.currentTimeMillis();
    List<Object> lags = JobMetrics.gauge(METRICS, job.getJobID(), "watermarkLagMillis");
    long after = System.currentTimeMillis();
    assertThat(lags)
        .as("wall-clock time less the trail's clock, %s", CLOCK)
        .hasSize(1)
        .allSatisfy(
            lag ->
                assertThat((Long) lag)
                    .isBetween(before - CLOCK.toEpochMilli(), after - CLOCK.toEpochMilli()));
  }

  @Test
  void itGeoTagsSignInsWithDatabasesReadFromS3() throws Exception {
    await(() -> committed("console_logins"), "the sign-in is committed within two minutes");
    try (OutputTables tables = new OutputTables(output)) {
      assertThat(
              tables.query(
                  "SELECT event_id, source_ip, country_iso_code, city, asn, as_org"
                      + " FROM console_logins"))
          .containsExactly(
              Arrays.asList("sign-in", LONDON_IP, "GB", "London", 20712L, "Andrews & Arnold Ltd"));
    }
  }

  @Test
  void onlyHoursTheClockHasPassedAreMarkedComplete() throws Exception {
    String completeHour = DT.format(START.plus(Duration.ofHours(1)));
    String openHour = DT.format(START.plus(Duration.ofHours(2)));
    for (String table : List.of("events", "user_activity")) {
      Path complete = output.resolve(table).resolve(completeHour);
      await(
          () -> Files.exists(complete.resolve("_SUCCESS")),
          table + " " + completeHour + " is marked complete within two minutes");
      try (OutputTables tables = new OutputTables(output)) {
        assertThat(tables.committedFiles(table))
            .as(
                "%s has committed rows in %s, which the clock (%s) has not passed",
                table, openHour, CLOCK)
            .anyMatch(file -> file.startsWith(openHour));
      }
      assertThat(output.resolve(table).resolve(openHour).resolve("_SUCCESS")).doesNotExist();
    }
  }

  /**
   * Five-minute files from {@link #START} for three hours, each with one call (the first also with
   * a console sign-in from London), delivered at the end of their five minutes; and one delivered
   * {@link #LATE_DELIVERY} with calls from the first five minutes; and one {@link #A_DAY_EARLIER}.
   */
  private static void writeTrail(Path bucket) throws Exception {
    TrailWriter trail = new TrailWriter(bucket);
    for (int slot = 0; slot < SLOTS; slot++) {
      Instant start = START.plus(Duration.ofMinutes(5L * slot));
      List<ObjectNode> records = new ArrayList<>();
      records.add(
          userCall("alice", "DescribeInstances", start.plusSeconds(10))
              .eventId("slot-" + slot)
              .build());
      if (slot == 0) {
        records.add(
            consoleLogin("nicholas", LONDON_IP, start.plusSeconds(20), true)
                .eventId("sign-in")
                .build());
      }
      trail.writeLogFile(ACCOUNT, US_EAST_1, start.plus(Duration.ofMinutes(5)), records);
    }
    List<ObjectNode> late = new ArrayList<>();
    for (int i = 1; i <= LATE_EVENTS; i++) {
      late.add(
          userCall("alice", "StopInstances", START.plus(Duration.ofMinutes(i)))
              .eventId("late-" + i)
              .build());
    }
    trail.writeLogFile(ACCOUNT, US_EAST_1, LATE_DELIVERY, late);
    trail.writeLogFile(
        ACCOUNT,
        US_EAST_1,
        A_DAY_EARLIER,
        List.of(
            userCall("alice", "DescribeInstances", A_DAY_EARLIER.minusSeconds(90))
                .eventId("a-day-earlier")
                .build()));
  }

  private static Map<String, Long> counters() {
    return JobMetrics.counters(METRICS, job.getJobID());
  }

  private static boolean lagIsNowLessTheClock() {
    long expected = System.currentTimeMillis() - CLOCK.toEpochMilli();
    List<Object> lags = JobMetrics.gauge(METRICS, job.getJobID(), "watermarkLagMillis");
    return lags.size() == 1
        && lags.stream().allMatch(lag -> Math.abs((Long) lag - expected) < 1_000);
  }

  private static boolean committed(String table) {
    try (OutputTables tables = new OutputTables(output)) {
      return !tables.committedFiles(table).isEmpty();
    } catch (Exception e) {
      return false;
    }
  }

  private static void await(BooleanSupplier condition, String what) throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(what + ": it did not; metrics " + counters());
      }
      Thread.sleep(200);
    }
  }
}
