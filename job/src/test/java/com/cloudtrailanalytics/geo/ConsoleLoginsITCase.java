package com.cloudtrailanalytics.geo;

import static com.cloudtrailanalytics.testing.CloudTrailEvents.ACCOUNT;
import static com.cloudtrailanalytics.testing.CloudTrailEvents.BEGINNING;
import static com.cloudtrailanalytics.testing.CloudTrailEvents.US_EAST_1;
import static com.cloudtrailanalytics.testing.CloudTrailEvents.userCall;
import static com.cloudtrailanalytics.testing.TestGeoDatabases.ABSENT_IP;
import static com.cloudtrailanalytics.testing.TestGeoDatabases.JAPAN_IPV6;
import static com.cloudtrailanalytics.testing.TestGeoDatabases.KENSINGTON_IPV6;
import static com.cloudtrailanalytics.testing.TestGeoDatabases.LINKOPING_IP;
import static com.cloudtrailanalytics.testing.TestGeoDatabases.LONDON_IP;
import static com.cloudtrailanalytics.testing.TestGeoDatabases.MILTON_IP;
import static java.util.Arrays.asList;
import static org.assertj.core.api.Assertions.assertThat;

import com.cloudtrailanalytics.config.JobOptions;
import com.cloudtrailanalytics.pipeline.CloudTrailJob;
import com.cloudtrailanalytics.sample.RecordBuilder;
import com.cloudtrailanalytics.sample.TrailWriter;
import com.cloudtrailanalytics.testing.JobConfigs;
import com.cloudtrailanalytics.testing.MiniClusters;
import com.cloudtrailanalytics.testing.OutputTables;
import com.cloudtrailanalytics.testing.TestGeoDatabases;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Console sign-ins from everywhere, geo-tagged with databases the test writes. */
class ConsoleLoginsITCase {

  @RegisterExtension
  static final MiniClusterExtension CLUSTER = MiniClusters.oneTaskManagerTwoSlots();

  private static final Instant THREE_HOURS_LATER = BEGINNING.plus(Duration.ofHours(3));

  @TempDir Path dir;

  @Test
  void everySignInIsARowWithWhereItCameFrom() throws Exception {
    Path output = dir.resolve("output");
    Configuration config = JobConfigs.boundedInDeliveryOrder(writeTrail(), output);
    config.set(JobOptions.GEOIP_DB, TestGeoDatabases.writeCity(dir).toString());
    config.set(JobOptions.ASN_DB, TestGeoDatabases.writeAsn(dir).toString());

    CloudTrailJob.create(config).run();

    try (OutputTables tables = new OutputTables(output)) {
      assertThat(
              tables.query(
                  "SELECT event_id, user_name, identity_type, source_ip, login_result, mfa_used,"
                      + " country_iso_code, subdivision, city, asn, dt, hr"
                      + " FROM console_logins ORDER BY event_time"))
          .containsExactly(
              asList(
                  "n1",
                  "nicholas",
                  "IAMUser",
                  LONDON_IP,
                  "Success",
                  false,
                  "GB",
                  "England",
                  "London",
                  20712L,
                  "2024-03-01",
                  "10"),
              asList(
                  "n2",
                  "nicholas",
                  "IAMUser",
                  LONDON_IP,
                  "Failure",
                  false,
                  "GB",
                  "England",
                  "London",
                  20712L,
                  "2024-03-01",
                  "10"),
              asList(
                  "n3",
                  "nicholas",
                  "IAMUser",
                  KENSINGTON_IPV6,
                  "Success",
                  true,
                  "GB",
                  "England",
                  "Kensington",
                  null,
                  "2024-03-01",
                  "10"),
              asList(
                  "hidden",
                  "HIDDEN_DUE_TO_SECURITY_REASONS",
                  "IAMUser",
                  LINKOPING_IP,
                  "Failure",
                  false,
                  "SE",
                  "Östergötland County",
                  "Linköping",
                  29518L,
                  "2024-03-01",
                  "10"),
              asList(
                  "root",
                  "root",
                  "Root",
                  MILTON_IP,
                  "Success",
                  true,
                  "US",
                  "Washington",
                  "Milton",
                  null,
                  "2024-03-01",
                  "10"),
              asList(
                  "bob-v6",
                  "bob",
                  "IAMUser",
                  JAPAN_IPV6,
                  "Success",
                  false,
                  "JP",
                  null,
                  null,
                  2914L,
                  "2024-03-01",
                  "10"),
              asList(
                  "bob-absent",
                  "bob",
                  "IAMUser",
                  ABSENT_IP,
                  "Success",
                  false,
                  null,
                  null,
                  null,
                  null,
                  "2024-03-01",
                  "10"),
              asList(
                  "alice-private",
                  "alice",
                  "IAMUser",
                  "10.0.0.1",
                  "Success",
                  true,
                  null,
                  null,
                  null,
                  null,
                  "2024-03-01",
                  "10"),
              asList(
                  "alice-internal",
                  "alice",
                  "IAMUser",
                  "AWS Internal",
                  "Failure",
                  false,
                  null,
                  null,
                  null,
                  null,
                  "2024-03-01",
                  "10"),
              asList(
                  "late-login",
                  "nicholas",
                  "IAMUser",
                  LONDON_IP,
                  "Success",
                  false,
                  "GB",
                  "England",
                  "London",
                  20712L,
                  "2024-03-01",
                  "10"));
      assertThat(
              tables.query(
                  "SELECT strftime(event_time, '%H:%M:%S'), account_id, principal, error_message,"
                      + " user_agent, aws_region, country_name, latitude, longitude, as_org"
                      + " FROM console_logins WHERE event_id IN ('n2', 'hidden') ORDER BY 1"))
          .containsExactly(
              asList(
                  "10:01:30",
                  ACCOUNT,
                  "arn:aws:iam::" + ACCOUNT + ":user/nicholas",
                  "Failed authentication",
                  RecordBuilder.CONSOLE_USER_AGENT,
                  US_EAST_1,
                  "United Kingdom",
                  51.5142,
                  -0.0931,
                  "Andrews & Arnold Ltd"),
              asList(
                  "10:02:30",
                  ACCOUNT,
                  "IAMUser",
                  "Failed authentication",
                  RecordBuilder.CONSOLE_USER_AGENT,
                  US_EAST_1,
                  "Sweden",
                  58.4167,
                  15.6167,
                  "Bredband2 AB"));

      assertThat(
              tables.query(
                  "SELECT strftime(window_start, '%H:%M'), strftime(window_end, '%H:%M'),"
                      + " account_id, user_name, country_iso_code, logins, failures, without_mfa,"
                      + " distinct_source_ips, late, dt, hr FROM console_login_summary"
                      + " ORDER BY user_name, country_iso_code, late"))
          .as("the late sign-in is in a late row of its window")
          .containsExactly(
              asList(
                  "10:00",
                  "10:05",
                  ACCOUNT,
                  "HIDDEN_DUE_TO_SECURITY_REASONS",
                  "SE",
                  1L,
                  1L,
                  0L,
                  1L,
                  false,
                  "2024-03-01",
                  "10"),
              asList(
                  "10:00",
                  "10:05",
                  ACCOUNT,
                  "alice",
                  null,
                  2L,
                  1L,
                  0L,
                  2L,
                  false,
                  "2024-03-01",
                  "10"),
              asList(
                  "10:00",
                  "10:05",
                  ACCOUNT,
                  "bob",
                  "JP",
                  1L,
                  0L,
                  1L,
                  1L,
                  false,
                  "2024-03-01",
                  "10"),
              asList(
                  "10:00",
                  "10:05",
                  ACCOUNT,
                  "bob",
                  null,
                  1L,
                  0L,
                  1L,
                  1L,
                  false,
                  "2024-03-01",
                  "10"),
              asList(
                  "10:00",
                  "10:05",
                  ACCOUNT,
                  "nicholas",
                  "GB",
                  3L,
                  1L,
                  1L,
                  2L,
                  false,
                  "2024-03-01",
                  "10"),
              asList(
                  "10:00",
                  "10:05",
                  ACCOUNT,
                  "nicholas",
                  "GB",
                  1L,
                  0L,
                  1L,
                  1L,
                  true,
                  "2024-03-01",
                  "10"),
              asList(
                  "10:00",
                  "10:05",
                  ACCOUNT,
                  "root",
                  "US",
                  1L,
                  0L,
                  0L,
                  1L,
                  false,
                  "2024-03-01",
                  "10"));
      assertThat(tables.query("SELECT event_id FROM late_events WHERE event_name = 'ConsoleLogin'"))
          .containsExactly(List.of("late-login"));
    }
  }

  @Test
  void withoutADatabaseEverySignInIsStillARowWithoutLocation() throws Exception {
    Path output = dir.resolve("output");

    CloudTrailJob.create(JobConfigs.boundedInDeliveryOrder(writeTrail(), output)).run();

    try (OutputTables tables = new OutputTables(output)) {
      assertThat(tables.count("SELECT COUNT(*) FROM console_logins")).isEqualTo(10);
      assertThat(
              tables.count(
                  "SELECT COUNT(*) FROM console_logins WHERE country_iso_code IS NOT NULL"
                      + " OR city IS NOT NULL OR latitude IS NOT NULL OR asn IS NOT NULL"))
          .isZero();
      assertThat(
              tables.query(
                  "SELECT user_name, country_iso_code, logins, late FROM console_login_summary"
                      + " WHERE user_name = 'nicholas' ORDER BY late"))
          .containsExactly(asList("nicholas", null, 3L, false), asList("nicholas", null, 1L, true));
    }
  }

  /**
   * Sign-ins from everywhere in the first five minutes, eleven more files of other activity, then a
   * file delivered three hours late with one more sign-in from that first window.
   */
  private Path writeTrail() throws Exception {
    Path bucket = dir.resolve("bucket");
    TrailWriter trail = new TrailWriter(bucket);
    trail.writeLogFile(
        ACCOUNT,
        US_EAST_1,
        BEGINNING.plus(Duration.ofMinutes(5)),
        List.of(
            userCall("alice", "DescribeInstances", at("10:00:30")).build(),
            login("nicholas", LONDON_IP, "10:01:00", true, false).eventId("n1").build(),
            login("nicholas", LONDON_IP, "10:01:30", false, false).eventId("n2").build(),
            login("nicholas", KENSINGTON_IPV6, "10:02:00", true, true).eventId("n3").build(),
            RecordBuilder.consoleLogin(ACCOUNT, US_EAST_1, at("10:02:30"), false, false)
                .unknownUser(ACCOUNT)
                .sourceIp(LINKOPING_IP)
                .eventId("hidden")
                .build(),
            RecordBuilder.consoleLogin(ACCOUNT, US_EAST_1, at("10:03:00"), true, true)
                .root(ACCOUNT)
                .sourceIp(MILTON_IP)
                .eventId("root")
                .build(),
            login("bob", JAPAN_IPV6, "10:03:30", true, false).eventId("bob-v6").build(),
            login("bob", ABSENT_IP, "10:04:00", true, false).eventId("bob-absent").build(),
            login("alice", "10.0.0.1", "10:04:10", true, true).eventId("alice-private").build(),
            login("alice", "AWS Internal", "10:04:20", false, false)
                .eventId("alice-internal")
                .build()));
    for (int slot = 1; slot < 12; slot++) {
      Instant start = BEGINNING.plus(Duration.ofMinutes(5L * slot));
      trail.writeLogFile(
          ACCOUNT,
          US_EAST_1,
          start.plus(Duration.ofMinutes(5)),
          List.of(userCall("alice", "DescribeInstances", start.plusSeconds(10)).build()));
    }
    trail.writeLogFile(
        ACCOUNT,
        US_EAST_1,
        THREE_HOURS_LATER,
        List.of(
            login("nicholas", LONDON_IP, "10:04:30", true, false).eventId("late-login").build(),
            userCall("alice", "DescribeInstances", THREE_HOURS_LATER.minusSeconds(60)).build()));
    return bucket;
  }

  private static RecordBuilder login(
      String user, String ip, String time, boolean success, boolean mfa) {
    return RecordBuilder.consoleLogin(ACCOUNT, US_EAST_1, at(time), success, mfa)
        .iamUser(ACCOUNT, user)
        .sourceIp(ip);
  }

  private static Instant at(String time) {
    return Instant.parse("2024-03-01T" + time + "Z");
  }
}
