package com.cloudtrailanalytics.findings.sigma;

import static com.cloudtrailanalytics.findings.sigma.TestRules.assertRejected;
import static com.cloudtrailanalytics.findings.sigma.TestRules.cloudTrailRule;
import static com.cloudtrailanalytics.findings.sigma.TestRules.rule;
import static org.assertj.core.api.Assertions.assertThat;

import com.cloudtrailanalytics.findings.Severity;
import com.cloudtrailanalytics.findings.sigma.RuleProblem.Kind;
import org.junit.jupiter.api.Test;

/** What a rule file says about the rule, and every reason a file is refused, word for word. */
class SigmaRuleReaderTest {

  private static final String STOP_LOGGING_DETECTION =
      """
      selection:
        eventSource: cloudtrail.amazonaws.com
        eventName: StopLogging
      condition: selection
      """;

  @Test
  void readsTheRulesDescriptionOfItself() {
    SigmaRule rule =
        rule(
            """
            title: CloudTrail logging stopped
            id: 4d7a1e5c-8b2f-4e3a-9c6d-1f0e2b3a4c5d
            status: test
            description: Someone turned a trail off.
            references:
              - https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_StopLogging.html
            tags:
              - attack.defense-evasion
              - attack.t1562.008
            logsource:
              product: aws
              service: cloudtrail
            detection:
              selection:
                eventName: StopLogging
              condition: selection
            falsepositives:
              - A planned change of trails
            level: high
            """);

    assertThat(rule.id()).isEqualTo("4d7a1e5c-8b2f-4e3a-9c6d-1f0e2b3a4c5d");
    assertThat(rule.title()).isEqualTo("CloudTrail logging stopped");
    assertThat(rule.severity()).isEqualTo(Severity.HIGH);
    assertThat(rule.tags()).containsExactly("attack.defense-evasion", "attack.t1562.008");
    assertThat(rule.description()).isEqualTo("Someone turned a trail off.");
    assertThat(rule.references())
        .containsExactly(
            "https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_StopLogging.html");
    assertThat(rule.falsePositives()).containsExactly("A planned change of trails");
    assertThat(rule.source()).isEqualTo("rules/test_rule.yml");
  }

  @Test
  void withoutIdOrLevelARuleIsNamedAfterItsFileAndOfMediumSeverity() {
    SigmaRule rule = rule(cloudTrailRule(STOP_LOGGING_DETECTION));

    assertThat(rule.id()).isEqualTo("test_rule");
    assertThat(rule.severity()).isEqualTo(Severity.MEDIUM).isEqualTo(SigmaRule.DEFAULT_SEVERITY);
    assertThat(rule.tags()).isEmpty();
    assertThat(rule.description()).isEmpty();
  }

  @Test
  void theLevelIsReadInAnyCase() {
    assertThat(rule("level: Critical\n" + cloudTrailRule(STOP_LOGGING_DETECTION)).severity())
        .isEqualTo(Severity.CRITICAL);
    assertThat(rule("level: informational\n" + cloudTrailRule(STOP_LOGGING_DETECTION)).severity())
        .isEqualTo(Severity.INFORMATIONAL);
  }

  @Test
  void aRuleForAnotherLogSourceIsSkipped() {
    assertRejected(
            """
            title: Whoami
            logsource:
              category: process_creation
              product: windows
            detection:
              selection:
                Image|endswith: '\\whoami.exe'
              condition: selection
            """,
            Kind.SKIPPED)
        .isEqualTo(
            "skipped: logsource {category: process_creation, product: windows} is not AWS"
                + " CloudTrail (product: aws, service: cloudtrail)");
    assertRejected(
            cloudTrailRule(STOP_LOGGING_DETECTION).replace("cloudtrail\n", "guardduty\n"),
            Kind.SKIPPED)
        .startsWith("skipped: logsource {product: aws, service: guardduty}");
  }

  @Test
  void invalidYamlIsReportedWithItsLine() {
    assertRejected(
            cloudTrailRule("selection:\n  eventName: [StopLogging\ncondition: selection"),
            Kind.INVALID)
        .isEqualTo("not valid YAML: expected ',' or ']', but got : (line 8, column 12)");
  }

  @Test
  void missingPartsAreNamed() {
    assertRejected(
            cloudTrailRule(STOP_LOGGING_DETECTION).replace("title: A rule under test\n", ""),
            Kind.INVALID)
        .isEqualTo("missing 'title'");
    assertRejected("title: t\nlogsource:\n  product: aws\n  service: cloudtrail\n", Kind.INVALID)
        .isEqualTo("missing 'detection'");
    assertRejected(cloudTrailRule("selection:\n  eventName: StopLogging\n"), Kind.INVALID)
        .isEqualTo("missing 'detection.condition'");
    assertRejected("title: t\ndetection:\n  a:\n    b: c\n  condition: a\n", Kind.INVALID)
        .isEqualTo("missing 'logsource'; CloudTrail rules have product: aws, service: cloudtrail");
    assertRejected(cloudTrailRule("condition: selection\n"), Kind.INVALID)
        .isEqualTo("'detection' has no search identifier besides its condition");
    assertRejected("", Kind.INVALID)
        .isEqualTo(
            "the file is empty; a Sigma rule is a YAML map with title, logsource, detection");
    assertRejected("- a\n- b\n", Kind.INVALID)
        .isEqualTo(
            "not a Sigma rule: the file holds a list, not a map with title, logsource, detection");
  }

  @Test
  void aConditionNamingAnUnknownIdentifierIsInvalid() {
    assertRejected(
            cloudTrailRule(
                """
                selection:
                  eventName: StopLogging
                filter:
                  readOnly: true
                condition: selection and not filtr
                """),
            Kind.INVALID)
        .isEqualTo(
            "condition 'selection and not filtr' names 'filtr', which is not a search identifier"
                + " of the rule; it defines selection, filter");
    assertRejected(
            cloudTrailRule(
                STOP_LOGGING_DETECTION.replace("condition: selection", "condition: 1 of filter_*")),
            Kind.INVALID)
        .isEqualTo(
            "condition '1 of filter_*': '1 of filter_*' matches no search identifier; the rule"
                + " defines selection");
  }

  @Test
  void aMalformedConditionSaysWhatWasExpectedWhere() {
    assertRejected(condition("selection and"), Kind.INVALID)
        .isEqualTo(
            "condition 'selection and': expected a search identifier, 'not', '(', '1 of' or"
                + " 'all of' after 'and', found the end");
    assertRejected(condition("(selection"), Kind.INVALID)
        .isEqualTo("condition '(selection': expected ')' after 'selection', found the end");
    assertRejected(condition("selection selection"), Kind.INVALID)
        .isEqualTo(
            "condition 'selection selection': expected 'and', 'or' or the end after 'selection',"
                + " found 'selection'");
    assertRejected(condition("or selection"), Kind.INVALID)
        .isEqualTo(
            "condition 'or selection': expected a search identifier, 'not', '(', '1 of' or"
                + " 'all of' at the start, found 'or'");
    assertRejected(condition("''"), Kind.INVALID)
        .isEqualTo("the condition is empty; name a search identifier, e.g. 'condition: selection'");
  }

  @Test
  void aggregationsAndNearAreUnsupported() {
    assertRejected(condition("selection | count() by sourceIPAddress > 10"), Kind.UNSUPPORTED)
        .isEqualTo(
            "condition 'selection | count() by sourceIPAddress > 10' aggregates ('| count()' and"
                + " the like), which needs state across events; not supported");
    assertRejected(condition("selection and near selection"), Kind.UNSUPPORTED)
        .isEqualTo(
            "condition 'selection and near selection' uses 'near', which needs state across"
                + " events; not supported");
    assertRejected(condition("2 of selection*"), Kind.UNSUPPORTED)
        .isEqualTo(
            "condition '2 of selection*' uses '2 of'; only '1 of' (or 'any of') and 'all of' are"
                + " supported");
    assertRejected(cloudTrailRule(STOP_LOGGING_DETECTION + "timeframe: 5m\n"), Kind.UNSUPPORTED)
        .isEqualTo("'detection.timeframe' is not supported: it belongs to aggregations over time");
  }

  @Test
  void correlationRulesCollectionsAndFiltersAreUnsupported() {
    assertRejected(
            """
            title: Many failed sign-ins
            correlation:
              type: event_count
              rules:
                - failed_console_login
              group-by:
                - sourceIPAddress
              timespan: 10m
              condition:
                gte: 10
            """,
            Kind.UNSUPPORTED)
        .isEqualTo("correlation rules are not supported: they count or relate events over time");
    assertRejected(
            "action: global\ntitle: t\nlogsource:\n  product: aws\n  service: cloudtrail\n",
            Kind.UNSUPPORTED)
        .isEqualTo(
            "'action: global' rule collections are not supported; write each rule out in a file"
                + " of its own");
    assertRejected(
            cloudTrailRule(STOP_LOGGING_DETECTION)
                + "---\n"
                + cloudTrailRule(STOP_LOGGING_DETECTION),
            Kind.UNSUPPORTED)
        .isEqualTo(
            "the file holds 2 YAML documents: rule collections are not supported; write one rule"
                + " per file");
    assertRejected(
            """
            title: Not our admins
            logsource:
              product: aws
              service: cloudtrail
            filter:
              rules:
                - 4d7a1e5c-8b2f-4e3a-9c6d-1f0e2b3a4c5d
              selection:
                userIdentity.userName: admin
              condition: not selection
            """,
            Kind.UNSUPPORTED)
        .isEqualTo("Sigma filters (a 'filter' section) are not supported");
  }

  @Test
  void modifiersOutsideTheSupportedSetAreNamedWithTheirField() {
    assertRejected(field("requestParameters.x|base64offset|contains: secret"), Kind.UNSUPPORTED)
        .isEqualTo(
            "unsupported modifier 'base64offset' in field"
                + " 'requestParameters.x|base64offset|contains'");
    assertRejected(field("sourceIPAddress|cidr: 10.0.0.0/8"), Kind.UNSUPPORTED)
        .isEqualTo("unsupported modifier 'cidr' in field 'sourceIPAddress|cidr'");
    assertRejected(field("eventName|contans: Stop"), Kind.INVALID)
        .isEqualTo("unknown modifier 'contans' in field 'eventName|contans'");
    assertRejected(
            field("userIdentity.arn|fieldref|contains: requestParameters.userName"),
            Kind.UNSUPPORTED)
        .isEqualTo(
            "modifiers 'fieldref' and 'contains' cannot be combined in field"
                + " 'userIdentity.arn|fieldref|contains'");
  }

  @Test
  void modifiersThatContradictEachOtherAreInvalid() {
    assertRejected(field("eventName|contains|startswith: Stop"), Kind.INVALID)
        .isEqualTo(
            "modifiers 'contains' and 'startswith' cannot be combined in field"
                + " 'eventName|contains|startswith'");
    assertRejected(field("eventName|contains|contains: Stop"), Kind.INVALID)
        .isEqualTo("modifier 'contains' appears twice in field 'eventName|contains|contains'");
    assertRejected(field("eventName|i: stop"), Kind.INVALID)
        .isEqualTo("modifier 'i' belongs after 're' (re|i), in field 'eventName|i'");
    assertRejected(field("eventName|re|cased: Stop"), Kind.INVALID)
        .isEqualTo(
            "modifier 'cased' does not apply to 're', which is case-sensitive already ('re|i'"
                + " ignores case), in field 'eventName|re|cased'");
    assertRejected(field("errorCode|exists|all: true"), Kind.INVALID)
        .isEqualTo(
            "modifiers 'exists' and 'all' cannot be combined in field 'errorCode|exists|all'");
    assertRejected(field("errorCode|exists: maybe"), Kind.INVALID)
        .isEqualTo("field 'errorCode|exists' must be true or false, not maybe");
  }

  @Test
  void aRegularExpressionThatDoesNotCompileIsInvalid() {
    assertRejected(field("eventName|re: 'Stop(Logging'"), Kind.INVALID)
        .isEqualTo(
            "invalid regular expression 'Stop(Logging' in field 'eventName|re': Unclosed group"
                + " at index 12");
  }

  @Test
  void valuesOfTheWrongShapeAreInvalid() {
    assertRejected(field("errorCode:\n    - AccessDenied\n    - null"), Kind.INVALID)
        .isEqualTo(
            "field 'errorCode' lists null among its values; test null in a search identifier of"
                + " its own");
    assertRejected(field("userIdentity:\n    type: Root"), Kind.INVALID)
        .isEqualTo(
            "field 'userIdentity' has a map as its value; name nested fields with dots instead,"
                + " e.g. 'userIdentity.type'");
    assertRejected(field("eventName: []"), Kind.INVALID)
        .isEqualTo("field 'eventName' has an empty list of values");
    assertRejected(field("eventName|contains: null"), Kind.INVALID)
        .isEqualTo("field 'eventName|contains' is null, which takes no modifiers");
    assertRejected(field("userIdentity..type: Root"), Kind.INVALID)
        .isEqualTo(
            "'userIdentity..type' is not a field path: expected names joined by dots, e.g. a.b.c,"
                + " in field 'userIdentity..type'");
    assertRejected(cloudTrailRule("selection: StopLogging\ncondition: selection"), Kind.INVALID)
        .isEqualTo(
            "search identifier 'selection' must be a map of fields or a list, not 'StopLogging'");
    assertRejected(field("eventName: StopLogging\n  eventName: DeleteTrail"), Kind.INVALID)
        .isEqualTo("duplicate key 'eventName' at line 8");
  }

  @Test
  void anUnknownLevelIsInvalid() {
    assertRejected("level: severe\n" + cloudTrailRule(STOP_LOGGING_DETECTION), Kind.INVALID)
        .isEqualTo("level 'severe' is not one of informational, low, medium, high, critical");
  }

  @Test
  void yamlAliasesAreUnsupported() {
    assertRejected(
            cloudTrailRule(
                """
                selection:
                  eventName: &name StopLogging
                  requestParameters.name: *name
                condition: selection
                """),
            Kind.UNSUPPORTED)
        .isEqualTo("YAML aliases (*name) are not supported at line 8; repeat the value");
  }

  private static String condition(String condition) {
    return cloudTrailRule(
        STOP_LOGGING_DETECTION.replace("condition: selection", "condition: " + condition));
  }

  private static String field(String line) {
    return cloudTrailRule("selection:\n  " + line + "\ncondition: selection\n");
  }
}
