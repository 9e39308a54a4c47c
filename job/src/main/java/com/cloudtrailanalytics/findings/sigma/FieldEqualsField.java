package com.cloudtrailanalytics.findings.sigma;

import java.util.List;
import java.util.stream.Stream;

/**
 * {@code field|fieldref: other}: some value of {@code field} equals some value of {@code other}
 * (case-insensitively unless {@code cased}); with a list of fields, one of them, or with {@code
 * all}, each of them. Nulls equal nothing.
 */
record FieldEqualsField(FieldPath path, List<FieldPath> others, boolean all, boolean cased)
    implements SigmaDetection {

  FieldEqualsField {
    others = List.copyOf(others);
  }

  @Override
  public boolean matches(RecordFields record) {
    List<String> values = record.values(path);
    if (values.isEmpty()) {
      return false;
    }
    for (int i = 0; i < others.size(); i++) {
      if (shareAValue(values, record.values(others.get(i))) != all) {
        return !all;
      }
    }
    return all;
  }

  private boolean shareAValue(List<String> values, List<String> otherValues) {
    for (String value : values) {
      for (String other : otherValues) {
        if (value != null
            && other != null
            && (cased ? value.equals(other) : value.equalsIgnoreCase(other))) {
          return true;
        }
      }
    }
    return false;
  }

  @Override
  public Stream<FieldPath> fields() {
    return Stream.concat(Stream.of(path), others.stream());
  }
}
