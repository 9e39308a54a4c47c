package com.cloudtrailanalytics.findings.sigma;

import com.cloudtrailanalytics.event.CloudTrailEvent;
import com.cloudtrailanalytics.findings.Finding;
import com.cloudtrailanalytics.findings.FindingDetails;
import com.cloudtrailanalytics.findings.Signal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;

/**
 * Matches every event against the Sigma rules, next to where it was read: one view of the record
 * per event, shared by every rule, so free-form JSON is parsed once at most, and only when a rule
 * reaches into it. A finding's details are the rule's file and the values of the fields it reads
 * (null for a field the event does not have, a list for a field with several values).
 */
public final class SigmaFindings implements FlatMapFunction<CloudTrailEvent, Finding> {

  private static final long serialVersionUID = 1L;

  private static final FieldPath EVENT_NAME = FieldPath.of("eventName");
  private static final SigmaRule[] NONE = new SigmaRule[0];

  private final List<SigmaRule> rules;

  /** The rules that may match an event of each name seen so far, in the rules' order. */
  private transient Map<String, SigmaRule[]> byEventName;

  /** The fields each rule reads, for the details of its findings. */
  private transient Map<String, List<FieldPath>> fieldsByRule;

  public SigmaFindings(List<SigmaRule> rules) {
    this.rules = List.copyOf(rules);
  }

  @Override
  public void flatMap(CloudTrailEvent event, Collector<Finding> findings) {
    SigmaRule[] candidates = candidates(event.eventName());
    if (candidates.length == 0) {
      return;
    }
    EventFields fields = new EventFields(event);
    for (SigmaRule rule : candidates) {
      if (rule.matches(fields)) {
        findings.collect(finding(rule, fieldsRead(rule), event, fields));
      }
    }
  }

  /**
   * Most rules name the calls they are about: a rule is tried only on events whose {@code
   * eventName} it may match. CloudTrail spells each name one way, so the map stays small.
   */
  private SigmaRule[] candidates(String eventName) {
    if (byEventName == null) {
      byEventName = new HashMap<>();
    }
    String name = eventName == null ? "" : eventName;
    SigmaRule[] candidates = byEventName.get(name);
    if (candidates == null) {
      String lower = name.toLowerCase(Locale.ROOT);
      candidates =
          rules.stream()
              .filter(
                  rule -> {
                    Set<String> names = rule.detection().requiredValues(EVENT_NAME);
                    return names == null || names.contains(lower);
                  })
              .toArray(SigmaRule[]::new);
      byEventName.put(name, candidates.length == 0 ? NONE : candidates);
    }
    return candidates;
  }

  private List<FieldPath> fieldsRead(SigmaRule rule) {
    if (fieldsByRule == null) {
      fieldsByRule = new HashMap<>();
    }
    return fieldsByRule.computeIfAbsent(rule.id(), id -> rule.fields());
  }

  private static Finding finding(
      SigmaRule rule, List<FieldPath> read, CloudTrailEvent event, EventFields fields) {
    Map<String, Object> matched = new LinkedHashMap<>();
    for (FieldPath path : read) {
      List<String> values = fields.values(path);
      matched.put(
          path.toString(),
          switch (values.size()) {
            case 0 -> null;
            case 1 -> values.get(0);
            default -> values;
          });
    }
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("rule_file", rule.source());
    details.put("fields", matched);
    return Finding.of(
        rule.id(),
        rule.title(),
        rule.severity(),
        rule.tags().toArray(String[]::new),
        Signal.of(event),
        new String[] {event.eventId()},
        FindingDetails.json(details));
  }
}
