package com.cloudtrailanalytics.findings.sigma;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.api.AbstractStringAssert;

/** Rules written in the tests, compiled the way the loader compiles rule files. */
final class TestRules {

  static final String FILE = "rules/test_rule.yml";

  private TestRules() {}

  /** A whole rule file's text. */
  static SigmaRule rule(String yaml) {
    try {
      return SigmaRuleReader.read(FILE, yaml);
    } catch (RuleRejectedException e) {
      throw new AssertionError("the rule did not compile: " + e.getMessage(), e);
    }
  }

  /** A CloudTrail rule with this {@code detection} section, written without indentation. */
  static SigmaRule detection(String detection) {
    return rule(cloudTrailRule(detection));
  }

  /**
   * A CloudTrail rule whose condition is its one selection, of these {@code field: value} lines.
   */
  static SigmaRule selection(String... fieldLines) {
    return detection(
        "selection:\n  " + String.join("\n  ", fieldLines) + "\ncondition: selection\n");
  }

  static String cloudTrailRule(String detection) {
    return """
        title: A rule under test
        logsource:
          product: aws
          service: cloudtrail
        detection:
        """
        + detection.indent(2);
  }

  /** Asserts that the file is refused, and on its message. */
  static AbstractStringAssert<?> assertRejected(String yaml, RuleProblem.Kind kind) {
    String[] message = new String[1];
    assertThatThrownBy(() -> SigmaRuleReader.read(FILE, yaml))
        .isInstanceOfSatisfying(
            RuleRejectedException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(kind);
              message[0] = e.getMessage();
            });
    return assertThat(message[0]);
  }
}
