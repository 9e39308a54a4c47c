package com.cloudtrailanalytics.findings.alerts;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Posts JSON to one URL, trying again with doubling waits when the receiver is unreachable, slow,
 * throttling (429) or failing (5xx); other answers are final.
 */
final class Webhook {

  static final int ATTEMPTS = 4;
  static final Duration TIMEOUT = Duration.ofSeconds(5);

  private final URI url;
  private final Duration firstRetryDelay;
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(TIMEOUT).version(HttpClient.Version.HTTP_1_1).build();

  Webhook(URI url, Duration firstRetryDelay) {
    this.url = url;
    this.firstRetryDelay = firstRetryDelay;
  }

  /**
   * @return null when the receiver accepted the message, else why not after the last attempt
   */
  String post(String json) throws InterruptedException {
    long delay = firstRetryDelay.toMillis();
    String problem = null;
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      if (attempt > 1) {
        Thread.sleep(delay);
        delay *= 2;
      }
      try {
        HttpResponse<Void> response =
            client.send(
                HttpRequest.newBuilder(url)
                    .timeout(TIMEOUT)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json))
                    .build(),
                HttpResponse.BodyHandlers.discarding());
        int status = response.statusCode();
        if (status / 100 == 2) {
          return null;
        }
        problem = "HTTP " + status;
        if (status != 429 && status / 100 != 5) {
          return problem;
        }
      } catch (IOException e) {
        problem =
            e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
      }
    }
    return problem + " after " + ATTEMPTS + " attempts";
  }
}
