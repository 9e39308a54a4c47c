package com.cloudtrailanalytics.cli;

import static org.apache.flink.configuration.ConfigOptions.key;

import com.cloudtrailanalytics.report.RemoteTables;
import com.cloudtrailanalytics.report.Report;
import com.cloudtrailanalytics.run.FileSystemSetup;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;

/**
 * {@code report}: the dashboards, answered by DuckDB on the job's tables, as one HTML file that
 * works offline.
 */
final class ReportCommand {

  static final ConfigOption<String> TABLES =
      key("report.tables")
          .stringType()
          .noDefaultValue()
          .withDescription("The job's output: the folder or S3 location its tables are under.");
  static final ConfigOption<String> OUT =
      key("report.out")
          .stringType()
          .defaultValue("report.html")
          .withDescription("The HTML file to write.");
  static final ConfigOption<String> FROM =
      key("report.from")
          .stringType()
          .noDefaultValue()
          .withDescription("The first day (YYYY-MM-DD, UTC); by default the first with data.");
  static final ConfigOption<String> TO =
      key("report.to")
          .stringType()
          .noDefaultValue()
          .withDescription("The last day (YYYY-MM-DD, UTC); by default the last with data.");
  static final ConfigOption<String> PERSON =
      key("report.person")
          .stringType()
          .noDefaultValue()
          .withDescription(
              "The user name the investigation follows; by default whoever stopped or terminated"
                  + " the last instance.");
  static final ConfigOption<String> INSTANCE =
      key("report.instance")
          .stringType()
          .noDefaultValue()
          .withDescription(
              "The EC2 instance id the investigation follows; by default the last one stopped or"
                  + " terminated.");

  static final List<Flag> FLAGS =
      Flag.join(
          List.of(
              Flag.of(TABLES, "<dir | s3://bucket/prefix>"),
              Flag.of(OUT, "<file.html>"),
              Flag.of(FROM, "<day>"),
              Flag.of(TO, "<day>"),
              Flag.of(PERSON, "<user name>"),
              Flag.of(INSTANCE, "<i-...>")),
          RunCommand.S3_FLAGS);

  static final String USAGE = "report --tables <dir | s3://...> [--out report.html] [options]";

  private ReportCommand() {}

  static int run(Configuration config, PrintStream out)
      throws UsageException, IOException, SQLException {
    String tables =
        config
            .getOptional(TABLES)
            .orElseThrow(() -> new UsageException("report needs --tables: " + USAGE));
    String from = day(config, FROM);
    String to = day(config, TO);
    Path local = local(config, tables, from, to, out);
    Report.Written written =
        Report.write(
            new Report.Settings(local, tables, from, to, config.get(PERSON), config.get(INSTANCE)),
            Path.of(config.get(OUT)));
    print(written, out);
    return Cli.OK;
  }

  static void print(Report.Written written, PrintStream out) {
    // an all-clear panel is empty because nothing is amiss: said apart, not as missing data
    String allClear =
        written.panelsAllClear() == 0 ? "" : ", " + written.panelsAllClear() + " all clear";
    out.printf(
        "Report: %s (%,d KB, %d of %d panels with data%s, %s to %s, in %.1f s)%n",
        written.file().toAbsolutePath(),
        written.bytes() / 1024,
        written.panelsWithData(),
        written.panels(),
        allClear,
        written.parameters().getOrDefault("from", "-"),
        written.parameters().getOrDefault("to", "-"),
        written.took().toMillis() / 1000.0);
  }

  /** The tables as a local folder: the one given, or the days in range copied from S3. */
  private static Path local(
      Configuration config, String tables, String from, String to, PrintStream out)
      throws IOException, UsageException {
    if (!tables.contains("://") || tables.startsWith("file:")) {
      Path folder = Path.of(tables.replaceFirst("^file://", ""));
      if (!Files.isDirectory(folder)) {
        throw new UsageException("report: " + tables + " is not a folder");
      }
      return folder;
    }
    FileSystemSetup.initialize(config);
    Path copy = Files.createTempDirectory("cloudtrail-report");
    copy.toFile().deleteOnExit();
    int files = RemoteTables.copy(tables, from, to, copy);
    out.printf("Copied %,d table files from %s%n", files, tables);
    return copy;
  }

  private static String day(Configuration config, ConfigOption<String> option)
      throws UsageException {
    String day = config.get(option);
    if (day == null) {
      return null;
    }
    try {
      return LocalDate.parse(day).toString();
    } catch (DateTimeParseException e) {
      throw new UsageException(
          "--" + option.key().substring("report.".length()) + " takes a day (YYYY-MM-DD): " + day);
    }
  }
}
