package com.cloudtrailanalytics.sample;

import static com.cloudtrailanalytics.sample.RecordBuilder.json;

import com.cloudtrailanalytics.sample.Catalogue.Call;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;

/** Makes the background events of the synthetic trail, drawn from the {@link Catalogue}. */
final class EventMaker {

  private static final double CONSOLE_LOGIN_SHARE = 0.01;
  private static final double ROOT_SHARE = 0.001;
  private static final String SDK_USER_AGENT =
      "aws-sdk-java/2.25.11 Linux/6.1 OpenJDK_64-Bit_Server_VM/17.0.10";

  private final Random random;
  private final int totalWeight;

  EventMaker(Random random) {
    this.random = random;
    this.totalWeight = Catalogue.CALLS.stream().mapToInt(Call::weight).sum();
  }

  ObjectNode make(String account, String region, Instant at) {
    double roll = random.nextDouble();
    if (roll < ROOT_SHARE) {
      return rootCall(account, region, at);
    }
    if (roll < CONSOLE_LOGIN_SHARE) {
      return consoleLogin(account, region, at);
    }
    Call call = pickCall();
    RecordBuilder record =
        RecordBuilder.apiCall(account, region, at, call.eventSource(), call.eventName())
            .eventId(SyntheticTrail.eventId(random))
            .requestId(SyntheticTrail.eventId(random))
            .tlsDetails(call.eventSource().replace("amazonaws.com", region + ".amazonaws.com"));
    switch (call.actor()) {
      case ROLE ->
          record
              .assumedRole(
                  account,
                  pick(Catalogue.ROLES),
                  "i-0" + Long.toHexString(random.nextLong()).substring(0, 8))
              .sourceIp(pick(Catalogue.SERVER_IPS))
              .userAgent(SDK_USER_AGENT);
      case USER -> asUser(record, account, at);
      case SERVICE -> record.awsService(pick(Catalogue.SERVICES));
      case DATA -> dataEvent(record, account);
    }
    addParameters(record, call, account);
    if (call.errorRate() > 0 && random.nextDouble() < call.errorRate()) {
      record.error(call.errorCode(), call.errorMessage());
    }
    return record.build();
  }

  private void asUser(RecordBuilder record, String account, Instant at) {
    String user = pick(Catalogue.USERS);
    String ip = Catalogue.USER_IPS.get(Math.floorMod(user.hashCode(), Catalogue.USER_IPS.size()));
    if (random.nextBoolean()) {
      record.consoleUser(
          account, user, random.nextDouble() < 0.7, at.minus(Duration.ofMinutes(10)));
    } else {
      record.iamUser(account, user);
    }
    record.sourceIp(ip);
  }

  private void dataEvent(RecordBuilder record, String account) {
    String bucket = "app-data-" + account;
    String key = "reports/" + Integer.toHexString(random.nextInt(1 << 20)) + ".csv";
    record
        .assumedRole(account, "app-server-role", "i-0" + Integer.toHexString(random.nextInt()))
        .dataEvent()
        .sourceIp(pick(Catalogue.SERVER_IPS))
        .userAgent(SDK_USER_AGENT)
        .requestParameters(json("{\"bucketName\":\"" + bucket + "\",\"key\":\"" + key + "\"}"))
        .resource("arn:aws:s3:::" + bucket + "/" + key, null, "AWS::S3::Object")
        .resource("arn:aws:s3:::" + bucket, account, "AWS::S3::Bucket");
  }

  private void addParameters(RecordBuilder record, Call call, String account) {
    String instance = String.format("i-0%016x", random.nextLong());
    switch (call.eventName()) {
      case "StopInstances", "StartInstances" ->
          record.requestParameters(
              json("{\"instancesSet\":{\"items\":[{\"instanceId\":\"" + instance + "\"}]}}"));
      case "AuthorizeSecurityGroupIngress", "RevokeSecurityGroupIngress" ->
          record.requestParameters(
              json(
                  "{\"groupId\":\"sg-0"
                      + Integer.toHexString(random.nextInt())
                      + "\",\"ipPermissions\":{\"items\":"
                      + "[{\"ipProtocol\":\"tcp\",\"fromPort\":443,\"toPort\":443,\"ipRanges\":{\"items\":"
                      + "[{\"cidrIp\":\"10.0.0.0/16\"}]}}]}}"));
      case "CreateSecurityGroup" ->
          record.requestParameters(
              json(
                  "{\"groupName\":\"web-"
                      + random.nextInt(100)
                      + "\",\"groupDescription\":\"web tier\",\"vpcId\":\"vpc-0a1b2c3d\"}"));
      case "CreateBucket", "DeleteBucket" ->
          record.requestParameters(
              json(
                  "{\"bucketName\":\"scratch-"
                      + random.nextInt(1000)
                      + "\",\"Host\":\"s3.amazonaws.com\"}"));
      case "GetParameter" ->
          record.requestParameters(
              json("{\"name\":\"/app/config/db-url\",\"withDecryption\":true}"));
      case "AssumeRole" ->
          record
              .requestParameters(
                  json(
                      "{\"roleArn\":\"arn:aws:iam::"
                          + account
                          + ":role/"
                          + pick(Catalogue.ROLES)
                          + "\",\"roleSessionName\":\"session-"
                          + random.nextInt(10000)
                          + "\"}"))
              .responseElements(
                  json(
                      "{\"credentials\":{\"accessKeyId\":\"ASIA"
                          + RecordBuilder.idSuffix("k" + random.nextInt())
                          + "\",\"sessionToken\":\"IQoJb3JpZ2luX2VjEXAMPLETOKEN"
                          + random.nextInt(1 << 30)
                          + "\",\"expiration\":\"Mar 1, 2024, 1:00:00 PM\"}}"));
      default -> {
        // calls without interesting parameters
      }
    }
  }

  private ObjectNode consoleLogin(String account, String region, Instant at) {
    String user = pick(Catalogue.USERS);
    boolean success = random.nextDouble() > 0.05;
    return RecordBuilder.consoleLogin(account, region, at, success, random.nextDouble() < 0.7)
        .iamUser(account, user)
        .sourceIp(Catalogue.USER_IPS.get(Math.floorMod(user.hashCode(), Catalogue.USER_IPS.size())))
        .eventId(SyntheticTrail.eventId(random))
        .build();
  }

  private ObjectNode rootCall(String account, String region, Instant at) {
    return RecordBuilder.apiCall(account, region, at, "iam.amazonaws.com", "GetAccountSummary")
        .root(account)
        .sourceIp(pick(Catalogue.USER_IPS))
        .userAgent(RecordBuilder.CONSOLE_USER_AGENT)
        .eventId(SyntheticTrail.eventId(random))
        .requestId(SyntheticTrail.eventId(random))
        .build();
  }

  private Call pickCall() {
    int pick = random.nextInt(totalWeight);
    for (Call call : Catalogue.CALLS) {
      pick -= call.weight();
      if (pick < 0) {
        return call;
      }
    }
    throw new IllegalStateException("weights do not add up");
  }

  private <T> T pick(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }
}
