package com.cloudtrailanalytics.findings.alerts;

import com.cloudtrailanalytics.findings.Finding;
import com.cloudtrailanalytics.findings.Severity;
import com.cloudtrailanalytics.geo.Places;
import java.net.URI;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.StatefulSinkWriter;
import org.apache.flink.api.connector.sink2.SupportsWriterState;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * Posts each new finding of at least a minimum severity to a webhook (Slack-compatible JSON), from
 * a queue of its own, so that a webhook that is slow or down never holds the pipeline up: what does
 * not fit in the queue, or is still refused after the retries, is dropped, counted and logged.
 */
public final class AlertSink implements Sink<Finding>, SupportsWriterState<Finding, Finding> {

  private static final long serialVersionUID = 1L;

  /** Settings of the alerts; {@code drainTimeout} bounds the wait at the end of a bounded run. */
  public record Settings(
      URI webhook,
      Severity minimumSeverity,
      String output,
      String geoipDb,
      int queueCapacity,
      Duration firstRetryDelay,
      Duration drainTimeout)
      implements java.io.Serializable {

    public static Settings of(
        URI webhook, Severity minimumSeverity, String output, String geoipDb) {
      return new Settings(
          webhook,
          minimumSeverity,
          output,
          geoipDb,
          1_000,
          Duration.ofMillis(500),
          Duration.ofSeconds(30));
    }
  }

  private final Settings settings;

  public AlertSink(Settings settings) {
    this.settings = settings;
  }

  @Override
  public StatefulSinkWriter<Finding, Finding> createWriter(WriterInitContext context) {
    return restoreWriter(context, List.of());
  }

  /** A writer that first posts the findings that were waiting at the checkpoint restored. */
  @Override
  public StatefulSinkWriter<Finding, Finding> restoreWriter(
      WriterInitContext context, Collection<Finding> waiting) {
    return new AlertWriter(
        settings,
        new Webhook(settings.webhook(), settings.firstRetryDelay()),
        new SentAlerts(settings.output()),
        new Places(settings.geoipDb()),
        context.metricGroup().addGroup("cloudtrail"),
        waiting);
  }

  @Override
  public SimpleVersionedSerializer<Finding> getWriterStateSerializer() {
    return new QueuedFindingsSerializer();
  }
}
