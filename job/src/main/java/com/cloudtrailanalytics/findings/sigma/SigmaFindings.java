package com.cloudtrailanalytics.findings.sigma;

import com.cloudtrailanalytics.event.CloudTrailEvent;
import com.cloudtrailanalytics.findings.Finding;
import com.cloudtrailanalytics.findings.FindingDetails;
import com.cloudtrailanalytics.findings.Signal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;

/**
 * Matches every event against the Sigma rules, next to where it was read: only the rules that
 * {@link RuleIndex} says may match, and one view of the record per event, shared by those rules, so
 * free-form JSON is parsed once at most, and only when a rule reaches into it. A finding's details
 * are the rule's file and the values of the fields it reads (null for a field the event does not
 * have, a list for a field with several values).
 */
public final class SigmaFindings implements FlatMapFunction<CloudTrailEvent, Finding> {

  private static final long serialVersionUID = 1L;

  private final RuleIndex index;

  /** The fields each rule reads, for the details of its findings. */
  private transient Map<String, List<FieldPath>> fieldsByRule;

  public SigmaFindings(List<SigmaRule> rules) {
    this.index = new RuleIndex(rules);
  }

  @Override
  public void flatMap(CloudTrailEvent event, Collector<Finding> findings) {
    EventFields fields = null;
    for (RuleIndex.Gated candidate : index.byEventName(event.eventName())) {
      if (!candidate.admits(event)) {
        continue;
      }
      if (fields == null) {
        fields = new EventFields(event);
      }
      SigmaRule rule = candidate.rule();
      if (rule.matches(fields)) {
        findings.collect(finding(rule, fieldsRead(rule), event, fields));
      }
    }
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
