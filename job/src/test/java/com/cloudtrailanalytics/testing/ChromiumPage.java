package com.cloudtrailanalytics.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A tab of {@link HeadlessChromium} showing one file at a fixed viewport, 1400 by 900 CSS pixels at
 * one device pixel each, with every problem the page reported since it began to load.
 */
public final class ChromiumPage implements AutoCloseable {

  public static final int VIEWPORT_WIDTH = 1400;
  public static final int VIEWPORT_HEIGHT = 900;

  private final DevToolsConnection devTools;
  private final String targetId;
  private final String sessionId;
  private final List<PageProblem> problems = new CopyOnWriteArrayList<>();

  /** Documents that fired their load event, by loader id: it may come before navigate answers. */
  private final Map<String, CompletableFuture<Void>> loaded = new ConcurrentHashMap<>();

  private ChromiumPage(DevToolsConnection devTools, String targetId, String sessionId) {
    this.devTools = devTools;
    this.targetId = targetId;
    this.sessionId = sessionId;
  }

  static ChromiumPage open(DevToolsConnection devTools, Path file, String settledWhen)
      throws InterruptedException {
    String targetId =
        devTools
            .call(DevToolsConnection.BROWSER, "Target.createTarget", Map.of("url", "about:blank"))
            .path("targetId")
            .asText();
    String sessionId =
        devTools
            .call(
                DevToolsConnection.BROWSER,
                "Target.attachToTarget",
                Map.of("targetId", targetId, "flatten", true))
            .path("sessionId")
            .asText();
    ChromiumPage page = new ChromiumPage(devTools, targetId, sessionId);
    try {
      page.load(file.toAbsolutePath().toUri(), settledWhen);
    } catch (RuntimeException e) {
      try {
        page.close();
      } catch (RuntimeException closing) {
        e.addSuppressed(closing);
      }
      throw e;
    }
    return page;
  }

  private void load(URI url, String settledWhen) throws InterruptedException {
    devTools.listen(sessionId, this::onEvent);
    for (String domain : List.of("Runtime", "Log", "Page")) {
      call(domain + ".enable", Map.of());
    }
    call("Page.setLifecycleEventsEnabled", Map.of("enabled", true));
    call(
        "Emulation.setDeviceMetricsOverride",
        Map.of(
            "width",
            VIEWPORT_WIDTH,
            "height",
            VIEWPORT_HEIGHT,
            "deviceScaleFactor",
            1,
            "mobile",
            false));
    JsonNode navigation = call("Page.navigate", Map.of("url", url.toString()));
    if (navigation.hasNonNull("errorText")) {
      throw new IllegalStateException(
          "Chromium could not open " + url + ": " + navigation.get("errorText").asText());
    }
    awaitLoad(url, navigation.path("loaderId").asText());
    awaitSettled(url, settledWhen);
  }

  private void awaitLoad(URI url, String loaderId) throws InterruptedException {
    try {
      loaded(loaderId).get(DevToolsConnection.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (TimeoutException | ExecutionException e) {
      throw new IllegalStateException(
          url + " did not load within " + DevToolsConnection.TIMEOUT + "; problems: " + problems);
    }
  }

  private void awaitSettled(URI url, String settledWhen) throws InterruptedException {
    long deadline = System.nanoTime() + DevToolsConnection.TIMEOUT.toNanos();
    while (!evaluate(settledWhen).asBoolean(false)) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            String.format(
                "%s did not settle: `%s` was still not true after %s; problems: %s",
                url, settledWhen, DevToolsConnection.TIMEOUT, problems));
      }
      Thread.sleep(100);
    }
  }

  /**
   * The value of a JavaScript expression in the page, a promise's once it resolves, as JSON; {@code
   * undefined} is a missing node. Fails with the exception if the expression throws.
   */
  public JsonNode evaluate(String expression) throws InterruptedException {
    JsonNode answer =
        call(
            "Runtime.evaluate",
            Map.of("expression", expression, "returnByValue", true, "awaitPromise", true));
    if (answer.has("exceptionDetails")) {
      throw new IllegalStateException(
          "`"
              + expression
              + "` threw "
              + PageProblem.fromException(answer.get("exceptionDetails")));
    }
    return answer.path("result").path("value");
  }

  /** Writes a PNG of the viewport, or of the whole page however long it is. */
  public void screenshot(Path png, boolean fullPage) throws IOException, InterruptedException {
    Map<String, Object> params = Map.of("format", "png");
    if (fullPage) {
      JsonNode size = call("Page.getLayoutMetrics", Map.of()).path("cssContentSize");
      Map<String, Object> clip =
          Map.of(
              "x", 0,
              "y", 0,
              "width", Math.ceil(size.path("width").asDouble()),
              "height", Math.ceil(size.path("height").asDouble()),
              "scale", 1);
      params = Map.of("format", "png", "captureBeyondViewport", true, "clip", clip);
    }
    String data = call("Page.captureScreenshot", params).path("data").asText();
    Files.createDirectories(png.toAbsolutePath().getParent());
    Files.write(png, Base64.getDecoder().decode(data));
  }

  /** The console errors and warnings, uncaught exceptions and browser errors so far, in order. */
  public List<PageProblem> problems() {
    return List.copyOf(problems);
  }

  private JsonNode call(String method, Map<String, ?> params) throws InterruptedException {
    return devTools.call(sessionId, method, params);
  }

  private void onEvent(JsonNode event) {
    JsonNode params = event.path("params");
    switch (event.path("method").asText()) {
      case "Runtime.consoleAPICalled" -> PageProblem.fromConsole(params).ifPresent(problems::add);
      case "Runtime.exceptionThrown" ->
          problems.add(PageProblem.fromException(params.path("exceptionDetails")));
      case "Log.entryAdded" -> PageProblem.fromLog(params.path("entry")).ifPresent(problems::add);
      case "Page.lifecycleEvent" -> {
        if (params.path("name").asText().equals("load")) {
          loaded(params.path("loaderId").asText()).complete(null);
        }
      }
      default -> {
        // other events say nothing about whether the page works
      }
    }
  }

  private CompletableFuture<Void> loaded(String loaderId) {
    return loaded.computeIfAbsent(loaderId, id -> new CompletableFuture<>());
  }

  @Override
  public void close() throws InterruptedException {
    devTools.stopListening(sessionId);
    devTools.call(DevToolsConnection.BROWSER, "Target.closeTarget", Map.of("targetId", targetId));
  }
}
