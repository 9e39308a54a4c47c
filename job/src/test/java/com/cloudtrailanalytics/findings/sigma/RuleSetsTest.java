package com.cloudtrailanalytics.findings.sigma;

import static com.cloudtrailanalytics.findings.sigma.TestRules.cloudTrailRule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cloudtrailanalytics.config.DetectionSettings;
import com.cloudtrailanalytics.config.InvalidSettingException;
import com.cloudtrailanalytics.config.JobOptions;
import com.cloudtrailanalytics.config.JobSettings;
import com.cloudtrailanalytics.run.FileSystemSetup;
import com.cloudtrailanalytics.testing.S3Server;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which rules a run uses: the built-in ones, --rules folders, and what is left out and why. */
class RuleSetsTest {

  private static final String MY_RULE =
      "id: my-stop-logging\n"
          + cloudTrailRule("selection:\n  eventName: StopLogging\ncondition: selection\n");
  private static final String UNSUPPORTED =
      cloudTrailRule("selection:\n  userAgent|base64offset|contains: x\ncondition: selection\n");

  @TempDir Path dir;

  @Test
  void builtInRulesAndAFoldersRulesRunTogetherAndUnusableFilesAreReportedByFileAndReason()
      throws Exception {
    Files.writeString(dir.resolve("my-stop-logging.yml"), MY_RULE);
    Files.writeString(dir.resolve("encoded.yml"), UNSUPPORTED);

    LoadedRules loaded = RuleSets.load(settings(false, dir.toString()));

    int builtIn = RuleSets.builtIn(new SigmaRuleLoader()).rules().size();
    assertThat(builtIn).isEqualTo(19);
    assertThat(loaded.rules()).hasSize(builtIn + 1);
    assertThat(loaded.rules()).last().extracting(SigmaRule::id).isEqualTo("my-stop-logging");
    assertThat(loaded.problems())
        .singleElement()
        .satisfies(
            problem -> {
              assertThat(problem.file()).endsWith("encoded.yml");
              assertThat(problem.reason()).contains("base64offset");
              assertThat(problem.isError()).isTrue();
            });
  }

  @Test
  void withoutTheDefaultRulesOnlyTheFoldersRulesRun() throws Exception {
    Files.writeString(dir.resolve("my-stop-logging.yml"), MY_RULE);

    LoadedRules loaded = RuleSets.load(settings(true, dir.toString()));

    assertThat(loaded.rules()).extracting(SigmaRule::id).containsExactly("my-stop-logging");
  }

  @Test
  void aRuleWithTheIdOfARuleAlreadyLoadedIsReportedAndTheFirstRuns() throws Exception {
    Path first = Files.createDirectories(dir.resolve("first"));
    Path second = Files.createDirectories(dir.resolve("second"));
    Files.writeString(first.resolve("a.yml"), MY_RULE);
    Files.writeString(second.resolve("b.yml"), MY_RULE.replace("StopLogging", "DeleteTrail"));

    LoadedRules loaded = RuleSets.load(settings(true, first + "," + second));

    assertThat(loaded.rules())
        .singleElement()
        .extracting(SigmaRule::source)
        .asString()
        .endsWith("a.yml");
    assertThat(loaded.problems())
        .singleElement()
        .hasToString(
            second.resolve("b.yml") + ": rule id my-stop-logging is already used by another rule");
  }

  @Test
  void rulesAreReadFromAFolderOnS3() throws Exception {
    Path local = Files.createDirectories(dir.resolve("upload/sigma/cloudtrail"));
    Files.writeString(local.resolve("my-stop-logging.yml"), MY_RULE);
    Files.writeString(local.resolve("encoded.yml"), UNSUPPORTED);
    Files.writeString(local.resolve("README.md"), "not a rule");
    try (S3Server s3 = S3Server.start(dir.resolve("s3"))) {
      s3.bucket("rules");
      s3.upload(dir.resolve("upload"), "rules");
      FileSystemSetup.initialize(s3.clientConfig());

      LoadedRules loaded = RuleSets.load(settings(true, "s3://rules/sigma"));

      assertThat(loaded.rules()).extracting(SigmaRule::id).containsExactly("my-stop-logging");
      assertThat(loaded.rules().get(0).source())
          .isEqualTo("s3://rules/sigma/cloudtrail/my-stop-logging.yml");
      assertThat(loaded.problems())
          .singleElement()
          .satisfies(
              problem ->
                  assertThat(problem.file()).isEqualTo("s3://rules/sigma/cloudtrail/encoded.yml"));
    }
  }

  @Test
  void aRulesFolderThatIsNotThereStopsTheStartWithTheFlag() {
    assertThatThrownBy(() -> RuleSets.load(settings(true, dir.resolve("missing").toString())))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageStartingWith(
            "--rules (cloudtrail.rules) is "
                + dir.resolve("missing").toUri().toString().replaceAll("/$", "")
                + ", which cannot be read");
  }

  private DetectionSettings settings(boolean noDefaultRules, String rules) {
    Configuration config = new Configuration();
    config.set(JobOptions.INPUT, dir.toString());
    config.set(JobOptions.OUTPUT, dir.resolve("output").toString());
    config.set(JobOptions.NO_DEFAULT_RULES, noDefaultRules);
    config.set(JobOptions.RULES, List.of(rules));
    return JobSettings.from(config).detections();
  }
}
