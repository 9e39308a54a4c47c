package com.cloudtrailanalytics.format;

import static com.cloudtrailanalytics.format.RecordJson.json;
import static com.cloudtrailanalytics.format.RecordJson.number;
import static com.cloudtrailanalytics.format.RecordJson.text;

import com.cloudtrailanalytics.event.InsightEvent;
import com.cloudtrailanalytics.event.TrailFile;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;

/**
 * Turns one record of a {@code CloudTrail-Insight/} file into an {@link InsightEvent}: the record's
 * own fields and those of its {@code insightDetails}.
 */
public final class InsightEventParser {

  /** The fields as they are read, in the order of {@link InsightEvent}'s. */
  private static final class Fields {
    String eventTime;
    String eventId;
    String sharedEventId;
    String eventVersion;
    String recipientAccountId;
    String awsRegion;
    String insightType;
    String state;
    String eventSource;
    String eventName;
    String errorCode;
    Double baselineAverage;
    Double insightAverage;
    Long baselineDuration;
    Long insightDuration;
    String attributions;
  }

  /**
   * @throws RecordRejectedException when the record is not valid JSON, not UTF-8, or has no usable
   *     {@code eventTime}
   */
  public InsightEvent parse(byte[] bytes, int length, TrailFile file)
      throws RecordRejectedException {
    Fields f = new Fields();
    RecordJson.read(
        bytes,
        length,
        (field, p) -> {
          switch (field) {
            case "eventTime" -> f.eventTime = text(p, bytes);
            case "eventID" -> f.eventId = text(p, bytes);
            case "sharedEventID" -> f.sharedEventId = text(p, bytes);
            case "eventVersion" -> f.eventVersion = text(p, bytes);
            case "recipientAccountId" -> f.recipientAccountId = text(p, bytes);
            case "awsRegion" -> f.awsRegion = text(p, bytes);
            case "insightDetails" -> readDetails(p, bytes, f);
            default -> p.skipChildren();
          }
        });
    return new InsightEvent(
        RecordJson.eventTimeMillis(f.eventTime),
        f.eventId,
        f.sharedEventId,
        f.eventVersion,
        f.recipientAccountId != null ? f.recipientAccountId : file.accountId(),
        f.awsRegion,
        f.insightType,
        f.state,
        f.eventSource,
        f.eventName,
        f.errorCode,
        f.baselineAverage,
        f.insightAverage,
        f.baselineDuration,
        f.insightDuration,
        f.attributions,
        file.path());
  }

  private static void readDetails(JsonParser p, byte[] bytes, Fields f) throws IOException {
    RecordJson.readObject(
        p,
        (field, value) -> {
          switch (field) {
            case "state" -> f.state = text(value, bytes);
            case "eventSource" -> f.eventSource = text(value, bytes);
            case "eventName" -> f.eventName = text(value, bytes);
            case "insightType" -> f.insightType = text(value, bytes);
            case "errorCode" -> f.errorCode = text(value, bytes);
            case "insightContext" -> readContext(value, bytes, f);
            default -> value.skipChildren();
          }
        });
  }

  private static void readContext(JsonParser p, byte[] bytes, Fields f) throws IOException {
    RecordJson.readObject(
        p,
        (field, value) -> {
          switch (field) {
            case "statistics" -> readStatistics(value, f);
            case "attributions" -> f.attributions = json(value, bytes);
            default -> value.skipChildren();
          }
        });
  }

  private static void readStatistics(JsonParser p, Fields f) throws IOException {
    RecordJson.readObject(
        p,
        (field, value) -> {
          switch (field) {
            case "baseline" -> f.baselineAverage = average(value);
            case "insight" -> f.insightAverage = average(value);
            case "baselineDuration" -> f.baselineDuration = minutes(number(value));
            case "insightDuration" -> f.insightDuration = minutes(number(value));
            default -> value.skipChildren();
          }
        });
  }

  private static Long minutes(Double value) {
    return value == null ? null : Math.round(value);
  }

  private static Double average(JsonParser p) throws IOException {
    Double[] average = new Double[1];
    RecordJson.readObject(
        p,
        (field, value) -> {
          if (field.equals("average")) {
            average[0] = number(value);
          } else {
            value.skipChildren();
          }
        });
    return average[0];
  }
}
