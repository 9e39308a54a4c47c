package com.cloudtrailanalytics.findings.sigma;

import static com.cloudtrailanalytics.findings.sigma.CloudTrailExamples.CONSOLE_LOGIN_WITH_MFA;
import static com.cloudtrailanalytics.findings.sigma.CloudTrailExamples.STOP_LOGGING;
import static org.assertj.core.api.Assertions.assertThat;

import com.cloudtrailanalytics.event.CloudTrailEvent;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The index leaves a rule out only when the rule could not match: it tells which typed fields a
 * detection needs from the detection itself, and is conservative wherever it cannot tell.
 */
class RuleIndexTest {

  private static final FieldPath ERROR_CODE = FieldPath.of("errorCode");

  @Test
  void aRuleNeedsAValueWhereEveryWayToMatchTestsOne() {
    assertThat(TestRules.selection("errorCode|startswith: 'AccessDenied'").detection())
        .matches(detection -> detection.requiresValue(ERROR_CODE));
    assertThat(
            TestRules.detection(
                    """
                    a:
                      errorCode|endswith: 'UnauthorizedOperation'
                    b:
                      errorCode|startswith: 'AccessDenied'
                    filter:
                      eventName: 'HeadBucket'
                    condition: 1 of a or b and not filter
                    """)
                .detection())
        .as("either part needs errorCode, and the filter only narrows")
        .matches(detection -> detection.requiresValue(ERROR_CODE));
  }

  @Test
  void aRuleThatMayMatchWithoutAValueIsNotSaidToNeedOne() {
    for (String detection :
        List.of(
            "a:\n  errorCode: 'AccessDenied'\nb:\n  eventName: 'StopLogging'\ncondition: a or b\n",
            "a:\n  errorCode: 'AccessDenied'\ncondition: not a\n",
            "a:\n  errorCode: null\ncondition: a\n",
            "a:\n  errorCode|exists: false\ncondition: a\n",
            "a:\n  - 'AccessDenied'\ncondition: a\n")) {
      assertThat(TestRules.detection(detection).detection().requiresValue(ERROR_CODE))
          .as(detection)
          .isFalse();
    }
  }

  @Test
  void rootUsageIsTriedOnlyOnRootIdentitiesAndRefusedCallsOnlyOnErrors() {
    SigmaRule rootUsage =
        TestRules.detection(
            """
            selection:
              userIdentity.type: 'Root'
            filter:
              userIdentity.invokedBy|exists: true
            condition: selection and not filter
            """);
    SigmaRule refused = TestRules.selection("errorCode|startswith: 'AccessDenied'");
    RuleIndex index = new RuleIndex(List.of(rootUsage, refused));

    CloudTrailEvent iamUser = CloudTrailExamples.event(STOP_LOGGING);
    CloudTrailEvent root = CloudTrailExamples.event(asRoot(STOP_LOGGING));
    CloudTrailEvent denied = CloudTrailExamples.event(withError(STOP_LOGGING, "AccessDenied"));

    assertThat(admitted(index, iamUser)).isEmpty();
    assertThat(admitted(index, root)).containsExactly(rootUsage);
    assertThat(admitted(index, denied)).containsExactly(refused);
    assertThat(rootUsage.matches(new EventFields(root))).isTrue();
    assertThat(refused.matches(new EventFields(denied))).isTrue();
  }

  @Test
  void identityTypesOutsidePlainAsciiAreLeftToTheRuleItself() {
    SigmaRule rule = TestRules.selection("userIdentity.type: 'Root\u0130'");
    RuleIndex index = new RuleIndex(List.of(rule));

    assertThat(index.byEventName("ConsoleLogin")[0].identityTypes()).isNull();
    assertThat(admitted(index, CloudTrailExamples.event(CONSOLE_LOGIN_WITH_MFA)))
        .containsExactly(rule);
  }

  private static List<SigmaRule> admitted(RuleIndex index, CloudTrailEvent event) {
    return Arrays.stream(index.byEventName(event.eventName()))
        .filter(candidate -> candidate.admits(event))
        .map(RuleIndex.Gated::rule)
        .toList();
  }

  private static String asRoot(String json) {
    return json.replaceFirst("\"type\": \"[A-Za-z]+\"", "\"type\": \"Root\"");
  }

  private static String withError(String json, String code) {
    return json.replaceFirst("\"eventName\":", "\"errorCode\": \"" + code + "\", \"eventName\":");
  }
}
