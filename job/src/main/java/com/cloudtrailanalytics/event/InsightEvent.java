package com.cloudtrailanalytics.event;

/**
 * One CloudTrail Insights event: the start or the end of unusual API call or error rates, from a
 * {@code CloudTrail-Insight/} file.
 *
 * @param accountId {@code recipientAccountId}, else the account in the file's key
 * @param state {@code Start} or {@code End}
 * @param errorCode for an {@code ApiErrorRateInsight}, the error whose rate was unusual
 * @param baselineAverage calls or errors per minute before the insight began
 * @param insightAverage calls or errors per minute in the insight
 * @param baselineDuration minutes over which the baseline was measured
 * @param insightDuration minutes the insight lasted
 * @param attributions JSON text of {@code insightContext.attributions}: who and what contributed
 */
public record InsightEvent(
    long eventTimeMillis,
    String eventId,
    String sharedEventId,
    String eventVersion,
    String accountId,
    String awsRegion,
    String insightType,
    String state,
    String eventSource,
    String eventName,
    String errorCode,
    Double baselineAverage,
    Double insightAverage,
    Long baselineDuration,
    Long insightDuration,
    String attributions,
    String sourceFile)
    implements TrailItem {}
