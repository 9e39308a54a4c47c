package com.cloudtrailanalytics.format;

import com.cloudtrailanalytics.event.RejectReason;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;

/**
 * What every kind of CloudTrail record is read with: Jackson's streaming parser over the record's
 * bytes, the checks that reject a record, and the values it holds.
 */
final class RecordJson {

  private static final JsonFactory JSON = new JsonFactory();

  /** Reads the fields of a record object, given its parser positioned on each field's value. */
  @FunctionalInterface
  interface FieldReader {
    void read(String field, JsonParser p) throws IOException;
  }

  private RecordJson() {}

  /**
   * Reads one record: checks that it is UTF-8 and a single JSON object, and hands every top-level
   * field to {@code fields}.
   */
  static void read(byte[] bytes, int length, FieldReader fields) throws RecordRejectedException {
    int invalid = Utf8.firstInvalidByte(bytes, 0, length);
    if (invalid >= 0) {
      throw new RecordRejectedException(
          RejectReason.INVALID_UTF8,
          String.format(
              "byte 0x%02X at offset %d of the record is not valid UTF-8",
              bytes[invalid] & 0xFF, invalid));
    }
    try (JsonParser p = JSON.createParser(bytes, 0, length)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new IOException("a record must be a JSON object");
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        p.nextToken();
        fields.read(field, p);
      }
      if (p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != null) {
        throw new IOException("unexpected content after the record's closing brace");
      }
    } catch (IOException e) {
      throw new RecordRejectedException(
          RejectReason.INVALID_RECORD_JSON, "not valid JSON: " + firstLine(e.getMessage()));
    }
  }

  /** Reads the fields of a nested object; skips the value when it is not an object. */
  static void readObject(JsonParser p, FieldReader fields) throws IOException {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      p.skipChildren();
      return;
    }
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      p.nextToken();
      fields.read(field, p);
    }
  }

  /** The record's {@code eventTime} in epoch milliseconds. */
  static long eventTimeMillis(String eventTime) throws RecordRejectedException {
    if (eventTime == null || eventTime.isEmpty()) {
      throw new RecordRejectedException(
          RejectReason.MISSING_EVENT_TIME, "the record has no eventTime");
    }
    try {
      return EventTime.parseMillis(eventTime);
    } catch (DateTimeException e) {
      throw new RecordRejectedException(
          RejectReason.INVALID_EVENT_TIME, "eventTime " + e.getMessage());
    }
  }

  /** A scalar as text; an unexpected object or array is kept as its (redacted) JSON text. */
  static String text(JsonParser p, byte[] bytes) throws IOException {
    JsonToken token = p.currentToken();
    if (token == JsonToken.VALUE_NULL) {
      return null;
    }
    if (token.isStructStart()) {
      return json(p, bytes);
    }
    return p.getText();
  }

  /**
   * A value as its JSON text with every secret redacted ({@link Secrets}), cut from the input bytes
   * without re-serialising unless it holds a secret. Every JSON column goes through here, so no
   * column can carry a secret, whatever element it comes from.
   */
  static String json(JsonParser p, byte[] bytes) throws IOException {
    return Secrets.redactJson(rawJson(p, bytes));
  }

  private static String rawJson(JsonParser p, byte[] bytes) throws IOException {
    JsonToken token = p.currentToken();
    if (token == JsonToken.VALUE_NULL) {
      return null;
    }
    if (!token.isStructStart()) {
      return token == JsonToken.VALUE_STRING
          ? '"' + new String(JsonStringEncoder.getInstance().quoteAsString(p.getText())) + '"'
          : p.getText();
    }
    int start = (int) p.currentTokenLocation().getByteOffset();
    p.skipChildren();
    int end = (int) p.currentLocation().getByteOffset();
    return new String(bytes, start, end - start, StandardCharsets.UTF_8);
  }

  /** CloudTrail writes booleans as JSON booleans; older and hand-made records use strings. */
  static Boolean bool(JsonParser p) throws IOException {
    return switch (p.currentToken()) {
      case VALUE_TRUE -> Boolean.TRUE;
      case VALUE_FALSE -> Boolean.FALSE;
      case VALUE_STRING -> {
        String text = p.getText();
        yield "true".equalsIgnoreCase(text)
            ? Boolean.TRUE
            : "false".equalsIgnoreCase(text) ? Boolean.FALSE : null;
      }
      default -> {
        p.skipChildren();
        yield null;
      }
    };
  }

  /** A number, or a string holding one; null for anything else. */
  static Double number(JsonParser p) throws IOException {
    JsonToken token = p.currentToken();
    if (token.isNumeric()) {
      return p.getDoubleValue();
    }
    if (token == JsonToken.VALUE_STRING) {
      try {
        return Double.valueOf(p.getText().strip());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    p.skipChildren();
    return null;
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unknown problem";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
