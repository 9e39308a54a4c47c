package com.cloudtrailanalytics.cli;

import static org.apache.flink.configuration.ConfigOptions.key;

import com.cloudtrailanalytics.sample.LiveTrail;
import com.cloudtrailanalytics.sample.SyntheticTrail;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;

/** {@code generate}: writes a synthetic trail in CloudTrail's layout into a local folder. */
final class GenerateCommand {

  static final ConfigOption<String> OUTPUT =
      key("generate.output")
          .stringType()
          .noDefaultValue()
          .withDescription(
              "The folder that stands for the trail bucket; AWSLogs/ is written in it.");
  static final ConfigOption<Integer> ACCOUNTS =
      key("generate.accounts").intType().defaultValue(2).withDescription("How many AWS accounts.");
  static final ConfigOption<Integer> REGIONS =
      key("generate.regions")
          .intType()
          .defaultValue(3)
          .withDescription("How many regions (1 to 10).");
  static final ConfigOption<Integer> HOURS =
      key("generate.hours")
          .intType()
          .defaultValue(6)
          .withDescription("How many hours of activity.");
  static final ConfigOption<Long> EVENTS =
      key("generate.events")
          .longType()
          .defaultValue(20_000L)
          .withDescription("How many background events, besides the scripted investigation.");
  static final ConfigOption<Long> SEED =
      key("generate.seed")
          .longType()
          .defaultValue(1L)
          .withDescription("The same seed writes the same trail.");
  static final ConfigOption<String> START =
      key("generate.start")
          .stringType()
          .noDefaultValue()
          .withDescription(
              "When the trail starts (ISO-8601, e.g. 2025-03-03T06:00:00Z); by default it ends at the current hour.");
  static final ConfigOption<String> ORGANIZATION =
      key("generate.organization")
          .stringType()
          .noDefaultValue()
          .withDescription("Write an organization trail, under AWSLogs/<this o-... id>/.");

  static final ConfigOption<Boolean> FOLLOW =
      key("generate.follow")
          .booleanType()
          .defaultValue(false)
          .withDescription(
              "After the history, keep delivering a file per account and region every --follow-interval, for now, until stopped.");
  static final ConfigOption<Duration> FOLLOW_INTERVAL =
      key("generate.follow-interval")
          .durationType()
          .defaultValue(Duration.ofMinutes(5))
          .withDescription("How often --follow delivers files (CloudTrail: about 5 minutes).");

  static final List<Flag> FLAGS =
      List.of(
          Flag.of(OUTPUT, "<dir>"),
          Flag.of(ACCOUNTS, "<n>"),
          Flag.of(REGIONS, "<n>"),
          Flag.of(HOURS, "<n>"),
          Flag.of(EVENTS, "<n>"),
          Flag.of(SEED, "<n>"),
          Flag.of(START, "<instant>"),
          Flag.of(ORGANIZATION, "<o-id>"),
          Flag.of(FOLLOW, null),
          Flag.of(FOLLOW_INTERVAL, "<duration>"));

  private GenerateCommand() {}

  static int run(Configuration config, PrintStream out)
      throws UsageException, IOException, InterruptedException {
    String output =
        config
            .getOptional(OUTPUT)
            .orElseThrow(() -> new UsageException("generate needs --output <dir>"));
    SyntheticTrail.Settings settings = settings(config);
    SyntheticTrail.Result result = new SyntheticTrail(settings).writeTo(Path.of(output));
    out.printf(
        "Wrote %,d events in %,d log files (and %,d digest files) to %s%n",
        result.events(), result.logFiles(), result.digestFiles(), Path.of(output).toAbsolutePath());
    if (config.get(FOLLOW)) {
      out.printf(
          "Following: a file per account and region every %s%n", config.get(FOLLOW_INTERVAL));
      new LiveTrail(settings, Path.of(output))
          .follow(
              settings.start().plus(settings.duration()),
              config.get(FOLLOW_INTERVAL),
              Clock.systemUTC(),
              out);
    }
    return 0;
  }

  static SyntheticTrail.Settings settings(Configuration config) throws UsageException {
    int hours = config.get(HOURS);
    Instant start;
    try {
      start =
          config
              .getOptional(START)
              .map(Instant::parse)
              .orElse(Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(hours)));
    } catch (DateTimeParseException e) {
      throw new UsageException("--start must be an ISO-8601 instant such as 2025-03-03T06:00:00Z");
    }
    try {
      return new SyntheticTrail.Settings(
          config.get(ACCOUNTS),
          config.get(REGIONS),
          hours,
          config.get(EVENTS),
          config.get(SEED),
          start,
          config.getOptional(ORGANIZATION).orElse(null));
    } catch (IllegalArgumentException e) {
      throw new UsageException("generate: " + e.getMessage());
    }
  }
}
