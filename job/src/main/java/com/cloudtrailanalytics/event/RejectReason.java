package com.cloudtrailanalytics.event;

import java.util.Locale;

/** Why input did not become an event. The lower-case name is what the rejects table stores. */
public enum RejectReason {
  DIGEST_FILE(Scope.SKIPPED_FILE),
  INSIGHT_FILE(Scope.SKIPPED_FILE),
  NOT_A_LOG_FILE(Scope.SKIPPED_FILE),
  /** A folder that discovery listed and CloudTrail's layout does not explain; not read. */
  UNKNOWN_FOLDER(Scope.SKIPPED_FILE),
  /** A file outside the day folders of CloudTrail's layout; not read. */
  MISPLACED_FILE(Scope.SKIPPED_FILE),
  EMPTY_FILE(Scope.SKIPPED_FILE),
  FILE_NOT_FOUND(Scope.REJECTED_FILE),
  /** Storage refused to give the file (403): a bucket policy or KMS key covers it. */
  ACCESS_DENIED(Scope.REJECTED_FILE),
  /** Reading kept failing after retries (throttling, server errors, timeouts). */
  READ_FAILED(Scope.REJECTED_FILE),
  CORRUPT_GZIP(Scope.REJECTED_FILE),
  TRUNCATED(Scope.REJECTED_FILE),
  NOT_A_JSON_OBJECT(Scope.REJECTED_FILE),
  NO_RECORDS_ARRAY(Scope.REJECTED_FILE),
  EMPTY_RECORDS_ARRAY(Scope.REJECTED_FILE),
  MALFORMED_JSON(Scope.REJECTED_FILE),
  RECORD_NOT_AN_OBJECT(Scope.REJECTED_RECORD),
  RECORD_TOO_LARGE(Scope.REJECTED_RECORD),
  INVALID_RECORD_JSON(Scope.REJECTED_RECORD),
  INVALID_UTF8(Scope.REJECTED_RECORD),
  MISSING_EVENT_TIME(Scope.REJECTED_RECORD),
  INVALID_EVENT_TIME(Scope.REJECTED_RECORD);

  /** What the reject stands for: a whole file left out, a file cut short, or one record. */
  public enum Scope {
    SKIPPED_FILE,
    REJECTED_FILE,
    REJECTED_RECORD;

    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private final Scope scope;

  RejectReason(Scope scope) {
    this.scope = scope;
  }

  public Scope scope() {
    return scope;
  }

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
