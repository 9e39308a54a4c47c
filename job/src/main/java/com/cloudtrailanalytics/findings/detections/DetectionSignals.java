package com.cloudtrailanalytics.findings.detections;

import com.cloudtrailanalytics.event.CloudTrailEvent;
import com.cloudtrailanalytics.findings.Signal;
import com.cloudtrailanalytics.geo.AmazonNetworks;
import com.cloudtrailanalytics.geo.Places;
import java.io.Serializable;
import java.util.function.BiConsumer;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.util.OutputTag;

/**
 * Picks out of every event the few that stateful detections look at, as signals on their own
 * outputs: console sign-ins (with the place of their address), access-denied errors, and calls with
 * an instance's credentials from outside AWS (only with an ASN database).
 */
public final class DetectionSignals implements Serializable {

  private static final long serialVersionUID = 1L;

  private static final TypeInformation<Signal> SIGNAL = TypeInformation.of(Signal.class);

  public static final OutputTag<Signal> SIGN_INS = new OutputTag<>("sign-ins", SIGNAL);
  public static final OutputTag<Signal> ACCESS_DENIED = new OutputTag<>("access-denied", SIGNAL);
  public static final OutputTag<Signal> INSTANCE_CALLS_OUTSIDE_AWS =
      new OutputTag<>("instance-calls-outside-aws", SIGNAL);

  private final Places places;
  private final AmazonNetworks amazon;

  /**
   * @param amazon Amazon's own networks, or null when unknown: then no instance calls are picked
   */
  public DetectionSignals(Places places, AmazonNetworks amazon) {
    this.places = places;
    this.amazon = amazon;
  }

  /** Passes {@code event}'s signal to {@code output} with the tag of each detection it concerns. */
  public void route(CloudTrailEvent event, BiConsumer<OutputTag<Signal>, Signal> output) {
    if (event.isConsoleLogin()) {
      output.accept(SIGN_INS, Signal.of(event, places.of(event.sourceIpAddress())));
    }
    if (accessDenied(event)) {
      output.accept(ACCESS_DENIED, Signal.of(event));
    }
    if (amazon != null && InstanceCredentialsOutsideAws.applies(event, amazon)) {
      output.accept(INSTANCE_CALLS_OUTSIDE_AWS, Signal.of(event));
    }
  }

  /** AccessDenied, AccessDeniedException, UnauthorizedOperation, Client.UnauthorizedOperation... */
  static boolean accessDenied(CloudTrailEvent event) {
    String code = event.errorCode();
    return code != null && (code.contains("AccessDenied") || code.contains("Unauthorized"));
  }
}
