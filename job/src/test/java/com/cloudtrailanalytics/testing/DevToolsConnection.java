package com.cloudtrailanalytics.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * One WebSocket to Chromium's DevTools: each command's answer is matched to it by id, and each
 * event goes to whoever listens on its session (flattened sessions: the browser's own have none).
 */
final class DevToolsConnection implements AutoCloseable {

  /** The longest any one step may take, so that no test hangs. */
  static final Duration TIMEOUT = Duration.ofSeconds(30);

  /** The browser's own session, the one with no id. */
  static final String BROWSER = "";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final AtomicInteger ids = new AtomicInteger();
  private final Map<Integer, CompletableFuture<JsonNode>> answers = new ConcurrentHashMap<>();
  private final Map<String, Consumer<JsonNode>> listeners = new ConcurrentHashMap<>();
  private final WebSocket socket;
  private volatile String failure;

  DevToolsConnection(URI address) throws InterruptedException {
    this.socket =
        await(
            "the DevTools connection to " + address,
            HttpClient.newBuilder()
                .proxy(HttpClient.Builder.NO_PROXY)
                .build()
                .newWebSocketBuilder()
                .connectTimeout(TIMEOUT)
                .buildAsync(address, new Messages()));
  }

  /** Sends a command on a session and returns its result; fails on an error or after a timeout. */
  JsonNode call(String sessionId, String method, Map<String, ?> params)
      throws InterruptedException {
    int id = ids.incrementAndGet();
    ObjectNode command = JSON.createObjectNode().put("id", id).put("method", method);
    command.set("params", JSON.valueToTree(params));
    if (!sessionId.equals(BROWSER)) {
      command.put("sessionId", sessionId);
    }
    CompletableFuture<JsonNode> answer = new CompletableFuture<>();
    answers.put(id, answer);
    try {
      // after the put, so that a hang-up either fails the answer or is seen here
      if (failure != null) {
        throw new IllegalStateException(method + " not sent: " + failure);
      }
      synchronized (socket) { // a WebSocket takes one message at a time
        await(method, socket.sendText(command.toString(), true));
      }
      return await(method, answer);
    } finally {
      answers.remove(id);
    }
  }

  /** Hands every event of the session to {@code listener}, on the connection's own thread. */
  void listen(String sessionId, Consumer<JsonNode> listener) {
    listeners.put(sessionId, listener);
  }

  void stopListening(String sessionId) {
    listeners.remove(sessionId);
  }

  private static <T> T await(String what, CompletableFuture<T> future) throws InterruptedException {
    try {
      return future.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      throw new IllegalStateException("Chromium did not answer " + what + " within " + TIMEOUT);
    } catch (ExecutionException e) {
      throw new IllegalStateException(what + " failed: " + e.getCause().getMessage(), e);
    }
  }

  private void receive(String text) throws JsonProcessingException {
    JsonNode message = JSON.readTree(text);
    if (message.has("id")) {
      CompletableFuture<JsonNode> answer = answers.get(message.get("id").asInt());
      if (answer != null && message.has("error")) {
        answer.completeExceptionally(new IllegalStateException(message.get("error").toString()));
      } else if (answer != null) {
        answer.complete(message.path("result"));
      }
    } else {
      Consumer<JsonNode> listener = listeners.get(message.path("sessionId").asText(BROWSER));
      if (listener != null) {
        listener.accept(message);
      }
    }
  }

  private void hungUp(String reason) {
    failure = reason;
    answers
        .values()
        .forEach(answer -> answer.completeExceptionally(new IllegalStateException(reason)));
  }

  @Override
  public void close() {
    socket.abort();
  }

  /** Reassembles messages (a screenshot arrives in many frames) and passes them on. */
  private final class Messages implements WebSocket.Listener {

    private final StringBuilder partial = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        String text = partial.toString();
        partial.setLength(0);
        try {
          receive(text);
        } catch (JsonProcessingException | RuntimeException e) {
          String start = text.substring(0, Math.min(text.length(), 300));
          hungUp("could not take in the DevTools message " + start + ": " + e);
        }
      }
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      hungUp("Chromium closed the DevTools connection (" + statusCode + " " + reason + ")");
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      hungUp("the DevTools connection failed: " + error);
    }
  }
}
