package com.cloudtrailanalytics.findings.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudtrailanalytics.findings.Finding;
import com.cloudtrailanalytics.findings.Severity;
import com.cloudtrailanalytics.findings.WebhookReceiver;
import com.cloudtrailanalytics.geo.Places;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Alerts still waiting at a checkpoint are posted after a restart, and only those not posted. */
class AlertWriterStateTest {

  @TempDir Path output;

  @Test
  void findingsWaitingAtACheckpointArePostedByTheRestoredWriterUnlessMarkedSent() throws Exception {
    List<Finding> findings = List.of(finding("a"), finding("b"), finding("c"));
    List<Finding> state;
    // The first writer's webhook refuses connections and waits a minute before trying again, so
    // one finding is being posted and two are queued when the checkpoint is taken.
    try (AlertWriter crashing = writer(URI.create("http://127.0.0.1:" + closedPort() + "/hook"))) {
      for (Finding finding : findings) {
        crashing.write(finding, null);
      }
      state = crashing.snapshotState(1);
    }
    assertThat(state).extracting(Finding::findingId).containsExactly("a", "b", "c");
    // Before the crash, the webhook had taken "a" and its marker had been written.
    new SentAlerts(output.toString()).add("a");

    try (WebhookReceiver receiver = new WebhookReceiver(200);
        AlertWriter restored = writer(URI.create(receiver.url()), throughCheckpoint(state))) {
      restored.flush(true);

      assertThat(receiver.bodies())
          .hasSize(2)
          .anySatisfy(body -> assertThat(body).contains("finding b,"))
          .anySatisfy(body -> assertThat(body).contains("finding c,"));
      assertThat(restored.snapshotState(2)).as("nothing waits once posted").isEmpty();
    }
  }

  @Test
  void aFindingFoundAgainWhileItIsBeingPostedStaysInTheStateThoughTheQueueIsFull()
      throws Exception {
    // A webhook that takes the connection and never answers: the first finding is being posted.
    try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        AlertWriter writer =
            writer(URI.create("http://127.0.0.1:" + silent.getLocalPort() + "/hook"), 1)) {
      Finding first = finding("a");
      writer.write(first, null);
      try (Socket posting = silent.accept()) {
        writer.write(finding("b"), null);
        // a replay finds "a" again while the queue is full: that copy is dropped, the first stays
        writer.write(finding("a"), null);

        assertThat(writer.snapshotState(1))
            .extracting(Finding::findingId)
            .containsExactly("a", "b");
        assertThat(writer.snapshotState(1).get(0)).isSameAs(first);
      }
    }
  }

  @Test
  void aQueuedFindingSurvivesSerializationWithItsNullsAndArrays() throws IOException {
    Finding finding = finding("a");
    QueuedFindingsSerializer serializer = new QueuedFindingsSerializer();

    Finding back = serializer.deserialize(serializer.getVersion(), serializer.serialize(finding));

    assertThat(back).usingRecursiveComparison().isEqualTo(finding);
  }

  private List<Finding> throughCheckpoint(List<Finding> state) throws IOException {
    QueuedFindingsSerializer serializer = new QueuedFindingsSerializer();
    List<Finding> restored = new ArrayList<>();
    for (Finding finding : state) {
      restored.add(serializer.deserialize(serializer.getVersion(), serializer.serialize(finding)));
    }
    return restored;
  }

  private AlertWriter writer(URI webhook) {
    return writer(webhook, List.of());
  }

  private AlertWriter writer(URI webhook, List<Finding> restored) {
    return writer(webhook, restored, 10);
  }

  private AlertWriter writer(URI webhook, int queueCapacity) {
    return writer(webhook, List.of(), queueCapacity);
  }

  private AlertWriter writer(URI webhook, List<Finding> restored, int queueCapacity) {
    AlertSink.Settings settings =
        new AlertSink.Settings(
            webhook,
            Severity.HIGH,
            output.toString(),
            null,
            queueCapacity,
            Duration.ofMinutes(1),
            Duration.ofSeconds(30));
    return new AlertWriter(
        settings,
        new Webhook(webhook, settings.firstRetryDelay()),
        new SentAlerts(settings.output()),
        new Places(null),
        new UnregisteredMetricsGroup(),
        restored);
  }

  private static Finding finding(String id) {
    return new Finding(
        id,
        "ct-console-brute-force",
        "Many failed console sign-ins from one address",
        "high",
        new String[] {"attack.t1110.001"},
        1_709_287_380_000L,
        "111122223333",
        "us-east-1",
        "arn:aws:iam::111122223333:user/mallory",
        "mallory",
        null,
        "89.160.20.112",
        "signin.amazonaws.com",
        "ConsoleLogin",
        new String[] {"event-" + id, "event-" + id + "-2"},
        "{}");
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
