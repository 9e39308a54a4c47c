package com.cloudtrailanalytics.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cloudtrailanalytics.event.CloudTrailEvent;
import com.cloudtrailanalytics.event.RejectReason;
import com.cloudtrailanalytics.event.TrailFile;
import com.cloudtrailanalytics.event.UserIdentity;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CloudTrailEventParserTest {

  private static final TrailFile FILE =
      TrailFile.of(
          "s3://trail/AWSLogs/111122223333/CloudTrail/us-east-1/2024/03/01/"
              + "111122223333_CloudTrail_us-east-1_20240301T1005Z_abc123.json.gz");

  private final CloudTrailEventParser parser = new CloudTrailEventParser();

  @Test
  void readsAConsoleSignIn() throws Exception {
    CloudTrailEvent event = parse(fixture("iam-user-console-login.json"));

    assertThat(event.eventVersion()).isEqualTo("1.08");
    assertThat(event.eventTimeMillis())
        .isEqualTo(Instant.parse("2024-03-01T10:02:17Z").toEpochMilli());
    assertThat(event.eventSource()).isEqualTo("signin.amazonaws.com");
    assertThat(event.eventName()).isEqualTo("ConsoleLogin");
    assertThat(event.awsRegion()).isEqualTo("us-east-1");
    assertThat(event.sourceIpAddress()).isEqualTo("81.2.69.142");
    assertThat(event.userIdentity().type()).isEqualTo("IAMUser");
    assertThat(event.userIdentity().userName()).isEqualTo("nicholas");
    assertThat(event.requestParameters()).isNull();
    assertThat(event.responseElements()).isEqualTo("{\"ConsoleLogin\": \"Success\"}");
    assertThat(event.additionalEventData())
        .isEqualTo(
            "{\"LoginTo\": \"https://console.aws.amazon.com/console/home\", \"MobileVersion\": \"No\","
                + " \"MFAUsed\": \"No\"}");
    assertThat(event.readOnly()).isFalse();
    assertThat(event.managementEvent()).isTrue();
    assertThat(event.eventType()).isEqualTo("AwsConsoleSignIn");
    assertThat(event.eventCategory()).isEqualTo("Management");
    assertThat(event.tlsDetails())
        .isEqualTo(
            new CloudTrailEvent.TlsDetails(
                "TLSv1.3", "TLS_AES_128_GCM_SHA256", "signin.aws.amazon.com"));
    assertThat(event.sourceFile()).isEqualTo(FILE.path());
    assertThat(event.sourceAccountId()).isEqualTo("111122223333");
    assertThat(event.principal()).isEqualTo("arn:aws:iam::111122223333:user/nicholas");
  }

  @Test
  void readsAnAssumedRoleCallWithItsSessionAndResources() throws Exception {
    CloudTrailEvent event = parse(fixture("assumed-role-stop-instances.json"));

    UserIdentity identity = event.userIdentity();
    assertThat(identity.principalId()).isEqualTo("AROAIDPPEZS35WEXAMPLE:deploy-session");
    assertThat(identity.accessKeyId()).isEqualTo("ASIAIOSFODNN7EXAMPLE");
    assertThat(identity.sessionIssuer())
        .isEqualTo(
            new UserIdentity.SessionIssuer(
                "Role",
                "AROAIDPPEZS35WEXAMPLE",
                "arn:aws:iam::111122223333:role/ci-deploy-role",
                "111122223333",
                "ci-deploy-role"));
    assertThat(identity.mfaAuthenticated()).isEqualTo("false");
    assertThat(identity.sessionCreationDate()).isEqualTo("2024-03-01T09:55:00Z");
    assertThat(identity.ec2RoleDelivery()).isEqualTo("2.0");
    assertThat(identity.webIdFederationData()).isEqualTo("{}");
    assertThat(event.errorCode()).isEqualTo("Client.UnauthorizedOperation");
    assertThat(event.isError()).isTrue();
    assertThat(event.requestParameters())
        .isEqualTo(
            "{\"instancesSet\": {\"items\": [{\"instanceId\": \"i-0webserver0000001\"}]}, \"force\": false}");
    assertThat(event.requestId()).isEqualTo("e1d4b2c0-6e2f-4c43-8f4a-0b2d1c9e8f77");
    assertThat(event.eventId()).isEqualTo("c5f2e7a4-1b3d-4e5f-9a8b-7c6d5e4f3a2b");
    assertThat(event.resources())
        .containsExactly(
            new CloudTrailEvent.Resource(
                "arn:aws:ec2:eu-west-1:111122223333:instance/i-0webserver0000001",
                "111122223333",
                "AWS::EC2::Instance"));
    assertThat(event.principal()).isEqualTo("arn:aws:iam::111122223333:role/ci-deploy-role");
    assertThat(event.userName()).isEqualTo("ci-deploy-role");
  }

  @Test
  void readsAnAwsServiceEventWrittenOnOneLine() throws Exception {
    CloudTrailEvent event = parse(fixture("aws-service-event.json"));

    assertThat(event.userIdentity().invokedBy()).isEqualTo("ec2.amazonaws.com");
    assertThat(event.sharedEventId()).isEqualTo("8f2c1e3d-0000-4000-8000-000000000003");
    assertThat(event.responseElements())
        .isEqualTo(
            "{\"credentials\":{\"accessKeyId\":\"ASIAEXAMPLE\",\"sessionToken\":\"REDACTED\","
                + "\"expiration\":\"Mar 1, 2024, 4:07:01 PM\"}}");
    assertThat(event.principal()).isEqualTo("ec2.amazonaws.com");
    assertThat(event.readOnly()).isTrue();
  }

  @Test
  void readsTheRootUserAndTheHiddenUnknownUser() throws Exception {
    assertThat(parse(fixture("root-console-login.json")).userName()).isEqualTo("root");
    CloudTrailEvent unknown = parse(fixture("failed-login-unknown-user.json"));
    assertThat(unknown.userName()).isEqualTo("HIDDEN_DUE_TO_SECURITY_REASONS");
    assertThat(unknown.principal()).isEqualTo("IAMUser");
    assertThat(unknown.errorMessage()).isEqualTo("No username found in supplied account");
    assertThat(unknown.loginResult()).isEqualTo("Failure");
    assertThat(unknown.mfaUsed()).isFalse();
  }

  @Test
  void keepsEveryFieldItKnowsAndSkipsTheRest() throws Exception {
    String record =
        "{\"eventTime\":\"2024-03-01T10:00:00Z\",\"apiVersion\":\"2012-10-17\",\"vpcEndpointId\":\"vpce-1\","
            + "\"vpcEndpointAccountId\":\"111122223333\",\"serviceEventDetails\":{\"a\":[1,2]},"
            + "\"sessionCredentialFromConsole\":\"true\",\"edgeDeviceDetails\":{\"x\":1},"
            + "\"addendum\":{\"reason\":\"DELIVERY_DELAY\"},\"unknown\":[{\"deep\":{}}],"
            + "\"readOnly\":\"true\",\"managementEvent\":\"false\"}";
    CloudTrailEvent event = parse(record);

    assertThat(event.apiVersion()).isEqualTo("2012-10-17");
    assertThat(event.vpcEndpointId()).isEqualTo("vpce-1");
    assertThat(event.vpcEndpointAccountId()).isEqualTo("111122223333");
    assertThat(event.serviceEventDetails()).isEqualTo("{\"a\":[1,2]}");
    assertThat(event.sessionCredentialFromConsole()).isEqualTo("true");
    assertThat(event.edgeDeviceDetails()).isEqualTo("{\"x\":1}");
    assertThat(event.addendum()).isEqualTo("{\"reason\":\"DELIVERY_DELAY\"}");
    assertThat(event.readOnly()).isTrue();
    assertThat(event.managementEvent()).isFalse();
    assertThat(event.userIdentity()).isNull();
    assertThat(event.resources()).isEmpty();
  }

  @Test
  void keepsFreeFormJsonTextByteForByteIncludingUnicode() throws Exception {
    String parameters =
        "{\"key\":\"reports/東京 \\\"quoted\\\" \\u00e9.csv\",\"n\":[1.5e3,null,true]}";
    CloudTrailEvent event =
        parse("{\"eventTime\":\"2024-03-01T10:00:00Z\",\"requestParameters\":" + parameters + "}");
    assertThat(event.requestParameters()).isEqualTo(parameters);
    assertThat(new ObjectMapper().readTree(event.requestParameters()).get("key").asText())
        .isEqualTo("reports/東京 \"quoted\" é.csv");
  }

  @Test
  void redactsSecretsInEveryFreeFormElementAtAnyDepth() throws Exception {
    String secret = "{\"note\":\"x\",\"inner\":[{\"clientSecret\":\"s3cr3t-value\"}]}";
    CloudTrailEvent event =
        parse(
            "{\"eventTime\":\"2024-03-01T10:00:00Z\",\"userIdentity\":{\"type\":\"AssumedRole\","
                + "\"onBehalfOf\":"
                + secret
                + ",\"inScopeOf\":"
                + secret
                + ",\"sessionContext\":{\"webIdFederationData\":"
                + secret
                + "}},\"edgeDeviceDetails\":"
                + secret
                + ",\"addendum\":"
                + secret
                + ",\"requestParameters\":"
                + secret
                + "}");

    String redacted = "{\"note\":\"x\",\"inner\":[{\"clientSecret\":\"REDACTED\"}]}";
    assertThat(event.edgeDeviceDetails()).isEqualTo(redacted);
    assertThat(event.addendum()).isEqualTo(redacted);
    assertThat(event.requestParameters()).isEqualTo(redacted);
    assertThat(event.userIdentity().onBehalfOf()).isEqualTo(redacted);
    assertThat(event.userIdentity().inScopeOf()).isEqualTo(redacted);
    assertThat(event.userIdentity().webIdFederationData()).isEqualTo(redacted);
  }

  @Test
  void rejectsARecordWithoutEventTime() {
    assertRejected(
        "{\"eventName\":\"StopInstances\"}",
        RejectReason.MISSING_EVENT_TIME,
        "the record has no eventTime");
    assertRejected(
        "{\"eventTime\":null}", RejectReason.MISSING_EVENT_TIME, "the record has no eventTime");
  }

  @Test
  void rejectsARecordWithAnUnreadableEventTime() {
    assertRejected(
        "{\"eventTime\":\"2024-02-30T10:00:00Z\"}",
        RejectReason.INVALID_EVENT_TIME,
        "eventTime not a valid timestamp: '2024-02-30T10:00:00Z'");
  }

  @Test
  void rejectsInvalidJsonInsideARecord() {
    assertThatThrownBy(
            () -> parse("{\"eventTime\":\"2024-03-01T10:00:00Z\",\"eventName\":StopInstances}"))
        .isInstanceOfSatisfying(
            RecordRejectedException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(RejectReason.INVALID_RECORD_JSON);
              assertThat(e.getMessage())
                  .startsWith("not valid JSON: Unrecognized token 'StopInstances'");
            });
  }

  @Test
  void rejectsBytesThatAreNotUtf8() {
    byte[] latin1 =
        "{\"eventTime\":\"2024-03-01T10:00:00Z\",\"userAgent\":\"caf\u00e9\"}"
            .getBytes(StandardCharsets.ISO_8859_1);
    assertThatThrownBy(() -> parser.parse(latin1, latin1.length, FILE))
        .isInstanceOfSatisfying(
            RecordRejectedException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(RejectReason.INVALID_UTF8);
              assertThat(e.getMessage())
                  .isEqualTo("byte 0xE9 at offset 52 of the record is not valid UTF-8");
            });
  }

  private void assertRejected(String record, RejectReason reason, String detail) {
    assertThatThrownBy(() -> parse(record))
        .isInstanceOfSatisfying(
            RecordRejectedException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(reason);
              assertThat(e.getMessage()).isEqualTo(detail);
            });
  }

  private CloudTrailEvent parse(String record) throws RecordRejectedException {
    byte[] bytes = record.getBytes(StandardCharsets.UTF_8);
    return parser.parse(bytes, bytes.length, FILE);
  }

  static String fixture(String name) throws IOException {
    try (InputStream in = CloudTrailEventParserTest.class.getResourceAsStream("/records/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
