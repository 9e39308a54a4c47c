package com.cloudtrailanalytics.record;

/** A single CloudTrail record that cannot become an event. */
public final class RecordRejectedException extends Exception {

  private final RejectReason reason;

  public RecordRejectedException(RejectReason reason, String detail) {
    super(detail);
    this.reason = reason;
  }

  public RejectReason reason() {
    return reason;
  }
}
