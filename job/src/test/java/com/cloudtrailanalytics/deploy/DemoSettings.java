package com.cloudtrailanalytics.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** docker/.env, the local demo's settings, and Compose's {@code ${NAME}} interpolation of them. */
final class DemoSettings {

  private static final Pattern VARIABLE = Pattern.compile("(?<!\\$)\\$\\{(\\w+)}");

  private DemoSettings() {}

  /** NAME=value lines; comments and blank lines skipped. */
  static Map<String, String> read(Path envFile) {
    Map<String, String> settings = new LinkedHashMap<>();
    try {
      for (String line : Files.readAllLines(envFile)) {
        if (!line.isBlank() && !line.startsWith("#")) {
          int equals = line.indexOf('=');
          settings.put(line.substring(0, equals).strip(), line.substring(equals + 1).strip());
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return settings;
  }

  /** The text with each {@code ${NAME}} replaced as Compose does; an unknown name fails. */
  static String interpolate(String text, Map<String, String> settings) {
    Matcher variable = VARIABLE.matcher(text);
    StringBuilder filled = new StringBuilder();
    while (variable.find()) {
      String value = settings.get(variable.group(1));
      if (value == null) {
        throw new IllegalStateException("${" + variable.group(1) + "} is not in docker/.env");
      }
      variable.appendReplacement(filled, Matcher.quoteReplacement(value));
    }
    return variable.appendTail(filled).toString();
  }
}
