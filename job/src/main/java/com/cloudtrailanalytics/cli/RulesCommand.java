package com.cloudtrailanalytics.cli;

import com.cloudtrailanalytics.findings.sigma.LoadedRules;
import com.cloudtrailanalytics.findings.sigma.RuleProblem;
import com.cloudtrailanalytics.findings.sigma.SigmaRule;
import com.cloudtrailanalytics.findings.sigma.SigmaRuleLoader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code rules check <dir>...}: loads Sigma rules as the job would and lists each rule and each
 * file it cannot use. Fails when a rule is invalid or unsupported; rules for other log sources are
 * listed as skipped, which is fine.
 */
final class RulesCommand {

  static final String USAGE = "rules check <dir>...";

  private RulesCommand() {}

  static int run(List<String> args, PrintStream out) throws UsageException, IOException {
    if (args.isEmpty() || !args.get(0).equals("check")) {
      throw new UsageException(
          (args.isEmpty() ? "rules needs a command" : "unknown rules command '" + args.get(0) + "'")
              + ": expected "
              + USAGE);
    }
    List<Path> roots = roots(args.subList(1, args.size()));
    LoadedRules loaded = new SigmaRuleLoader().load(roots);
    if (loaded.rules().isEmpty() && loaded.problems().isEmpty()) {
      throw new UsageException(
          "rules check: no *.yml or *.yaml file under "
              + String.join(" ", args.subList(1, args.size())));
    }
    for (SigmaRule rule : loaded.rules()) {
      out.printf("%s  %-13s  %s%n", rule.id(), rule.severity().label(), rule.title());
    }
    for (RuleProblem problem : loaded.problems()) {
      out.println(problem);
    }
    int errors = loaded.errors().size();
    out.printf(
        "rules: %d loaded, %d skipped (not CloudTrail), %d invalid or unsupported%n",
        loaded.rules().size(), loaded.skipped().size(), errors);
    return errors == 0 ? Cli.OK : Cli.FAILED;
  }

  private static List<Path> roots(List<String> args) throws UsageException {
    if (args.isEmpty()) {
      throw new UsageException("rules check needs at least one folder of rules: " + USAGE);
    }
    List<Path> roots = new ArrayList<>(args.size());
    for (String arg : args) {
      if (arg.startsWith("-")) {
        throw new UsageException("rules check takes no options, only folders: " + USAGE);
      }
      Path root = Path.of(arg);
      if (!Files.exists(root)) {
        throw new UsageException("rules check: " + arg + " does not exist");
      }
      roots.add(root);
    }
    return roots;
  }
}
