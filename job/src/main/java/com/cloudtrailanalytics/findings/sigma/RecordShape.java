package com.cloudtrailanalytics.findings.sigma;

import com.cloudtrailanalytics.event.CloudTrailEvent;
import com.cloudtrailanalytics.event.TrailFile;
import com.cloudtrailanalytics.format.CloudTrailEventParser;
import com.cloudtrailanalytics.format.RecordRejectedException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Which field paths CloudTrail records have, as rules read them. It is told by reading, through
 * {@link EventFields}, a record that has every field the job keeps, so the shape has one owner: any
 * path below a free-form element ({@code requestParameters.*}, {@code
 * userIdentity.onBehalfOf.*}...) may exist; any other path must lead to a typed field. A rule that
 * reads another field (a misspelling, another log's field name) could never match on it.
 */
final class RecordShape {

  private static final String EVERY_FIELD =
      """
      {"eventVersion": "1.11",
       "userIdentity": {"type": "t", "principalId": "p", "arn": "a", "accountId": "111122223333",
         "accessKeyId": "k", "userName": "u", "invokedBy": "i", "identityProvider": "ip",
         "credentialId": "c", "onBehalfOf": {"userId": "u"}, "inScopeOf": {"issuerType": "t"},
         "sessionContext": {
           "sessionIssuer": {"type": "t", "principalId": "p", "arn": "a",
             "accountId": "111122223333", "userName": "u"},
           "webIdFederationData": {"federatedProvider": "f"},
           "attributes": {"creationDate": "2024-01-01T00:00:00Z", "mfaAuthenticated": "false"},
           "sourceIdentity": "s", "ec2RoleDelivery": "2.0", "assumedRoot": "true"}},
       "eventTime": "2024-01-01T00:00:00Z", "eventSource": "s", "eventName": "n",
       "awsRegion": "r", "sourceIPAddress": "192.0.2.1", "userAgent": "a", "errorCode": "c",
       "errorMessage": "m", "requestParameters": {"p": 1}, "responseElements": {"p": 1},
       "additionalEventData": {"p": 1}, "requestID": "r", "eventID": "e", "readOnly": true,
       "resources": [{"ARN": "a", "accountId": "111122223333", "type": "t"}],
       "eventType": "AwsApiCall", "apiVersion": "v", "managementEvent": true,
       "recipientAccountId": "111122223333", "serviceEventDetails": {"p": 1},
       "sharedEventID": "s", "vpcEndpointId": "v", "vpcEndpointAccountId": "111122223333",
       "eventCategory": "Management", "sessionCredentialFromConsole": "true",
       "tlsDetails": {"tlsVersion": "TLSv1.3", "cipherSuite": "c", "clientProvidedHostHeader": "h"},
       "edgeDeviceDetails": {"p": 1}, "addendum": {"p": 1}}
      """;

  static final CloudTrailEvent EVERY_FIELD_EVENT = parse(EVERY_FIELD);

  private RecordShape() {}

  /** Whether CloudTrail records may have a value at {@code path}. */
  static boolean has(FieldPath path) {
    EventFields fields = new EventFields(EVERY_FIELD_EVENT);
    for (int length = 1; length < path.length(); length++) {
      if (isFreeForm(fields.values(path.prefix(length)))) {
        return true;
      }
    }
    return !fields.values(path).isEmpty();
  }

  /** A free-form element's value is its JSON text; every typed field of the record is a scalar. */
  private static boolean isFreeForm(List<String> values) {
    return values.size() == 1 && values.get(0).startsWith("{");
  }

  private static CloudTrailEvent parse(String json) {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    try {
      return new CloudTrailEventParser()
          .parse(bytes, bytes.length, TrailFile.of("every-field.json"));
    } catch (RecordRejectedException e) {
      throw new IllegalStateException("the record with every field does not parse", e);
    }
  }
}
