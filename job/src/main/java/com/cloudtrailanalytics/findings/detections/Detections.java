package com.cloudtrailanalytics.findings.detections;

import com.cloudtrailanalytics.config.DetectionSettings;
import com.cloudtrailanalytics.event.CloudTrailEvent;
import com.cloudtrailanalytics.findings.Finding;
import com.cloudtrailanalytics.findings.Severity;
import com.cloudtrailanalytics.findings.Signal;
import com.cloudtrailanalytics.geo.AmazonNetworks;
import com.cloudtrailanalytics.geo.Places;
import java.util.List;
import org.apache.flink.api.common.functions.FilterFunction;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.KeyedStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stateful detections over every event: each filters what it needs (a small part of the trail)
 * next to the reading task, keys it, and keeps state on event time.
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
  private static final TypeInformation<Signal> SIGNAL = TypeInformation.of(Signal.class);
  private static final TypeInformation<Finding> FINDING = TypeInformation.of(Finding.class);

  private Detections() {}

  /** The findings of every stateful detection, as one stream. */
  public static DataStream<Finding> findings(
      DataStream<CloudTrailEvent> events,
      DetectionSettings settings,
      String geoipDb,
      String asnDb) {
    DataStream<Signal> signIns =
        events
            .filter(CloudTrailEvent::isConsoleLogin)
            .name("Sign-ins for detections")
            .uid("detection-sign-ins")
            .map(new LocatedSignal(new Places(geoipDb)))
            .returns(SIGNAL)
            .name("Locate sign-ins")
            .uid("detection-sign-in-places");
    DataStream<Signal> failedSignIns =
        signIns.filter(Signal::failedSignIn).name("Failed sign-ins").uid("detection-failed");
    DataStream<Signal> denied =
        signals(
            events.filter(Detections::accessDenied).name("Access denied").uid("detection-denied"),
            "detection-denied");
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
                denied.keyBy(Signal::principal),
                new Burst(
                    ACCESS_DENIED_BURST,
                    "principal",
                    settings.accessDeniedCount(),
                    settings.accessDeniedWindow())),
            instanceCredentialsOutsideAws(events, settings, asnDb));
  }

  /**
   * Instance credentials used outside AWS, when an ASN database tells Amazon's addresses; without
   * one every instance with a public address would look outside, so the detection is off.
   */
  private static DataStream<Finding> instanceCredentialsOutsideAws(
      DataStream<CloudTrailEvent> events, DetectionSettings settings, String asnDb) {
    FilterFunction<CloudTrailEvent> outsideAws;
    if (asnDb == null) {
      LOG.info(
          "Detection {} is off: it needs --asn-db to tell Amazon's own addresses",
          InstanceCredentialsOutsideAws.DETECTION.id());
      outsideAws = event -> false;
    } else {
      AmazonNetworks amazon = new AmazonNetworks(asnDb);
      outsideAws = event -> InstanceCredentialsOutsideAws.applies(event, amazon);
    }
    DataStream<Signal> signals =
        signals(
            events
                .filter(outsideAws)
                .name("Instance credentials outside AWS")
                .uid("detection-instance-calls"),
            "detection-instance-calls");
    return detect(
        signals.keyBy(InstanceCredentialsOutsideAws::key),
        new InstanceCredentialsOutsideAws(settings.instanceCredentialsRepeat()));
  }

  /** AccessDenied, AccessDeniedException, UnauthorizedOperation, Client.UnauthorizedOperation... */
  static boolean accessDenied(CloudTrailEvent event) {
    String code = event.errorCode();
    return code != null && (code.contains("AccessDenied") || code.contains("Unauthorized"));
  }

  private static DataStream<Signal> signals(DataStream<CloudTrailEvent> events, String uid) {
    return events.map(Signal::of).returns(SIGNAL).name("To signals").uid(uid + "-signals");
  }

  private static DataStream<Finding> detect(
      KeyedStream<Signal, String> signals, InEventTimeOrder detection) {
    String id = detection.detection().id();
    return signals.process(detection).returns(FINDING).name(id).uid(id);
  }

  /** A console sign-in's signal with the place its address is at. */
  private record LocatedSignal(Places places) implements MapFunction<CloudTrailEvent, Signal> {
    @Override
    public Signal map(CloudTrailEvent signIn) {
      return Signal.of(signIn, places.of(signIn.sourceIpAddress()));
    }
  }
}
