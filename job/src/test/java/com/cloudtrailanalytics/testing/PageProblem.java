package com.cloudtrailanalytics.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * Something a page reported going wrong: a console error or warning ({@code console.error}, {@code
 * console.warning}, {@code console.assert}), an uncaught exception ({@code exception}), or an error
 * of the browser's own such as a resource that failed to load ({@code log.error}). Lines count from
 * 1; 0 where the browser gave none.
 */
public record PageProblem(String kind, String text, String url, int line) {

  private static final Set<String> CONSOLE_PROBLEMS = Set.of("error", "warning", "assert");

  /** A {@code Runtime.consoleAPICalled} event's problem, if it is an error or a warning. */
  static Optional<PageProblem> fromConsole(JsonNode event) {
    String type = event.path("type").asText();
    if (!CONSOLE_PROBLEMS.contains(type)) {
      return Optional.empty();
    }
    String text =
        StreamSupport.stream(event.path("args").spliterator(), false)
            .map(PageProblem::shown)
            .collect(Collectors.joining(" "));
    JsonNode frame = event.path("stackTrace").path("callFrames").path(0);
    return Optional.of(
        new PageProblem("console." + type, text, frame.path("url").asText(), line(frame)));
  }

  /** A {@code Runtime.exceptionThrown} event's details, as "Uncaught Error: the message". */
  static PageProblem fromException(JsonNode details) {
    JsonNode exception = details.path("exception");
    String thrown = exception.has("description") ? exception.get("description").asText() : "";
    // an Error's description goes on with its stack, which the URL and line already stand for
    String message =
        thrown.isEmpty() ? shown(exception) : thrown.lines().findFirst().orElse(thrown);
    String text = (details.path("text").asText() + " " + message).strip();
    return new PageProblem("exception", text, details.path("url").asText(), line(details));
  }

  /** A {@code Log.entryAdded} event's entry, if it is an error. */
  static Optional<PageProblem> fromLog(JsonNode entry) {
    if (!entry.path("level").asText().equals("error")) {
      return Optional.empty();
    }
    return Optional.of(
        new PageProblem(
            "log.error", entry.path("text").asText(), entry.path("url").asText(), line(entry)));
  }

  /** DevTools counts lines from 0. */
  private static int line(JsonNode location) {
    return location.has("lineNumber") ? location.get("lineNumber").asInt() + 1 : 0;
  }

  /** A console argument or thrown value as the console would show it. */
  private static String shown(JsonNode remoteObject) {
    if (remoteObject.has("value")) {
      JsonNode value = remoteObject.get("value");
      return value.isTextual() ? value.asText() : value.toString();
    }
    if (remoteObject.has("description")) {
      return remoteObject.get("description").asText();
    }
    return remoteObject.path("unserializableValue").asText(remoteObject.path("type").asText());
  }

  @Override
  public String toString() {
    return kind + " \"" + text + "\" at " + url + (line > 0 ? ":" + line : "");
  }
}
