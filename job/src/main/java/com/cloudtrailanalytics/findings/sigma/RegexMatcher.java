package com.cloudtrailanalytics.findings.sigma;

import java.util.regex.Pattern;

/**
 * A {@code re} value: a Java regular expression found anywhere in the value (anchor it with {@code
 * ^} and {@code $} to match the whole value). Case-sensitive unless the rule adds {@code i}.
 */
record RegexMatcher(Pattern pattern) implements ValueMatcher {

  @Override
  public boolean test(String value) {
    return pattern.matcher(value).find();
  }
}
