package com.cloudtrailanalytics.sample;

import static com.cloudtrailanalytics.sample.SyntheticTrail.MAIN_ACCOUNT;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * CloudTrail Insights events for the investigation, as a trail with Insights turned on holds them:
 * when nicholas stops the web server, the rate of {@code StopInstances} calls in the main account
 * rises far above its baseline, which CloudTrail records as the start and, minutes later, the end
 * of an {@code ApiCallRateInsight}, each in its own file under {@code CloudTrail-Insight/}. Shaped
 * after AWS's documented Insights records.
 */
public final class SampleInsights {

  public static final String EVENT_SOURCE = "ec2.amazonaws.com";
  public static final String EVENT_NAME = "StopInstances";
  public static final double BASELINE_AVERAGE = 0.0104166667;
  public static final double INSIGHT_AVERAGE = 1.0;
  public static final int INSIGHT_MINUTES = 5;

  private SampleInsights() {}

  /** When the insight starts, for a trail that starts at {@code start} and lasts {@code length}. */
  public static Instant start(Instant start, Duration length) {
    return Investigation.webServerStopped(start, length).truncatedTo(ChronoUnit.MINUTES);
  }

  /**
   * Writes the start and the end of the insight, in the investigation's region, for a trail that
   * starts at {@code start} and lasts {@code length}; returns the files.
   */
  public static List<Path> writeTo(Path bucket, Instant start, Duration length) throws IOException {
    String region = Catalogue.REGIONS.get(0);
    Instant begins = start(start, length);
    Instant ends = begins.plus(Duration.ofMinutes(INSIGHT_MINUTES));
    TrailWriter writer = new TrailWriter(bucket);
    return List.of(
        writer.writeInsightFile(
            MAIN_ACCOUNT,
            region,
            begins.plus(Duration.ofMinutes(6)),
            List.of(record(begins, "Start", region))),
        writer.writeInsightFile(
            MAIN_ACCOUNT,
            region,
            ends.plus(Duration.ofMinutes(6)),
            List.of(record(ends, "End", region))));
  }

  private static ObjectNode record(Instant at, String state, String region) {
    ObjectNode record = RecordBuilder.JSON.createObjectNode();
    record
        .put("eventVersion", "1.08")
        .put("eventTime", at.toString())
        .put("awsRegion", region)
        .put("eventID", Investigation.id("insight-" + state))
        .put("eventType", "AwsCloudTrailInsight")
        .put("recipientAccountId", MAIN_ACCOUNT)
        .put("sharedEventID", Investigation.id("insight"))
        .put("eventCategory", "Insight");
    ObjectNode details = record.putObject("insightDetails");
    details
        .put("state", state)
        .put("eventSource", EVENT_SOURCE)
        .put("eventName", EVENT_NAME)
        .put("insightType", "ApiCallRateInsight");
    ObjectNode context = details.putObject("insightContext");
    ObjectNode statistics = context.putObject("statistics");
    statistics.putObject("baseline").put("average", BASELINE_AVERAGE);
    statistics.putObject("insight").put("average", INSIGHT_AVERAGE);
    statistics.put("baselineDuration", 10080);
    if (state.equals("End")) {
      statistics.put("insightDuration", INSIGHT_MINUTES);
    }
    context
        .putArray("attributions")
        .addObject()
        .put("attribute", "userIdentityArn")
        .putArray("insight")
        .addObject()
        .put("value", "arn:aws:iam::" + MAIN_ACCOUNT + ":user/nicholas")
        .put("average", INSIGHT_AVERAGE);
    return record;
  }
}
