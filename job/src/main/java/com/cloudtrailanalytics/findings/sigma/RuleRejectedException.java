package com.cloudtrailanalytics.findings.sigma;

/** A rule file that cannot become a rule; the message is one line and names what to change. */
final class RuleRejectedException extends Exception {

  private final RuleProblem.Kind kind;

  RuleRejectedException(RuleProblem.Kind kind, String reason) {
    super(reason);
    this.kind = kind;
  }

  static RuleRejectedException invalid(String reason) {
    return new RuleRejectedException(RuleProblem.Kind.INVALID, reason);
  }

  static RuleRejectedException unsupported(String reason) {
    return new RuleRejectedException(RuleProblem.Kind.UNSUPPORTED, reason);
  }

  RuleProblem.Kind kind() {
    return kind;
  }
}
