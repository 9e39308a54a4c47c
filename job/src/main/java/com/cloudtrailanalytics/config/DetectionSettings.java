package com.cloudtrailanalytics.config;

import static com.cloudtrailanalytics.config.JobSettings.check;
import static com.cloudtrailanalytics.config.JobSettings.read;

import java.io.Serializable;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ReadableConfig;

/** The findings' settings: which Sigma rules run, and the stateful detections' parameters. */
public record DetectionSettings(
    List<String> ruleLocations,
    boolean defaultRules,
    Duration newCountryWindow,
    int travelMaxSpeedKmh,
    int travelMinDistanceKm,
    int bruteForceCount,
    Duration bruteForceWindow,
    int sprayingCount,
    Duration sprayingWindow,
    int accessDeniedCount,
    Duration accessDeniedWindow,
    Duration instanceCredentialsRepeat,
    String alertWebhook,
    String alertMinSeverity)
    implements Serializable {

  static DetectionSettings from(ReadableConfig config) {
    return new DetectionSettings(
        config.getOptional(JobOptions.RULES).orElse(List.of()).stream()
            .flatMap(item -> Arrays.stream(item.split(",")))
            .map(String::strip)
            .filter(location -> !location.isEmpty())
            .map(JobSettings::location)
            .toList(),
        !read(config, JobOptions.NO_DEFAULT_RULES),
        positive(config, JobOptions.NEW_COUNTRY_WINDOW, "30d"),
        positive(config, JobOptions.TRAVEL_MAX_SPEED),
        atLeastZero(config, JobOptions.TRAVEL_MIN_DISTANCE),
        positive(config, JobOptions.BRUTE_FORCE_COUNT),
        positive(config, JobOptions.BRUTE_FORCE_WINDOW, "10m"),
        positive(config, JobOptions.SPRAYING_COUNT),
        positive(config, JobOptions.SPRAYING_WINDOW, "10m"),
        positive(config, JobOptions.ACCESS_DENIED_COUNT),
        positive(config, JobOptions.ACCESS_DENIED_WINDOW, "5m"),
        positive(config, JobOptions.INSTANCE_CREDENTIALS_REPEAT, "1d"),
        webhook(config),
        read(config, JobOptions.ALERT_MIN_SEVERITY).strip());
  }

  private static String webhook(ReadableConfig config) {
    String url = config.getOptional(JobOptions.ALERT_WEBHOOK).map(String::strip).orElse("");
    if (url.isEmpty()) {
      return null;
    }
    check(
        url.startsWith("http://") || url.startsWith("https://"),
        JobOptions.ALERT_WEBHOOK,
        url,
        "an http:// or https:// URL");
    return url;
  }

  private static Duration positive(
      ReadableConfig config, ConfigOption<Duration> option, String example) {
    Duration value = read(config, option);
    check(value.toMillis() > 0, option, value, "more than zero (e.g. " + example + ")");
    return value;
  }

  private static int positive(ReadableConfig config, ConfigOption<Integer> option) {
    int value = read(config, option);
    check(value > 0, option, value, "more than zero");
    return value;
  }

  private static int atLeastZero(ReadableConfig config, ConfigOption<Integer> option) {
    int value = read(config, option);
    check(value >= 0, option, value, "zero or more");
    return value;
  }
}
