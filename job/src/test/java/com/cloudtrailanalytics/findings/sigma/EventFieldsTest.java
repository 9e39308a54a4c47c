package com.cloudtrailanalytics.findings.sigma;

import static com.cloudtrailanalytics.findings.sigma.CloudTrailExamples.FAILED_CONSOLE_LOGIN_WITHOUT_MFA;
import static com.cloudtrailanalytics.findings.sigma.CloudTrailExamples.SSH_OPENED_TO_THE_WORLD;
import static com.cloudtrailanalytics.findings.sigma.CloudTrailExamples.STOP_LOGGING;
import static com.cloudtrailanalytics.findings.sigma.CloudTrailExamples.event;
import static com.cloudtrailanalytics.findings.sigma.CloudTrailExamples.fields;
import static org.assertj.core.api.Assertions.assertThat;

import com.cloudtrailanalytics.event.CloudTrailEvent;
import com.cloudtrailanalytics.format.CloudTrailEventBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class EventFieldsTest {

  @Test
  void topLevelFieldsGoByCloudTrailsJsonNames() {
    EventFields record = fields(STOP_LOGGING);

    assertThat(record.values("eventSource")).containsExactly("cloudtrail.amazonaws.com");
    assertThat(record.values("eventName")).containsExactly("StopLogging");
    assertThat(record.values("sourceIPAddress")).containsExactly("198.51.100.23");
    assertThat(record.values("requestID")).containsExactly("f8a4c2e1-5d6b-4a3c-9e8f-7a6b5c4d3e2f");
    assertThat(record.values("eventID")).containsExactly("0c9b8a7f-6e5d-4c3b-2a1f-0e9d8c7b6a5f");
    assertThat(record.values("eventTime")).containsExactly("2024-03-01T10:03:00Z");
    assertThat(record.values("readOnly")).containsExactly("false");
    assertThat(record.values("managementEvent")).containsExactly("true");
    assertThat(record.values("recipientAccountId")).containsExactly("111122223333");
  }

  @Test
  void theJobsOwnNamesAreNotCloudTrailFields() {
    EventFields record = fields(STOP_LOGGING);

    assertThat(record.values("sourceIpAddress")).isEmpty();
    assertThat(record.values("requestId")).isEmpty();
    assertThat(record.values("sourceFile")).isEmpty();
    assertThat(record.values("eventName.more")).isEmpty();
  }

  @Test
  void identityFieldsIncludeTheSessionContext() {
    EventFields record = fields(SSH_OPENED_TO_THE_WORLD);

    assertThat(record.values("userIdentity.type")).containsExactly("AssumedRole");
    assertThat(record.values("userIdentity.sessionContext.sessionIssuer.type"))
        .containsExactly("Role");
    assertThat(record.values("userIdentity.sessionContext.sessionIssuer.userName"))
        .containsExactly("ci-deploy-role");
    assertThat(record.values("userIdentity.sessionContext.attributes.mfaAuthenticated"))
        .containsExactly("false");
    assertThat(record.values("userIdentity.sessionContext.attributes.creationDate"))
        .containsExactly("2024-03-01T09:55:00Z");
    assertThat(record.values("userIdentity.mfaAuthenticated")).isEmpty();
    assertThat(record.values("userIdentity.userName")).isEmpty();
  }

  @Test
  void resourcesAndTlsDetailsAreListedUnderTheirJsonNames() {
    assertThat(fields(STOP_LOGGING).values("resources.ARN"))
        .containsExactly("arn:aws:cloudtrail:us-east-1:111122223333:trail/management-events");
    assertThat(fields(STOP_LOGGING).values("resources.type"))
        .containsExactly("AWS::CloudTrail::Trail");
    assertThat(fields(STOP_LOGGING).values("resources.arn")).isEmpty();
    assertThat(fields(FAILED_CONSOLE_LOGIN_WITHOUT_MFA).values("tlsDetails.tlsVersion"))
        .containsExactly("TLSv1.2");
  }

  @Test
  void aPathThroughArraysYieldsEveryLeaf() {
    EventFields record = fields(SSH_OPENED_TO_THE_WORLD);

    assertThat(record.values("requestParameters.ipPermissions.items.ipRanges.items.cidrIp"))
        .containsExactly("10.0.0.0/8", "198.51.100.0/24", "0.0.0.0/0");
    assertThat(record.values("requestParameters.ipPermissions.items.fromPort"))
        .containsExactly("443", "22");
    assertThat(record.values("requestParameters.ipPermissions.items.ipRanges.items.description"))
        .containsExactly("office");
    assertThat(record.values("responseElements._return")).containsExactly("true");
  }

  @Test
  void freeFormScalarsKeepTheirJsonSpellingAndNullIsAnElement() {
    EventFields record =
        fields(
            "{\"eventTime\":\"2024-03-01T10:00:00Z\",\"requestParameters\":{\"size\":1.50,"
                + "\"count\":12345678901234567890,\"tags\":[\"a\",null,true],\"kmsKeyId\":null}}");

    assertThat(record.values("requestParameters.size")).containsExactly("1.50");
    assertThat(record.values("requestParameters.count")).containsExactly("12345678901234567890");
    assertThat(record.values("requestParameters.tags")).containsExactly("a", null, "true");
    assertThat(record.values("requestParameters.kmsKeyId")).containsExactly((String) null);
    assertThat(record.values("requestParameters.absent")).isEmpty();
  }

  @Test
  void aWholeFreeFormElementIsItsJsonTextAndANestedObjectItsCompactJson() {
    EventFields record = fields(FAILED_CONSOLE_LOGIN_WITHOUT_MFA);

    assertThat(record.values("responseElements"))
        .containsExactly("{\"ConsoleLogin\": \"Failure\"}");
    assertThat(
            fields(SSH_OPENED_TO_THE_WORLD)
                .values("requestParameters.ipPermissions.items.ipRanges"))
        .containsExactly(
            "{\"items\":[{\"cidrIp\":\"10.0.0.0/8\"}]}",
            "{\"items\":[{\"cidrIp\":\"198.51.100.0/24\",\"description\":\"office\"},"
                + "{\"cidrIp\":\"0.0.0.0/0\"}]}");
  }

  @Test
  void aFreeFormElementThatIsNullOrNotJsonHasNoValues() {
    EventFields stopLogging = fields(STOP_LOGGING);
    assertThat(stopLogging.values("responseElements")).isEmpty();
    assertThat(stopLogging.values("responseElements.anything")).isEmpty();

    EventFields notJson = new EventFields(signInWithAdditionalEventData("{\"MFAUsed\": No"));
    assertThat(notJson.values("additionalEventData.MFAUsed")).isEmpty();
    assertThat(notJson.values("additionalEventData")).isEmpty();
    EventFields trailingText =
        new EventFields(signInWithAdditionalEventData("{\"MFAUsed\": \"No\"} {}"));
    assertThat(trailingText.values("additionalEventData.MFAUsed")).isEmpty();
    EventFields literalNull = new EventFields(signInWithAdditionalEventData("null"));
    assertThat(literalNull.values("additionalEventData")).isEmpty();
    EventFields wellFormed =
        new EventFields(signInWithAdditionalEventData("{\"MFAUsed\": \"No\"}"));
    assertThat(wellFormed.values("additionalEventData.MFAUsed")).containsExactly("No");
  }

  @Test
  void identityElementsKeptAsJsonAreReadToo() {
    EventFields record =
        fields(
            "{\"eventTime\":\"2024-03-01T10:00:00Z\",\"userIdentity\":{\"type\":\"IdentityCenterUser\","
                + "\"onBehalfOf\":{\"userId\":\"544894e8-80c1-707f-60e3-3ba6510dfac1\","
                + "\"identityStoreArn\":\"arn:aws:identitystore::111122223333:identitystore/d-9067642ac7\"},"
                + "\"sessionContext\":{\"webIdFederationData\":{\"federatedProvider\":"
                + "\"arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com\"}}}}");

    assertThat(record.values("userIdentity.onBehalfOf.userId"))
        .containsExactly("544894e8-80c1-707f-60e3-3ba6510dfac1");
    assertThat(record.values("userIdentity.sessionContext.webIdFederationData.federatedProvider"))
        .containsExactly(
            "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com");
    assertThat(record.values("userIdentity.inScopeOf.sourceArn")).isEmpty();
  }

  @Test
  void everyScalarOfTheRecordIsOfferedToKeywordSearch() {
    List<String> seen = new ArrayList<>();
    boolean found =
        fields(SSH_OPENED_TO_THE_WORLD)
            .anyValue(
                value -> {
                  seen.add(value);
                  return false;
                });

    assertThat(found).isFalse();
    assertThat(seen)
        .contains(
            "AuthorizeSecurityGroupIngress",
            "2024-03-01T10:04:59Z",
            "false",
            "arn:aws:iam::111122223333:role/ci-deploy-role",
            "0.0.0.0/0",
            "22",
            "office")
        .doesNotContainNull();
    assertThat(fields(SSH_OPENED_TO_THE_WORLD).anyValue("198.51.100.0/24"::equals)).isTrue();
  }

  @Test
  void freeFormJsonIsParsedOnceHoweverManyRulesReadIt() {
    List<String> parsed = new ArrayList<>();
    Function<String, JsonNode> countingParser =
        json -> {
          parsed.add(json);
          return EventFields.parse(json);
        };
    EventFields record = new EventFields(event(SSH_OPENED_TO_THE_WORLD), countingParser);

    assertThat(record.values("eventName")).containsExactly("AuthorizeSecurityGroupIngress");
    assertThat(parsed).isEmpty();
    for (int rule = 0; rule < 50; rule++) {
      assertThat(record.values("requestParameters.ipPermissions.items.ipRanges.items.cidrIp"))
          .contains("0.0.0.0/0");
      assertThat(record.values("requestParameters.groupId"))
          .containsExactly("sg-0a1b2c3d4e5f6a7b8");
    }
    assertThat(parsed).singleElement().asString().startsWith("{\n    \"groupId\"");

    for (int rule = 0; rule < 50; rule++) {
      assertThat(record.anyValue("a value the record does not hold"::equals)).isFalse();
    }
    assertThat(parsed)
        .as("keyword search parses the other elements once each, and requestParameters not again")
        .hasSize(3)
        .contains(
            "{}", "{\"requestId\": \"4b6e5b1d-2c4a-4d2b-9c4e-7d8f9a0b1c2d\", \"_return\": true}")
        .doesNotHaveDuplicates();
  }

  /** A console sign-in whose {@code additionalEventData} text is {@code json}. */
  private static CloudTrailEvent signInWithAdditionalEventData(String json) {
    return new CloudTrailEventBuilder()
        .eventSource("signin.amazonaws.com")
        .eventName("ConsoleLogin")
        .additionalEventData(json)
        .build();
  }
}
