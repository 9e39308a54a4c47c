package com.cloudtrailanalytics.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EventTimeTest {

  @ParameterizedTest
  @CsvSource({
    "2024-03-01T10:02:17Z, 2024-03-01T10:02:17Z",
    "2024-02-29T23:59:59Z, 2024-02-29T23:59:59Z",
    "1970-01-01T00:00:00Z, 1970-01-01T00:00:00Z",
    "2024-03-01T10:02:17.123Z, 2024-03-01T10:02:17.123Z",
    "2024-03-01T12:02:17+02:00, 2024-03-01T10:02:17Z",
    "20131102T010628Z, 2013-11-02T01:06:28Z"
  })
  void readsCloudTrailsFormatAndOtherIsoInstants(String text, String expected) {
    assertThat(EventTime.parseMillis(text)).isEqualTo(Instant.parse(expected).toEpochMilli());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2023-02-29T10:00:00Z",
        "2024-13-01T10:00:00Z",
        "2024-03-01T24:00:00Z",
        "2024-03-0xT10:00:00Z",
        "yesterday",
        "",
        "2024-03-01 10:02:17",
        "20131302T010628Z",
        "2013110xT010628Z"
      })
  void rejectsWhatIsNotAnInstant(String text) {
    assertThatThrownBy(() -> EventTime.parseMillis(text)).isInstanceOf(DateTimeException.class);
  }
}
