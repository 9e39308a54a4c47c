package com.cloudtrailanalytics.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {

  @TempDir Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final Cli cli =
      new Cli(
          new PrintStream(out, true, StandardCharsets.UTF_8),
          new PrintStream(err, true, StandardCharsets.UTF_8));

  @Test
  void helpListsEveryOptionOfEveryCommand() {
    assertThat(cli.run("--help")).isZero();
    String help = out.toString(StandardCharsets.UTF_8);
    for (List<Flag> flags :
        List.of(RunCommand.FLAGS, GenerateCommand.FLAGS, ReportCommand.FLAGS, DemoCommand.FLAGS)) {
      for (Flag flag : flags) {
        assertThat(help).contains("--" + flag.name());
      }
    }
    assertThat(help)
        .contains("--window <duration>", "Default: 5 min.", "--bounded\n", "-D<key>=<value>");
  }

  @Test
  void aReportNeedsItsTablesAndDaysThatAreDays() {
    assertThat(cli.run("report", "--out", "r.html")).isEqualTo(Cli.USAGE);
    assertThat(cli.run("report", "--tables", "nowhere-at-all")).isEqualTo(Cli.USAGE);
    assertThat(cli.run("report", "--tables", ".", "--from", "03/02/2025")).isEqualTo(Cli.USAGE);
    assertThat(errorLines())
        .containsExactly(
            "cloudtrail-analytics: report needs --tables: " + ReportCommand.USAGE,
            "cloudtrail-analytics: report: nowhere-at-all is not a folder",
            "cloudtrail-analytics: --from takes a day (YYYY-MM-DD): 03/02/2025");
  }

  @Test
  void withoutArgumentsPrintsHelpAndFails() {
    assertThat(cli.run()).isEqualTo(Cli.USAGE);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("Usage:");
  }

  @Test
  void anUnknownOptionIsOneLineAndExitCodeTwo() {
    assertThat(cli.run("--input", "x", "--outptu", "y")).isEqualTo(Cli.USAGE);
    assertThat(errorLines())
        .containsExactly("cloudtrail-analytics: unknown option --outptu (see --help)");
  }

  @Test
  void aValueOfTheWrongKindIsOneLine() {
    assertThat(cli.run("--input", "x", "--output", "y", "--window", "soon")).isEqualTo(Cli.USAGE);
    assertThat(errorLines())
        .containsExactly("cloudtrail-analytics: --window cannot be 'soon': expected <duration>");
  }

  @Test
  void aMissingValueIsOneLine() {
    assertThat(cli.run("--input", "x", "--output")).isEqualTo(Cli.USAGE);
    assertThat(errorLines())
        .containsExactly(
            "cloudtrail-analytics: --output needs a value: <dir | s3://bucket/prefix>");
  }

  @Test
  void aMissingOutputIsOneLine() {
    assertThat(cli.run("--input", dir.toString())).isEqualTo(Cli.USAGE);
    assertThat(errorLines())
        .containsExactly("cloudtrail-analytics: --output (cloudtrail.output) is not set");
  }

  @Test
  void anInputThatDoesNotExistIsOneLine() {
    Path missing = dir.resolve("no-such-trail");
    assertThat(
            cli.run(
                "--input",
                missing.toString(),
                "--output",
                dir.resolve("out").toString(),
                "--bounded"))
        .isEqualTo(Cli.USAGE);
    assertThat(errorLines())
        .containsExactly(
            "cloudtrail-analytics: --input "
                + missing.toUri().toString().replaceAll("/$", "")
                + " does not exist");
  }

  @Test
  void anUnknownTableIsOneLineAndExitCodeTwo() {
    assertThat(run("--tables", "user_activity,users")).isEqualTo(Cli.USAGE);

    assertThat(errorLines())
        .containsExactly(
            "cloudtrail-analytics: --tables names [users], which the job does not write; it writes"
                + " [console_login_summary, console_logins, events, findings, insight_events, late_events,"
                + " region_activity, rejects, source_files, user_activity]");
  }

  @Test
  void aMissingGeoDatabaseIsOneLineAndExitCodeTwo() {
    Path missing = dir.resolve("GeoLite2-City.mmdb");

    assertThat(run("--geoip-db", missing.toString())).isEqualTo(Cli.USAGE);

    assertThat(errorLines())
        .containsExactly("cloudtrail-analytics: --geoip-db " + missing.toUri() + " does not exist");
  }

  @Test
  void aCorruptGeoDatabaseIsOneLineAndExitCodeTwo() throws Exception {
    Path corrupt = Files.write(dir.resolve("GeoLite2-ASN.mmdb"), new byte[] {1, 2, 3, 4});

    assertThat(run("--asn-db", corrupt.toString())).isEqualTo(Cli.USAGE);

    assertThat(errorLines())
        .singleElement()
        .asString()
        .startsWith(
            "cloudtrail-analytics: --asn-db "
                + corrupt.toUri()
                + " is not a readable MaxMind DB file: ");
  }

  @Test
  void anUnknownFlinkKeyIsPassedThrough() {
    assertThat(
            cli.run(
                "--input",
                dir.resolve("missing").toString(),
                "--output",
                "o",
                "-Dstate.backend.type=hashmap"))
        .isEqualTo(Cli.USAGE);
    assertThat(errorLines()).singleElement().asString().contains("does not exist");
  }

  @Test
  void generateWritesATrailInCloudTrailsLayout() throws Exception {
    Path bucket = dir.resolve("bucket");
    int code =
        cli.run(
            "generate",
            "--output",
            bucket.toString(),
            "--accounts",
            "1",
            "--regions",
            "2",
            "--hours",
            "1",
            "--events",
            "300",
            "--start",
            "2024-03-01T00:00:00Z");

    assertThat(code).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("Wrote 307 events in ");
    try (Stream<Path> files = Files.walk(bucket)) {
      List<String> logs =
          files
              .map(Path::toString)
              .filter(p -> p.contains("/CloudTrail/"))
              .filter(p -> p.endsWith(".json.gz"))
              .toList();
      assertThat(logs)
          .isNotEmpty()
          .allMatch(
              p ->
                  p.matches(
                      ".*/AWSLogs/123456789012/CloudTrail/(us-east-1|eu-west-1)/2024/03/01/123456789012_CloudTrail_(us-east-1|eu-west-1)_20240301T0\\d{3}Z_[A-Za-z0-9]{16}\\.json\\.gz"));
    }
  }

  @Test
  void generateRefusesImpossibleSettings() {
    assertThat(cli.run("generate", "--output", dir.toString(), "--regions", "11"))
        .isEqualTo(Cli.USAGE);
    assertThat(errorLines())
        .singleElement()
        .asString()
        .startsWith("cloudtrail-analytics: generate: need accounts >= 1");
  }

  /** Runs the job over an empty trail with the given extra arguments. */
  private int run(String... extra) {
    List<String> arguments =
        new ArrayList<>(
            List.of(
                "--input", dir.toString(), "--output", dir.resolve("out").toString(), "--bounded"));
    arguments.addAll(List.of(extra));
    return cli.run(arguments.toArray(String[]::new));
  }

  private List<String> errorLines() {
    return err.toString(StandardCharsets.UTF_8).lines().toList();
  }
}
