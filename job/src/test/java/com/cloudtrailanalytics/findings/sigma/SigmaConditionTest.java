package com.cloudtrailanalytics.findings.sigma;

import static com.cloudtrailanalytics.findings.sigma.CloudTrailExamples.GET_TRAIL_STATUS;
import static com.cloudtrailanalytics.findings.sigma.CloudTrailExamples.SSH_OPENED_TO_THE_WORLD;
import static com.cloudtrailanalytics.findings.sigma.CloudTrailExamples.STOP_LOGGING;
import static com.cloudtrailanalytics.findings.sigma.CloudTrailExamples.fields;
import static com.cloudtrailanalytics.findings.sigma.TestRules.detection;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Selections and conditions, on StopLogging by an assumed role and its near misses. */
class SigmaConditionTest {

  private static final EventFields STOP = fields(STOP_LOGGING);
  private static final EventFields STATUS = fields(GET_TRAIL_STATUS);
  private static final EventFields SSH_TO_THE_WORLD = fields(SSH_OPENED_TO_THE_WORLD);

  /** Three search identifiers, of which StopLogging matches only {@code yes}. */
  private static final String YES_NO_NEVER =
      """
      yes:
        eventName: StopLogging
      no:
        eventName: DeleteTrail
      never:
        eventSource: iam.amazonaws.com
      """;

  private static boolean stopLoggingMatches(String condition) {
    return detection(YES_NO_NEVER + "condition: " + condition).matches(STOP);
  }

  @Test
  void aMapNeedsEveryFieldAndAListOfMapsAnyOfThem() {
    SigmaRule map =
        detection(
            """
            selection:
              eventSource: cloudtrail.amazonaws.com
              eventName: StopLogging
              userIdentity.sessionContext.sessionIssuer.type: Role
            condition: selection
            """);
    SigmaRule listOfMaps =
        detection(
            """
            selection:
              - eventName: DeleteTrail
              - eventSource: cloudtrail.amazonaws.com
                eventName: StopLogging
            condition: selection
            """);

    assertThat(map.matches(STOP)).isTrue();
    assertThat(map.matches(STATUS)).isFalse();
    assertThat(listOfMaps.matches(STOP)).isTrue();
    assertThat(listOfMaps.matches(STATUS)).isFalse();
  }

  @Test
  void andOrAndNot() {
    assertThat(stopLoggingMatches("yes and not no")).isTrue();
    assertThat(stopLoggingMatches("yes and no")).isFalse();
    assertThat(stopLoggingMatches("no or yes")).isTrue();
    assertThat(stopLoggingMatches("no or never")).isFalse();
    assertThat(stopLoggingMatches("not yes")).isFalse();
    assertThat(stopLoggingMatches("not not yes")).isTrue();
  }

  @Test
  void andBindsTighterThanOr() {
    assertThat(stopLoggingMatches("yes or no and never")).as("yes or (no and never)").isTrue();
    assertThat(stopLoggingMatches("no and never or yes")).as("(no and never) or yes").isTrue();
    assertThat(stopLoggingMatches("(yes or no) and never")).isFalse();
  }

  @Test
  void notBindsTighterThanAnd() {
    assertThat(stopLoggingMatches("not no and yes")).as("(not no) and yes").isTrue();
    assertThat(stopLoggingMatches("not (no and yes)")).isTrue();
    assertThat(stopLoggingMatches("not yes and no")).as("(not yes) and no").isFalse();
    assertThat(stopLoggingMatches("not (yes or no) or never")).isFalse();
  }

  @Test
  void parenthesesNest() {
    assertThat(stopLoggingMatches("((yes) and ((not no) or never))")).isTrue();
    assertThat(stopLoggingMatches("((yes) and not ((not no) or never))")).isFalse();
  }

  @Test
  void oneOfAndAllOfAPattern() {
    SigmaRule rule =
        detection(
            """
            selection_source:
              eventSource: cloudtrail.amazonaws.com
            selection_name:
              eventName:
                - StopLogging
                - DeleteTrail
            filter_main_readonly:
              readOnly: true
            filter_main_service:
              userIdentity.type: AWSService
            condition: all of selection_* and not 1 of filter_main_*
            """);

    assertThat(rule.matches(STOP)).isTrue();
    assertThat(rule.matches(STATUS)).as("not StopLogging, and read-only").isFalse();
    assertThat(rule.matches(SSH_TO_THE_WORLD)).isFalse();
  }

  @Test
  void oneOfNeedsOneAndAllOfNeedsEach() {
    String twoSelections =
        """
        selection_name:
          eventName: StopLogging
        selection_readonly:
          readOnly: true
        """;

    assertThat(detection(twoSelections + "condition: 1 of selection_*").matches(STOP)).isTrue();
    assertThat(detection(twoSelections + "condition: all of selection_*").matches(STOP)).isFalse();
    assertThat(detection(twoSelections + "condition: any of selection_*").matches(STATUS)).isTrue();
  }

  @Test
  void themIsEveryIdentifierNotStartingWithAnUnderscore() {
    String identifiers =
        """
        source:
          eventSource: cloudtrail.amazonaws.com
        name:
          eventName: StopLogging
        _helper:
          eventName: NeverCalled
        """;

    assertThat(detection(identifiers + "condition: all of them").matches(STOP)).isTrue();
    assertThat(detection(identifiers + "condition: all of them").matches(STATUS)).isFalse();
    assertThat(detection(identifiers + "condition: 1 of them").matches(STATUS)).isTrue();
    assertThat(detection(identifiers + "condition: 1 of them").matches(SSH_TO_THE_WORLD)).isFalse();
    assertThat(detection(identifiers + "condition: all of _*").matches(STOP))
        .as("a pattern may name identifiers that start with an underscore")
        .isFalse();
  }

  @Test
  void aListOfConditionsMatchesWhenOneOfThemDoes() {
    SigmaRule rule =
        detection(
            """
            stop:
              eventName: StopLogging
            delete:
              eventName: DeleteTrail
            condition:
              - delete
              - stop and not delete
            """);

    assertThat(rule.matches(STOP)).isTrue();
    assertThat(rule.matches(STATUS)).isFalse();
  }

  @Test
  void operatorWordsAreReadInAnyCase() {
    assertThat(stopLoggingMatches("yes AND NOT no")).isTrue();
    assertThat(stopLoggingMatches("ALL OF y* Or never")).isTrue();
  }

  @Test
  void aNegatedSelectionMatchesRecordsWithoutTheField() {
    SigmaRule rule =
        detection(
            """
            selection:
              eventName: StopLogging
            filter:
              errorCode: AccessDenied
            condition: selection and not filter
            """);

    assertThat(rule.matches(STOP)).isTrue();
    assertThat(
            rule.matches(
                fields(
                    STOP_LOGGING.replace(
                        "\"readOnly\"", "\"errorCode\": \"AccessDenied\", \"readOnly\""))))
        .isFalse();
  }
}
