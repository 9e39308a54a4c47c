package com.cloudtrailanalytics.findings.detections;

import com.cloudtrailanalytics.config.DetectionSettings;
import com.cloudtrailanalytics.findings.Finding;
import com.cloudtrailanalytics.findings.Severity;
import com.cloudtrailanalytics.findings.Signal;
import com.cloudtrailanalytics.geo.AmazonNetworks;
import com.cloudtrailanalytics.geo.Places;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.KeyedStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stateful detections over every event: {@link DetectionSignals} picks what they need (a small
 * part of the trail) next to the reading task; each detection keys it and keeps state on event
 * time.
 */
public final class Detections {

  static final Detection BRUTE_FORCE =
      new Detection(
          "ct-console-brute-force",
          "Many failed console sign-ins from one address",
          Severity.HIGH,
          new String[] {"attack.credential-access", "attack.t1110.001"});
  static final Detection PASSWORD_SPRAYING =
      new Detection(
          "ct-console-password-spraying",
          "Many failed console sign-ins in one account and region",
          Severity.HIGH,
          new String[] {"attack.credential-access", "attack.t1110.003"});
  static final Detection ACCESS_DENIED_BURST =
      new Detection(
          "ct-access-denied-burst",
          "A burst of AccessDenied or Unauthorized errors for one principal",
          Severity.MEDIUM,
          new String[] {"attack.discovery", "attack.t1580"});

  /** Every built-in detection, for the README and the tests. */
  public static final List<Detection> ALL =
      List.of(
          NewCountrySignIn.DETECTION,
          ImpossibleTravel.DETECTION,
          InstanceCredentialsOutsideAws.DETECTION,
          BRUTE_FORCE,
          PASSWORD_SPRAYING,
          ACCESS_DENIED_BURST);

  private static final Logger LOG = LoggerFactory.getLogger(Detections.class);
  private static final TypeInformation<Finding> FINDING = TypeInformation.of(Finding.class);

  private Detections() {}

  /**
   * What picks the detections' signals out of every event. Instance credentials used outside AWS
   * need an ASN database to tell Amazon's addresses; without one every instance with a public
   * address would look outside, so that detection is off.
   */
  public static DetectionSignals signals(String geoipDb, String asnDb) {
    if (asnDb == null) {
      LOG.info(
          "Detection {} is off: it needs --asn-db to tell Amazon's own addresses",
          InstanceCredentialsOutsideAws.DETECTION.id());
    }
    return new DetectionSignals(
        new Places(geoipDb), asnDb == null ? null : new AmazonNetworks(asnDb));
  }

  /**
   * The findings of every stateful detection, as one stream, from the signals that {@link
   * DetectionSignals} put on the side outputs of {@code checked}.
   */
  public static DataStream<Finding> findings(
      SingleOutputStreamOperator<?> checked, DetectionSettings settings) {
    DataStream<Signal> signIns = checked.getSideOutput(DetectionSignals.SIGN_INS);
    DataStream<Signal> failedSignIns =
        signIns.filter(Signal::failedSignIn).name("Failed sign-ins").uid("detection-failed");
    KeyedStream<Signal, String> byPerson = signIns.keyBy(Signal::person);
    return detect(byPerson, new NewCountrySignIn(settings.newCountryWindow()))
        .union(
            detect(
                byPerson,
                new ImpossibleTravel(settings.travelMaxSpeedKmh(), settings.travelMinDistanceKm())),
            detect(
                failedSignIns.keyBy(signal -> String.valueOf(signal.sourceIpAddress())),
                new Burst(
                    BRUTE_FORCE,
                    "source_ip_address",
                    settings.bruteForceCount(),
                    settings.bruteForceWindow())),
            detect(
                failedSignIns.keyBy(signal -> signal.accountId() + "/" + signal.awsRegion()),
                new Burst(
                    PASSWORD_SPRAYING,
                    "account_region",
                    settings.sprayingCount(),
                    settings.sprayingWindow())),
            detect(
                checked.getSideOutput(DetectionSignals.ACCESS_DENIED).keyBy(Signal::principal),
                new Burst(
                    ACCESS_DENIED_BURST,
                    "principal",
                    settings.accessDeniedCount(),
                    settings.accessDeniedWindow())),
            detect(
                checked
                    .getSideOutput(DetectionSignals.INSTANCE_CALLS_OUTSIDE_AWS)
                    .keyBy(InstanceCredentialsOutsideAws::key),
                new InstanceCredentialsOutsideAws(settings.instanceCredentialsRepeat())));
  }

  private static DataStream<Finding> detect(
      KeyedStream<Signal, String> signals, InEventTimeOrder detection) {
    String id = detection.detection().id();
    return signals.process(detection).returns(FINDING).name(id).uid(id);
  }
}
