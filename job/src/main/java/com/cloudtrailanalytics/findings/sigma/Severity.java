package com.cloudtrailanalytics.findings.sigma;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** A rule's {@code level}, from least to most severe. */
public enum Severity {
  INFORMATIONAL,
  LOW,
  MEDIUM,
  HIGH,
  CRITICAL;

  /**
   * For a rule without {@code level}: the middle of the scale, so that an unrated rule neither
   * drowns in informational findings nor pages anyone as critical.
   */
  public static final Severity DEFAULT = MEDIUM;

  /** The severity a {@code level} names, in any case; empty for any other word. */
  public static Optional<Severity> ofLevel(String level) {
    return Arrays.stream(values()).filter(s -> s.level().equalsIgnoreCase(level)).findFirst();
  }

  /** The word Sigma uses: {@code informational}, {@code low}, ... */
  public String level() {
    return name().toLowerCase(Locale.ROOT);
  }

  static String allLevels() {
    return Arrays.stream(values()).map(Severity::level).collect(Collectors.joining(", "));
  }
}
