package com.cloudtrailanalytics.testing;

import com.cloudtrailanalytics.sample.RecordBuilder;
import java.time.Duration;
import java.time.Instant;

/** Test events that read like a story: named accounts, instants and factories. */
public final class CloudTrailEvents {

  public static final String ACCOUNT = "111122223333";
  public static final String OTHER_ACCOUNT = "444455556666";
  public static final String US_EAST_1 = "us-east-1";
  public static final String EU_WEST_1 = "eu-west-1";

  /** The start of a five-minute window. */
  public static final Instant BEGINNING = Instant.parse("2024-03-01T10:00:00Z");

  public static final Instant ONE_MINUTE_LATER = BEGINNING.plus(Duration.ofMinutes(1));
  public static final Instant TWO_MINUTES_LATER = BEGINNING.plus(Duration.ofMinutes(2));
  public static final Instant NEXT_WINDOW = BEGINNING.plus(Duration.ofMinutes(5));
  public static final Instant AN_HOUR_LATER = BEGINNING.plus(Duration.ofHours(1));

  private CloudTrailEvents() {}

  public static RecordBuilder userCall(String user, String eventName, Instant at) {
    return RecordBuilder.apiCall(ACCOUNT, US_EAST_1, at, "ec2.amazonaws.com", eventName)
        .iamUser(ACCOUNT, user)
        .sourceIp("198.51.100.7");
  }

  public static RecordBuilder assumedRoleCall(
      String role, String session, String eventName, Instant at) {
    return RecordBuilder.apiCall(ACCOUNT, US_EAST_1, at, "ssm.amazonaws.com", eventName)
        .assumedRole(ACCOUNT, role, session)
        .sourceIp("10.0.0.5");
  }

  public static RecordBuilder serviceCall(String service, String region, Instant at) {
    return RecordBuilder.apiCall(ACCOUNT, region, at, "sts.amazonaws.com", "AssumeRole")
        .awsService(service);
  }

  public static RecordBuilder rootCall(String eventName, Instant at) {
    return RecordBuilder.apiCall(ACCOUNT, US_EAST_1, at, "iam.amazonaws.com", eventName)
        .root(ACCOUNT)
        .sourceIp("198.51.100.9");
  }

  public static RecordBuilder consoleLogin(String user, String ip, Instant at, boolean success) {
    return RecordBuilder.consoleLogin(ACCOUNT, US_EAST_1, at, success, false)
        .iamUser(ACCOUNT, user)
        .sourceIp(ip);
  }

  public static String userArn(String user) {
    return "arn:aws:iam::" + ACCOUNT + ":user/" + user;
  }

  public static String roleArn(String role) {
    return "arn:aws:iam::" + ACCOUNT + ":role/" + role;
  }
}
