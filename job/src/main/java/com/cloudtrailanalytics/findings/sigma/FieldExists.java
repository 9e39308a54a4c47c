package com.cloudtrailanalytics.findings.sigma;

import java.util.stream.Stream;

/**
 * {@code field|exists: true} (or {@code false}): whether the record has the field at all, be its
 * value empty or null.
 */
record FieldExists(FieldPath path, boolean exists) implements SigmaDetection {

  @Override
  public boolean matches(RecordFields record) {
    return record.values(path).isEmpty() != exists;
  }

  @Override
  public Stream<FieldPath> fields() {
    return Stream.of(path);
  }
}
