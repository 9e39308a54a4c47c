package com.cloudtrailanalytics.findings.detections;

import static com.cloudtrailanalytics.findings.detections.SignIns.LONDON;
import static com.cloudtrailanalytics.findings.detections.SignIns.MORNING;
import static com.cloudtrailanalytics.findings.detections.SignIns.PARIS;
import static com.cloudtrailanalytics.findings.detections.SignIns.SAO_PAULO;
import static com.cloudtrailanalytics.findings.detections.SignIns.SYDNEY;
import static com.cloudtrailanalytics.findings.detections.SignIns.failure;
import static com.cloudtrailanalytics.findings.detections.SignIns.success;
import static org.assertj.core.api.Assertions.assertThat;

import com.cloudtrailanalytics.findings.Finding;
import com.cloudtrailanalytics.findings.FindingIds;
import com.cloudtrailanalytics.findings.Signal;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

class DetectionsTest {

  private static final Duration DAY = Duration.ofDays(1);

  @Test
  void aSignInFromACountryNotSeenForThePersonIsAFinding() throws Exception {
    try (var harness = harness(new NewCountrySignIn(Duration.ofDays(30)), Signal::person)) {
      take(harness, success("gb-1", MORNING, LONDON));
      take(harness, success("gb-2", MORNING.plus(DAY), LONDON));
      take(harness, success("br-1", MORNING.plus(DAY.multipliedBy(2)), SAO_PAULO));
      take(harness, success("br-2", MORNING.plus(DAY.multipliedBy(3)), SAO_PAULO));
      harness.processWatermark(Long.MAX_VALUE);

      assertThat(harness.extractOutputValues())
          .singleElement()
          .satisfies(
              finding -> {
                assertThat(finding.ruleId()).isEqualTo("ct-new-country-sign-in");
                assertThat(finding.eventIds()).containsExactly("br-1");
                assertThat(finding.findingId()).isEqualTo(FindingIds.of(finding.ruleId(), "br-1"));
                assertThat(finding.details())
                    .isEqualTo(
                        "{\"country_iso_code\":\"BR\",\"countries_seen\":[\"GB\"],\"days\":30}");
              });
    }
  }

  @Test
  void aFirstSignInOrOneAfterTheWindowOfSilenceHasNothingToCompareWith() throws Exception {
    try (var harness = harness(new NewCountrySignIn(Duration.ofDays(30)), Signal::person)) {
      take(harness, success("first-ever", MORNING, SAO_PAULO));
      harness.processWatermark(MORNING.plus(DAY).toEpochMilli());
      take(harness, success("after-silence", MORNING.plus(DAY.multipliedBy(31)), LONDON));
      take(harness, success("unknown-place", MORNING.plus(DAY.multipliedBy(32)), null));
      harness.processWatermark(Long.MAX_VALUE);

      assertThat(harness.extractOutputValues()).isEmpty();
    }
  }

  @Test
  void signInsFartherApartThanAPlaneFliesAreImpossibleTravel() throws Exception {
    try (var harness = harness(new ImpossibleTravel(900, 500), Signal::person)) {
      take(harness, success("london", MORNING, LONDON));
      take(harness, success("sao-paulo", MORNING.plus(Duration.ofHours(1)), SAO_PAULO));
      harness.processWatermark(Long.MAX_VALUE);

      assertThat(harness.extractOutputValues())
          .singleElement()
          .satisfies(
              finding -> {
                assertThat(finding.eventIds()).containsExactly("london", "sao-paulo");
                assertThat(finding.details())
                    .contains("\"distance_km\":9499", "\"hours\":1.0", "\"max_speed_kmh\":900.0");
              });
    }
  }

  @Test
  void nearbyPlacesLongJourneysAndUnknownPlacesAreNotImpossibleTravel() throws Exception {
    try (var harness = harness(new ImpossibleTravel(900, 500), Signal::person)) {
      take(harness, success("london", MORNING, LONDON));
      take(harness, success("paris-minutes-later", MORNING.plusSeconds(600), PARIS));
      take(harness, success("nowhere", MORNING.plusSeconds(1200), null));
      take(harness, success("sydney-next-day", MORNING.plus(Duration.ofHours(30)), SYDNEY));
      harness.processWatermark(Long.MAX_VALUE);

      assertThat(harness.extractOutputValues()).isEmpty();
    }
  }

  @Test
  void tenFailedSignInsFromOneAddressWithinTenMinutesAreBruteForceOnce() throws Exception {
    Burst bruteForce = new Burst(Detections.BRUTE_FORCE, "source_ip_address", 10, minutes(10));
    try (var harness = harness(bruteForce, Signal::sourceIpAddress)) {
      for (int i = 0; i < 12; i++) {
        take(harness, failure("try-" + i, MORNING.plusSeconds(30L * i), "admin", "203.0.113.7"));
      }
      harness.processWatermark(Long.MAX_VALUE);

      assertThat(harness.extractOutputValues())
          .singleElement()
          .satisfies(
              finding -> {
                assertThat(finding.ruleId()).isEqualTo("ct-console-brute-force");
                assertThat(finding.eventIds())
                    .containsExactly(
                        "try-0", "try-1", "try-2", "try-3", "try-4", "try-5", "try-6", "try-7",
                        "try-8", "try-9");
                assertThat(finding.details())
                    .isEqualTo(
                        "{\"source_ip_address\":\"203.0.113.7\",\"count\":10,\"within_minutes\":10,"
                            + "\"first_event_time\":\"2025-03-03T09:00:00Z\","
                            + "\"user_names\":[\"admin\"]}");
              });
    }
  }

  @Test
  void failedSignInsSpreadWiderThanTheWindowAreNotBruteForce() throws Exception {
    Burst bruteForce = new Burst(Detections.BRUTE_FORCE, "source_ip_address", 10, minutes(10));
    try (var harness = harness(bruteForce, Signal::sourceIpAddress)) {
      for (int i = 0; i < 20; i++) {
        take(harness, failure("slow-" + i, MORNING.plusSeconds(70L * i), "admin", "203.0.113.7"));
      }
      harness.processWatermark(Long.MAX_VALUE);

      assertThat(harness.extractOutputValues()).isEmpty();
      assertThat(harness.numKeyedStateEntries()).isZero();
    }
  }

  @Test
  void sprayingCountsFailuresAcrossUsersAndAddressesInOneAccountAndRegion() throws Exception {
    Burst spraying = new Burst(Detections.PASSWORD_SPRAYING, "account_region", 3, minutes(10));
    try (var harness = harness(spraying, s -> s.accountId() + "/" + s.awsRegion())) {
      take(harness, failure("alice", MORNING, "alice", "198.51.100.1"));
      take(harness, failure("bob", MORNING.plusSeconds(60), "bob", "198.51.100.2"));
      take(harness, failure("carol", MORNING.plusSeconds(120), "carol", "198.51.100.3"));
      harness.processWatermark(Long.MAX_VALUE);

      assertThat(harness.extractOutputValues())
          .singleElement()
          .satisfies(
              finding ->
                  assertThat(finding.details())
                      .contains(
                          "\"account_region\":\"111122223333/us-east-1\"",
                          "\"user_names\":[\"alice\",\"bob\",\"carol\"]"));
    }
  }

  @Test
  void signalsAreTakenInEventTimeOrderWhateverOrderTheyArriveIn() throws Exception {
    Burst bruteForce = new Burst(Detections.BRUTE_FORCE, "source_ip_address", 3, minutes(1));
    try (var harness = harness(bruteForce, Signal::sourceIpAddress)) {
      take(harness, failure("third", MORNING.plusSeconds(50), "admin", "203.0.113.7"));
      take(harness, failure("first", MORNING, "admin", "203.0.113.7"));
      take(harness, failure("second", MORNING.plusSeconds(10), "admin", "203.0.113.7"));
      harness.processWatermark(Long.MAX_VALUE);

      assertThat(harness.extractOutputValues())
          .singleElement()
          .satisfies(f -> assertThat(f.eventIds()).containsExactly("first", "second", "third"));
    }
  }

  @Test
  void aPersonsStateGoesWhenItCanNoLongerMatter() throws Exception {
    try (var harness = harness(new NewCountrySignIn(Duration.ofDays(30)), Signal::person)) {
      take(harness, success("gb-1", MORNING, LONDON));
      harness.processWatermark(MORNING.plus(DAY).toEpochMilli());
      assertThat(harness.numKeyedStateEntries()).isPositive();

      harness.processWatermark(MORNING.plus(DAY.multipliedBy(31)).toEpochMilli());

      assertThat(harness.numKeyedStateEntries()).isZero();
      assertThat(harness.numEventTimeTimers()).isZero();
    }
  }

  @Test
  void instanceCredentialsUsedFromOneAddressAreOneFindingPerInterval() throws Exception {
    var detection = new InstanceCredentialsOutsideAws(DAY);
    try (var harness = harness(detection, InstanceCredentialsOutsideAws::key)) {
      take(harness, instanceCall("call-1", MORNING));
      take(harness, instanceCall("call-2", MORNING.plusSeconds(60)));
      take(harness, instanceCall("next-day", MORNING.plus(DAY)));
      harness.processWatermark(Long.MAX_VALUE);

      assertThat(harness.extractOutputValues())
          .extracting(finding -> Arrays.asList(finding.eventIds()))
          .containsExactly(List.of("call-1"), List.of("next-day"));
    }
  }

  private static Signal instanceCall(String eventId, Instant time) {
    return new Signal(
        time.toEpochMilli(),
        eventId,
        "111122223333",
        "us-east-1",
        "arn:aws:iam::111122223333:role/web-server",
        "web-server",
        "i-0123456789abcdef0",
        "203.0.113.50",
        "s3.amazonaws.com",
        "ListBuckets",
        null,
        null,
        null,
        null,
        null);
  }

  private static Duration minutes(long minutes) {
    return Duration.ofMinutes(minutes);
  }

  private static void take(
      KeyedOneInputStreamOperatorTestHarness<String, Signal, Finding> harness, Signal signal)
      throws Exception {
    harness.processElement(signal, signal.timeMillis());
  }

  private static KeyedOneInputStreamOperatorTestHarness<String, Signal, Finding> harness(
      InEventTimeOrder detection, KeySelector<Signal, String> key) throws Exception {
    var harness =
        ProcessFunctionTestHarnesses.forKeyedProcessFunction(detection, key, Types.STRING);
    harness.processWatermark(new Watermark(Long.MIN_VALUE));
    return harness;
  }
}
