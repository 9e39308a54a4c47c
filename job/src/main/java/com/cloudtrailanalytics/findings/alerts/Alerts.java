package com.cloudtrailanalytics.findings.alerts;

import com.cloudtrailanalytics.config.InvalidSettingException;
import com.cloudtrailanalytics.config.JobOptions;
import com.cloudtrailanalytics.config.JobSettings;
import com.cloudtrailanalytics.findings.Finding;
import com.cloudtrailanalytics.findings.Severity;
import java.net.URI;
import java.util.Optional;
import org.apache.flink.streaming.api.datastream.DataStream;

/** Wires the alerts: one sender for the whole job, after the findings. */
public final class Alerts {

  private Alerts() {}

  /** The alerts' settings, when {@code --alert-webhook} is set. */
  public static Optional<AlertSink.Settings> settings(JobSettings job) {
    String webhook = job.detections().alertWebhook();
    if (webhook == null) {
      return Optional.empty();
    }
    String level = job.detections().alertMinSeverity();
    Severity minimum =
        Severity.of(level)
            .orElseThrow(
                () ->
                    new InvalidSettingException(
                        JobSettings.describe(JobOptions.ALERT_MIN_SEVERITY)
                            + " is "
                            + level
                            + "; it must be informational, low, medium, high or critical"));
    return Optional.of(
        AlertSink.Settings.of(URI.create(webhook), minimum, job.output(), job.geoipDb()));
  }

  public static void post(DataStream<Finding> findings, AlertSink.Settings settings) {
    findings.sinkTo(new AlertSink(settings)).setParallelism(1).name("Alerts").uid("alerts");
  }
}
