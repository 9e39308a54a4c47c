package com.cloudtrailanalytics.findings.detections;

import static com.cloudtrailanalytics.findings.detections.SignIns.LONDON;
import static com.cloudtrailanalytics.findings.detections.SignIns.MORNING;
import static com.cloudtrailanalytics.findings.detections.SignIns.PARIS;
import static org.assertj.core.api.Assertions.assertThat;

import com.cloudtrailanalytics.findings.Signal;
import java.time.Duration;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

/**
 * What the sign-in detections keep for a 10,000-person organization after a month of sign-ins
 * (twice a day each, from two countries), measured as the checkpointed size of their state: it
 * grows with people, not with sign-ins.
 */
class StateSizeTest {

  private static final int PEOPLE = 10_000;
  private static final int DAYS = 30;

  @Test
  void aMonthOfSignInsOfTenThousandPeopleKeepsStatePerPersonNotPerSignIn() throws Exception {
    long newCountry = stateBytes(new NewCountrySignIn(Duration.ofDays(30)), Signal::person);
    long travel = stateBytes(new ImpossibleTravel(900, 500), Signal::person);

    System.out.printf(
        "State for %,d people after %d days of sign-ins: new country %,d bytes (%d per person),"
            + " impossible travel %,d bytes (%d per person)%n",
        PEOPLE, DAYS, newCountry, newCountry / PEOPLE, travel, travel / PEOPLE);
    assertThat(newCountry / PEOPLE).isLessThan(200);
    assertThat(travel / PEOPLE).isLessThan(400);
  }

  private static long stateBytes(InEventTimeOrder detection, KeySelector<Signal, String> key)
      throws Exception {
    try (var harness =
        ProcessFunctionTestHarnesses.forKeyedProcessFunction(detection, key, Types.STRING)) {
      harness.processWatermark(new Watermark(Long.MIN_VALUE));
      for (int day = 0; day < DAYS; day++) {
        for (int person = 0; person < PEOPLE; person++) {
          for (int signIn = 0; signIn < 2; signIn++) {
            long time =
                MORNING
                    .plus(Duration.ofDays(day))
                    .plusSeconds(person + 43_200L * signIn)
                    .toEpochMilli();
            Signal signal =
                SignIns.success(
                    "e" + day + "-" + person + "-" + signIn,
                    java.time.Instant.ofEpochMilli(time),
                    signIn == 0 ? LONDON : PARIS);
            harness.processElement(withPrincipal(signal, "person-" + person), time);
          }
        }
        harness.processWatermark(MORNING.plus(Duration.ofDays(day + 1)).toEpochMilli());
      }
      OperatorSubtaskState state = harness.snapshot(1, Long.MAX_VALUE);
      return state.getStateSize();
    }
  }

  private static Signal withPrincipal(Signal s, String principal) {
    return new Signal(
        s.timeMillis(),
        s.eventId(),
        s.accountId(),
        s.awsRegion(),
        principal,
        s.userName(),
        s.sessionName(),
        s.sourceIpAddress(),
        s.eventSource(),
        s.eventName(),
        s.errorCode(),
        s.loginResult(),
        s.countryIsoCode(),
        s.latitude(),
        s.longitude());
  }
}
