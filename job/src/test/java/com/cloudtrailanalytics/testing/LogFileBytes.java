package com.cloudtrailanalytics.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;

/** The bytes of small CloudTrail log files, written by hand for tests of reading them. */
public final class LogFileBytes {

  private LogFileBytes() {}

  /** A minimal record: an id, a time and an event name. */
  public static String record(String eventId, String eventTime) {
    return "{\"eventID\":\""
        + eventId
        + "\",\"eventTime\":\""
        + eventTime
        + "\",\"eventName\":\"Describe\"}";
  }

  /** A log file's JSON holding these records. */
  public static byte[] records(String... records) {
    return ("{\"Records\":[" + String.join(",", records) + "]}").getBytes(StandardCharsets.UTF_8);
  }

  public static byte[] gzip(byte[] content) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
      gzip.write(content);
    }
    return bytes.toByteArray();
  }

  public static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      bytes.writeBytes(part);
    }
    return bytes.toByteArray();
  }
}
