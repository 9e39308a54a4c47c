package com.cloudtrailanalytics.findings.alerts;

import com.cloudtrailanalytics.findings.Finding;
import com.cloudtrailanalytics.findings.Severity;
import com.cloudtrailanalytics.geo.Places;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.flink.api.connector.sink2.StatefulSinkWriter;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands findings to a sender thread through a bounded queue: {@link #write} never waits. The sender
 * skips findings already posted (before a restart), posts the rest and marks them sent. Findings
 * still waiting, or being posted, at a checkpoint are in its state, so a restart posts them rather
 * than losing them.
 */
final class AlertWriter implements StatefulSinkWriter<Finding, Finding> {

  private static final Logger LOG = LoggerFactory.getLogger(AlertWriter.class);

  private final AlertSink.Settings settings;
  private final Webhook webhook;
  private final SentAlerts sent;
  private final Places places;
  private final BlockingQueue<Finding> queue;

  /**
   * Findings queued or being posted, by id, in the order they came: the state at a checkpoint. A
   * finding found again (a replay) while its first copy waits leaves the first copy here, which
   * only that copy removes once handled.
   */
  private final Map<String, Finding> waiting = Collections.synchronizedMap(new LinkedHashMap<>());

  private final AtomicInteger inFlight = new AtomicInteger();
  private final Counter posted;
  private final Counter dropped;
  private final Counter postedBefore;
  private final Thread sender;

  AlertWriter(
      AlertSink.Settings settings,
      Webhook webhook,
      SentAlerts sent,
      Places places,
      MetricGroup metrics,
      Collection<Finding> restored) {
    this.settings = settings;
    this.webhook = webhook;
    this.sent = sent;
    this.places = places;
    this.queue = new ArrayBlockingQueue<>(settings.queueCapacity());
    this.posted = metrics.counter("alertsPosted");
    this.dropped = metrics.counter("alertsDropped");
    this.postedBefore = metrics.counter("alertsPostedBefore");
    this.sender = new Thread(this::sendUntilInterrupted, "alert-sender");
    sender.setDaemon(true);
    restored.forEach(this::enqueue);
    sender.start();
  }

  @Override
  public void write(Finding finding, Context context) {
    Severity severity = Severity.of(finding.severity()).orElse(Severity.CRITICAL);
    if (severity.compareTo(settings.minimumSeverity()) >= 0) {
      enqueue(finding);
    }
  }

  private void enqueue(Finding finding) {
    inFlight.incrementAndGet();
    waiting.putIfAbsent(finding.findingId(), finding);
    if (!queue.offer(finding)) {
      inFlight.decrementAndGet();
      waiting.remove(finding.findingId(), finding);
      drop(finding, "the alert queue is full (" + settings.queueCapacity() + " waiting)");
    }
  }

  @Override
  public List<Finding> snapshotState(long checkpointId) {
    synchronized (waiting) {
      return new ArrayList<>(waiting.values());
    }
  }

  /** At the end of a bounded input, waits a bounded time for the queue to empty. */
  @Override
  public void flush(boolean endOfInput) throws InterruptedException {
    if (!endOfInput) {
      return;
    }
    long deadline = System.nanoTime() + settings.drainTimeout().toNanos();
    while (inFlight.get() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    Finding left;
    while ((left = queue.poll()) != null) {
      inFlight.decrementAndGet();
      waiting.remove(left.findingId(), left);
      drop(left, "the run ended while it waited (" + settings.drainTimeout() + " at most)");
    }
    LOG.info(
        "Alerts to {}: {} posted, {} posted before a restart, {} dropped",
        settings.webhook(),
        posted.getCount(),
        postedBefore.getCount(),
        dropped.getCount());
  }

  @Override
  public void close() throws InterruptedException {
    sender.interrupt();
    sender.join(TimeUnit.SECONDS.toMillis(10));
  }

  private void sendUntilInterrupted() {
    try {
      while (!Thread.currentThread().isInterrupted()) {
        Finding finding = queue.take();
        try {
          send(finding);
          // an interrupted post stays waiting: the job is stopping, and its state keeps it
          waiting.remove(finding.findingId(), finding);
        } finally {
          inFlight.decrementAndGet();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void send(Finding finding) throws InterruptedException {
    try {
      if (sent.contains(finding.findingId())) {
        postedBefore.inc();
        return;
      }
      String country = places.of(finding.sourceIpAddress()).countryIsoCode();
      String problem = webhook.post(SlackMessage.of(finding, country));
      if (problem != null) {
        drop(finding, "the webhook refused it: " + problem);
        return;
      }
      sent.add(finding.findingId());
      posted.inc();
    } catch (IOException | RuntimeException e) {
      drop(finding, "it could not be checked or marked as sent: " + e.getMessage());
    }
  }

  /** Logs the first ten drops, then every hundredth: a webhook that is down drops them all. */
  private void drop(Finding finding, String reason) {
    dropped.inc();
    long count = dropped.getCount();
    if (count > 10 && count % 100 != 0) {
      return;
    }
    LOG.warn(
        "Alert dropped ({} so far) for finding {} ({}, {}): {}",
        count,
        finding.findingId(),
        finding.ruleId(),
        finding.severity(),
        reason);
  }
}
