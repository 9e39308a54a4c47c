package com.cloudtrailanalytics.findings.sigma;

import java.util.List;
import java.util.stream.Stream;

/** {@code field: null}: the record lacks the field, or has only nulls there. */
record FieldIsNull(FieldPath path) implements SigmaDetection {

  @Override
  public boolean matches(RecordFields record) {
    List<String> values = record.values(path);
    for (int i = 0; i < values.size(); i++) {
      if (values.get(i) != null) {
        return false;
      }
    }
    return true;
  }

  @Override
  public Stream<FieldPath> fields() {
    return Stream.of(path);
  }
}
