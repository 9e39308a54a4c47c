package com.cloudtrailanalytics.findings.sigma;

/** {@code not}. */
record Not(SigmaDetection part) implements SigmaDetection {

  @Override
  public boolean matches(RecordFields record) {
    return !part.matches(record);
  }
}
