package com.cloudtrailanalytics.findings.sigma;

import java.util.List;
import java.util.stream.Stream;

/** {@code or}: some part matches; stops at the first that does. */
record AnyOf(List<SigmaDetection> parts) implements SigmaDetection {

  AnyOf {
    parts = List.copyOf(parts);
  }

  @Override
  public boolean matches(RecordFields record) {
    for (int i = 0; i < parts.size(); i++) {
      if (parts.get(i).matches(record)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public Stream<FieldPath> fields() {
    return parts.stream().flatMap(SigmaDetection::fields);
  }
}
