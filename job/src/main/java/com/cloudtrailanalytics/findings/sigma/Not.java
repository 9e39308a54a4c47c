package com.cloudtrailanalytics.findings.sigma;

import java.util.stream.Stream;

/** {@code not}. */
record Not(SigmaDetection part) implements SigmaDetection {

  @Override
  public boolean matches(RecordFields record) {
    return !part.matches(record);
  }

  @Override
  public Stream<FieldPath> fields() {
    return part.fields();
  }
}
