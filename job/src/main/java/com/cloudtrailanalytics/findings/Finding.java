package com.cloudtrailanalytics.findings;

/**
 * One row of the {@code findings} table: a rule or a detection that fired on one event, or on the
 * events a stateful detection saw together. Who, where and what are those of the last event. Arrays
 * rather than lists, so that Flink serializes findings without Kryo.
 *
 * @param findingId stable: the same rule on the same events always has the same id
 * @param severity informational, low, medium, high or critical
 * @param tags MITRE ATT&CK tactics and techniques, e.g. {@code attack.t1110.001}
 * @param eventIds the event, or the events a stateful detection saw, in event-time order
 * @param details what matched, as a JSON object
 */
public record Finding(
    String findingId,
    String ruleId,
    String ruleTitle,
    String severity,
    String[] tags,
    long eventTimeMillis,
    String accountId,
    String awsRegion,
    String principal,
    String userName,
    String sessionName,
    String sourceIpAddress,
    String eventSource,
    String eventName,
    String[] eventIds,
    String details) {

  /**
   * A finding of a rule about the events {@code eventIds}, the last of which is {@code last}; its
   * id is {@link FindingIds#of} the rule and the events.
   */
  public static Finding of(
      String ruleId,
      String ruleTitle,
      Severity severity,
      String[] tags,
      Signal last,
      String[] eventIds,
      String details) {
    return new Finding(
        FindingIds.of(ruleId, eventIds),
        ruleId,
        ruleTitle,
        severity.label(),
        tags,
        last.timeMillis(),
        last.accountId(),
        last.awsRegion(),
        last.principal(),
        last.userName(),
        last.sessionName(),
        last.sourceIpAddress(),
        last.eventSource(),
        last.eventName(),
        eventIds,
        details);
  }
}
