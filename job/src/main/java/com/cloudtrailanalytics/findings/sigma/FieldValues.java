package com.cloudtrailanalytics.findings.sigma;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code field: value} or {@code field: [values]}, with any modifiers: some value of the field
 * matches one of the rule's values, or with {@code all}, each of them. A field with several values
 * (an array in the record) matches when one of its values does.
 */
record FieldValues(FieldPath path, List<ValueMatcher> matchers, boolean all)
    implements SigmaDetection {

  FieldValues {
    matchers = List.copyOf(matchers);
  }

  @Override
  public boolean matches(RecordFields record) {
    List<String> values = record.values(path);
    if (values.isEmpty()) {
      return false;
    }
    for (int i = 0; i < matchers.size(); i++) {
      if (someValueMatches(values, matchers.get(i)) != all) {
        return !all;
      }
    }
    return all;
  }

  private static boolean someValueMatches(List<String> values, ValueMatcher matcher) {
    for (int i = 0; i < values.size(); i++) {
      String value = values.get(i);
      if (value != null && matcher.test(value)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public Set<String> requiredValues(FieldPath field) {
    if (all || !path.equals(field)) {
      return null;
    }
    Set<String> values = new HashSet<>();
    for (ValueMatcher matcher : matchers) {
      String value = matcher.onlyValueInLowerCase();
      if (value == null) {
        return null;
      }
      values.add(value);
    }
    return values;
  }

  /** A field without values matches none, whatever the rule's values. */
  @Override
  public boolean requiresValue(FieldPath field) {
    return path.equals(field);
  }

  @Override
  public Stream<FieldPath> fields() {
    return Stream.of(path);
  }
}
