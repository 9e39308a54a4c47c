package com.cloudtrailanalytics.format;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Parses CloudTrail's timestamps ({@code eventTime}, {@code 2024-03-01T12:34:56Z}; session creation
 * dates, also in ISO-8601's basic form {@code 20131102T010628Z}) to epoch milliseconds.
 */
public final class EventTime {

  private EventTime() {}

  /**
   * @throws DateTimeException when the text is not an ISO-8601 instant
   */
  public static long parseMillis(String text) {
    if (text.length() == 20
        && text.charAt(4) == '-'
        && text.charAt(7) == '-'
        && text.charAt(10) == 'T'
        && text.charAt(13) == ':'
        && text.charAt(16) == ':'
        && text.charAt(19) == 'Z') {
      return fixedFormatMillis(text);
    }
    if (text.length() == 16 && text.charAt(8) == 'T' && text.charAt(15) == 'Z') {
      return basicFormatMillis(text);
    }
    try {
      return OffsetDateTime.parse(text).toInstant().toEpochMilli();
    } catch (DateTimeParseException e) {
      throw new DateTimeException("not an ISO-8601 timestamp: '" + text + "'", e);
    }
  }

  /** ISO-8601's basic form, {@code 20131102T010628Z}, which older session attributes use. */
  private static long basicFormatMillis(String text) {
    return millis(
        text,
        digits(text, 0, 4),
        digits(text, 4, 2),
        digits(text, 6, 2),
        digits(text, 9, 2),
        digits(text, 11, 2),
        digits(text, 13, 2));
  }

  /** The common form, without allocating a formatter's intermediate objects. */
  private static long fixedFormatMillis(String text) {
    return millis(
        text,
        digits(text, 0, 4),
        digits(text, 5, 2),
        digits(text, 8, 2),
        digits(text, 11, 2),
        digits(text, 14, 2),
        digits(text, 17, 2));
  }

  private static long millis(
      String text, int year, int month, int day, int hour, int minute, int second) {
    if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) {
      throw new DateTimeException("not a valid timestamp: '" + text + "'");
    }
    long epochDay;
    try {
      epochDay = LocalDate.of(year, month, day).toEpochDay();
    } catch (DateTimeException e) {
      throw new DateTimeException("not a valid timestamp: '" + text + "'", e);
    }
    return ((epochDay * 24 + hour) * 60 + minute) * 60_000L + second * 1000L;
  }

  private static int digits(String text, int from, int count) {
    int value = 0;
    for (int i = from; i < from + count; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        throw new DateTimeException("not a valid timestamp: '" + text + "'");
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }
}
