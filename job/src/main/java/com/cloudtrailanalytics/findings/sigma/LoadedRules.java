package com.cloudtrailanalytics.findings.sigma;

import java.util.List;

/**
 * What loading rule files gave: the rules that compiled, and a problem for every file that did not
 * become a rule (including rules for other log sources, which are skipped).
 */
public record LoadedRules(List<SigmaRule> rules, List<RuleProblem> problems) {

  public LoadedRules {
    rules = List.copyOf(rules);
    problems = List.copyOf(problems);
  }

  /** The problems to fix: invalid or unsupported rules, not the skipped ones. */
  public List<RuleProblem> errors() {
    return problems.stream().filter(RuleProblem::isError).toList();
  }

  /** The rules for other log sources than CloudTrail. */
  public List<RuleProblem> skipped() {
    return problems.stream().filter(problem -> !problem.isError()).toList();
  }
}
