package com.cloudtrailanalytics.cli;

import static org.apache.flink.configuration.ConfigOptions.key;

import com.cloudtrailanalytics.config.JobOptions;
import com.cloudtrailanalytics.report.InstanceStops;
import com.cloudtrailanalytics.report.Report;
import com.cloudtrailanalytics.sample.SampleGeoDatabases;
import com.cloudtrailanalytics.sample.SampleInsights;
import com.cloudtrailanalytics.sample.SyntheticTrail;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;

/**
 * {@code --demo}: writes a sample trail into a local folder and runs the bounded job over it on an
 * embedded cluster, so a newcomer sees real output with one command.
 */
final class DemoCommand {

  static final ConfigOption<String> DIR =
      key("demo.dir")
          .stringType()
          .defaultValue("cloudtrail-demo")
          .withDescription("The folder the demo writes its trail, tables and checkpoints into.");

  static final List<Flag> FLAGS = List.of(Flag.of(DIR, "<dir>"));

  /** Marks a folder as the demo's own, so that running the demo again may replace it. */
  private static final String MARKER = ".cloudtrail-demo";

  static final Instant SAMPLE_START = Instant.parse("2025-03-03T06:00:00Z");

  private DemoCommand() {}

  static int run(Configuration demoConfig, PrintStream out) throws Exception {
    Path dir = Path.of(demoConfig.get(DIR)).toAbsolutePath().normalize();
    prepare(dir);
    Path trail = dir.resolve("trail");
    SyntheticTrail.Settings sample =
        new SyntheticTrail.Settings(2, 3, 6, 20_000, 1, SAMPLE_START, null);
    SyntheticTrail.Result written = new SyntheticTrail(sample).writeTo(trail);
    int insightFiles = SampleInsights.writeTo(trail, sample.start(), sample.duration()).size();
    out.printf(
        "Sample trail: %,d events in %,d log files (plus %,d digest and %,d Insights files)"
            + " under %s%n",
        written.events(), written.logFiles(), written.digestFiles(), insightFiles, trail);
    SampleGeoDatabases.Written geo = SampleGeoDatabases.writeTo(dir.resolve("geoip"));
    out.printf(
        "Sample GeoIP databases (the trail's addresses only): %s, %s%n", geo.city(), geo.asn());

    Configuration config = new Configuration();
    config.set(JobOptions.INPUT, trail.toString());
    config.set(JobOptions.OUTPUT, dir.resolve("output").toString());
    config.set(JobOptions.BOUNDED, true);
    config.set(JobOptions.GEOIP_DB, geo.city().toString());
    config.set(JobOptions.ASN_DB, geo.asn().toString());
    config.set(
        CheckpointingOptions.CHECKPOINTS_DIRECTORY, dir.resolve("checkpoints").toUri().toString());
    int code = RunCommand.run(config, out);
    if (code != Cli.OK) {
      return code;
    }
    Path output = dir.resolve("output");
    tellTheStory(output, out);
    Report.Written report =
        Report.write(
            new Report.Settings(
                output, output.toString(), null, null, "nicholas", SyntheticTrail.WEB_SERVER),
            dir.resolve("report.html"));
    out.println();
    ReportCommand.print(report, out);
    out.printf(
        "Open it in a browser; write one for any output with:%n"
            + "  java -jar cloudtrail-analytics.jar report --tables %s --out report.html%n",
        output);
    return code;
  }

  /** The seed's investigation, answered from the tables: who stopped the web server? */
  private static void tellTheStory(Path output, PrintStream out) throws IOException, SQLException {
    out.printf("%nWho stopped the web server, when, and from where?%n");
    List<String> stories = InstanceStops.stories(output, SyntheticTrail.WEB_SERVER);
    if (stories.isEmpty()) {
      out.printf("  The tables hold no stop of %s.%n", SyntheticTrail.WEB_SERVER);
    }
    stories.forEach(story -> out.println("  " + story));
  }

  private static void prepare(Path dir) throws IOException, UsageException {
    if (Files.exists(dir)) {
      boolean ours = Files.exists(dir.resolve(MARKER));
      boolean empty;
      try (Stream<Path> entries = Files.list(dir)) {
        empty = entries.findAny().isEmpty();
      }
      if (!ours && !empty) {
        throw new UsageException(
            dir + " exists and was not made by --demo; remove it or choose another with --dir");
      }
      deleteRecursively(dir);
    }
    Files.createDirectories(dir);
    Files.createFile(dir.resolve(MARKER));
  }

  private static void deleteRecursively(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
