package com.cloudtrailanalytics.findings.sigma;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
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

  /** One part must match: the values any of them requires, if each requires some. */
  @Override
  public Set<String> requiredValues(FieldPath field) {
    Set<String> values = new HashSet<>();
    for (SigmaDetection part : parts) {
      Set<String> required = part.requiredValues(field);
      if (required == null) {
        return null;
      }
      values.addAll(required);
    }
    return values;
  }

  @Override
  public boolean requiresValue(FieldPath field) {
    for (SigmaDetection part : parts) {
      if (!part.requiresValue(field)) {
        return false;
      }
    }
    return !parts.isEmpty();
  }

  @Override
  public Stream<FieldPath> fields() {
    return parts.stream().flatMap(SigmaDetection::fields);
  }
}
