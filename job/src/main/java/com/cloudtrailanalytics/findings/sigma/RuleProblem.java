package com.cloudtrailanalytics.findings.sigma;

/**
 * A rule file that did not become a rule, and why.
 *
 * @param file the file as the loader found it, e.g. {@code rules/aws/stop_logging.yml}
 * @param reason one line
 */
public record RuleProblem(String file, Kind kind, String reason) {

  /** Why a file did not become a rule. */
  public enum Kind {
    /** Not a valid Sigma rule: bad YAML, a missing part, an unknown identifier or modifier. */
    INVALID,
    /** A valid rule that uses what this engine does not do (aggregations, some modifiers). */
    UNSUPPORTED,
    /** A rule for another log source than AWS CloudTrail: fine, but not for us. */
    SKIPPED
  }

  /** Whether the file is a mistake to fix, rather than a rule for other logs. */
  public boolean isError() {
    return kind != Kind.SKIPPED;
  }

  /** {@code file: reason}. */
  @Override
  public String toString() {
    return file + ": " + reason;
  }
}
