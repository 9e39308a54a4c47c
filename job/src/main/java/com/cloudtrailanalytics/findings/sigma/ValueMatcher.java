package com.cloudtrailanalytics.findings.sigma;

import java.io.Serializable;
import java.util.function.Predicate;

/** One value of a rule, compiled: tests one (non-null) value of a record. */
interface ValueMatcher extends Predicate<String>, Serializable {

  /**
   * The one value this matcher takes, in lower case (so also when it ignores case), or null when it
   * takes more than one: what lets rules be picked by {@code eventName} before they are tested.
   */
  default String onlyValueInLowerCase() {
    return null;
  }
}
