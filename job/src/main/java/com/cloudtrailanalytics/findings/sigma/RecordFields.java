package com.cloudtrailanalytics.findings.sigma;

import java.util.List;
import java.util.function.Predicate;

/**
 * One CloudTrail record as Sigma rules see it, under CloudTrail's own JSON names ({@code
 * eventSource}, {@code userIdentity.sessionContext.sessionIssuer.type}, {@code
 * requestParameters.ipPermissions.items.ipRanges.items.cidrIp}, ...).
 */
public interface RecordFields {

  /**
   * The values at {@code path}: empty when the record has no such field. Arrays along the path are
   * flattened, so a path through arrays yields every leaf it reaches. Scalars come as text (numbers
   * and booleans in their JSON spelling); a JSON null is a null element.
   */
  List<String> values(FieldPath path);

  /** Whether some scalar value anywhere in the record, nulls aside, passes {@code test}. */
  boolean anyValue(Predicate<String> test);

  /** {@link #values(FieldPath)} for a dotted path given as text. */
  default List<String> values(String dottedPath) {
    return values(FieldPath.of(dottedPath));
  }
}
