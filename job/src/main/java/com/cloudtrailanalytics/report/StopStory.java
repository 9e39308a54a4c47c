package com.cloudtrailanalytics.report;

import com.cloudtrailanalytics.report.InstanceStops.InstanceStop;
import java.util.List;
import java.util.stream.Collectors;

/** The answer to "who stopped the instance, when, and from where?", in words. */
final class StopStory {

  private StopStory() {}

  /**
   * @param signInFindings the findings on the sign-in that began the session, most severe first
   */
  static String of(
      String instanceId, InstanceStop stop, List<InstanceStops.EventFinding> signInFindings) {
    StringBuilder story =
        new StringBuilder()
            .append(instanceId)
            .append(" was ")
            .append(stop.eventName().startsWith("Terminate") ? "terminated" : "stopped")
            .append(" at ")
            .append(stop.eventTime())
            .append(" UTC by ")
            .append(who(stop))
            .append(" of account ")
            .append(stop.accountId())
            .append(", from ")
            .append(place(stop.sourceIp(), null, stop.country()))
            .append('.');
    if (stop.signedInAt() == null) {
      story.append(
          " The tables hold no console sign-in of theirs before it: the call was made with keys"
              + " or a role's credentials.");
    } else {
      story
          .append(" They had signed in to the console at ")
          .append(stop.signedInAt())
          .append(" UTC from ")
          .append(place(stop.signInIp(), stop.signInCity(), stop.signInCountry()))
          .append(Boolean.TRUE.equals(stop.signInMfaUsed()) ? ", with MFA." : ", without MFA.");
      if (!signInFindings.isEmpty()) {
        story
            .append(" That sign-in raised ")
            .append(
                signInFindings.size() == 1
                    ? "one finding: "
                    : signInFindings.size() + " findings: ")
            .append(
                signInFindings.stream()
                    .map(finding -> finding.ruleTitle() + " (" + finding.severity() + ")")
                    .collect(Collectors.joining("; ")))
            .append('.');
      }
    }
    return story.toString();
  }

  private static String who(InstanceStop stop) {
    return switch (String.valueOf(stop.identityType())) {
      case "Root" -> "the root user";
      case "IAMUser" -> "IAM user " + stop.userName();
      case "AssumedRole" -> "assumed-role session " + stop.userName();
      case "FederatedUser" -> "federated user " + stop.userName();
      default -> stop.identityType() + " " + stop.userName();
    };
  }

  private static String place(String address, String city, String country) {
    if (country == null) {
      return address + " (a place the GeoIP database does not know)";
    }
    return address + " (" + (city == null ? "" : city + ", ") + country + ")";
  }
}
