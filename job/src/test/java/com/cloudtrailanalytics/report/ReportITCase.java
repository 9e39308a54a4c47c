package com.cloudtrailanalytics.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.cloudtrailanalytics.cli.Cli;
import com.cloudtrailanalytics.config.JobOptions;
import com.cloudtrailanalytics.config.TableNames;
import com.cloudtrailanalytics.sample.SyntheticTrail;
import com.cloudtrailanalytics.testing.ChromiumPage;
import com.cloudtrailanalytics.testing.HeadlessChromium;
import com.cloudtrailanalytics.testing.MiniClusters;
import com.cloudtrailanalytics.testing.S3Server;
import com.cloudtrailanalytics.testing.SampleRun;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report of the sample run, written as the command writes it and rendered in a real headless
 * Chromium: every panel drew its data, and the page made no error. Screenshots go to
 * target/report/.
 */
class ReportITCase {

  @RegisterExtension
  static final MiniClusterExtension CLUSTER = MiniClusters.oneTaskManagerTwoSlots();

  private static final Path OUTPUT = Path.of("target/report");

  /** What each panel of the page drew, by the page's own elements. */
  private static final String DRAWN =
      "[...document.querySelectorAll('.panel')].map(panel => ({"
          + " query: panel.dataset.panel,"
          + " chart: panel.dataset.chart,"
          + " rows: Number(panel.dataset.rows),"
          + " rowCount: Number(panel.dataset.rowCount),"
          + " more: panel.querySelector('.more') ? panel.querySelector('.more').textContent : null,"
          + " empty: panel.querySelector('.empty') ? panel.querySelector('.empty').textContent : null,"
          + " marks: panel.querySelectorAll('svg path, svg circle, svg rect').length,"
          + " tableRows: panel.querySelectorAll('tbody tr').length }))";

  private static final String ANONYMOUS =
      "org.apache.hadoop.fs.s3a.AnonymousAWSCredentialsProvider";

  @TempDir static Path dir;

  private static Report.Written sample;
  private static Report.Written empty;
  private static HeadlessChromium chromium;

  @BeforeAll
  static void writeReports() throws Exception {
    SampleRun run = SampleRun.get();
    Files.createDirectories(OUTPUT);
    sample =
        Report.write(
            new Report.Settings(
                run.output, "the sample run", null, null, "nicholas", SyntheticTrail.WEB_SERVER),
            OUTPUT.resolve("report.html"));
    empty =
        Report.write(
            new Report.Settings(dir, "an empty folder", null, null, null, null),
            dir.resolve("empty.html"));
    Optional<Path> executable = HeadlessChromium.executable();
    if (executable.isPresent()) {
      chromium = HeadlessChromium.start(executable.get(), OUTPUT.resolve("chromium.log"));
    }
  }

  @AfterAll
  static void stopChromium() throws Exception {
    if (chromium != null) {
      chromium.close();
    }
  }

  @Test
  void everyPanelOfTheSampleRunHasDataAndTheRangeIsItsDays() {
    int panels =
        Dashboards.load().dashboards().stream()
            .mapToInt(dashboard -> dashboard.panels().size())
            .sum();
    assertThat(sample.panels()).isEqualTo(panels);
    assertThat(sample.panelsWithData()).isEqualTo(panels);
    assertThat(sample.parameters())
        .containsEntry("from", SampleRun.FIRST_DAY)
        .containsEntry("to", SampleRun.LAST_DAY);
  }

  @Test
  void aDayWithEveryFileReadWholeIsAllClearNotMissingData() throws Exception {
    Report.Written firstDay =
        Report.write(
            new Report.Settings(
                SampleRun.get().output,
                "the sample run's first day",
                SampleRun.FIRST_DAY,
                SampleRun.FIRST_DAY,
                "nicholas",
                SyntheticTrail.WEB_SERVER),
            dir.resolve("first-day.html"));

    assertThat(firstDay.panelsAllClear()).isEqualTo(2);
    assertThat(sample.panelsAllClear())
        .as("the last day has a file rejected, one skipped")
        .isZero();
    List<JsonNode> inputHealth =
        pageData(firstDay.file()).get("dashboards").findValues("panels").stream()
            .flatMap(panels -> StreamSupport.stream(panels.spliterator(), false))
            .filter(panel -> panel.get("allClear").asBoolean())
            .toList();
    assertThat(inputHealth)
        .extracting(panel -> panel.get("query").asText(), panel -> panel.get("empty").asText())
        .containsExactly(
            tuple(
                "unread_input_by_reason",
                "Nothing set aside; every file listed was read whole, every record kept."),
            tuple("files_not_read_whole", "Every file listed was read whole."));
  }

  @Test
  void thePageWorksOfflineWithEverythingInlined() throws Exception {
    String html = Files.readString(sample.file());
    assertThat(html)
        .doesNotContainPattern("<script[^>]+src=")
        .doesNotContain("<link")
        .doesNotContainPattern("url\\(\\s*['\"]?https?:")
        .contains("echarts.registerMap")
        .contains("Apache ECharts");
    assertThat(sample.bytes()).isLessThan(4_000_000);
  }

  @Test
  void withoutTablesEveryPanelSaysWhichTableIsMissing() {
    assertThat(empty.panels()).isEqualTo(sample.panels());
    assertThat(empty.panelsWithData()).isZero();
    assertThat(empty.parameters()).doesNotContainKeys("from", "to", "person", "instance");
  }

  @Test
  void everyPanelDrawsItsDataInABrowserWithoutErrors() throws Exception {
    assumeChromium();
    Instant opened = Instant.now();
    try (ChromiumPage page = chromium.open(sample.file().toAbsolutePath(), drawn())) {
      Duration render = Duration.between(opened, Instant.now());
      System.out.printf(
          "The report (%,d KB) rendered in %d ms%n", sample.bytes() / 1024, render.toMillis());
      page.screenshot(OUTPUT.resolve("report-full.png"), true);
      page.screenshot(OUTPUT.resolve("report-top.png"), false);
      page.evaluate(
          "document.querySelector('[data-panel=console_login_locations]').scrollIntoView()");
      page.screenshot(OUTPUT.resolve("report-sign-ins.png"), false);

      List<String> failures = new ArrayList<>();
      JsonNode panels = page.evaluate(DRAWN);
      assertThat(panels).hasSize(sample.panels());
      for (JsonNode panel : panels) {
        String problem = problem(panel);
        if (problem != null) {
          failures.add(panel.get("query").asText() + ": " + problem + " " + panel);
        }
      }
      assertThat(failures).isEmpty();
      assertThat(panels)
          .as("a long table and a long bar chart show their first rows only")
          .anySatisfy(panel -> assertThat(panel.get("chart").asText()).isEqualTo("table"))
          .filteredOn(panel -> panel.get("rowCount").asInt() > panel.get("rows").asInt())
          .extracting(panel -> panel.get("chart").asText())
          .contains("table", "bar");
      assertThat(page.problems()).isEmpty();
    }
  }

  @Test
  void theEmptyReportShowsEmptyStatesWithoutErrors() throws Exception {
    assumeChromium();
    try (ChromiumPage page = chromium.open(empty.file().toAbsolutePath(), drawn())) {
      JsonNode panels = page.evaluate(DRAWN);
      assertThat(panels).hasSize(empty.panels());
      for (JsonNode panel : panels) {
        assertThat(panel.get("empty").asText()).startsWith("No data in the ");
        assertThat(panel.get("marks").asInt() + panel.get("tableRows").asInt()).isZero();
      }
      assertThat(page.problems()).isEmpty();
    }
  }

  @Test
  void aReportOnS3CopiesTheDaysInRangeAndAnswersAsTheLocalFolderDoes() throws Exception {
    Path work = Files.createDirectories(dir.resolve("s3-report"));
    Path upload = work.resolve("upload");
    int lastDayFiles = copyTables(SampleRun.get().output, upload.resolve("output"));
    try (S3Server s3 = S3Server.start(work.resolve("s3"))) {
      s3.bucket("tables");
      s3.upload(upload, "tables");
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);

      int code =
          new Cli(print, print)
              .run(
                  "report",
                  "--tables",
                  "s3://tables/output",
                  "--out",
                  work.resolve("from-s3.html").toString(),
                  "--from",
                  SampleRun.LAST_DAY,
                  "--to",
                  SampleRun.LAST_DAY,
                  "--person",
                  "nicholas",
                  "--instance",
                  SyntheticTrail.WEB_SERVER,
                  "--s3-endpoint",
                  s3.endpoint(),
                  "--s3-path-style",
                  "-D" + JobOptions.S3_CREDENTIALS_PROVIDER.key() + "=" + ANONYMOUS);

      assertThat(code).as(out.toString(StandardCharsets.UTF_8)).isZero();
      assertThat(out.toString(StandardCharsets.UTF_8))
          .contains("Copied " + lastDayFiles + " table files from s3://tables/output")
          .contains(SampleRun.LAST_DAY + " to " + SampleRun.LAST_DAY);
    }
    Report.Written local =
        Report.write(
            new Report.Settings(
                SampleRun.get().output,
                "s3://tables/output",
                SampleRun.LAST_DAY,
                SampleRun.LAST_DAY,
                "nicholas",
                SyntheticTrail.WEB_SERVER),
            work.resolve("local.html"));
    JsonNode fromS3 = pageData(work.resolve("from-s3.html"));
    JsonNode fromFolder = pageData(local.file());
    assertThat(fromS3.get("subject")).isEqualTo(fromFolder.get("subject"));
    List<JsonNode> s3Panels = fromS3.findValues("panels");
    List<JsonNode> folderPanels = fromFolder.findValues("panels");
    assertThat(s3Panels).hasSameSizeAs(folderPanels);
    for (int i = 0; i < s3Panels.size(); i++) {
      for (int j = 0; j < s3Panels.get(i).size(); j++) {
        JsonNode panel = s3Panels.get(i).get(j);
        JsonNode same = folderPanels.get(i).get(j);
        assertThat(panel.get("rowCount"))
            .as(panel.get("query").asText())
            .isEqualTo(same.get("rowCount"));
        if (panel.get("rowCount").asInt() == panel.get("rows").size()) {
          // rows that tie in a query's order may come in any order
          assertThat(panel.get("rows"))
              .as(panel.get("query").asText())
              .containsExactlyInAnyOrderElementsOf(same.get("rows"));
        }
      }
    }
  }

  /**
   * The committed files of the job's tables, copied with their layout; how many of the last day.
   */
  private static int copyTables(Path output, Path copy) throws IOException {
    int lastDay = 0;
    try (Stream<Path> files = Files.walk(output)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Path relative = output.relativize(file);
        String table = relative.getName(0).toString();
        boolean committed =
            TableNames.ALL.contains(table)
                && relative.getNameCount() == TableNames.partitionColumns(table).size() + 2
                && !file.getFileName().toString().startsWith(".")
                && !file.getFileName().toString().startsWith("_");
        if (committed) {
          Files.createDirectories(copy.resolve(relative).getParent());
          Files.copy(file, copy.resolve(relative));
          boolean needed =
              relative.getName(1).toString().equals("dt=" + SampleRun.LAST_DAY)
                  || table.equals(TableNames.CONSOLE_LOGINS);
          lastDay += needed ? 1 : 0;
        }
      }
    }
    return lastDay;
  }

  /** The data a report page draws, but for when it was written. */
  private static JsonNode pageData(Path page) throws IOException {
    Matcher data =
        Pattern.compile("<script id=\"report-data\" type=\"application/json\">(.*?)</script>")
            .matcher(Files.readString(page));
    assertThat(data.find()).isTrue();
    ObjectNode json = (ObjectNode) new ObjectMapper().readTree(data.group(1));
    json.remove("written");
    return json;
  }

  /** Why a panel did not draw its data, or null when it did. */
  private static String problem(JsonNode panel) {
    int rows = panel.get("rows").asInt();
    int marks = panel.get("marks").asInt();
    if (rows == 0 || !panel.get("empty").isNull()) {
      return "no data";
    }
    int rowCount = panel.get("rowCount").asInt();
    String more = panel.get("more").isNull() ? null : panel.get("more").asText();
    if (rowCount > rows
        ? more == null || !more.startsWith("The first " + rows + " of " + rowCount + " rows")
        : more != null) {
      return "says wrongly how many rows it left out";
    }
    return switch (panel.get("chart").asText()) {
      case "table" -> panel.get("tableRows").asInt() == rows ? null : "table rows";
      // a bar per row and series; a line per series; the world's countries and a point per row
      case "bar" -> marks >= rows ? null : "bars";
      case "line", "area" -> marks >= 1 ? null : "lines";
      case "map" -> marks >= 100 + rows ? null : "map or points";
      default -> "unknown chart";
    };
  }

  private static String drawn() {
    return "document.body.dataset.drawn === 'true'";
  }

  private static void assumeChromium() {
    Assumptions.assumeTrue(
        chromium != null,
        "Chromium is not at /usr/bin/chromium (install Debian's chromium, as .ci/run does, or set"
            + " CHROMIUM to a browser); the report is not rendered");
  }
}
