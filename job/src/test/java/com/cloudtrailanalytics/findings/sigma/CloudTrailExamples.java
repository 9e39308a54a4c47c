package com.cloudtrailanalytics.findings.sigma;

import com.cloudtrailanalytics.event.CloudTrailEvent;
import com.cloudtrailanalytics.event.TrailFile;
import com.cloudtrailanalytics.format.CloudTrailEventParser;
import com.cloudtrailanalytics.format.RecordRejectedException;
import java.nio.charset.StandardCharsets;

/**
 * CloudTrail records written after the examples in AWS's CloudTrail and service documentation, each
 * beside the near miss that a rule for it must not match, read with the job's own parser.
 */
public final class CloudTrailExamples {

  private static final TrailFile FILE =
      TrailFile.of(
          "s3://trail/AWSLogs/111122223333/CloudTrail/us-east-1/2024/03/01/"
              + "111122223333_CloudTrail_us-east-1_20240301T1005Z_abc123.json.gz");

  /** An IAM user's console sign-in that failed, without MFA. */
  public static final String FAILED_CONSOLE_LOGIN_WITHOUT_MFA =
      """
      {
        "eventVersion": "1.08",
        "userIdentity": {"type": "IAMUser", "principalId": "AIDACKCEVSQ6C2EXAMPLE",
          "accountId": "111122223333", "accessKeyId": "", "userName": "JaneDoe"},
        "eventTime": "2024-03-01T10:02:17Z",
        "eventSource": "signin.amazonaws.com",
        "eventName": "ConsoleLogin",
        "awsRegion": "us-east-1",
        "sourceIPAddress": "192.0.2.110",
        "userAgent": "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:102.0) Gecko/20100101 Firefox/102.0",
        "errorMessage": "Failed authentication",
        "requestParameters": null,
        "responseElements": {"ConsoleLogin": "Failure"},
        "additionalEventData": {"LoginTo": "https://console.aws.amazon.com/console/home",
          "MobileVersion": "No", "MFAUsed": "No"},
        "eventID": "11ea990b-4678-4bcd-8fbe-62509088b7cf",
        "readOnly": false,
        "eventType": "AwsConsoleSignIn",
        "managementEvent": true,
        "recipientAccountId": "111122223333",
        "eventCategory": "Management",
        "tlsDetails": {"tlsVersion": "TLSv1.2", "cipherSuite": "ECDHE-RSA-AES128-GCM-SHA256",
          "clientProvidedHostHeader": "signin.aws.amazon.com"}
      }
      """;

  /** The same user signing in successfully, with MFA. */
  public static final String CONSOLE_LOGIN_WITH_MFA =
      FAILED_CONSOLE_LOGIN_WITHOUT_MFA
          .replace("\"errorMessage\": \"Failed authentication\",", "")
          .replace("\"Failure\"", "\"Success\"")
          .replace("\"MFAUsed\": \"No\"", "\"MFAUsed\": \"Yes\"");

  /**
   * Port 22 opened to the whole internet by an assumed role, beside HTTPS from a private range:
   * {@code requestParameters.ipPermissions.items[].ipRanges.items[].cidrIp}.
   */
  public static final String SSH_OPENED_TO_THE_WORLD =
      """
      {
        "eventVersion": "1.09",
        "userIdentity": {
          "type": "AssumedRole",
          "principalId": "AROAIDPPEZS35WEXAMPLE:deploy-session",
          "arn": "arn:aws:sts::111122223333:assumed-role/ci-deploy-role/deploy-session",
          "accountId": "111122223333",
          "accessKeyId": "ASIAIOSFODNN7EXAMPLE",
          "sessionContext": {
            "sessionIssuer": {"type": "Role", "principalId": "AROAIDPPEZS35WEXAMPLE",
              "arn": "arn:aws:iam::111122223333:role/ci-deploy-role",
              "accountId": "111122223333", "userName": "ci-deploy-role"},
            "webIdFederationData": {},
            "attributes": {"creationDate": "2024-03-01T09:55:00Z", "mfaAuthenticated": "false"}
          }
        },
        "eventTime": "2024-03-01T10:04:59Z",
        "eventSource": "ec2.amazonaws.com",
        "eventName": "AuthorizeSecurityGroupIngress",
        "awsRegion": "us-east-1",
        "sourceIPAddress": "203.0.113.12",
        "userAgent": "aws-cli/2.15.30 Python/3.11.8 Linux/6.1 exe/x86_64",
        "requestParameters": {
          "groupId": "sg-0a1b2c3d4e5f6a7b8",
          "ipPermissions": {"items": [
            {"ipProtocol": "tcp", "fromPort": 443, "toPort": 443, "groups": {},
             "ipRanges": {"items": [{"cidrIp": "10.0.0.0/8"}]}, "ipv6Ranges": {}, "prefixListIds": {}},
            {"ipProtocol": "tcp", "fromPort": 22, "toPort": 22, "groups": {},
             "ipRanges": {"items": [{"cidrIp": "198.51.100.0/24", "description": "office"},
                                    {"cidrIp": "0.0.0.0/0"}]},
             "ipv6Ranges": {}, "prefixListIds": {}}
          ]}
        },
        "responseElements": {"requestId": "4b6e5b1d-2c4a-4d2b-9c4e-7d8f9a0b1c2d", "_return": true},
        "requestID": "4b6e5b1d-2c4a-4d2b-9c4e-7d8f9a0b1c2d",
        "eventID": "5a5d4f1e-0d5c-4c3b-8a9f-1e2d3c4b5a69",
        "readOnly": false,
        "eventType": "AwsApiCall",
        "managementEvent": true,
        "recipientAccountId": "111122223333",
        "eventCategory": "Management"
      }
      """;

  /** The same call, allowing HTTPS from a private range only. */
  public static final String HTTPS_OPENED_TO_A_PRIVATE_RANGE =
      SSH_OPENED_TO_THE_WORLD
          .replace("\"0.0.0.0/0\"", "\"172.16.0.0/12\"")
          .replace("\"fromPort\": 22, \"toPort\": 22", "\"fromPort\": 443, \"toPort\": 443");

  /** An assumed role turning a trail's logging off (MITRE ATT&CK T1562.008). */
  public static final String STOP_LOGGING =
      """
      {
        "eventVersion": "1.09",
        "userIdentity": {
          "type": "AssumedRole",
          "principalId": "AROAIDPPEZS35WEXAMPLE:mallory",
          "arn": "arn:aws:sts::111122223333:assumed-role/admin-role/mallory",
          "accountId": "111122223333",
          "accessKeyId": "ASIAIOSFODNN7EXAMPLE",
          "sessionContext": {
            "sessionIssuer": {"type": "Role", "principalId": "AROAIDPPEZS35WEXAMPLE",
              "arn": "arn:aws:iam::111122223333:role/admin-role",
              "accountId": "111122223333", "userName": "admin-role"},
            "attributes": {"creationDate": "2024-03-01T10:00:00Z", "mfaAuthenticated": "true"}
          }
        },
        "eventTime": "2024-03-01T10:03:00Z",
        "eventSource": "cloudtrail.amazonaws.com",
        "eventName": "StopLogging",
        "awsRegion": "us-east-1",
        "sourceIPAddress": "198.51.100.23",
        "userAgent": "console.amazonaws.com",
        "requestParameters": {"name": "arn:aws:cloudtrail:us-east-1:111122223333:trail/management-events"},
        "responseElements": null,
        "requestID": "f8a4c2e1-5d6b-4a3c-9e8f-7a6b5c4d3e2f",
        "eventID": "0c9b8a7f-6e5d-4c3b-2a1f-0e9d8c7b6a5f",
        "readOnly": false,
        "resources": [
          {"accountId": "111122223333", "type": "AWS::CloudTrail::Trail",
           "ARN": "arn:aws:cloudtrail:us-east-1:111122223333:trail/management-events"}
        ],
        "eventType": "AwsApiCall",
        "managementEvent": true,
        "recipientAccountId": "111122223333",
        "eventCategory": "Management"
      }
      """;

  /** The same role asking about the trail instead: read-only. */
  public static final String GET_TRAIL_STATUS =
      STOP_LOGGING
          .replace("\"StopLogging\"", "\"GetTrailStatus\"")
          .replace("\"readOnly\": false", "\"readOnly\": true");

  /** An IAM user changing another user's console password, which failed. */
  public static final String UPDATE_LOGIN_PROFILE_OF_ANOTHER_USER =
      """
      {
        "eventVersion": "1.08",
        "userIdentity": {"type": "IAMUser", "principalId": "AIDACKCEVSQ6C2EXAMPLE",
          "arn": "arn:aws:iam::111122223333:user/Alice", "accountId": "111122223333",
          "accessKeyId": "AKIAIOSFODNN7EXAMPLE", "userName": "Alice"},
        "eventTime": "2024-03-01T10:01:00Z",
        "eventSource": "iam.amazonaws.com",
        "eventName": "UpdateLoginProfile",
        "awsRegion": "us-east-1",
        "sourceIPAddress": "192.0.2.44",
        "userAgent": "aws-cli/2.15.30",
        "errorCode": "AccessDenied",
        "errorMessage": "User: arn:aws:iam::111122223333:user/Alice is not authorized to perform: iam:UpdateLoginProfile",
        "requestParameters": {"userName": "Bob", "passwordResetRequired": false},
        "responseElements": null,
        "requestID": "9b8a7c6d-5e4f-4a3b-2c1d-0e9f8a7b6c5d",
        "eventID": "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d",
        "readOnly": false,
        "eventType": "AwsApiCall",
        "managementEvent": true,
        "recipientAccountId": "111122223333",
        "eventCategory": "Management"
      }
      """;

  /** The same user changing their own password, which worked. */
  public static final String UPDATE_OWN_LOGIN_PROFILE =
      UPDATE_LOGIN_PROFILE_OF_ANOTHER_USER
          .replace("\"userName\": \"Bob\"", "\"userName\": \"alice\"")
          .replaceAll("\"errorCode\": .*\n", "")
          .replaceAll("\"errorMessage\": .*\n", "");

  private CloudTrailExamples() {}

  /** The record as the job reads it. */
  public static CloudTrailEvent event(String json) {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    try {
      return new CloudTrailEventParser().parse(bytes, bytes.length, FILE);
    } catch (RecordRejectedException e) {
      throw new IllegalArgumentException("not a record the job reads: " + e.getMessage(), e);
    }
  }

  /** The record as rules see it. */
  public static EventFields fields(String json) {
    return new EventFields(event(json));
  }
}
