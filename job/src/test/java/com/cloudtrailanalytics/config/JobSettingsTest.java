package com.cloudtrailanalytics.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JobSettingsTest {

  @Test
  void turnsLocalPathsIntoAbsoluteFileUrisWithoutTrailingSlash() {
    JobSettings settings = JobSettings.from(config("trail/", "s3://results/tables/"));
    assertThat(settings.input())
        .isEqualTo(Path.of("trail").toAbsolutePath().toUri().toString().replaceAll("/$", ""));
    assertThat(settings.output()).isEqualTo("s3://results/tables");
    assertThat(settings.window()).isEqualTo(Duration.ofMinutes(5));
    assertThat(settings.maxDelay()).isEqualTo(Duration.ofMinutes(15));
    assertThat(settings.bounded()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"s3://trail", "s3://trail/", "s3://trail//", " s3://trail/ "})
  void keepsABucketRootAsTheRootPath(String input) {
    assertThat(JobSettings.from(config(input, "s3://results")).input()).isEqualTo("s3://trail/");
    assertThat(JobSettings.location(input)).isEqualTo("s3://trail/");
  }

  @Test
  void dropsTheTrailingSlashOfAFolderInABucket() {
    assertThat(JobSettings.location("s3://results/tables/")).isEqualTo("s3://results/tables");
    assertThat(JobSettings.location("s3://results/AWSLogs")).isEqualTo("s3://results/AWSLogs");
  }

  @Test
  void namesAMissingInputByFlagAndKey() {
    Configuration config = new Configuration();
    config.set(JobOptions.OUTPUT, "out");
    assertThatThrownBy(() -> JobSettings.from(config))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessage("--input (cloudtrail.input) is not set");
  }

  @Test
  void refusesAWindowThatDoesNotDivideADay() {
    Configuration config = config("in", "out");
    config.set(JobOptions.WINDOW, Duration.ofMinutes(7));
    assertThatThrownBy(() -> JobSettings.from(config))
        .hasMessage(
            "--window (cloudtrail.window) is PT7M; it must be a length that divides a day evenly (e.g. 1m, 5m, 15m, 1h)");
  }

  @Test
  void refusesAWindowShorterThanASecond() {
    Configuration config = config("in", "out");
    config.set(JobOptions.WINDOW, Duration.ofMillis(500));
    assertThatThrownBy(() -> JobSettings.from(config))
        .hasMessage(
            "--window (cloudtrail.window) is PT0.5S; it must be a whole number of seconds, at least 1s (e.g. 5m)");
  }

  @Test
  void namesAValueThatCannotBeRead() {
    Configuration config = config("in", "out");
    config.setString("cloudtrail.max-delay", "soon");
    assertThatThrownBy(() -> JobSettings.from(config))
        .hasMessageStartingWith(
            "--max-delay (cloudtrail.max-delay) has a value that cannot be read:");
  }

  private static Configuration config(String input, String output) {
    Configuration config = new Configuration();
    config.set(JobOptions.INPUT, input);
    config.set(JobOptions.OUTPUT, output);
    return config;
  }
}
