package com.cloudtrailanalytics.findings.sigma;

/** {@code not}. */
record Not(Detection part) implements Detection {

  @Override
  public boolean matches(RecordFields record) {
    return !part.matches(record);
  }
}
