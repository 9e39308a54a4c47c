package com.cloudtrailanalytics.findings.detections;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudtrailanalytics.event.CloudTrailEvent;
import com.cloudtrailanalytics.event.UserIdentity;
import com.cloudtrailanalytics.format.CloudTrailEventBuilder;
import com.cloudtrailanalytics.geo.AmazonNetworks;
import com.cloudtrailanalytics.sample.SampleGeoDatabases;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which calls count as an EC2 instance role's credentials used outside AWS. */
class InstanceCredentialsTest {

  @TempDir static Path geo;
  private static AmazonNetworks amazon;

  @BeforeAll
  static void writeNetworks() throws Exception {
    amazon = new AmazonNetworks(SampleGeoDatabases.writeTo(geo).asn().toString());
  }

  private static final String SESSION_ARN =
      "arn:aws:sts::111122223333:assumed-role/web-server/i-0123456789abcdef0";

  @Test
  void anInstanceSessionCallingFromAPublicAddressApplies() {
    assertThat(applies(call(SESSION_ARN, "203.0.113.50", null))).isTrue();
    assertThat(applies(call(SESSION_ARN, "2001:db8::1", null))).isTrue();
  }

  @Test
  void privateAddressesServicesAndCallsOnItsBehalfDoNot() {
    for (String inside : new String[] {"10.0.3.7", "172.20.1.1", "192.168.1.9", "100.64.0.1"}) {
      assertThat(applies(call(SESSION_ARN, inside, null))).as(inside).isFalse();
    }
    assertThat(applies(call(SESSION_ARN, "fd00::1", null))).isFalse();
    assertThat(applies(call(SESSION_ARN, "52.94.76.10", null)))
        .as("an instance's own public address, in Amazon's network")
        .isFalse();
    assertThat(applies(call(SESSION_ARN, "AWS Internal", null))).isFalse();
    assertThat(applies(call(SESSION_ARN, "ec2.amazonaws.com", "ec2.amazonaws.com"))).isFalse();
    assertThat(applies(call(SESSION_ARN, "203.0.113.50", "ssm.amazonaws.com"))).isFalse();
  }

  @Test
  void otherRoleSessionsDoNot() {
    String person = "arn:aws:sts::111122223333:assumed-role/admin/nicholas@example.com";
    assertThat(applies(call(person, "203.0.113.50", null))).isFalse();
  }

  @Test
  void accessDeniedMeansEitherSpellingOfTheError() {
    for (String code :
        new String[] {"AccessDenied", "AccessDeniedException", "Client.UnauthorizedOperation"}) {
      assertThat(DetectionSignals.accessDenied(error(code))).as(code).isTrue();
    }
    assertThat(DetectionSignals.accessDenied(error("ThrottlingException"))).isFalse();
    assertThat(DetectionSignals.accessDenied(error(null))).isFalse();
  }

  private static boolean applies(CloudTrailEvent event) {
    return InstanceCredentialsOutsideAws.applies(event, amazon);
  }

  private static CloudTrailEvent call(String sessionArn, String sourceIp, String invokedBy) {
    UserIdentity identity =
        new UserIdentity.Builder()
            .type("AssumedRole")
            .arn(sessionArn)
            .principalId("AROAEXAMPLEID:" + sessionArn.substring(sessionArn.lastIndexOf('/') + 1))
            .invokedBy(invokedBy)
            .build();
    return new CloudTrailEventBuilder()
        .userIdentity(identity)
        .eventSource("s3.amazonaws.com")
        .eventName("ListBuckets")
        .sourceIpAddress(sourceIp)
        .build();
  }

  private static CloudTrailEvent error(String code) {
    return new CloudTrailEventBuilder().eventName("DescribeInstances").errorCode(code).build();
  }
}
