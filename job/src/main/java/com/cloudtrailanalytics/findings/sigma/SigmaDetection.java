package com.cloudtrailanalytics.findings.sigma;

import java.io.Serializable;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A rule's detection compiled into a tree of tests: regular expressions, wildcard patterns and
 * field paths are all prepared when the rule loads. {@code and}/{@code or} stop at the first test
 * that decides.
 */
public interface SigmaDetection extends Serializable {

  boolean matches(RecordFields record);

  /**
   * The values (in lower case) one of which {@code field} must have for the detection to match, or
   * null when it may match whatever the field holds: a necessary condition, to skip rules early.
   */
  default Set<String> requiredValues(FieldPath field) {
    return null;
  }

  /**
   * Whether the detection can match only a record with a value at {@code field}: a necessary
   * condition, to skip rules early. False when it may match without one, or when unsure.
   */
  default boolean requiresValue(FieldPath field) {
    return false;
  }

  /** The fields the detection reads, in the order the rule names them; keywords read none. */
  Stream<FieldPath> fields();
}
