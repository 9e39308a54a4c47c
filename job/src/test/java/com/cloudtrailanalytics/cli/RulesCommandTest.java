package com.cloudtrailanalytics.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RulesCommandTest {

  private static final String STOP_LOGGING =
      """
      title: CloudTrail logging stopped
      id: 4d7a1e5c-8b2f-4e3a-9c6d-1f0e2b3a4c5d
      logsource:
        product: aws
        service: cloudtrail
      detection:
        selection:
          eventSource: cloudtrail.amazonaws.com
          eventName: StopLogging
        condition: selection
      level: high
      """;
  private static final String FAILED_SIGN_IN =
      """
      title: Console sign-in failed without MFA
      logsource:
        product: aws
        service: cloudtrail
      detection:
        selection:
          eventName: ConsoleLogin
          responseElements.ConsoleLogin: Failure
          additionalEventData.MFAUsed: 'No'
        condition: selection
      """;
  private static final String WHOAMI =
      """
      title: Whoami
      logsource:
        product: windows
        category: process_creation
      detection:
        selection:
          Image|endswith: '\\whoami.exe'
        condition: selection
      """;

  @TempDir Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final Cli cli =
      new Cli(
          new PrintStream(out, true, StandardCharsets.UTF_8),
          new PrintStream(err, true, StandardCharsets.UTF_8));

  @Test
  void listsEachRuleAndSkippedFileAndSucceeds() throws IOException {
    write("aws/stop_logging.yml", STOP_LOGGING);
    write("aws/failed_sign_in.yml", FAILED_SIGN_IN);
    write("windows/whoami.yml", WHOAMI);

    assertThat(cli.run("rules", "check", dir.toString())).isEqualTo(Cli.OK);

    assertThat(outputLines())
        .containsExactly(
            "failed_sign_in  medium         Console sign-in failed without MFA",
            "4d7a1e5c-8b2f-4e3a-9c6d-1f0e2b3a4c5d  high           CloudTrail logging stopped",
            dir.resolve("windows/whoami.yml")
                + ": skipped: logsource {product: windows, category: process_creation} is not"
                + " AWS CloudTrail (product: aws, service: cloudtrail)",
            "rules: 2 loaded, 1 skipped (not CloudTrail), 0 invalid or unsupported");
    assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void anInvalidOrUnsupportedRuleFailsTheCheckAndTheOthersAreStillListed() throws IOException {
    write("stop_logging.yml", STOP_LOGGING);
    write(
        "encoded.yml",
        STOP_LOGGING.replace("eventName:", "eventName|base64:").replace("4d7a", "5e8b"));
    Path second = dir.resolve("more");
    write(
        "more/broken.yml",
        FAILED_SIGN_IN.replace("condition: selection", "condition: selection and"));

    assertThat(
            cli.run(
                "rules",
                "check",
                dir.resolve("stop_logging.yml").toString(),
                dir.resolve("encoded.yml").toString(),
                second.toString()))
        .isEqualTo(Cli.FAILED);

    assertThat(outputLines())
        .containsExactly(
            "4d7a1e5c-8b2f-4e3a-9c6d-1f0e2b3a4c5d  high           CloudTrail logging stopped",
            dir.resolve("encoded.yml")
                + ": unsupported modifier 'base64' in field 'eventName|base64'",
            dir.resolve("more/broken.yml")
                + ": condition 'selection and': expected a search identifier, 'not', '(', '1 of'"
                + " or 'all of' after 'and', found the end",
            "rules: 1 loaded, 0 skipped (not CloudTrail), 2 invalid or unsupported");
  }

  @Test
  void withoutAFolderItIsAUsageError() {
    assertThat(cli.run("rules", "check")).isEqualTo(Cli.USAGE);

    assertThat(errorLines())
        .containsExactly(
            "cloudtrail-analytics: rules check needs at least one folder of rules: rules check"
                + " <dir>...");
    assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void aFolderThatDoesNotExistIsAUsageError() {
    Path missing = dir.resolve("no-rules");

    assertThat(cli.run("rules", "check", missing.toString())).isEqualTo(Cli.USAGE);

    assertThat(errorLines())
        .containsExactly("cloudtrail-analytics: rules check: " + missing + " does not exist");
  }

  @Test
  void aFolderWithoutRuleFilesIsAUsageError() throws IOException {
    write("README.md", "rules go here");

    assertThat(cli.run("rules", "check", dir.toString())).isEqualTo(Cli.USAGE);

    assertThat(errorLines())
        .containsExactly("cloudtrail-analytics: rules check: no *.yml or *.yaml file under " + dir);
  }

  @Test
  void anUnknownRulesCommandIsAUsageError() {
    assertThat(cli.run("rules", "lint", dir.toString())).isEqualTo(Cli.USAGE);
    assertThat(cli.run("rules")).isEqualTo(Cli.USAGE);

    assertThat(errorLines())
        .containsExactly(
            "cloudtrail-analytics: unknown rules command 'lint': expected rules check <dir>...",
            "cloudtrail-analytics: rules needs a command: expected rules check <dir>...");
  }

  @Test
  void helpListsTheRulesCommand() {
    assertThat(cli.run("--help")).isZero();

    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("java -jar cloudtrail-analytics.jar rules check <dir>...")
        .contains("a rule cannot be used");
  }

  private void write(String relative, String text) throws IOException {
    Path file = dir.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  private List<String> outputLines() {
    return out.toString(StandardCharsets.UTF_8).lines().toList();
  }

  private List<String> errorLines() {
    return err.toString(StandardCharsets.UTF_8).lines().toList();
  }
}
