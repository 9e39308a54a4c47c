package com.cloudtrailanalytics.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ReadableConfig;

/** The job's settings, read from Flink configuration and checked once at startup. */
public record JobSettings(
    String input,
    String output,
    Duration window,
    boolean bounded,
    Duration monitorInterval,
    Duration progressInterval,
    Duration maxDelay,
    int maxRecordBytes,
    int readAttempts,
    Duration readRetryDelay,
    LocalDate startDate,
    Duration lookback,
    Duration structureInterval,
    String geoipDb,
    String asnDb,
    List<String> tables,
    DetectionSettings detections) {

  public static JobSettings from(ReadableConfig config) {
    JobSettings settings =
        new JobSettings(
            location(required(config, JobOptions.INPUT)),
            location(required(config, JobOptions.OUTPUT)),
            read(config, JobOptions.WINDOW),
            read(config, JobOptions.BOUNDED),
            read(config, JobOptions.MONITOR_INTERVAL),
            read(config, JobOptions.PROGRESS_INTERVAL),
            read(config, JobOptions.MAX_DELAY),
            (int) Math.min(Integer.MAX_VALUE, read(config, JobOptions.MAX_RECORD_SIZE).getBytes()),
            read(config, JobOptions.READ_ATTEMPTS),
            read(config, JobOptions.READ_RETRY_DELAY),
            startDate(config),
            read(config, JobOptions.LOOKBACK),
            read(config, JobOptions.STRUCTURE_INTERVAL),
            optionalLocation(config, JobOptions.GEOIP_DB),
            optionalLocation(config, JobOptions.ASN_DB),
            tables(config),
            DetectionSettings.from(config));
    settings.validate();
    return settings;
  }

  private void validate() {
    check(
        window.toMillis() >= 1000 && window.toMillis() % 1000 == 0,
        JobOptions.WINDOW,
        window,
        "a whole number of seconds, at least 1s (e.g. 5m)");
    check(
        Duration.ofDays(1).toMillis() % window.toMillis() == 0,
        JobOptions.WINDOW,
        window,
        "a length that divides a day evenly (e.g. 1m, 5m, 15m, 1h)");
    check(!maxDelay.isNegative(), JobOptions.MAX_DELAY, maxDelay, "zero or more (e.g. 15m)");
    check(
        monitorInterval.toMillis() >= 1000,
        JobOptions.MONITOR_INTERVAL,
        monitorInterval,
        "at least 1s (e.g. 1m)");
    check(
        progressInterval.toMillis() >= 1000,
        JobOptions.PROGRESS_INTERVAL,
        progressInterval,
        "at least 1s (e.g. 30s)");
    check(maxRecordBytes >= 1024, JobOptions.MAX_RECORD_SIZE, maxRecordBytes, "at least 1kb");
    check(readAttempts >= 1, JobOptions.READ_ATTEMPTS, readAttempts, "at least 1");
    check(
        !readRetryDelay.isNegative(),
        JobOptions.READ_RETRY_DELAY,
        readRetryDelay,
        "zero or more (e.g. 1s)");
    check(!lookback.isNegative(), JobOptions.LOOKBACK, lookback, "zero or more (e.g. 1d)");
    check(
        structureInterval.toMillis() >= 1000,
        JobOptions.STRUCTURE_INTERVAL,
        structureInterval,
        "at least 1s (e.g. 1h)");
  }

  static void check(boolean valid, ConfigOption<?> option, Object value, String expected) {
    if (!valid) {
      throw new InvalidSettingException(
          String.format("%s is %s; it must be %s", describe(option), value, expected));
    }
  }

  /** Flink separates list items with ';', the command line with ','; either works. */
  private static List<String> tables(ReadableConfig config) {
    return read(config, JobOptions.TABLES).stream()
        .flatMap(item -> Arrays.stream(item.split(",")))
        .map(String::strip)
        .filter(table -> !table.isEmpty())
        .toList();
  }

  private static LocalDate startDate(ReadableConfig config) {
    Optional<String> text = config.getOptional(JobOptions.START_DATE).filter(v -> !v.isBlank());
    try {
      return text.map(value -> LocalDate.parse(value.strip())).orElse(null);
    } catch (DateTimeParseException e) {
      throw new InvalidSettingException(
          describe(JobOptions.START_DATE)
              + " is "
              + text.get()
              + "; it must be a date like 2024-01-31");
    }
  }

  private static String required(ReadableConfig config, ConfigOption<String> option) {
    Optional<String> value = config.getOptional(option).filter(v -> !v.isBlank());
    return value.orElseThrow(() -> new InvalidSettingException(describe(option) + " is not set"));
  }

  private static String optionalLocation(ReadableConfig config, ConfigOption<String> option) {
    return config
        .getOptional(option)
        .filter(v -> !v.isBlank())
        .map(JobSettings::location)
        .orElse(null);
  }

  static <T> T read(ReadableConfig config, ConfigOption<T> option) {
    try {
      return config.get(option);
    } catch (IllegalArgumentException e) {
      throw new InvalidSettingException(
          describe(option) + " has a value that cannot be read: " + e.getMessage(), e);
    }
  }

  /** Names an option the way a user may have set it: by flag or by configuration key. */
  public static String describe(ConfigOption<?> option) {
    String key = option.key();
    return key.startsWith(JobOptions.PREFIX)
        ? "--" + key.substring(JobOptions.PREFIX.length()) + " (" + key + ")"
        : key;
  }

  /**
   * A location as a URI without a trailing slash; a plain path becomes an absolute {@code file:}
   * URI, which checkpoint storage requires. A bucket root is {@code s3://bucket/}: its path is
   * {@code /}, as S3 clients need ({@code s3://bucket} has no path at all, which they refuse).
   */
  public static String location(String value) {
    String location = value.strip();
    if (!location.contains("://")) {
      location = Path.of(location).toAbsolutePath().normalize().toUri().toString();
    }
    while (location.endsWith("/") && !location.endsWith("://")) {
      location = location.substring(0, location.length() - 1);
    }
    return isRoot(location) ? location + "/" : location;
  }

  /**
   * A checkpoint directory as {@link #location}. Flink keeps no checkpoints at the root of a file
   * system, so a bucket root is refused here, at startup, with the fix.
   */
  public static String checkpointLocation(String value) {
    String location = location(value);
    if (isRoot(location)) {
      throw new InvalidSettingException(
          String.format(
              "--checkpoint-dir (%s) is %s, the root of a bucket, where Flink keeps no checkpoints;"
                  + " use a folder in it, e.g. %scheckpoints",
              CheckpointingOptions.CHECKPOINTS_DIRECTORY.key(), location, location));
    }
    return location;
  }

  /** {@code scheme://authority} or {@code scheme://authority/}: the root of a bucket. */
  private static boolean isRoot(String location) {
    try {
      URI uri = new URI(location);
      return uri.getAuthority() != null
          && (uri.getRawPath().isEmpty() || uri.getRawPath().equals("/"));
    } catch (URISyntaxException e) {
      return false;
    }
  }
}
