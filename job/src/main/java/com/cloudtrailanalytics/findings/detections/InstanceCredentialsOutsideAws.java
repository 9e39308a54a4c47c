package com.cloudtrailanalytics.findings.detections;

import com.cloudtrailanalytics.event.CloudTrailEvent;
import com.cloudtrailanalytics.findings.Finding;
import com.cloudtrailanalytics.findings.Severity;
import com.cloudtrailanalytics.findings.Signal;
import com.cloudtrailanalytics.geo.AmazonNetworks;
import com.cloudtrailanalytics.geo.IpAddresses;
import java.net.InetAddress;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.util.Collector;

/**
 * An EC2 instance role's credentials used from outside AWS: a role session named after an instance
 * ({@code i-...}) calling from a public address that is not an AWS service, and not on behalf of
 * one ({@code invokedBy}). Keyed by session and address, so that a stolen credential used a
 * thousand times is one finding, repeated once per interval while it goes on.
 */
final class InstanceCredentialsOutsideAws extends InEventTimeOrder {

  static final Detection DETECTION =
      new Detection(
          "ct-instance-credentials-outside-aws",
          "EC2 instance role credentials used from outside AWS",
          Severity.HIGH,
          new String[] {"attack.credential-access", "attack.t1552.005"});

  private static final Pattern INSTANCE_ID = Pattern.compile("i-[0-9a-f]{8,17}");

  private final long repeatMillis;
  private transient ValueState<Long> lastReported;

  InstanceCredentialsOutsideAws(Duration repeat) {
    super(DETECTION);
    this.repeatMillis = repeat.toMillis();
  }

  /** Whether the event is an instance session's call from a public address outside Amazon's. */
  static boolean applies(CloudTrailEvent event, AmazonNetworks amazon) {
    if (!"AssumedRole".equals(event.identityType())
        || event.userIdentity().invokedBy() != null
        || event.sessionName() == null
        || !INSTANCE_ID.matcher(event.sessionName()).matches()) {
      return false;
    }
    InetAddress address = IpAddresses.parse(event.sourceIpAddress());
    return address != null && !IpAddresses.isPrivate(address) && !amazon.contains(address);
  }

  /** The session and the address it is used from. */
  static String key(Signal signal) {
    return signal.principal() + "/" + signal.sessionName() + "@" + signal.sourceIpAddress();
  }

  @Override
  public void open(OpenContext context) {
    super.open(context);
    lastReported =
        getRuntimeContext().getState(new ValueStateDescriptor<>("last-reported", Types.LONG));
  }

  @Override
  void take(String key, Signal call, Collector<Finding> findings) throws Exception {
    Long last = lastReported.value();
    if (last != null && Math.abs(call.timeMillis() - last) < repeatMillis) {
      return;
    }
    lastReported.update(call.timeMillis());
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("instance_id", call.sessionName());
    details.put("role", call.principal());
    details.put("source_ip_address", call.sourceIpAddress());
    details.put("country_iso_code", call.countryIsoCode());
    details.put("repeats_after_hours", Duration.ofMillis(repeatMillis).toHours());
    findings.collect(finding(call, List.of(call.eventId()), details));
  }

  @Override
  Long expiresAt() throws Exception {
    Long last = lastReported.value();
    return last == null ? null : last + repeatMillis;
  }

  @Override
  void expire(long time) throws Exception {
    Long at = expiresAt();
    if (at != null && at <= time) {
      lastReported.clear();
    }
  }
}
