package com.cloudtrailanalytics.findings.sigma;

import java.util.List;
import java.util.Set;
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

  /** Every part must match, so the first part that requires values requires them of the whole. */
  @Override
  public Set<String> requiredValues(FieldPath field) {
    for (SigmaDetection part : parts) {
      Set<String> values = part.requiredValues(field);
      if (values != null) {
        return values;
      }
    }
    return null;
  }

  @Override
  public boolean requiresValue(FieldPath field) {
    for (SigmaDetection part : parts) {
      if (part.requiresValue(field)) {
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
