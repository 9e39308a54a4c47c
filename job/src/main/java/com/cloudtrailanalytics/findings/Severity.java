package com.cloudtrailanalytics.findings;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How bad a finding is, in Sigma's levels, lowest first. */
public enum Severity {
  INFORMATIONAL,
  LOW,
  MEDIUM,
  HIGH,
  CRITICAL;

  /** The level as the findings table and Sigma spell it, e.g. {@code high}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The severity a Sigma {@code level} (or an option's value) names, in any case. */
  public static Optional<Severity> of(String label) {
    return Arrays.stream(values()).filter(s -> s.name().equalsIgnoreCase(label)).findFirst();
  }
}
