package com.cloudtrailanalytics.findings.sigma;

import java.util.List;
import java.util.stream.Stream;

/** {@code and}: every part matches; stops at the first that does not. */
record AllOf(List<SigmaDetection> parts) implements SigmaDetection {

  AllOf {
    parts = List.copyOf(parts);
  }

  @Override
  public boolean matches(RecordFields record) {
    for (int i = 0; i < parts.size(); i++) {
      if (!parts.get(i).matches(record)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public Stream<FieldPath> fields() {
    return parts.stream().flatMap(SigmaDetection::fields);
  }
}
