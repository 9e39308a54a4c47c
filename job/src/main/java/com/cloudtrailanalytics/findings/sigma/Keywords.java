package com.cloudtrailanalytics.findings.sigma;

import java.util.List;
import java.util.stream.Stream;

/**
 * A list of plain values (keywords) searched across the whole record: one of them, or with {@code
 * all} each of them, matches some value of any field.
 */
record Keywords(List<ValueMatcher> matchers, boolean all) implements SigmaDetection {

  Keywords {
    matchers = List.copyOf(matchers);
  }

  @Override
  public boolean matches(RecordFields record) {
    for (int i = 0; i < matchers.size(); i++) {
      if (record.anyValue(matchers.get(i)) != all) {
        return !all;
      }
    }
    return all;
  }

  @Override
  public Stream<FieldPath> fields() {
    return Stream.empty();
  }
}
