package com.cloudtrailanalytics.record;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Parses CloudTrail's {@code eventTime} ({@code 2024-03-01T12:34:56Z}) to epoch milliseconds. */
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
    try {
      return OffsetDateTime.parse(text).toInstant().toEpochMilli();
    } catch (DateTimeParseException e) {
      throw new DateTimeException("not an ISO-8601 timestamp: '" + text + "'", e);
    }
  }

  /** The common form, without allocating a formatter's intermediate objects. */
  private static long fixedFormatMillis(String text) {
    int year = digits(text, 0, 4);
    int month = digits(text, 5, 2);
    int day = digits(text, 8, 2);
    int hour = digits(text, 11, 2);
    int minute = digits(text, 14, 2);
    int second = digits(text, 17, 2);
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
