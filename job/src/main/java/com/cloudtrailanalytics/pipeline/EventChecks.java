package com.cloudtrailanalytics.pipeline;

import com.cloudtrailanalytics.event.CloudTrailEvent;
import com.cloudtrailanalytics.findings.Finding;
import com.cloudtrailanalytics.findings.detections.DetectionSignals;
import com.cloudtrailanalytics.findings.sigma.SigmaFindings;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Every event checked once for findings: the Sigma rules' findings on the main output, and the
 * signals of the stateful detections on {@link DetectionSignals}' outputs. One operator rather than
 * one per check, so that each event is handed over once, not once per check.
 */
final class EventChecks extends ProcessFunction<CloudTrailEvent, Finding> {

  private static final long serialVersionUID = 1L;

  private final SigmaFindings rules;
  private final DetectionSignals signals;

  EventChecks(SigmaFindings rules, DetectionSignals signals) {
    this.rules = rules;
    this.signals = signals;
  }

  @Override
  public void processElement(CloudTrailEvent event, Context context, Collector<Finding> findings)
      throws Exception {
    rules.flatMap(event, findings);
    signals.route(event, context::output);
  }
}
