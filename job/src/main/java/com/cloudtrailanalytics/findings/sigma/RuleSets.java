package com.cloudtrailanalytics.findings.sigma;

import com.cloudtrailanalytics.config.DetectionSettings;
import com.cloudtrailanalytics.config.InvalidSettingException;
import com.cloudtrailanalytics.config.JobOptions;
import com.cloudtrailanalytics.config.JobSettings;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.flink.core.fs.FileStatus;
import org.apache.flink.core.fs.FileSystem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Sigma rules a run uses: the built-in ones (the jar's {@code rules/}) unless turned off, and
 * every {@code --rules} folder, local or on S3. Each rule file that cannot be used is logged at
 * start with the reason, and the rest run.
 */
public final class RuleSets {

  /** Where the built-in rules are on the class path (the repository's {@code rules/}). */
  public static final String BUILT_IN = "rules";

  private static final Logger LOG = LoggerFactory.getLogger(RuleSets.class);

  private RuleSets() {}

  /** The rules to run, and the problems of the files left out (already logged). */
  public static LoadedRules load(DetectionSettings settings) {
    SigmaRuleLoader loader = new SigmaRuleLoader();
    List<SigmaRule> rules = new ArrayList<>();
    List<RuleProblem> problems = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    int builtIn = 0;
    if (settings.defaultRules()) {
      builtIn = add(builtIn(loader), rules, problems, ids);
    }
    for (String location : settings.ruleLocations()) {
      add(fromLocation(loader, location), rules, problems, ids);
    }
    for (RuleProblem problem : problems) {
      if (problem.isError()) {
        LOG.warn("Sigma rule not used: {}", problem);
      } else {
        LOG.info("Sigma rule not used: {}", problem);
      }
    }
    long errors = problems.stream().filter(RuleProblem::isError).count();
    LOG.info(
        "Sigma rules: {} run ({} built in, {} from --rules); {} files for other log sources,"
            + " {} invalid or unsupported",
        rules.size(),
        builtIn,
        rules.size() - builtIn,
        problems.size() - errors,
        errors);
    return new LoadedRules(rules, problems);
  }

  /**
   * The built-in rules, which must all load (a broken one fails the build's tests), each named by
   * its path in the repository ({@code rules/...}) rather than where the class path keeps it.
   */
  public static LoadedRules builtIn(SigmaRuleLoader loader) {
    LoadedRules loaded;
    try {
      loaded = loader.loadResources(RuleSets.class.getClassLoader(), BUILT_IN);
    } catch (IOException e) {
      throw new IllegalStateException("the built-in rules are missing from the class path", e);
    }
    return new LoadedRules(
        loaded.rules().stream().map(rule -> rule.withSource(inRepository(rule.source()))).toList(),
        loaded.problems().stream()
            .map(p -> new RuleProblem(inRepository(p.file()), p.kind(), p.reason()))
            .toList());
  }

  private static String inRepository(String classPathFile) {
    int folder = classPathFile.lastIndexOf("/" + BUILT_IN + "/");
    return folder < 0 ? classPathFile : classPathFile.substring(folder + 1);
  }

  private static int add(
      LoadedRules loaded, List<SigmaRule> rules, List<RuleProblem> problems, Set<String> ids) {
    int added = 0;
    for (SigmaRule rule : loaded.rules()) {
      if (ids.add(rule.id())) {
        rules.add(rule);
        added++;
      } else {
        problems.add(
            new RuleProblem(
                rule.source(),
                RuleProblem.Kind.INVALID,
                "rule id " + rule.id() + " is already used by another rule"));
      }
    }
    problems.addAll(loaded.problems());
    return added;
  }

  private static LoadedRules fromLocation(SigmaRuleLoader loader, String location) {
    try {
      URI uri = URI.create(location);
      if ("file".equals(uri.getScheme())) {
        return loader.load(Path.of(uri));
      }
      List<RuleFile> files = new ArrayList<>();
      org.apache.flink.core.fs.Path root = new org.apache.flink.core.fs.Path(uri);
      read(root.getFileSystem(), root, files);
      return loader.compile(files);
    } catch (IOException | RuntimeException e) {
      throw new InvalidSettingException(
          JobSettings.describe(JobOptions.RULES)
              + " is "
              + location
              + ", which cannot be read: "
              + e.getMessage(),
          e);
    }
  }

  private static void read(
      FileSystem fileSystem, org.apache.flink.core.fs.Path path, List<RuleFile> files)
      throws IOException {
    FileStatus status = fileSystem.getFileStatus(path);
    if (!status.isDir()) {
      if (SigmaRuleLoader.isRuleFileName(path.getName())) {
        try (InputStream in = fileSystem.open(path)) {
          files.add(
              new RuleFile(path.toString(), new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        }
      }
      return;
    }
    FileStatus[] children = fileSystem.listStatus(path);
    java.util.Arrays.sort(children, java.util.Comparator.comparing(c -> c.getPath().getName()));
    for (FileStatus child : children) {
      read(fileSystem, child.getPath(), files);
    }
  }
}
